import type { OrderView } from '../llm/port.js';
import { tokenize } from '../nlu/normalize.js';
import { isOpenOrder } from '../orders/order.js';

/**
 * The answer to "which order?" after the list of the customer's orders, when it names no number:
 * "the first one", "الثاني", "el awal", "the one that shipped", "اللي قيد التجهيز", "the case"; and
 * the correction after a card: "no, I meant the case".
 */

/** Positions in the list, as customers write them (Arabizi too). */
const ORDINALS: Readonly<Record<string, number>> = {
  first: 0,
  '1st': 0,
  second: 1,
  '2nd': 1,
  third: 2,
  '3rd': 2,
  fourth: 3,
  '4th': 3,
  fifth: 4,
  '5th': 4,
  اول: 0,
  الاول: 0,
  // as the normaliser writes الأولى
  الاولي: 0,
  اولي: 0,
  awal: 0,
  awwal: 0,
  ثاني: 1,
  الثاني: 1,
  الثانيه: 1,
  ثانيه: 1,
  tani: 1,
  thani: 1,
  ثالث: 2,
  الثالث: 2,
  الثالثه: 2,
  talet: 2,
  thalith: 2,
  رابع: 3,
  الرابع: 3,
  الرابعه: 3,
  // "number 2", "رقم ٢": a place, once "number" is set aside
  ...Object.fromEntries(['1', '2', '3', '4', '5'].map((digit, at) => [digit, at])),
};

/** "the last one", "الاخير": the bottom of the list. */
const LAST = new Set(['last', 'bottom', 'الاخير', 'الاخيره', 'اخر', 'akher', 'akhir']);

/** The words of a status, picking the order that has it: "the shipped one", "اللي انشحن". */
const STATUS_WORDS: Readonly<Record<string, readonly string[]>> = {
  shipped: ['shipped', 'dispatched', 'انشحن', 'انشحنت', 'مشحون', 'اتشحن'],
  // the Egyptian "ما اتشحنش" carries its own "not"
  processing: [
    'processing',
    'prepared',
    'preparing',
    'pending',
    'تجهيز',
    'التجهيز',
    'يتجهز',
    'اتشحنش',
    'انشحنش',
  ],
  delivered: ['delivered', 'arrived', 'received', 'وصل', 'وصلت', 'وصلني', 'استلمته', 'استلمتها', 'توصيله'],
  out_for_delivery: ['out'],
};

const STATUS_OF = new Map(
  Object.entries(STATUS_WORDS).flatMap(([status, words]) => words.map((word) => [word, status] as const)),
);

/** "the one that didn't ship": the words after a negation name the opposite. */
const NEGATIONS = new Set('not didnt hasnt havent isnt ma ما لم مو مش لسا لسه'.split(' '));

/** What else a pick by status says: "why hasn't it shipped yet?", "طيب ليش لسا ما انشحن؟". */
const STATUS_ASIDE = new Set(['why', 'yet', 'still', 'ليش', 'ليه', 'طيب', 'للحين', 'بعد', 'lesh', 'leh']);

/** What else a pick says: "the first one please", "i mean the second order", "قصدي الطلب الثاني". */
const FILLER = new Set(
  [
    'the one order i its it is that thats which please pls plz yes ok oh sorry number with has was been already just a an',
    'الطلب طلب الطلبيه رقم يعني اللي الي لو سمحت هذا هو',
    'el al talab elly ely illi',
  ]
    .join(' ')
    .split(' '),
);

/** Item-name words that tell no order from another. */
const NOT_DISTINCTIVE = new Set(['volta', 'x1', 'x2', 'pro', 'max', 'mini', 'new']);

/** A pick is a few words: a longer message is a question of its own. */
const MOST_WORDS = 6;

/** "no, the case", "مو هذا، السماعات": a correction opens with a no. */
const CORRECTION_OPENERS = new Set(['no', 'nope', 'not', 'la', 'mo', 'mu', 'لا', 'مو', 'مش', 'مب']);
/** "I meant the case", "قصدي السماعات": or says what was meant. */
const MEANT = new Set(['meant', 'mean', 'قصدي', 'اقصد', 'qasdi', '2asdi']);
const CORRECTING = new Set([...CORRECTION_OPENERS, ...MEANT]);

/** "no, I meant the case", "مو هذا، قصدي السماعات": the order shown was not the one meant. */
export function correctsTheOrder(text: string): boolean {
  const words = tokenize(text);
  return CORRECTION_OPENERS.has(words[0] ?? '') || words.some((word) => MEANT.has(word));
}

/**
 * The one of `orders` a short reply picks, or undefined. `inList`: the orders were just listed, so a
 * position ("the second one") picks too.
 */
export function pickFromList(
  text: string,
  orders: readonly OrderView[],
  { inList }: { inList: boolean },
): OrderView | undefined {
  const words = tokenize(text);
  if (words.length === 0 || words.length > MOST_WORDS) return undefined;
  const meaningful = words.filter((word) => !FILLER.has(word) && !CORRECTING.has(word));
  return (
    (inList ? byPosition(meaningful, orders) : undefined) ??
    byStatus(words, orders) ??
    byItemWord(meaningful, orders)
  );
}

/** "the second one": nothing but the position. */
function byPosition(words: readonly string[], orders: readonly OrderView[]): OrderView | undefined {
  const [said, ...more] = words;
  if (said === undefined || more.length > 0) return undefined;
  // "والثانية؟" after the first: "and the second"
  const only = ORDINALS[said] === undefined && said.startsWith('و') ? said.slice(1) : said;
  const position = LAST.has(only) ? orders.length - 1 : ORDINALS[only];
  return position === undefined ? undefined : orders[position];
}

/**
 * "the one that shipped": the one order with that status; "the one that hasn't shipped" the one
 * being prepared, "the one that didn't arrive" the one still open.
 */
function byStatus(words: readonly string[], orders: readonly OrderView[]): OrderView | undefined {
  // "ينفع الغي الطلب بعد ما انشحن؟" asks something of its own
  const aside = (word: string) =>
    NEGATIONS.has(word) || STATUS_ASIDE.has(word) || FILLER.has(word) || CORRECTING.has(word);
  if (!words.every((word) => STATUS_OF.has(word) || aside(word))) return undefined;
  const at = words.findIndex((word) => STATUS_OF.has(word));
  const status = STATUS_OF.get(words[at] ?? '');
  if (status === undefined) return undefined;
  const negated = words.slice(Math.max(0, at - 2), at).some((before) => NEGATIONS.has(before));
  // nobody picks "the one not being prepared": "still" and "not yet" beside it say it is
  const has = (order: OrderView) =>
    !negated || status === 'processing'
      ? order.status === status
      : status === 'shipped'
        ? order.status === 'processing'
        : status === 'delivered' && isOpenOrder(order.status);
  const matching = orders.filter(has);
  return matching.length === 1 ? matching[0] : undefined;
}

/** "the case", "the book": a word of one order's item names and of no other's. */
function byItemWord(words: readonly string[], orders: readonly OrderView[]): OrderView | undefined {
  const [only, ...more] = words;
  if (only === undefined || more.length > 0 || only.length < 3 || NOT_DISTINCTIVE.has(only)) return undefined;
  const matching = orders.filter((order) =>
    (order.items ?? []).some((item) =>
      tokenize(item.name).some((word) => word === only || `${word}s` === only),
    ),
  );
  return matching.length === 1 ? matching[0] : undefined;
}
