import { stemmer } from 'stemmer';
import { tokenize } from '../nlu/normalize.js';

const englishStopwords = new Set(
  'a an the and or but if of to whats hows wheres thats its im ok okay then in on at by for with about from into is are was were be been am do does did i me my we our you your he she it its they them their this that these those what which who whom how when where why can could would should will shall may might must have has had there here any some please hi hello thanks thank ok okay yes no not just so than then too very also want need know tell'.split(
    ' ',
  ),
);

/** Already normalised (alef, ta marbuta, ya): see normalizeArabic. */
const arabicStopwords = new Set(
  'في من الى علي عن مع هل ما ماذا متي كيف كم اين وين لماذا ليش هذا هذه ذلك تلك انا انت نحن هو هي هم كان يكون او ثم لو اذا لا نعم ابي ابغي اريد ممكن لو سمحت عندي عندكم لكم لي لنا يا شو ايش وش الي التي الذي طيب اليوم يوم'.split(
    ' ',
  ),
);

const arabicPrefixes = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف'];
const arabicSuffixes = ['هما', 'كما', 'ات', 'ون', 'ين', 'ها', 'هم', 'كم', 'نا', 'ه', 'ي', 'ك'];

/** A light Arabic stemmer: strips common clitics while at least three letters remain. */
export function stemArabic(token: string): string {
  let word = token;
  for (const prefix of arabicPrefixes) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 3) {
      word = word.slice(prefix.length);
      break;
    }
  }
  for (const suffix of arabicSuffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      word = word.slice(0, -suffix.length);
      break;
    }
  }
  return word;
}

const arabicLetter = /[\u0600-\u06FF]/;

/** Search terms of a text in either language: normalised, stopwords dropped, stemmed. */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    // Small numbers ("2+2", "7") are arithmetic or quantities, not topics; order ids are longer.
    if (/^\d{1,3}$/.test(token)) continue;
    if (arabicLetter.test(token)) {
      if (arabicStopwords.has(token) || token.length < 2) continue;
      terms.push(stemArabic(token));
    } else {
      if (englishStopwords.has(token)) continue;
      terms.push(stemmer(token));
    }
  }
  return terms;
}
