import { hasArabic } from './language.js';
import { normalizeArabic } from './normalize.js';
import { ENGLISH_FOR_PLACE } from './places.js';

/**
 * Gulf customers write support words in English inside Arabic sentences: "وين الorder حقي", "كم
 * الshipping للرياض", "ابي refund". The Arabic rules and the Arabic pages know these words only in
 * Arabic, so each common one has its Arabic word here (normalised as `normalizeArabic` leaves it).
 */
const ARABIC_FOR: Readonly<Record<string, string>> = {
  order: 'طلب',
  orders: 'طلبات',
  delivery: 'توصيل',
  shipping: 'شحن',
  shipment: 'شحنه',
  package: 'شحنه',
  parcel: 'شحنه',
  tracking: 'تتبع',
  track: 'تتبع',
  courier: 'مندوب',
  driver: 'مندوب',
  express: 'سريع',
  address: 'عنوان',
  refund: 'استرداد',
  return: 'ارجاع',
  exchange: 'استبدال',
  cancel: 'الغاء',
  cancellation: 'الغاء',
  warranty: 'ضمان',
  guarantee: 'ضمان',
  invoice: 'فاتوره',
  bill: 'فاتوره',
  payment: 'دفع',
  card: 'بطاقه',
  visa: 'فيزا',
  price: 'سعر',
  discount: 'خصم',
  status: 'حاله',
  account: 'حساب',
  password: 'باسورد',
  app: 'تطبيق',
  website: 'موقع',
  agent: 'موظف',
  human: 'موظف',
  late: 'متاخر',
  delayed: 'متاخر',
  broken: 'مكسور',
  damaged: 'تالف',
  charger: 'شاحن',
  headphones: 'سماعات',
  earbuds: 'سماعات',
  laptop: 'لابتوب',
  phone: 'جوال',
  mobile: 'جوال',
};

/** Longest first; لل is ل + ال with the alef dropped. */
const ATTACHED = ['وال', 'بال', 'فال', 'لل', 'ال', 'و', 'ب', 'ل'];
const ATTACHED_WORD = new RegExp(`^(${ATTACHED.join('|')})?([a-z]+)$`, 'u');

/**
 * The Arabic for a Latin word with an Arabic prefix or without one ("الorder" → "الطلب", "refund" →
 * "استرداد"), or undefined when it is not one of the support words above. The prefix stays, so
 * the word reads as the customer meant it (للdelivery → للتوصيل).
 */
export function arabicForWord(word: string): string | undefined {
  const match = ATTACHED_WORD.exec(word.toLowerCase());
  if (match === null) return undefined;
  const [, prefix = '', latin = ''] = match;
  const arabic = ARABIC_FOR[latin];
  if (arabic === undefined) return undefined;
  if (prefix === 'لل') return `لل${arabic}`;
  return `${prefix}${arabic}`;
}

const WORD = /[\p{L}\p{M}]+/gu;

/** Names of more than one word, as the Arabic pages write them. */
const ARABIC_FOR_PHRASE: readonly (readonly [RegExp, string])[] = [
  [/(?<![\p{L}])(ال|وال|بال)?(?:cash on delivery|cod)(?![\p{L}])/giu, 'الدفع عند الاستلام'],
  [/(?<![\p{L}])(ال|وال|بال)?customer (?:service|support)(?![\p{L}])/giu, 'خدمه العملاء'],
];

/**
 * عمّان (Amman) and عُمان (Oman) are one word once diacritics go: the shadda, or Jordan named beside
 * it, says which. Amman is searched as Jordan, which the pages name among the countries not served.
 */
function ammanAsJordan(text: string): string {
  const withoutOman = /(?:^|[\s،,])(?:[وبل]?ال)?[أا]ردن/u.test(text)
    ? text.replace(/(?<![\p{L}])([وبلع]?)عمان(?![\p{L}])/gu, '$1')
    : text;
  return withoutOman.replace(/عمّان/gu, 'الأردن');
}

/** A message with Arabic in it, its English support words written in Arabic (for the Arabic pages). */
export function inArabic(text: string): string {
  if (!hasArabic(text)) return text;
  const phrased = ARABIC_FOR_PHRASE.reduce(
    (out, [pattern, arabic]) => out.replace(pattern, arabic),
    ammanAsJordan(text),
  );
  return phrased.replace(WORD, (word) => arabicForWord(word) ?? word);
}

/** An English question, the places in it written in Arabic given their English names (for the English pages). */
export function inEnglish(text: string): string {
  if (!hasArabic(text)) return text;
  return text.replace(WORD, (word) => {
    const normal = normalizeArabic(word);
    return (
      ENGLISH_FOR_PLACE.get(normal.replace(/^(?:[وبل]?ال|لل|[وبل])/u, '')) ??
      ENGLISH_FOR_PLACE.get(normal) ??
      word
    );
  });
}

/** A question worded for the pages of its language: English support words or Arabic place names swapped. */
export function pagesWording(text: string, language: 'en' | 'ar'): string {
  return language === 'ar' ? inArabic(text) : inEnglish(text);
}
