import type { OrderView } from '../llm/port.js';
import { PRODUCT_KINDS } from '../nlu/lexicon-subjects.js';
import { normalizeForMatching, tokenize } from '../nlu/normalize.js';

const KIND_OF = new Map<string, number>(
  PRODUCT_KINDS.flatMap((words, kind) => words.map((word) => [normalizeForMatching(word), kind] as const)),
);
const ARABIC_PROCLITIC = /^(?:وال|بال|فال|ال|و)(?=\p{L}{3})/u;
/** "جوالي" is the customer's جوال, "سماعتي" their سماعه. */
const ARABIC_MINE = /(?:تي|ي)$/u;

function kindOf(word: string): number | undefined {
  const bare = word.replace(ARABIC_PROCLITIC, '');
  return (
    KIND_OF.get(bare) ??
    KIND_OF.get(bare.replace(ARABIC_MINE, (ending) => (ending === 'تي' ? 'ه' : ''))) ??
    KIND_OF.get(bare.replace(/s$/, ''))
  );
}

function kindsIn(text: string): Set<number> {
  const kinds = new Set<number>();
  for (const word of tokenize(text)) {
    const kind = kindOf(word);
    if (kind !== undefined) kinds.add(kind);
  }
  return kinds;
}

/** "where's my laptop?": the message names a kind of product. */
export function namesProduct(text: string): boolean {
  return kindsIn(text).size > 0;
}

/**
 * The customer's orders with a product of the kind the message names ("where's my laptop?",
 * "وين السماعة؟"): with several orders on their way, the product tells which one is meant.
 */
export function ordersNamingProduct(text: string, orders: readonly OrderView[]): OrderView[] {
  const named = kindsIn(text);
  if (named.size === 0) return [];
  return orders.filter((order) =>
    (order.items ?? []).some((item) => [...kindsIn(item.name)].some((kind) => named.has(kind))),
  );
}
