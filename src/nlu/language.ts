import type { Language } from '../llm/classification.js';

const ARABIC_LETTER = /\p{Script=Arabic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Order ids and codes (A1001, SKU12) are written in Latin letters whatever the customer speaks. */
const CODE_LIKE = /\p{N}/u;

/**
 * The language of the reply. Gulf customers put English words in Arabic sentences ("ابي refund",
 * "Apple Pay متاح؟", "وين الorder حقي"), so a message with Arabic words is Arabic unless it is
 * mostly English (more than three English words to each Arabic one). A message of one English
 * word ("ok", "agent") or none (an order number, an emoji, "؟") keeps the conversation's language.
 */
export function detectLanguage(text: string, fallback: Language): Language {
  let arabic = 0;
  let latin = 0;
  for (const [word] of text.matchAll(WORD)) {
    if (CODE_LIKE.test(word)) continue;
    if (ARABIC_LETTER.test(word)) arabic += 1;
    else if (LATIN_LETTER.test(word)) latin += 1;
  }
  if (arabic === 0) return latin > 1 ? 'en' : fallback;
  return latin <= 3 * arabic ? 'ar' : fallback;
}

const ARABIC_KEYBOARD = /[\u0660-\u0669\u06F0-\u06F9\u060C\u061B\u061F]/u;

/** Arabic-Indic digits or Arabic punctuation (؟ ، ؛): typed on an Arabic keyboard. */
export function typedOnArabicKeyboard(text: string): boolean {
  return ARABIC_KEYBOARD.test(text);
}
