import { pageTerms, sectionHints } from '../knowledge/analyze.js';
import { normalizeDigits } from '../nlu/normalize.js';
import type { Language } from './classification.js';
import type { KnowledgeSearchResult, RespondInput } from './port.js';

/**
 * Words the search reads as a stage and never as a topic (see `sectionHints`): "already" ranks the
 * sections about an order that has left the warehouse, "yet" the ones about an order that has not.
 */
const STAGE_WORDS: Readonly<Record<Language, { shipped: string; notShipped: string }>> = {
  en: { shipped: 'already', notShipped: 'yet' },
  ar: { shipped: 'خلاص', notShipped: 'لسه' },
};

/** Statuses past the warehouse; a delayed order may be on either side of it, a cancelled one on none. */
const SHIPPED = new Set(['shipped', 'out_for_delivery', 'delivered']);

type StageInput = Pick<RespondInput, 'text' | 'language' | 'classification' | 'shownOrder' | 'tools'>;

/** "how do I cancel 1002?": a number that may be one of the customer's orders. */
const ORDER_NUMBER = /(?<![\p{L}\p{N}])(?:[a-z]{1,4}[-_]?)?\d{4,12}(?![\p{L}\p{N}])/giu;

/**
 * The order a question is about: one of the customer's own named by its number alone ("how do I
 * cancel 1002?", which names no order to the NLU), else the one shown, unless another is named.
 */
async function orderAskedAbout(input: StageInput): Promise<{ status: string } | undefined> {
  if (input.classification.entities.orderIds.length > 0) return undefined;
  const numbers = normalizeDigits(input.text).match(ORDER_NUMBER) ?? [];
  if (numbers.length === 0) return input.shownOrder;
  const own = await input.tools.customerOrders();
  if (!own.found) return undefined;
  const named = new Set(numbers.map((number) => number.toUpperCase()));
  return own.orders.find((order) => named.has(order.id.toUpperCase()));
}

/** The stage word of the order asked about, and the one of the stage it is not at. */
async function stageWordsFor(input: StageInput): Promise<{ stage: string; otherStage: string } | undefined> {
  const order = await orderAskedAbout(input);
  if (order === undefined) return undefined;
  if (sectionHints(input.text).length > 0) return undefined;
  const words = STAGE_WORDS[input.language];
  if (SHIPPED.has(order.status)) return { stage: words.shipped, otherStage: words.notShipped };
  return order.status === 'processing' ? { stage: words.notShipped, otherStage: words.shipped } : undefined;
}

/** Whether a section's heading names the stage of a stage word ("After the order has shipped"). */
function headingNames(hit: KnowledgeSearchResult['hits'][number], stageWord: string): boolean {
  const headingTerms = new Set(pageTerms(hit.heading));
  return sectionHints(stageWord).every((term) => headingTerms.has(term));
}

/**
 * "can I still cancel it?" after a shipped order's card asks about that order: it gets "a shipped
 * order can no longer be cancelled", not the rule for orders still being prepared. The stage picks
 * a section only where the pages tell the stages apart in a heading ("After the order has
 * shipped"); elsewhere "after" would pull in any section that says it ("is there a warranty on
 * it?" is not about Volta Care+, bought "after delivery"). A section whose heading names the stage
 * the order is not at is left out. A customer's order named by its number alone ("how do I cancel
 * 1002?") is asked about the same way. Unchanged when the message names a stage itself, or an
 * order the NLU reads as one (the card answers it), or a number that is none of theirs.
 */
export async function searchWithOrderStage(input: StageInput): Promise<KnowledgeSearchResult> {
  const words = await stageWordsFor(input);
  const result = await input.tools.searchKnowledge(input.text, input.language);
  if (words === undefined) return result;
  const [best] = result.hits;
  const staged = await input.tools.searchKnowledge(`${input.text} ${words.stage}`, input.language);
  const [stagedBest] = staged.hits;
  // a section of the page the question is about: "can I return 1?" about a delivered order is
  // not answered from the cancellation page's section on shipped orders
  const samePage = best === undefined || stagedBest?.docId === best.docId;
  if (stagedBest !== undefined && samePage && headingNames(stagedBest, words.stage)) return staged;
  // "can I refuse it at the door?" about an order still being prepared: not the section about
  // shipped orders ("a shipped order can no longer be cancelled"), but the next one that answers
  if (best === undefined || !headingNames(best, words.otherStage)) return result;
  const hits = result.hits.filter((hit) => !headingNames(hit, words.otherStage));
  return { ...result, hits, confident: result.confident && (hits[0]?.ownTerms.length ?? 0) > 0 };
}
