import type { NeedsPersonKind, SensitiveTopic } from '../llm/classification.js';
import {
  asksAboutTerms,
  asksWhatIsDone,
  isAskedFor,
  isHypothetical,
  isNegated,
  isQuestion,
} from './framing.js';
import { NEEDS_PERSON, OFFER_QUESTION } from './lexicon-needs-person.js';
import { SENSITIVE, type TopicRules } from './lexicon-topics.js';
import { receivedOtherThanOrdered } from './mismatch.js';
import {
  compileAll,
  findAll,
  overlaps,
  type Phrase,
  type PhraseMatch,
  type PreparedText,
} from './phrases.js';

/**
 * Sensitive topics and requests that need a person, each with the customer's words as evidence.
 * The guards of lexicon-topics.ts keep questions about a topic ("what is your refund policy?")
 * apart from the topic itself ("I want a refund").
 */

interface CompiledRules {
  readonly guard: TopicRules['guard'];
  readonly mentions: readonly Phrase[];
  readonly requests: readonly Phrase[];
  readonly pursuits: readonly Phrase[];
  /** Present anywhere in the message, these mean the topic is something else. */
  readonly unless: readonly Phrase[];
  readonly excuses: readonly Phrase[];
  readonly inexcusable: readonly Phrase[];
}

function compileRules(rules: TopicRules): CompiledRules {
  return {
    guard: rules.guard,
    mentions: compileAll(rules.mentions),
    requests: compileAll(rules.requests ?? []),
    pursuits: compileAll(rules.pursuits ?? []),
    unless: compileAll(rules.unless ?? []),
    excuses: compileAll(rules.excuses ?? []),
    inexcusable: compileAll(rules.inexcusable ?? []),
  };
}

const SENSITIVE_ORDER = Object.keys(SENSITIVE) as SensitiveTopic[];
const SENSITIVE_RULES = Object.fromEntries(
  SENSITIVE_ORDER.map((topic) => [topic, compileRules(SENSITIVE[topic])]),
) as Record<SensitiveTopic, CompiledRules>;

const NEEDS_ORDER = Object.keys(NEEDS_PERSON) as NeedsPersonKind[];
const NEEDS_RULES = Object.fromEntries(
  NEEDS_ORDER.map((kind) => [kind, compileRules(NEEDS_PERSON[kind])]),
) as Record<NeedsPersonKind, CompiledRules>;

const OFFER = compileAll(OFFER_QUESTION);

export interface TopicContext {
  /** The message names an order id or an amount: it is about a specific case, not the policy. */
  readonly specific: boolean;
}

/** The word before is a "no" or "لا" that answers, not one that denies what follows. */
function answersNo(text: PreparedText, match: PhraseMatch): boolean {
  const before = text.tokens[match.start - 1]?.text;
  return before === 'no' || before === 'لا';
}

/**
 * "invoice?", "the invoice?", "فاتورة؟": the topic's word asked alone, as a question about it (not a
 * phrase that says it all, "ترجعون لي فلوسها؟", will you give me its money back?).
 */
function askedAlone(text: PreparedText, match: PhraseMatch): boolean {
  return /[?؟]\s*$/u.test(text.raw) && match.end - match.start === 1 && text.tokens.length <= 2;
}

function counts(
  text: PreparedText,
  rules: CompiledRules,
  match: PhraseMatch,
  context: TopicContext,
): boolean {
  switch (rules.guard) {
    case 'none':
      // "I won't sue", "I'm not going to sue anyone", "ما راح اعترض عند البنك"; a "no" answers
      // something before ("no refund, no reply, I'm going to sue", "لا، انخصم المبلغ مرتين")
      return !(isNegated(text, match) && !answersNo(text, match));
    case 'hypothetical':
      // "it's not faulty, I just don't need it", "مو خربان": no fault to report ("no, wrong one"
      // answers a question: its "no" denies nothing)
      return !isHypothetical(text, match) && !(isNegated(text, match) && !answersNo(text, match));
    case 'offer':
      return !isNegated(text, match) && findAll(text, OFFER).length === 0;
    case 'question':
      return (
        !isNegated(text, match) &&
        (isAskedFor(text, match) || context.specific || !(isQuestion(text) || askedAlone(text, match)))
      );
  }
}

/**
 * Requests count whatever else is said (but not under a condition); then `unless`; then pursuits and
 * mentions, but not a mention that overlaps an excuse. A denied request takes the words inside it
 * along: "I'm not filing a complaint" does not name a complaint.
 */
interface Detected {
  readonly match: PhraseMatch;
  /** A request or a pursuit: asked for in so many words, not only named. */
  readonly requested: boolean;
}

function detect(text: PreparedText, rules: CompiledRules, context: TopicContext): Detected | undefined {
  const requests = findAll(text, rules.requests);
  const denied = requests.filter((match) => isNegated(text, match));
  const request = requests.find(
    (match) =>
      !denied.includes(match) &&
      !asksWhatIsDone(text, match) &&
      (rules.guard !== 'hypothetical' || !isHypothetical(text, match)),
  );
  if (request) return { match: request, requested: true };
  if (findAll(text, rules.unless).length > 0) return undefined;
  const pursuit = findAll(text, rules.pursuits).find(
    (match) => !isNegated(text, match) && !asksAboutTerms(text, match),
  );
  if (pursuit) return { match: pursuit, requested: true };
  const excuses = findAll(text, rules.inexcusable).length > 0 ? [] : findAll(text, rules.excuses);
  const mention = findAll(text, rules.mentions).find(
    (match) =>
      !denied.some((denial) => overlaps(denial, match)) &&
      !excuses.some((excuse) => overlaps(excuse, match)) &&
      counts(text, rules, match, context),
  );
  return mention ? { match: mention, requested: false } : undefined;
}

export interface SensitiveHit {
  readonly topic: SensitiveTopic;
  readonly evidence: string;
}

export function detectSensitiveTopics(text: PreparedText, context: TopicContext): SensitiveHit[] {
  const hits = SENSITIVE_ORDER.flatMap((topic) => {
    const detected = detect(text, SENSITIVE_RULES[topic], context);
    return detected ? [{ topic, ...detected }] : [];
  });
  // "a message from 'Volta support' asking for my CVV to confirm the refund": the scammer's pretext
  // is no refund the customer is after, unless they ask for one
  const defrauded = hits.some((hit) => hit.topic === 'fraud');
  const pretext = (hit: (typeof hits)[number]) =>
    hit.topic === 'refund' && !hit.requested && !isAskedFor(text, hit.match);
  return hits
    .filter((hit) => !(defrauded && pretext(hit)))
    .map(({ topic, match }) => ({ topic, evidence: match.evidence }));
}

export interface NeedsPersonHit {
  readonly kind: NeedsPersonKind;
  readonly match: PhraseMatch;
}

/** The first kind that applies, in NEEDS_PERSON order (a malfunction before a broken item). */
export function detectNeedsPerson(text: PreparedText, context: TopicContext): NeedsPersonHit | undefined {
  for (const kind of NEEDS_ORDER) {
    const match =
      detect(text, NEEDS_RULES[kind], context)?.match ??
      (kind === 'item_problem' ? receivedOtherThanOrdered(text) : undefined);
    if (match) return { kind, match };
  }
  return undefined;
}
