import { searchTerms, sectionHints } from '../knowledge/analyze.js';
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

function stageWordFor(input: StageInput): string | undefined {
  const order = input.shownOrder;
  if (order === undefined || input.classification.entities.orderIds.length > 0) return undefined;
  if (sectionHints(input.text).length > 0) return undefined;
  const words = STAGE_WORDS[input.language];
  if (SHIPPED.has(order.status)) return words.shipped;
  return order.status === 'processing' ? words.notShipped : undefined;
}

/**
 * "can I still cancel it?" after a shipped order's card asks about that order: it gets "a shipped
 * order can no longer be cancelled", not the rule for orders still being prepared. The stage picks
 * a section only where the pages tell the stages apart in a heading ("After the order has
 * shipped"); elsewhere "after" would pull in any section that says it ("is there a warranty on
 * it?" is not about Volta Care+, bought "after delivery"). Unchanged when the message names an
 * order or a stage itself.
 */
export async function searchWithOrderStage(input: StageInput): Promise<KnowledgeSearchResult> {
  const stage = stageWordFor(input);
  if (stage !== undefined) {
    const staged = await input.tools.searchKnowledge(`${input.text} ${stage}`, input.language);
    const [best] = staged.hits;
    const stageTerms = sectionHints(stage);
    const headingTerms = new Set(best === undefined ? [] : searchTerms(best.heading));
    if (stageTerms.every((term) => headingTerms.has(term))) return staged;
  }
  return input.tools.searchKnowledge(input.text, input.language);
}
