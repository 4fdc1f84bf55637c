import type { OutboundMessage } from '../channel/outbound.js';
import type { Language } from '../llm/classification.js';
import { normalizeDigits, normalizeForMatching } from '../nlu/normalize.js';
import { say } from './messages.js';

const labels: Record<Language, string[]> = {
  en: ['1 — Poor', '2 — Fair', '3 — Good', '4 — Very good', '5 — Excellent'],
  // as the question asks them of المساعدة: "من 1 (ضعيفة) إلى 5 (ممتازة)"
  ar: ['1 — ضعيفة', '2 — مقبولة', '3 — جيدة', '4 — جيدة جداً', '5 — ممتازة'],
};

/**
 * The CSAT question as a list message: WhatsApp allows at most three reply buttons, so five
 * scores need a list; the rows' ids are `csat_1`…`csat_5`, and a typed digit is accepted too.
 */
export function csatQuestion(language: Language): OutboundMessage {
  return {
    kind: 'list',
    text: say('csatQuestion', language),
    button: say('csatButton', language),
    sections: [
      {
        title: say('csatSection', language),
        rows: labels[language].map((title, i) => ({ id: `csat_${i + 1}`, title })),
      },
    ],
  };
}

/** Words a score may be written as: the list's own labels and the numbers, in both languages. */
const SCORE_WORDS: ReadonlyMap<string, number> = new Map([
  ...['one', 'two', 'three', 'four', 'five'].map((word, i) => [word, i + 1] as const),
  ...['poor', 'fair', 'good', 'excellent'].map((word, i) => [word, [1, 2, 3, 5][i] ?? 0] as const),
  // normalised: ة → ه, إ/أ → ا
  ...['واحد', 'اثنين', 'ثلاثه', 'اربعه', 'خمسه'].map((word, i) => [word, i + 1] as const),
  ['ثنتين', 2],
  ['ثلاث', 3],
  ['اربع', 4],
  ['خمس', 5],
  ['ضعيف', 1],
  ['ضعيفه', 1],
  ['سيء', 1],
  ['سيئ', 1],
  ['سيئه', 1],
  ['bad', 1],
  ['terrible', 1],
  ['great', 5],
  ['perfect', 5],
  ['مقبول', 2],
  ['مقبوله', 2],
  ['جيد', 3],
  ['جيده', 3],
  ['ممتاز', 5],
  ['ممتازه', 5],
]);
const TWO_WORD_SCORES: readonly [RegExp, string][] = [
  [/\bvery good\b/g, '4'],
  [/جيده? جدا/g, '4'],
  // "ميه ميه" (a hundred, a hundred): all was perfect
  [/ميه ميه/g, '5'],
];
/** What a rating comes wrapped in: "5 stars, thanks!", "ممتاز 5", "I'd give it a 4". */
const FILLER = new Set(
  [
    'stars star thanks thank you thx rating rate my i id would give it a an is out of the for',
    'service help support agent team',
    'نجوم نجمه نجمات تقييمي تقييم اعطيك اعطيكم شكرا مشكور مشكورين الخدمه خدمه الموظف من',
    'يعطيك يعطيكم العافيه والله الله',
  ]
    .join(' ')
    .split(' '),
);
const STARS_ONLY = /^(?:[⭐★🌟]\uFE0F?\s*){1,5}$/u;

/** The id of a rating row (`csat_1`…`csat_5`) of the CSAT question's list. */
export const CSAT_ROW_ID = /^csat_([1-5])$/;

/**
 * A score from a list reply (`csat_4`) or a message that is only a rating: a digit 1–5 in any
 * script, a number word, one of the list's labels or a row of stars, with nothing else but words
 * like "stars" or "thanks" ("5 stars, thanks!", "ممتاز 5", "4/5"). A message with any other word
 * ("can I return 2 items?") is not a rating.
 */
export function csatScoreOf(input: { buttonId?: string; text: string }): number | undefined {
  const fromButton = CSAT_ROW_ID.exec(input.buttonId ?? '');
  if (fromButton) return Number(fromButton[1]);
  const stars = input.text.trim();
  if (STARS_ONLY.test(stars)) return [...stars.matchAll(/[⭐★🌟]/gu)].length;
  // an emoji's variation selector (⭐️) is a mark on its own once the star is gone
  let text = normalizeForMatching(input.text.replace(/[\uFE0E\uFE0F]/g, ''))
    // "4/5", "4 out of 5", "4 من 5": the scale is not a second score
    .replace(/\s*(?:\/|out of|من)\s*5\b/g, ' ');
  for (const [phrase, digit] of TWO_WORD_SCORES) text = text.replace(phrase, digit);
  const scores = new Set<number>();
  for (const token of text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) {
    const score = /^[1-5]$/.test(token) ? Number(token) : SCORE_WORDS.get(token);
    if (score !== undefined) scores.add(score);
    else if (!FILLER.has(token)) return undefined;
  }
  return scores.size === 1 ? [...scores][0] : undefined;
}

/** A score that opens the message, written as one: "3/5", "4 out of 5", "2 stars", "٢ من ٥". */
const LEADING_RATING =
  /^\s*([1-5])\s*(?:(?:\/|out of|من)\s*5|stars?|نجوم|نجمات|نجمة|نجمه)(?![\p{L}\p{N}]|[/-]\d)[\s\p{P}\p{S}]*(\S.*)$/isu;
/** "3 out of 5 items are missing", "1 من 5 القطع وصلت": a count, not a rating. */
const COUNTED =
  /^(?:items?|pieces?|products?|orders?|parts?|boxes|of|were|are|القطع|قطع|المنتجات|منتجات|الاغراض|اغراض|طلبات)(?![\p{L}])/iu;

/**
 * "3/5, took too long", "٢ من ٥ ما حلوا مشكلتي": a rating with the customer's words after it, as
 * they wrote them.
 */
export function csatWithComment(text: string): { score: number; comment: string } | undefined {
  // digits normalised one for one: the comment's offset is the same in what the customer wrote
  const match = LEADING_RATING.exec(normalizeDigits(text));
  if (match?.[1] === undefined || match[2] === undefined || COUNTED.test(match[2])) return undefined;
  return { score: Number(match[1]), comment: text.slice(text.length - match[2].length).trim() };
}
