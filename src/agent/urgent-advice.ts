import type { Language, SensitiveTopic } from '../llm/classification.js';
import { type MessageKey, say } from '../replies/messages.js';

/** Per topic: what the customer is told at once, and how the agent's packet records it. */
const ADVICE: readonly { topic: SensitiveTopic; message: MessageKey; given: string }[] = [
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

const adviceFor = (topics: Iterable<SensitiveTopic>) => {
  const raised = new Set(topics);
  return ADVICE.filter((advice) => raised.has(advice.topic));
};

/**
 * What the customer should do before a person answers, which may be hours away: a device that burns
 * or swells is unplugged now, a code asked for by a "support" caller is not given.
 */
export function urgentAdvice(
  topics: Iterable<SensitiveTopic>,
  language: Language,
  businessName: string,
): { kind: 'text'; text: string }[] {
  return adviceFor(topics).map((advice) => ({
    kind: 'text',
    text: say(advice.message, language, { business: businessName }),
  }));
}

/** The advice as the agent's packet records it: what the customer was already told to do. */
export function urgentAdviceGiven(topics: Iterable<SensitiveTopic>): string[] {
  return adviceFor(topics).map((advice) => advice.given);
}
