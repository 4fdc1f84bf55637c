import { namesProduct, ordersNamingProduct } from '../agent/named-product.js';
import { pageTerms, searchTerms, sectionHints } from '../knowledge/analyze.js';
import { isHypothetical, returnRequest } from '../nlu/framing.js';
import { ITEM_IN_HAND } from '../nlu/lexicon.js';
import { normalizeDigits } from '../nlu/normalize.js';
import { compileAll, findAll, prepare } from '../nlu/phrases.js';
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

/** What an order not shipped yet is asked with instead of a return: how it is cancelled. */
const CANCELLING: Readonly<Record<Language, string>> = { en: 'cancel order', ar: 'الغاء الطلب' };

/** Statuses past the warehouse; a delayed order may be on either side of it, a cancelled one on none. */
const SHIPPED = new Set(['shipped', 'out_for_delivery', 'delivered']);

type StageInput = Pick<RespondInput, 'text' | 'language' | 'classification' | 'shownOrder' | 'tools'>;

/** "how do I cancel 1002?": a number that may be one of the customer's orders. */
const ORDER_NUMBER = /(?<![\p{L}\p{N}])(?:[a-z]{1,4}[-_]?)?\d{4,12}(?![\p{L}\p{N}])/giu;

type OrderAskedAbout = { id: string; status: string };

/**
 * The order a question is about: one of the customer's own named by its number alone ("how do I
 * cancel 1002?", which names no order to the NLU), else the one shown, unless another is named,
 * else the only one of theirs with the product the question names ("can I return the earbuds?").
 */
async function orderAskedAbout(input: StageInput): Promise<OrderAskedAbout | undefined> {
  if (input.classification.entities.orderIds.length > 0) return undefined;
  const numbers = normalizeDigits(input.text).match(ORDER_NUMBER) ?? [];
  if (numbers.length === 0) return input.shownOrder ?? (await onlyOrderOfProductNamed(input));
  const own = await input.tools.customerOrders();
  if (!own.found) return undefined;
  const named = new Set(numbers.map((number) => number.toUpperCase()));
  return own.orders.find((order) => named.has(order.id.toUpperCase()));
}

async function onlyOrderOfProductNamed(input: StageInput): Promise<OrderAskedAbout | undefined> {
  if (!namesProduct(input.text)) return undefined;
  const own = await input.tools.customerOrders();
  const orders = own.found ? ordersNamingProduct(input.text, own.orders) : undefined;
  return orders?.length === 1 ? orders[0] : undefined;
}

interface StageWords {
  readonly order: OrderAskedAbout;
  readonly stage: string;
  readonly otherStage: string;
}

/** The order asked about, the stage word of its stage, and the one of the stage it is not at. */
async function stageWordsFor(input: StageInput): Promise<StageWords | undefined> {
  const order = await orderAskedAbout(input);
  if (order === undefined) return undefined;
  if (sectionHints(input.text).length > 0) return undefined;
  const words = STAGE_WORDS[input.language];
  if (SHIPPED.has(order.status)) return { order, stage: words.shipped, otherStage: words.notShipped };
  return order.status === 'processing'
    ? { order, stage: words.notShipped, otherStage: words.shipped }
    : undefined;
}

/** Whether a section's heading names the stage of a stage word ("After the order has shipped"). */
function headingNames(hit: KnowledgeSearchResult['hits'][number], stageWord: string): boolean {
  const headingTerms = new Set(pageTerms(hit.heading));
  // as the pages' words are stemmed: "before" is "befor" in "Cancelling before shipping"
  return sectionHints(stageWord)
    .flatMap(pageTerms)
    .every((term) => headingTerms.has(term));
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
  const instead = await cancellingInstead(input, words);
  if (instead !== undefined) return instead.result;
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

/**
 * "can I return the earbuds?" of an order still being prepared: nothing has come to send back; what
 * the customer can do is cancel it, which the section about orders not shipped yet says. That order
 * and the search that found the section, when the message asks to send back such an order (not to
 * exchange it: changing an order is an agent's); undefined otherwise.
 */
export async function cancellingInsteadOfReturn(
  input: StageInput,
): Promise<{ orderId: string; result: KnowledgeSearchResult } | undefined> {
  const words = await stageWordsFor(input);
  return words === undefined ? undefined : cancellingInstead(input, words);
}

const IN_HAND = compileAll(ITEM_IN_HAND);

/** Words that ask to send an item back, as the search reads them. */
const SENDING_BACK: ReadonlySet<string> = new Set(
  searchTerms('return returning send back ارجع ارجعه ارجعها رجع رجعه ارجاع استرجع ترجيع استرجاع'),
);

async function cancellingInstead(input: StageInput, words: StageWords) {
  if (words.stage !== STAGE_WORDS[input.language].notShipped) return undefined;
  const prepared = prepare(input.text);
  const asked = returnRequest(prepared);
  if (asked === undefined || !searchTerms(asked).some((term) => SENDING_BACK.has(term))) return undefined;
  // "i opened the earbuds but theyre fine, can i return them": these came, so they are not the
  // order being prepared
  if (findAll(prepared, IN_HAND).some((match) => !isHypothetical(prepared, match))) return undefined;
  const query = `${CANCELLING[input.language]} ${words.stage}`;
  const result = await input.tools.searchKnowledge(query, input.language);
  const [best] = result.hits;
  const found = result.confident && best !== undefined && headingNames(best, words.stage);
  return found ? { orderId: words.order.id, result } : undefined;
}
