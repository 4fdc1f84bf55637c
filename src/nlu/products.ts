import { PRODUCT_KINDS } from './lexicon-subjects.js';
import { normalizeForMatching } from './normalize.js';

const KIND_OF = new Map<string, number>(
  PRODUCT_KINDS.flatMap((words, kind) => words.map((word) => [normalizeForMatching(word), kind] as const)),
);

/** An article or a conjunction written onto an Arabic noun: "الجوال", "والسماعات". */
export const ARABIC_PROCLITIC = /^(?:وال|بال|فال|ال|و)(?=\p{L}{3})/u;

/** The kind of product a word names (a row of PRODUCT_KINDS): "laptop", "TVs", "الجوال", "سماعات". */
export function productKindOf(word: string): number | undefined {
  const bare = word.replace(ARABIC_PROCLITIC, '');
  return KIND_OF.get(bare) ?? KIND_OF.get(bare.replace(/s$/, ''));
}

/** "جوالي" is the customer's جوال, "سماعتي" their سماعه. */
const ARABIC_MINE = /(?:تي|ي)$/u;

/** The kind of a product word with the possessive ending: "جوالي", "سماعتي" (سماعه's). */
export function productKindOfMine(word: string): number | undefined {
  if (!ARABIC_MINE.test(word)) return undefined;
  return KIND_OF.get(
    word.replace(ARABIC_PROCLITIC, '').replace(ARABIC_MINE, (end) => (end === 'تي' ? 'ه' : '')),
  );
}
