import { sectionHints } from '../knowledge/analyze.js';
import type { Language } from './classification.js';
import type { RespondInput } from './port.js';

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

/**
 * "can I still cancel it?" after a shipped order's card asks about that order: its search carries
 * the order's stage, so the answer is "a shipped order can no longer be cancelled", not the rule
 * for orders still being prepared. Unchanged when the message names an order or a stage itself.
 */
export function searchedWithOrderStage(
  input: Pick<RespondInput, 'text' | 'language' | 'classification' | 'shownOrder'>,
): string {
  const order = input.shownOrder;
  if (order === undefined || input.classification.entities.orderIds.length > 0) return input.text;
  if (sectionHints(input.text).length > 0) return input.text;
  const words = STAGE_WORDS[input.language];
  const stage = SHIPPED.has(order.status)
    ? words.shipped
    : order.status === 'processing'
      ? words.notShipped
      : undefined;
  return stage === undefined ? input.text : `${input.text} ${stage}`;
}
