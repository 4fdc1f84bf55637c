import type { Amount } from '../llm/classification.js';
import { normalizeDigits } from './normalize.js';

/**
 * Order numbers and money amounts, for the order tool and the escalation packet's facts. Matching
 * runs on normalizeDigits(text), which keeps every character at its index, so an amount's `text`
 * is the customer's own writing ("١٥٠ ريال") while its value is a plain number.
 */

interface Span {
  readonly start: number;
  readonly end: number;
}

// ---- amounts -------------------------------------------------------------------------------------

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const CODES = 'SAR|AED|USD|EUR|GBP|KWD|QAR|BHD|OMR|EGP|JOD';
/** U+20C1 is the Saudi riyal sign (Unicode 17); ﷼ the older rial sign. */
const SYMBOLS = String.raw`US\$|\$|€|£|﷼|\u20C1`;
const WORDS_AFTER = [
  'riyals?',
  'rials?',
  'sr',
  'dirhams?',
  'dhs?',
  'dollars?',
  'euros?',
  'ريالات',
  'ريالا',
  'ريال',
  String.raw`ر\.?\s?س\.?`,
  'درهما?',
  'دراهم',
  String.raw`د\.[إا]`,
  'دولارات',
  'دولارا?',
  'يورو',
  'جنيها?',
  'جنيهات',
].join('|');

const CURRENCY_BEFORE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${CODES}|SR|${SYMBOLS})\s?${NUMBER}(?!\p{N})`,
  'giu',
);
const CURRENCY_AFTER = new RegExp(
  String.raw`(?<![A-Za-z\d.,])${NUMBER}\s?(${CODES}|${SYMBOLS}|${WORDS_AFTER})(?![\p{L}\p{N}])`,
  'giu',
);

function currencyOf(unit: string): string | undefined {
  const u = unit.toLowerCase().replace(/[\s.]/g, '');
  if (/^(sar|sr|riyals?|rials?|﷼|\u20C1|ريال|ريالا|ريالات|رس)$/.test(u)) return 'SAR';
  if (/^(aed|dirhams?|dhs?|درهما?|دراهم|د[إا])$/.test(u)) return 'AED';
  if (/^(usd|us\$|\$|dollars?|دولارا?|دولارات)$/.test(u)) return 'USD';
  if (/^(eur|€|euros?|يورو)$/.test(u)) return 'EUR';
  if (/^(gbp|£)$/.test(u)) return 'GBP';
  if (/^(egp|جنيها?|جنيهات)$/.test(u)) return 'EGP';
  return /^[a-z]{3}$/.test(u) ? u.toUpperCase() : undefined;
}

function toValue(whole: string, fraction: string | undefined): number {
  return Number(`${whole.replace(/,/g, '')}${fraction ? `.${fraction}` : ''}`);
}

interface AmountSpan extends Span {
  readonly amount: Amount;
}

function amountSpans(text: string): AmountSpan[] {
  const digits = normalizeDigits(text);
  const found: AmountSpan[] = [];
  for (const m of digits.matchAll(CURRENCY_BEFORE)) {
    const [all, unit = '', whole = '', fraction] = m;
    const amount = {
      value: toValue(whole, fraction),
      currency: currencyOf(unit),
      text: text.slice(m.index, m.index + all.length),
    };
    found.push({ start: m.index, end: m.index + all.length, amount });
  }
  for (const m of digits.matchAll(CURRENCY_AFTER)) {
    const [all, whole = '', fraction, unit = ''] = m;
    const amount = {
      value: toValue(whole, fraction),
      currency: currencyOf(unit),
      text: text.slice(m.index, m.index + all.length),
    };
    found.push({ start: m.index, end: m.index + all.length, amount });
  }
  // "$20 USD" matches both ways; keep the first-starting, longest reading of each stretch.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((span, i) => !found.slice(0, i).some((kept) => overlaps(kept, span)));
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function extractAmounts(text: string): Amount[] {
  return amountSpans(text).map((span) =>
    span.amount.currency === undefined ? { value: span.amount.value, text: span.amount.text } : span.amount,
  );
}

// ---- order ids -----------------------------------------------------------------------------------

/**
 * Numbers that may be order ids when nothing says so, also with an Arabic "and" written onto them
 * ("و1002"): a caller checks them against the customer's own orders.
 */
export const BARE_ORDER_NUMBERS = /(?<![A-Za-z\p{N}])\d{4,12}(?![\p{L}\p{N}])/gu;

/** Letters then digits: A1001, ord-5521, #B20031. Currency codes are amounts, not ids. */
const LETTER_ID = /(?<![\p{L}\p{N}])#?([A-Za-z]{1,4})[-_]?(\d{3,12})(?![\p{L}\p{N}])/gu;
/**
 * A short number right after the word order: "order #5521", "طلب رقم 5521", "my order number is
 * 1002", "my order is 1002".
 */
const KEYWORD_ID =
  /(?:order|ord|طلب|الطلب|طلبي|رقم)\s*(?:(?:number|no\.?|num)(?:\s+is)?|is|رقم(?:\s+هو)?)?\s*[:#]?\s*(\d{4,5})(?![\p{N}.,]\d|\p{N})/giu;
const HASH_ID = /(?<![\p{L}\p{N}])#(\d{4,})(?!\p{N})/gu;
/**
 * "what if…", "if…", "طيب لو…", "اذا…" opening the clause before "my order is 2500" (not "can you
 * check if my order is…").
 */
const SUPPOSING =
  /(?:^|[,،;]\s*)(?:(?:ok|okay|so|and|but|طيب|طب)\s+)*(?:what\s+if|if|و?لو|و?اذا|و?إذا)\s[^.?!؟\n]*$/iu;

/**
 * "ok what if my order is 2500?", "طيب لو الطلب ٦٠٠٠؟": the total of an order supposed, not an
 * order's number ("I could not find an order 2500"). Only when the number ends the message: "what
 * if order 1002 is late?" names the order.
 */
function isOrderTotalSupposed(text: string, keywordAt: number, numberEnd: number): boolean {
  return SUPPOSING.test(text.slice(0, keywordAt)) && /^\s*[?؟.!]*\s*$/u.test(text.slice(numberEnd));
}
/** A short number the customer asks after: "where is 1002?", "وين ١٠٠١؟", "track 5521", "any news on 1002?". */
const ASKED_ID =
  /(?:\bwhere\s*(?:'?s|\s+is)|\btrack|\bstatus\s+(?:of|for)|\b(?:news|updates?)\s+(?:on|about|for)|(?<![\p{L}])(?:وين|فين|اين|تتبع))\s*#?\s*(\d{4,5})(?![\p{N}.,]\d|\p{N})/giu;
/**
 * A short number given as the one meant: "sorry, I meant 1002", "wrong order, it's 1002", "لا غلطت،
 * قصدي ١٠٠٢", "الرقم الصحيح 1002".
 */
const CORRECTED_ID =
  /(?:\b(?:meant|mean)|\bwrong\s+(?:one|order|number)\W+(?:it'?s|it\s+is|should\s+be)?|(?<![\p{L}])(?:قصدي|اقصد|أقصد|الصحيح|الصح))\s*(?:it'?s|is|order|number|رقم|الرقم|طلب|الطلب)?\s*[:#]?\s*(\d{4,5})(?![\p{N}.,]\d|\p{N})/giu;
/** "where is 2025 model?", "I mean the 2026 version", "السعر الصحيح 3999": a model, a year or a price. */
const NOT_AN_ORDER_BEFORE = /(?:model|version|edition|price|موديل|اصدار|إصدار|سعر|السعر)\W*(?:\S+\s+)?$/iu;
const NOT_AN_ORDER_AFTER =
  /^\s*(?:model|version|edition|series|%|mah|gb|tb|mb|mp|hz|w|watts?|inch|inches|cm|mm|kg|pcs|pieces|points|hijri|موديل|اصدار|إصدار|ملي|جيجا|واط|انش|بوصه|بوصة|نقطه|نقطة|هجري)s?(?![\p{L}])/iu;

/** A model, a year or a price at `start` of the text, not an order number. */
function notAnOrder(digits: string, start: number, number: string): boolean {
  const before = digits.slice(Math.max(0, start - 30), start);
  const after = digits.slice(start + number.length);
  return NOT_AN_ORDER_BEFORE.test(before) || NOT_AN_ORDER_AFTER.test(after);
}

/** The asked or corrected numbers of a text, each with where it starts. */
function askedNumbers(digits: string, pattern: RegExp): { start: number; number: string }[] {
  return [...digits.matchAll(pattern)].flatMap((m) => {
    const number = m[1] ?? '';
    const start = m.index + m[0].length - number.length;
    return notAnOrder(digits, start, number) ? [] : [{ start, number }];
  });
}

/**
 * "oops wrong one", "wrong order, it's 1002", "غلطت": the customer's own slip, which is not a wrong
 * item ("you sent the wrong order", "المندوب سلمني طلب غلط", "جالي طلب غلط" is).
 */
const SLIP =
  /(?<!\b(?:got|received|sent|delivered|gave|shipped|brought|packed|handed|get|receive|send|deliver|bring|pack|hand)\s+(?:me\s+|us\s+)?(?:the\s+|a\s+)?)\bwrong\s+(?:one|order|number|id)\b|(?<![\p{L}])(?:غلطت|(?<!(?:سلمني|سلموني|جاني|جالي|جتني|وصلني|وصلتني|ارسلتو|ارسلتوا|ارسلتم|جابولي|جابوا|جابو|بعتولي|بعتوا|بعتو|بعتلي)\s+)(?:الرقم|رقم|الطلب|طلب)\s+(?:غلط|خطا|خطأ))(?![\p{L}])/giu;
/** Words that own the slip: "sorry", "I meant", "I typed the wrong number", "قصدي". */
const OWNED =
  /\b(?:meant|mean|sorry|oops|my\s+bad|my\s+mistake|typo|typed|mistyped)\b|(?<![\p{L}])(?:قصدي|اقصد|أقصد|غلطت|سوري|اسف|آسف|عفوا|كتبت|بعتلك|بعتلكم|ارسلتلك|ارسلتلكم)(?![\p{L}])/iu;
/** What a bare correction says besides the slip and the number: "wrong order, it's 1002", "wrong one lol". */
const CORRECTION_FILLER =
  /\b(?:it'?s|it|is|this|that|the|order|number|no|id|should|be|actually|lol|lmao|ha(?:ha)+|he(?:he)+)\b|(?<![\p{L}])(?:الطلب|طلب|رقم|الرقم|الصحيح|الصح|هو|ه{3,})(?![\p{L}])/giu;
/**
 * What a slip with no number may say besides it: "oops wrong one", "wrong order sorry", "wrong one,
 * I meant my earbuds order". Not "this is the wrong one", which may be the parcel in their hands.
 */
const BARE_SLIP_WORDS =
  /\b(?:i\s+)?(?:meant|mean)\s+(?:my|the)\s+(?:[\p{L}\d-]+\s+){0,3}?(?:order|one)\b|\b(?:sorry|sry|oops|my\s+bad|my\s+mistake|i|my|the|order|number|no|oh|ah|ok|okay|lol|lmao|ha(?:ha)+|he(?:he)+|please|pls)\b|(?<![\p{L}])(?:(?:قصدي|اقصد|أقصد)\s+(?:طلب|الطلب)(?:\s+\p{L}+){0,2}|غلطت|سوري|اسف|آسف|عفوا|لا)(?![\p{L}])/giu;

/** The slips of a text, each with where it starts and ends. */
function slips(text: string): (Span & { slip: string })[] {
  return [...text.matchAll(SLIP)].map((m) => ({ start: m.index, end: m.index + m[0].length, slip: m[0] }));
}

/** "A3001", "#1002", "و1002": an order id as the whole of a word (or after "and"), not a currency code. */
const ID_WORD =
  /(?:(?<![\p{L}\p{N}])|(?<=(?<![\p{L}])و))#?(?:([A-Za-z]{1,4})[-_]?\d{3,12}|(\d{4,5}))(?![\p{L}\p{N}]|[.,]\d)/gu;

/** Every order id of a text written as a word of its own, with where it starts and ends. */
function idWords(text: string): (Span & { id: string })[] {
  const digits = normalizeDigits(text);
  const amounts = amountSpans(text);
  return [...digits.matchAll(ID_WORD)].flatMap((m) => {
    const span = { start: m.index, end: m.index + m[0].length };
    if (m[1] !== undefined && CURRENCY_CODE.test(m[1])) return [];
    if (amounts.some((amount) => overlaps(amount, span))) return [];
    if (m[2] !== undefined && notAnOrder(digits, span.end - m[2].length, m[2])) return [];
    return [{ ...span, id: canonicalOrderId(m[0]) }];
  });
}

/**
 * Whether "wrong one" is the customer's slip: owned ("sorry, wrong one, I meant 1002") or said with
 * the number and nothing else, not shouted. "the courier brought the wrong one, it's order 1002" and
 * "WRONG ORDER!!! 1002!!!" tell of a wrong item.
 */
function isSlip(text: string): boolean {
  if (OWNED.test(text)) return true;
  if (/!{2,}/.test(text)) return false;
  const rest = text.replace(SLIP, ' ').replace(LETTER_ID, ' ').replace(CORRECTION_FILLER, ' ');
  return !/[\p{L}]/u.test(rest);
}

/**
 * The order id given after the slip: "wrong one lol, A3001", "I typed the wrong order number, it's
 * 1001", "اسف رقم غلط، A3001", "لا غلطت، 1002". An Arabic slip is one only when owned: "الطلب غلط
 * 1002" may be the order that came wrong.
 */
function idAfterSlip(text: string): (Span & { id: string }) | undefined {
  if (!isSlip(text)) return undefined;
  const [first] = slips(text);
  if (first === undefined || (!/[A-Za-z]/.test(first.slip) && !OWNED.test(text))) return undefined;
  return idWords(text).find((word) => word.start >= first.end);
}

/** "oops, wrong one, I meant 1002", "wrong one lol, A3001": the id the customer corrects an earlier one to. */
export function correctedOrderId(text: string): string | undefined {
  return askedNumbers(normalizeDigits(text), CORRECTED_ID)[0]?.number ?? idAfterSlip(text)?.id;
}

/**
 * "oops wrong one", "wrong order sorry", "wrong one lol": a slip owned with no number, and nothing
 * else said. "wrong order" alone may be what came.
 */
export function isBareSlip(text: string): boolean {
  if (/!{2,}/.test(text) || !(OWNED.test(text) || /\b(?:sry|lol|lmao|ha(?:ha)+)\b/i.test(text))) return false;
  const found = slips(text);
  if (!found.some((slip) => /[A-Za-z]/.test(slip.slip) || /غلطت/.test(slip.slip))) return false;
  const rest = text.replace(SLIP, ' ').replace(BARE_SLIP_WORDS, ' ');
  return !/[\p{L}\p{N}]/u.test(rest);
}

/**
 * The text with the customer's slip blanked out, word for word, so what is found in it stands where
 * it stood in the text: a slip over an order number ("wrong one, I meant 1002"), or alone ("oops wrong
 * one"). Anything else is returned as it is.
 */
export function withoutSlip(text: string): string {
  if (!isBareSlip(text) && (!isSlip(text) || correctedOrderId(text) === undefined)) return text;
  return text.replace(SLIP, (slip) => slip.replace(/[\p{L}\p{M}]+/gu, 'x'));
}

const LONG_NUMBER = /\d{6,}/g;

const CURRENCY_CODE = new RegExp(`^(${CODES}|SR|US)$`, 'i');
/** Saudi and UAE mobiles, local (05…, or 5… as after +966), or with the country code and no plus. */
const PHONE_SHAPE = /^(0?5\d{8}|9665\d{8}|9715\d{8}|00(966|971|965|974|973|968|20|962)\d{7,})$/;
/** "order 551234567": said to be the order's, a number is, whatever its shape. */
const ORDER_WORD_BEFORE = /(?:order|ord|طلب|الطلب|طلبي)\s*(?:number|no\.?|num|رقم)?\s*[:#]?\s*$/iu;
// Latin cues start a word: "cancelling order …" holds "cell", "Ramadan order …" holds "mada".
const PHONE_CONTEXT =
  /(?<![a-z])(phone|mobile|cell|whats ?app|call|contact|جوال|جوالي|هاتف|موبايل|اتصل|رقمي|واتس)[^\d]{0,20}$/i;
const CARD_CONTEXT = /(?<![a-z])(card|visa|master ?card|mada|iban|بطاق|مدى|فيزا|ايبان)[^\d]{0,20}$/i;

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A card number must never land in an escalation packet as an order id. Card lengths (16 and 19,
 * Amex 15 from 34/37, old Visa 13 from 4) plus the Luhn check; a long order number that happens to
 * look like one is dropped, which is the safe mistake.
 */
function looksLikeCard(number: string): boolean {
  const cardShaped =
    number.length === 16 ||
    number.length === 19 ||
    (number.length === 15 && /^3[47]/.test(number)) ||
    (number.length === 13 && number.startsWith('4'));
  return cardShaped && passesLuhn(number);
}

/** A Saudi or UAE mobile number as customers write it: never an order number. */
export function isPhoneShaped(number: string): boolean {
  return PHONE_SHAPE.test(number);
}

function isLongOrderNumber(digits: string, number: string, start: number): boolean {
  const before = digits.slice(Math.max(0, start - 30), start);
  const after = digits.slice(start + number.length, start + number.length + 2);
  if (/\+[\d\s-]*$/.test(before) || /[A-Za-z\-_.,/:]$/.test(before) || /^[.,/:]\d/.test(after)) return false;
  if (ORDER_WORD_BEFORE.test(before)) return !looksLikeCard(number);
  if (isPhoneShaped(number) || PHONE_CONTEXT.test(before)) return false;
  if (CARD_CONTEXT.test(before)) return false;
  return !looksLikeCard(number);
}

/** One spelling per id, so "a-1001" and "A1001" find the same order. */
export function canonicalOrderId(id: string): string {
  return normalizeDigits(id)
    .replace(/^#/, '')
    .replace(/[-_\s]/g, '')
    .toUpperCase();
}

export function extractOrderIds(text: string): string[] {
  const digits = normalizeDigits(text);
  const amounts = amountSpans(text);
  const found: { start: number; id: string }[] = [];
  const add = (start: number, end: number, id: string) => {
    if (!amounts.some((amount) => overlaps(amount, { start, end })))
      found.push({ start, id: canonicalOrderId(id) });
  };
  for (const m of digits.matchAll(LETTER_ID)) {
    const [all, letters = ''] = m;
    if (!CURRENCY_CODE.test(letters)) add(m.index, m.index + all.length, all);
  }
  for (const m of digits.matchAll(LONG_NUMBER)) {
    if (isLongOrderNumber(digits, m[0], m.index)) add(m.index, m.index + m[0].length, m[0]);
  }
  for (const pattern of [KEYWORD_ID, HASH_ID]) {
    for (const m of digits.matchAll(pattern)) {
      const number = m[1] ?? '';
      const start = m.index + m[0].length - number.length;
      if (pattern === KEYWORD_ID && isOrderTotalSupposed(digits, m.index, start + number.length)) continue;
      add(start, start + number.length, number);
    }
  }
  for (const pattern of [ASKED_ID, CORRECTED_ID]) {
    for (const { start, number } of askedNumbers(digits, pattern)) add(start, start + number.length, number);
  }
  const corrected = idAfterSlip(text);
  if (corrected !== undefined) add(corrected.start, corrected.end, corrected.id);
  for (const listed of listedIds(text, found)) add(listed.start, listed.end, listed.id);
  found.sort((a, b) => a.start - b.start);
  return [...new Set(found.map((entry) => entry.id))];
}

/** What joins the ids of a list: "1002 and A3001", "A3001, 1002", "A3001 و1002". */
const LIST_JOIN = /^[\s,،&+/]*(?:(?:and|or|و|او|أو)[\s,،]*)?$/iu;

/**
 * "and 1002 and A3001?", "1001, 1002 and A3001": a short number listed with an order id is one
 * too, as far as the list goes.
 */
function listedIds(text: string, found: readonly { start: number; id: string }[]): (Span & { id: string })[] {
  const words = idWords(text);
  const known = words.filter((word) => found.some((entry) => entry.start === word.start));
  const listed: (Span & { id: string })[] = [];
  let grown = true;
  while (grown) {
    grown = false;
    for (const word of words) {
      if (known.includes(word) || listed.includes(word)) continue;
      const joined = [...known, ...listed].some((other) => {
        const gap =
          other.end <= word.start ? text.slice(other.end, word.start) : text.slice(word.end, other.start);
        return (other.end <= word.start || word.end <= other.start) && LIST_JOIN.test(gap);
      });
      if (joined) {
        listed.push(word);
        grown = true;
      }
    }
  }
  return listed;
}
