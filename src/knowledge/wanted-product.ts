import { hasArabic } from '../nlu/language.js';
import { PHONE_MAKERS } from '../nlu/lexicon-subjects.js';
import { normalizeForMatching } from '../nlu/normalize.js';
import { ARABIC_PROCLITIC, productKindOf } from '../nlu/products.js';

/** "I want to order" in Arabic, which also asks where to: "بدي اطلب لجدة". */
export const ORDERING_AR: ReadonlySet<string> = new Set(['اطلب', 'نطلب', 'بطلب', 'ابطلب', 'حطلب', 'هطلب']);
/** "I (will) buy": not the past, "اشتريت", which is an order already placed. */
export const BUYS_AR: ReadonlySet<string> = new Set([
  'اشتري',
  'نشتري',
  'بشتري',
  'ابشتري',
  'حشتري',
  'هشتري',
  'لاشتري',
]);
/** شراء is buying as a noun: "اريد شراء لابتوب" (not after بعد, "after buying it"). */
const BUYING = new Set([
  'شراء',
  'buy',
  'buying',
  'order',
  'ordering',
  'purchase',
  'purchasing',
  ...ORDERING_AR,
  ...BUYS_AR,
]);

/**
 * "order" is the verb after these ("I want to order", "can you order", "how do I order"); after
 * "my", "the" or "your" it is an order already placed ("my order the laptop is late"), unless it
 * is "an order for a laptop".
 */
const ORDER_NOUN_OR_VERB = new Set(['order', 'ordering']);
const ORDERS_IT = new Set([
  'to',
  'i',
  'we',
  'you',
  'u',
  'can',
  'could',
  'please',
  'pls',
  'plz',
  'wanna',
  'id',
  'im',
  'am',
]);

/** "if I buy earbuds, can I return them after opening?" asks what happens after buying them. */
const CONDITIONS = new Set(['if', 'when', 'once', 'after', 'اذا', 'لو', 'لما', 'بعد', 'قبل']);

/**
 * Words that end the product's name before a product was named: a condition of the product ("a
 * used phone", the refurbished section's), a pronoun, or a preposition ("buy with Tabby", "order
 * from another phone", "extra protection for my laptop").
 */
const NOT_ITS_NAME = new Set([
  'used',
  'refurbished',
  'renewed',
  'old',
  'second',
  'secondhand',
  'open',
  'opened',
  'display',
  'gift',
  // what was named before: "can I still buy it, my laptop came last week" (Volta Care+)
  'it',
  'them',
  'this',
  'that',
  'one',
  'for',
  'with',
  'to',
  'from',
  'in',
  'on',
  'by',
  'via',
  'through',
  'using',
  'and',
  'or',
  'but',
  'if',
  'مستعمل',
  'مستخدم',
  'مجدد',
  'قديم',
  'من',
  'في',
  'مع',
  'علي',
  'الي',
  'عشان',
  'بس',
]);
/** How far after the verb the product may be named: "order me the Volta X2 earbuds". */
const NAME_WORDS = 5;
/** Model words after the product: "iPhone 16 Pro Max", "MacBook Air M3", "TV 55 inch", "جوال جديد". */
const MODEL = new Set([
  'pro',
  'max',
  'plus',
  'mini',
  'ultra',
  'lite',
  'air',
  'series',
  'inch',
  'inches',
  'gb',
  'tb',
  'برو',
  'ماكس',
  'بلس',
  'ميني',
  'جديد',
  'جديده',
  'انش',
  'بوصه',
]);
/** "iPhone 16 Pro", "2 phone cases": a model word, a number, or another product word. */
const isModel = (token: string) => MODEL.has(token) || /\d/.test(token) || isProductWord(token);

/** Whom it is for: "a laptop for my son", "جوال لزوجتي". */
const WHOSE = new Set(['my', 'his', 'her', 'our']);
const PEOPLE = new Set([
  'son',
  'daughter',
  'wife',
  'husband',
  'mom',
  'mum',
  'mother',
  'dad',
  'father',
  'brother',
  'sister',
  'kid',
  'kids',
  'child',
  'children',
  'friend',
  'boss',
]);
const FOR_SOMEONE_AR = /^ل(?:زوجتي|زوجي|ابني|بنتي|ولدي|امي|ابوي|ابويا|اخوي|اخويا|اختي|عيالي|اولادي|صاحبي)$/u;

/** A price asked: the product is what is priced, "كم سعر الايفون؟" (see the stock section). */
const PRICE_WORDS = new Set([
  'price',
  'prices',
  'cost',
  'costs',
  'سعر',
  'سعره',
  'سعرها',
  'بكم',
  'بكام',
  'قديش',
  'كم',
  'كام',
]);
const asksPrice = (tokens: readonly string[]) =>
  tokens.some((token, at) => PRICE_WORDS.has(token) || (token === 'much' && tokens[at - 1] === 'how'));

/** "i wanna by a phone": "buy" written as "by", which after these is no preposition. */
const WANTING = new Set(['wanna', 'gonna']);
const WANTING_TO = new Set(['want', 'wants', 'wanted', 'need', 'like', 'love', 'going', 'planning']);
export const isBuyMisspelt = (tokens: readonly string[], at: number) =>
  tokens[at] === 'by' &&
  (WANTING.has(tokens[at - 1] ?? '') || (tokens[at - 1] === 'to' && WANTING_TO.has(tokens[at - 2] ?? '')));

/** Whether a word names a kind of product: "laptop", "TVs", "الجوال", "سماعات". */
export function isProductWord(token: string): boolean {
  return productKindOf(token) !== undefined;
}

/**
 * "I want to buy a laptop", "can you order me a phone?", "ابي اطلب لابتوب", "بدي اشتري تلفزيون
 * جديد": the question is how to buy, and the product is no topic of its own. Searched with it,
 * the laptop found the trade-in section ("old laptop"), the phone the orders placed from someone
 * else's phone, the TV the warranty length. These are the positions of the words that name it,
 * and whom it is for. Not a used or old one, not what a price is asked of, and not "if I buy…".
 */
export function wantedProduct(tokens: readonly string[]): ReadonlySet<number> {
  const wanted = new Set<number>();
  if (asksPrice(tokens)) return wanted;
  for (const [at, token] of tokens.entries()) {
    if (!BUYING.has(token) && !isBuyMisspelt(tokens, at)) continue;
    if (tokens.slice(Math.max(0, at - 2), at).some((word) => CONDITIONS.has(word))) continue;
    let from = at + 1;
    if (ORDER_NOUN_OR_VERB.has(token) && !ORDERS_IT.has(tokens[at - 1] ?? '')) {
      // "I want to place an order for a laptop"
      if (tokens[at + 1] !== 'for') continue;
      from = at + 2;
    }
    const named = productNamed(tokens, from);
    if (named === undefined) continue;
    for (let i = from; i < named; i++) wanted.add(i);
    for (const i of forSomeone(tokens, named)) wanted.add(i);
  }
  return wanted;
}

/** "buy another pair", "order one more": the same again, whatever it is. */
const AGAIN = new Set(['another']);
const STAND_INS = new Set(['pair', 'one', 'set', 'piece', 'unit']);

/** Where the product's name that begins at `from` ends (exclusive), if one is named there. */
function productNamed(tokens: readonly string[], from: number): number | undefined {
  for (let at = from; at < Math.min(tokens.length, from + NAME_WORDS); at++) {
    const token = tokens[at] ?? '';
    const next = tokens[at + 1] ?? '';
    if ((AGAIN.has(token) && STAND_INS.has(next)) || (STAND_INS.has(token) && next === 'more')) return at + 2;
    if (isProductWord(token)) {
      let end = at + 1;
      while (end < tokens.length && isModel(tokens[end] ?? '')) end++;
      return end;
    }
    if (NOT_ITS_NAME.has(token)) return undefined;
  }
  return undefined;
}

function forSomeone(tokens: readonly string[], at: number): number[] {
  if (FOR_SOMEONE_AR.test(tokens[at] ?? '')) return [at];
  if (tokens[at] === 'for' && WHOSE.has(tokens[at + 1] ?? '') && PEOPLE.has(tokens[at + 2] ?? '')) {
    return [at, at + 1, at + 2];
  }
  return [];
}

/**
 * Asking what to choose: "can you recommend a laptop?", "انصحني بجوال", "iPhone 15 vs 16". Not "the
 * difference": "الفرق بين الجديد والمجدد" asks about the pages' refurbished products.
 */
const ADVISING: ReadonlySet<string> = new Set(
  [
    'recommend',
    'recommended',
    'recommendation',
    'recommendations',
    'suggest',
    'suggestion',
    'suggestions',
    'advise',
    'advice',
    // "help me choose a laptop"
    'choose',
    'choosing',
    'تنصحني',
    'انصحني',
    'تنصحوني',
    'تنصحون',
    'تنصح',
    'تقترح',
    'تقترحون',
    'اقترح',
    'نصيحه',
    'نصيحتك',
    'compare',
    'vs',
    'versus',
    'قارن',
  ].map(normalizeForMatching),
);
/** "which phone…", "وش جوال…": a product picked among others. */
const WHICH = new Set(['which', 'what', 'wat', 'wht', 'وش', 'ايش', 'اي', 'انهي']);
const BEST = new Set(['best', 'better', 'good', 'افضل', 'احسن', 'اقوي', 'زين']);
/**
 * Before "best", "good": the product is picked ("what's the best phone", "a good laptop", "وش
 * افضل جوال"), not praised ("my good laptop broke", "good phone, but does it come with…").
 */
const PICKING = new Set(['a', 'an', 'the', 'whats', 'wats', 'your', 'ur', ...WHICH, 'شو']);
const EITHER = new Set(['or', 'ولا', 'او', 'والا']);
/** The customer's own: "my phone", "recommend a fix for my laptop". */
const OWN = new Set(['my', 'our']);
/** "which is better, iphone or samsung?": a maker names one of the phones chosen from. */
const PHONE_MAKER: ReadonlySet<string> = new Set(
  PHONE_MAKERS.flatMap((maker) => [maker, `ال${maker}`]).map(normalizeForMatching),
);
/** A product or its maker, also after ب: "بلابتوب" (with a laptop). */
export const namesProduct = (token: string) =>
  isProductWord(token) || PHONE_MAKER.has(token) || isProductWord(token.replace(/^ب(?=\p{L}{3})/u, ''));
/** "…should I buy/get/choose", "…اشتري/اخذ/اختار". */
const CHOOSING = new Set(['buy', 'get', 'choose', 'pick', 'اخذ', 'اختار', 'ناخذ', ...BUYS_AR]);

/**
 * "what phone should I buy?", "which laptop do you recommend?", "وش افضل جوال عندكم؟": advice on
 * which product to buy. The product is no topic of the pages (searched with it, the phone found
 * the orders placed from someone else's phone); the help choosing one is.
 */
export function asksForAdvice(tokens: readonly string[]): boolean {
  const products = tokens.flatMap((token, at) =>
    namesProduct(token) && !OWN.has(tokens[at - 1] ?? '') ? [at] : [],
  );
  if (products.length === 0) return false;
  if (tokens.some((token) => ADVISING.has(token))) return true;
  // "which is better, the iPhone or the Galaxy?", "ايهم احسن الايفون ولا الجالكسي؟"
  const either = tokens.some((token) => EITHER.has(token));
  if (either && products.length > 1 && tokens.some((token) => BEST.has(token))) return true;
  return products.some((at) => {
    if (picksTheBest(tokens, at)) return true;
    // "which one of the phones should I get": the question word a few words before
    const asked = tokens.slice(Math.max(0, at - 4), at).some((word) => WHICH.has(word));
    return asked && tokens.slice(at + 1, at + 1 + NAME_WORDS).some((word) => CHOOSING.has(word));
  });
}

/**
 * "the best phone", "وش افضل جوال", "افضل جوال عندكم", "good phone for gaming?", and in Arabic
 * after it: "جوال زين".
 */
function picksTheBest(tokens: readonly string[], at: number): boolean {
  const before = tokens[at - 1] ?? '';
  const first = at === 1 && (hasArabic(before) || isPurpose(tokens[at + 1] ?? ''));
  if (BEST.has(before) && (PICKING.has(tokens[at - 2] ?? '') || first)) return true;
  const after = tokens[at + 1] ?? '';
  return BEST.has(after) && hasArabic(after);
}

/** What it is for: "…for university", "…للدراسة", "…عشان الالعاب". */
const PURPOSE = new Set(['for', 'عشان', 'علشان', 'حق']);
const isPurpose = (token: string) => PURPOSE.has(token) || /^لل\S{2}/u.test(token);
/** "for my son's university", not "…for iphone 15 in stock?", whose stock is asked about. */
const PURPOSE_WORDS = 3;
const joinsAnother = (token: string) => token === 'and' || /^و\p{L}{3}/u.test(token);

/**
 * The positions of the products an advice question names (see `asksForAdvice`), and of what the
 * product is for: which laptop suits university is the advice a person gives, no word of the pages.
 */
export function productsToChooseFrom(tokens: readonly string[]): ReadonlySet<number> {
  if (!asksForAdvice(tokens)) return new Set();
  const named = new Set<number>();
  for (const [at, token] of tokens.entries()) {
    if (isPurpose(token) && tokens.slice(0, at).some(namesProduct)) {
      const end = Math.min(tokens.length, at + PURPOSE_WORDS);
      // "…للطالبات ويوصل الرياض بكرة": what follows "and" is another question
      for (let rest = at; rest < end && (rest === at || !joinsAnother(tokens[rest] ?? '')); rest++) {
        named.add(rest);
      }
    }
    if (!namesProduct(token)) continue;
    named.add(at);
    // "the best TV" is no more than "a TV" to the pages
    if (BEST.has(tokens[at - 1] ?? '')) named.add(at - 1);
    let end = at + 1;
    for (; end < tokens.length && isModel(tokens[end] ?? ''); end++) named.add(end);
    if (BEST.has(tokens[end] ?? '')) named.add(end);
  }
  return named;
}

/**
 * What goes with a device, and the box it comes in: "does the phone come with a charger?" asks
 * about the charger, "what comes in the box with the tv?" about the box.
 */
const WITH_A_DEVICE: ReadonlySet<string> = new Set(
  [
    'charger',
    'chargers',
    'adapter',
    'cable',
    'cables',
    'box',
    'included',
    'شاحن',
    'شواحن',
    'كيبل',
    'سلك',
    'علبه',
    'كرتون',
    'كرتونه',
  ].map(normalizeForMatching),
);
const comesWithADevice = (token: string) =>
  WITH_A_DEVICE.has(token) || WITH_A_DEVICE.has(token.replace(ARABIC_PROCLITIC, ''));

/** "does the laptop come with a mouse?", "الجوال يجي معه سماعة؟": what comes with it is asked. */
const COMES = new Set(['come', 'comes', 'coming', 'يجي', 'ياتي', 'تجي', 'جاي']);
const comesWith = (token: string, at: number, tokens: readonly string[]) =>
  COMES.has(token) && /^(?:with|مع\S*)$/.test(tokens[at + 1] ?? '');

/**
 * The devices named beside an accessory or their box ("does the phone come with a charger?", "فيه
 * شاحن مع الجوال؟", "laptop charger price", "does the tv come with a wall mount in the box?"): they
 * say which, and the question is about what comes with them. Searched with them, the device's
 * warranty length answered.
 */
export function devicesBesideAnAccessory(tokens: readonly string[]): ReadonlySet<number> {
  if (!tokens.some(comesWithADevice) && !tokens.some(comesWith)) return new Set();
  return new Set(
    tokens.flatMap((token, at) => (isProductWord(token) && !comesWithADevice(token) ? [at] : [])),
  );
}
