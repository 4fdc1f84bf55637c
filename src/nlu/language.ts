import type { Language } from '../llm/classification.js';

const ARABIC_LETTER = /\p{Script=Arabic}/u;

/** The text has a letter in Arabic script. */
export const hasArabic = (text: string): boolean => ARABIC_LETTER.test(text);
const LATIN_LETTER = /\p{Script=Latin}/u;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Order ids and codes (A1001, SKU12) are written in Latin letters whatever the customer speaks. */
const CODE_LIKE = /\p{N}/u;

/**
 * The language of the reply, by words. Gulf customers put English words in Arabic sentences ("ابي
 * refund", "Apple Pay متاح؟"), and English-speaking customers name places and people in Arabic
 * ("do you deliver to الدمام?", "my name is محمد"). So:
 * - a message without words (an order number, an emoji, "؟") keeps the conversation's language;
 * - once the conversation has a language, one word ("ok", "الو", "agent") keeps it too, an English
 *   conversation turns Arabic only when Arabic words are at least half the message, and an Arabic
 *   one turns English only on three English words or more and more than three to each Arabic one;
 * - a first message is Arabic when it has Arabic words and no more than three English words to each.
 */
export function detectLanguage(
  text: string,
  conversation: { language: Language; established: boolean },
): Language {
  let arabic = 0;
  let latin = 0;
  for (const [word] of text.matchAll(WORD)) {
    if (CODE_LIKE.test(word)) continue;
    if (hasArabic(word)) arabic += 1;
    else if (LATIN_LETTER.test(word)) latin += 1;
  }
  const { language, established } = conversation;
  if (arabic + latin === 0 || (established && arabic + latin === 1)) return language;
  const mostlyEnglish = latin >= 3 && latin > 3 * arabic;
  if (!established) return arabic > 0 && latin <= 3 * arabic ? 'ar' : latin > 0 ? 'en' : language;
  if (language === 'ar') return mostlyEnglish ? 'en' : 'ar';
  return arabic >= latin ? 'ar' : 'en';
}

const ARABIC_KEYBOARD = /[\u0660-\u0669\u06F0-\u06F9\u060C\u061B\u061F]/u;

/** Arabic-Indic digits or Arabic punctuation (؟ ، ؛): typed on an Arabic keyboard. */
export function typedOnArabicKeyboard(text: string): boolean {
  return ARABIC_KEYBOARD.test(text);
}
