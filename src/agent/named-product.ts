import type { OrderView } from '../llm/port.js';
import { MINE_AR } from '../nlu/lexicon-subjects.js';
import { tokenize } from '../nlu/normalize.js';
import { productKindOf, productKindOfMine } from '../nlu/products.js';

/**
 * "my laptop", "my new laptop", and in a question about an order "the laptop": the one the customer
 * ordered, one word between at most.
 */
const MINE_EN = new Set(['my', 'the']);
/** "اللابتوب حقي", "السماعة بتاعتي": the customer's own, said with a word after it. */
const MINE_AR_AFTER = new Set(MINE_AR.split('|'));
/** "وين اللابتوب؟", "متى يوصل اللابتوب؟": the one ordered, asked after. */
const WHERE_AR =
  /^(?:وين|فين|وينه|وينها|اين|متى|امتى|متي|امتي|يوصل|توصل|يوصلني|توصلني|يجي|تجي|ينشحن|تنشحن|يجيب|بيجيب|هيجيب|حيجيب)$/u;
/** "الكفرات وصلت ولا لسه؟", "اللابتوب انشحن؟": the one ordered, asked after with the verb behind. */
const ARRIVED_AR = /^(?:وصل|وصلت|وصلو|وصلوا|انشحن|انشحنت|اتشحن|اتشحنت|وين|فين|وينه|فينه)$/u;
const WHEN_AR = /^(?:متى|امتى|متي|امتي)$/u;
const SOON_DAY_AR = /^(?:اليوم|بكره|بكرا|الليله|السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس)$/u;
/** "اللابتوب اللي طلبته": the one the customer ordered, said with who ordered it. */
const WHICH_AR = /^(?:اللي|الي|يلي)$/u;
const ORDERED_IT_AR = /^(?:طلبته|طلبتها|طلبتهم|اشتريته|اشتريتها|شريته|شريتها)$/u;
const INVOICE_AR = /^(?:الفاتوره|فاتوره|فاتورتي|ايصال)$/u;
const OF_AR = /^(?:بتاعت|بتاع|حقت|حق|تبع|تبعت)$/u;
/** "ابي ارجع السماعة", "بدي رجّع السماعات": the one ordered, to be sent back. */
const RETURN_AR = /^(?:ارجع|رجع|ارجاع|استرجع|ابدل|استبدل|ارجعه)$/u;
const ARRIVES_AR = /^(?:يوصل|توصل|بيوصل|بتوصل|هيوصل|هتوصل|حيوصل|حتوصل|يجي|تجي|بيجي|هيجي|هتيجي|ينشحن|تنشحن)$/u;
/** "I ordered earbuds a week ago", "I ordered a laptop", "طلبت سماعات": the product ordered. */
const ORDERED = new Set(['ordered', 'bought', 'طلبت', 'اشتريت', 'شريت']);
const ARTICLES = new Set(['a', 'an']);
/** "طلب الجوال", "طلبية السماعة": the order of that product. */
const ORDER_OF_AR = /^(?:طلب|طلبي|طلبيه|طلبيتي|اوردر|اوردري)$/u;
/**
 * "my phone number", "my mobile app", "رقم جوالي": the product names something else; "the charger
 * warranty", "ضمان الشاحن", "سعر اللابتوب" ask the pages about that kind of product.
 */
const NOT_THE_PRODUCT_AFTER = new Set([
  'number',
  'no',
  'app',
  'account',
  'settings',
  'password',
  'list',
  'data',
  'warranty',
  'warranties',
  'guarantee',
  'price',
  'prices',
  'cost',
  'policy',
]);
const NOT_THE_PRODUCT_BEFORE = /^(?:رقم|برقم|لرقم|ورقم|ضمان|الضمان|وضمان|سعر|السعر|وسعر|بسعر|شحن)$/u;
/** "I ordered it from my work phone", "from my husband's phone": the phone ordered with, not ordered. */
const ORDERED_WITH = new Set(['from', 'using', 'via', 'through']);
/** "the code that just came to my phone", "the app on my phone": where something arrived or runs. */
const SENT = new Set(['came', 'comes', 'come', 'sent', 'send', 'arrived', 'arrives', 'texted', 'went']);
const RUNNING = new Set([
  'app',
  'application',
  'code',
  'otp',
  'sms',
  'message',
  'notification',
  'notifications',
]);
const sentTo = (words: readonly string[], at: number) =>
  [at - 2, at - 3].some(
    (before) =>
      (words[before] === 'to' && SENT.has(words[before - 1] ?? '')) ||
      (words[before] === 'on' && RUNNING.has(words[before - 1] ?? '')),
  );
const PHONE_DIGITS = /^[\d٠-٩]{7,}$/u;

/** "my phone is 0551234567", "جوالي 0551234567": the number of the phone, not the product. */
function isNumberOf(words: readonly string[], at: number): boolean {
  const next = words[at + 1] ?? '';
  return PHONE_DIGITS.test(next) || (['is', 'هو'].includes(next) && PHONE_DIGITS.test(words[at + 2] ?? ''));
}

/**
 * The kinds of product the customer calls theirs: "my laptop", "the laptop", "جوالي", "اللابتوب
 * حقي", "طلب السماعة". A product word in passing is not one ("I watch the tracking page", "صار لي
 * ساعة", "the mobile app"), except in the answer to "which order?", where any product named picks
 * one ("laptop", "the one with the earbuds", "الي فيه السماعات").
 */
function kindsOwned(text: string, picking = false): Set<number> {
  return new Set(ownedProductWords(text, picking).map((owned) => owned.kind));
}

/** The words of a message that name a product of the customer's (see kindsOwned), with its kind. */
function ownedProductWords(text: string, picking = false): { index: number; kind: number }[] {
  const words = tokenize(text);
  return words.flatMap((word, i) => {
    // "كم سعر اللابتوب اللي طلبته؟": the price of the one ordered is on its card
    const ordered = WHICH_AR.test(words[i + 1] ?? '') && ORDERED_IT_AR.test(words[i + 2] ?? '');
    const somethingElse =
      NOT_THE_PRODUCT_AFTER.has(words[i + 1] ?? '') ||
      NOT_THE_PRODUCT_BEFORE.test(words[i - 1] ?? '') ||
      isNumberOf(words, i) ||
      [words[i - 2], words[i - 3]].some((before) => ORDERED_WITH.has(before ?? '')) ||
      sentTo(words, i);
    if (somethingElse && !ordered) return [];
    const [before, after, further] = [words[i - 1] ?? '', words[i + 1] ?? '', words[i + 2] ?? ''];
    const mine =
      MINE_EN.has(before) ||
      MINE_EN.has(words[i - 2] ?? '') ||
      MINE_AR_AFTER.has(after) ||
      (word.startsWith('ال') &&
        (WHERE_AR.test(before) ||
          RETURN_AR.test(before) ||
          ARRIVED_AR.test(after) ||
          // "السماعات امتى هتوصل؟" (not "السماعات متى ينزل لها تحديث؟")
          (WHEN_AR.test(after) && ARRIVES_AR.test(further)) ||
          // "اللابتوب يوصل اليوم؟" (not "اللابتوب يوصل الرياض؟", asked before buying)
          (ARRIVES_AR.test(after) && SOON_DAY_AR.test(further)) ||
          ordered));
    const ofOrder =
      ORDER_OF_AR.test(before) ||
      ORDERED.has(before) ||
      (ARTICLES.has(before) && ORDERED.has(words[i - 2] ?? '')) ||
      // "فاتورة اللابتوب", "فاتورة للابتوب", "الفاتورة بتاعت اللابتوب": the invoice of the one bought
      INVOICE_AR.test(before) ||
      (OF_AR.test(before) && INVOICE_AR.test(words[i - 2] ?? ''));
    // "للابتوب" is ل + لابتوب
    const noun = word.startsWith('لل') ? word.slice(1) : word;
    const kind = mine || ofOrder || picking ? productKindOf(noun) : productKindOfMine(word);
    return kind === undefined ? [] : [{ index: i, kind }];
  });
}

/**
 * The kinds of product an item name is, each word of it counting: "Volta Book 14 laptop"; or, with
 * `headOnly`, the last one, what the item is ("Volta phone case" is a case, not a phone).
 */
function kindsIn(name: string, headOnly = false): Set<number> {
  const kinds: number[] = [];
  for (const word of tokenize(name)) {
    // "Volta phone case" is one of the "cases" asked after ("case" alone is no product: "my case")
    const kind = productKindOf(word) ?? productKindOf(`${word}s`);
    if (kind !== undefined) kinds.push(kind);
  }
  return new Set(headOnly ? kinds.slice(-1) : kinds);
}

/**
 * The message without the words that name a product of the customer's, or undefined when it names
 * none: "invoice for my laptop please" asks what the invoices' section says, which names no product,
 * while with "laptop" the search reads it as about laptops (the warranty's lengths). Not "in what
 * cases can I request a refund", where "cases" is no product.
 */
export function withoutProductWords(text: string): string | undefined {
  const owned = new Set(ownedProductWords(text).map((word) => word.index));
  if (owned.size === 0) return undefined;
  return tokenize(text)
    .filter((_, i) => !owned.has(i))
    .join(' ');
}

/** "where's my laptop?": the message names a product of the customer's. */
export function namesProduct(text: string, picking = false): boolean {
  return kindsOwned(text, picking).size > 0;
}

/**
 * The customer's orders with a product of the kind the message names ("where's my laptop?",
 * "وين سماعتي؟"): with several orders on their way, the product tells which one is meant. Undefined
 * when the message names no product; empty when none of the orders has the one it names. `picking`:
 * the message answers "which order?" (see kindsOwned).
 */
export function ordersNamingProduct(
  text: string,
  orders: readonly OrderView[],
  picking = false,
): OrderView[] | undefined {
  return ordersWithKind(text, orders, picking, false);
}

/**
 * The same for the handoff's facts, which point the agent at an order: only what an item is
 * counts, so "my phone gets very hot" is no phone-case order.
 */
export function ordersOfProductNamed(text: string, orders: readonly OrderView[]): OrderView[] {
  return ordersWithKind(text, orders, false, true) ?? [];
}

function ordersWithKind(
  text: string,
  orders: readonly OrderView[],
  picking: boolean,
  headOnly: boolean,
): OrderView[] | undefined {
  const named = kindsOwned(text, picking);
  if (named.size === 0) return undefined;
  return orders.filter((order) =>
    (order.items ?? []).some((item) => [...kindsIn(item.name, headOnly)].some((kind) => named.has(kind))),
  );
}
