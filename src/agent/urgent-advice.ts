import type { Classification, Language, SensitiveTopic } from '../llm/classification.js';
import { SWALLOWED } from '../nlu/lexicon-topics.js';
import { compileAll, findFirst, prepare } from '../nlu/phrases.js';
import { type MessageKey, say } from '../replies/messages.js';

type Raised = Classification['sensitiveTopics'][number];

/** The safety lexicon's words for a part swallowed or choked on, found in what the customer said. */
const SWALLOWED_PHRASES = compileAll(SWALLOWED);
const saysSwallowed = (evidence: string) => findFirst(prepare(evidence), SWALLOWED_PHRASES) !== undefined;

/**
 * Per topic: what the customer is told at once, and how the agent's packet records it. A topic's
 * first advice whose evidence test passes is the one given.
 */
const ADVICE: readonly {
  topic: SensitiveTopic;
  saidOf?: (evidence: string) => boolean;
  message: MessageKey;
  given: string;
}[] = [
  {
    topic: 'safety',
    saidOf: saysSwallowed,
    message: 'swallowedAdvice',
    given: 'sent the advice for a swallowed part (medical help now, call 911)',
  },
  {
    topic: 'safety',
    message: 'safetyAdvice',
    given: 'sent the safety advice (stop using it, unplug it, keep away)',
  },
  {
    topic: 'fraud',
    message: 'fraudAdvice',
    given: 'sent the fraud advice (share no codes, change the password, call the bank)',
  },
];

const adviceFor = (raised: readonly Raised[]) => {
  const advised = new Set<SensitiveTopic>();
  return ADVICE.filter((advice) => {
    if (advised.has(advice.topic)) return false;
    const evidence = raised.filter((hit) => hit.topic === advice.topic).map((hit) => hit.evidence);
    const applies =
      evidence.length > 0 &&
      (advice.saidOf === undefined || evidence.some((said) => advice.saidOf?.(said) === true));
    if (applies) advised.add(advice.topic);
    return applies;
  });
};

/**
 * What the customer should do before a person answers, which may be hours away: a device that burns
 * or swells is unplugged now, a swallowed part needs a doctor, a code asked for by a "support"
 * caller is not given.
 */
export function urgentAdvice(
  raised: readonly Raised[],
  language: Language,
  businessName: string,
): { kind: 'text'; text: string }[] {
  return adviceFor(raised).map((advice) => ({
    kind: 'text',
    text: say(advice.message, language, { business: businessName }),
  }));
}

/** The advice as the agent's packet records it: what the customer was already told to do. */
export function urgentAdviceGiven(raised: readonly Raised[]): string[] {
  return adviceFor(raised).map((advice) => advice.given);
}
