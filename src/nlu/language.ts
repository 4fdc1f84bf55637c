import type { Language } from '../llm/classification.js';

const ARABIC_LETTER = /(?=\p{L})\p{Script=Arabic}/gu;
const LATIN_LETTER = /(?=\p{L})\p{Script=Latin}/gu;
/** Order ids and codes (A1001, SKU12) are written in Latin letters whatever the customer speaks. */
const CODE_LIKE = /[\p{L}\p{N}]*\p{N}[\p{L}\p{N}]*/gu;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * The language of the reply, by which script most letters are in. Text with no letters (an order
 * number, an emoji, "؟") says nothing about the language, so the conversation's language stands.
 */
export function detectLanguage(text: string, fallback: Language): Language {
  const words = text.replace(CODE_LIKE, ' ');
  const arabic = count(words, ARABIC_LETTER);
  const latin = count(words, LATIN_LETTER);
  if (arabic === latin) return fallback;
  return arabic > latin ? 'ar' : 'en';
}

const ARABIC_KEYBOARD = /[\u0660-\u0669\u06F0-\u06F9\u060C\u061B\u061F]/u;

/** Arabic-Indic digits or Arabic punctuation (؟ ، ؛): typed on an Arabic keyboard. */
export function typedOnArabicKeyboard(text: string): boolean {
  return ARABIC_KEYBOARD.test(text);
}
