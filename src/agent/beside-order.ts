import { messageParts, searchTerms } from '../knowledge/analyze.js';
import { sameSection } from '../knowledge/knowledge-base.js';
import type { Language } from '../llm/classification.js';
import type { AgentTools, KnowledgeSearchResult } from '../llm/port.js';
import { answeringTheReturn } from '../llm/return-request.js';
import { classifyOffline } from '../nlu/classify.js';
import { withoutSlip } from '../nlu/entities.js';

type Section = KnowledgeSearchResult['hits'][number];

/** Beside the order card, a reply carries at most this many answers. */
const MAX_BESIDE = 2;

/**
 * "where is my order A3001? also how long do returns take?": the sections answering the message's
 * questions about the shop's policies, which the order card beside them does not. Each part is read
 * on its own, a request as well as a question ("also I need the invoice"), and only a policy
 * question the pages answer with confidence is answered.
 */
export async function policyQuestionsBesideOrder(
  text: string,
  language: Language,
  tools: AgentTools,
): Promise<{ sections: Section[]; left: number }> {
  const answers: Section[] = [];
  for (const part of messageParts(text)) {
    if (!asksPolicy(part, language)) continue;
    const result = await tools.searchKnowledge(part, language);
    const best = await answeringTheReturn(
      result.confident ? result.hits[0] : undefined,
      part,
      language,
      tools,
    );
    if (best === undefined) continue;
    if (answers.some((other) => sameSection(other, best))) continue;
    answers.push(best);
  }
  // more than fit are asked for again, not dropped without a word
  return { sections: answers.slice(0, MAX_BESIDE), left: Math.max(0, answers.length - MAX_BESIDE) };
}

/**
 * "where's my earbuds order and how long is the warranty": read whole, a policy question (beside a
 * policy word, the order words could ask about orders in general); read part by part, it also asks
 * after one of the customer's orders. The part that does, when another part asks about a policy.
 */
export function orderQuestionBesidePolicy(text: string, language: Language): string | undefined {
  const parts = messageParts(text);
  if (parts.length < 2) return undefined;
  // "my earbuds stopped working", "i ordered the wrong model" read as about an order too, and tell of
  // a problem with it rather than ask where it is
  const order = parts.find((part) => {
    const reading = read(part, language);
    return reading.intent === 'order_status' && !reading.needsPerson.needed;
  });
  if (order === undefined) return undefined;
  return parts.some((part) => part !== order && asksPolicy(part, language)) ? order : undefined;
}

const read = (text: string, language: Language) =>
  classifyOffline({ text, previousCustomerTexts: [], fallbackLanguage: language });

/**
 * Whether a part of the message asks about a policy; an order named in it ("can I get an invoice
 * for A3001?") is the card's, and read without it the rest asks for the invoice.
 */
function asksPolicy(part: string, language: Language): boolean {
  // "sorry wrong order, 1002" corrects the number: nothing to answer beside the card
  if (withoutSlip(part) !== part) return false;
  const { intent, entities } = read(part, language);
  const withoutOrders = entities.orderIds.reduce((rest, id) => rest.replaceAll(id, ' '), part);
  if (searchTerms(withoutOrders).every((term) => GIVING_A_NUMBER.has(term))) return false;
  if (intent === 'faq' || entities.orderIds.length === 0) return intent === 'faq';
  return read(withoutOrders, language).intent === 'faq';
}

/**
 * "my order number is 1002", "رقم طلبي 1001", "الرقم A3001": how a number is given. Without the
 * number these words would ask the pages about order numbers.
 */
const GIVING_A_NUMBER: ReadonlySet<string> = new Set(searchTerms('order number id رقم الطلب الاوردر'));
