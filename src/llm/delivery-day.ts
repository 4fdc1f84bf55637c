import { pageTerms } from '../knowledge/analyze.js';
import { asksAnotherDeliveryDay } from '../nlu/classify.js';
import { isOpenOrder } from '../orders/order.js';
import type { Language } from './classification.js';
import type { KnowledgeSearchResult, RespondInput } from './port.js';

/** The section the pages give to moving a delivery, as a customer would ask for it. */
const MOVING_THE_DAY: Readonly<Record<Language, { query: string; heading: string }>> = {
  en: { query: 'change the delivery day', heading: 'delivery day' },
  ar: { query: 'تغيير موعد التوصيل', heading: 'موعد التوصيل' },
};

/**
 * "can it come earlier?", "why thursday?", "i wont be home thursday", "ممكن يوصل قبل الخميس؟" after
 * the card of an order still on its way: the card gave the day, and what the customer can do about
 * it is the section on changing the delivery day. That section, found by its heading, when the
 * pages have one; undefined otherwise, or for any other message.
 */
export async function movingTheDelivery(
  input: Pick<RespondInput, 'text' | 'language' | 'shownOrder' | 'tools'>,
): Promise<KnowledgeSearchResult['hits'][number] | undefined> {
  if (input.shownOrder === undefined || !isOpenOrder(input.shownOrder.status)) return undefined;
  if (!asksAnotherDeliveryDay(input.text)) return undefined;
  const { query, heading } = MOVING_THE_DAY[input.language];
  const result = await input.tools.searchKnowledge(query, input.language);
  const [best] = result.hits;
  if (best === undefined || !result.confident) return undefined;
  const headingTerms = new Set(pageTerms(best.heading));
  return pageTerms(heading).every((term) => headingTerms.has(term)) ? best : undefined;
}
