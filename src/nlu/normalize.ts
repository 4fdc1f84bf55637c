/**
 * One canonical spelling for matching. Customers type the same Arabic word many ways (hamza on the
 * alef or not, ة or ه, ى or ي, ئ or ي, with tashkeel, stretched with tatweel) and mix Arabic-Indic with ASCII
 * digits; the lexicon and the text both pass through here so one entry covers every spelling.
 */

const ALEF_FORMS = /[أإآٱ]/g;
/** Tashkeel, Quranic marks and the superscript alef: never change which word it is. */
const DIACRITICS = /[\u064B-\u065F\u0670]/g;
const TATWEEL = /\u0640/g;

export function normalizeArabic(text: string): string {
  return (
    text
      .replace(ALEF_FORMS, 'ا')
      .replace(/ة/g, 'ه')
      .replace(/ى/g, 'ي')
      // ya with hamza as much of the Gulf writes it: الرسايل is الرسائل, فوايد is فوائد
      .replace(/ئ/g, 'ي')
      // Persian yeh and keheh come from Persian keyboards and from NFKC of the rial sign ﷼.
      .replace(/ی/g, 'ي')
      .replace(/ک/g, 'ك')
      .replace(DIACRITICS, '')
      .replace(TATWEEL, '')
  );
}

const DIGIT_ZERO = { arabicIndic: 0x0660, extendedArabicIndic: 0x06f0 } as const;

/** Arabic punctuation that has an ASCII twin the matchers and entity patterns already know. */
const PUNCTUATION: Readonly<Record<string, string>> = {
  '٫': '.', // Arabic decimal separator: ١٥٠٫٥ is 150.5
  '٬': ',', // Arabic thousands separator
  '،': ',',
  '؛': ';',
  '؟': '?',
};

/**
 * ASCII digits and punctuation, one character for one character: entity extraction relies on every
 * index staying where it was so it can quote the customer's own text back.
 */
export function normalizeDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= DIGIT_ZERO.arabicIndic && code <= DIGIT_ZERO.arabicIndic + 9) {
      out += String(code - DIGIT_ZERO.arabicIndic);
    } else if (code >= DIGIT_ZERO.extendedArabicIndic && code <= DIGIT_ZERO.extendedArabicIndic + 9) {
      out += String(code - DIGIT_ZERO.extendedArabicIndic);
    } else {
      out += PUNCTUATION[ch] ?? ch;
    }
  }
  return out;
}

/** don't → dont, so contractions stay one token whether or not the customer typed the apostrophe. */
const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])['’‘`´](?=[\p{L}\p{N}])/gu;

export function normalizeForMatching(text: string): string {
  // NFKC first: it folds Arabic presentation forms and full-width Latin into the letters below.
  const folded = normalizeDigits(normalizeArabic(text.normalize('NFKC').toLowerCase()));
  return folded.replace(INNER_APOSTROPHE, '').replace(/\s+/g, ' ').trim();
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** A mark that ends a clause: a comma, colon, full stop, question mark, line break, in either script. */
export const CLAUSE_MARK = /[,;:.!?\n\u060C\u061B\u061F]/u;

/** Words of letters and digits in any script, normalised; shared by the matchers and search. */
export function tokenize(text: string): string[] {
  return normalizeForMatching(text).match(WORD) ?? [];
}
