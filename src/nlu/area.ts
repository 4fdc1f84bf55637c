import type { Area, NeedsPersonKind, SensitiveTopic } from '../llm/classification.js';
import { AREA_BILLING, AREA_ORDERS, AREA_TECHNICAL } from './lexicon-subjects.js';
import { SUBSCRIPTION } from './lexicon-topics.js';
import { compileAll, findAll, overlaps, type PreparedText } from './phrases.js';

/**
 * The business area, which the policy turns into a queue (DESIGN.md, routing): what the customer
 * needs done decides first, the vocabulary of the message only when nothing more specific is known.
 */

const KEYWORDS = {
  billing: compileAll(AREA_BILLING),
  orders: compileAll(AREA_ORDERS),
  technical: compileAll(AREA_TECHNICAL),
} as const;
const SUBSCRIPTION_WORDS = compileAll(SUBSCRIPTION);
/** Area words in phrases that are about something else: "whoever is in charge" is no money. */
const NOT_AREA_WORDS = compileAll(['in charge']);
/** Money topics go to billing whatever else the message is about. */
const MONEY_TOPICS: readonly SensitiveTopic[] = ['refund', 'charge', 'billing', 'fraud'];

/** The area with the most keywords; ties go to billing, then orders, then technical. */
function byKeywords(text: PreparedText): Area | undefined {
  let best: Area | undefined;
  let bestCount = 0;
  const elsewhere = findAll(text, NOT_AREA_WORDS);
  for (const area of ['billing', 'orders', 'technical'] as const) {
    const count = findAll(text, KEYWORDS[area]).filter(
      (word) => !elsewhere.some((phrase) => overlaps(phrase, word)),
    ).length;
    if (count > bestCount) {
      best = area;
      bestCount = count;
    }
  }
  return best;
}

export interface AreaInput {
  readonly text: PreparedText;
  readonly topics: readonly SensitiveTopic[];
  readonly needsPerson?: NeedsPersonKind;
  readonly aboutOrderStatus: boolean;
}

export function decideArea({ text, topics, needsPerson, aboutOrderStatus }: AreaInput): Area {
  if (topics.some((topic) => MONEY_TOPICS.includes(topic))) return 'billing';
  if (topics.includes('cancellation')) {
    return findAll(text, SUBSCRIPTION_WORDS).length > 0 ? 'billing' : 'orders';
  }
  if (needsPerson === 'malfunction') {
    // "the app crashes when I pay" is technical; "my card payment keeps failing" is billing.
    return findAll(text, KEYWORDS.technical).length > 0 ? 'technical' : (byKeywords(text) ?? 'technical');
  }
  if (needsPerson === 'item_problem' || needsPerson === 'order_change' || aboutOrderStatus) return 'orders';
  // A price match or a bulk quote asks for a decision, not about money already paid.
  if (needsPerson === 'exception') return 'general';
  return byKeywords(text) ?? 'general';
}
