import { describe, expect, it } from 'vitest';
import { classifyOffline } from '../../src/nlu/classify.js';
import { detectLanguage } from '../../src/nlu/language.js';

const first = { language: 'en', established: false } as const;
const english = { language: 'en', established: true } as const;
const arabic = { language: 'ar', established: true } as const;

describe('detectLanguage', () => {
  it.each([
    ['where is my order?', 'en'],
    ['وين طلبي؟', 'ar'],
    ['أرغب في التحدث مع موظف', 'ar'],
    ['طلبي A1001 ما وصل', 'ar'],
    ['ابي refund', 'ar'],
    ['Apple Pay متاح؟', 'ar'],
    ['وين الorder حقي', 'ar'],
    ['الو', 'ar'],
    ['hello', 'en'],
  ] as const)('reads a first message %j as %s', (text, expected) => {
    expect(detectLanguage(text, first)).toBe(expected);
  });

  it.each([
    ['great, and to الدمام?', 'en'],
    ['my name is محمد', 'en'],
    ['الو', 'en'],
    ['ابي refund', 'ar'],
    ['وين طلبي؟', 'ar'],
  ] as const)(
    'in an English conversation reads %j as %s: Arabic only when it is at least half',
    (text, expected) => {
      expect(detectLanguage(text, english)).toBe(expected);
    },
  );

  it.each([
    ['ok thanks', 'ar'],
    ['Apple Pay متاح؟', 'ar'],
    ['where is my order', 'en'],
    ['I want to cancel my order الطلب please', 'en'],
  ] as const)(
    'in an Arabic conversation reads %j as %s: English only when it is mostly English',
    (text, expected) => {
      expect(detectLanguage(text, arabic)).toBe(expected);
    },
  );

  it.each(['ok', 'agent', 'thanks!', 'الو', 'شكرا'])(
    'keeps the conversation language for one word: %j',
    (text) => {
      expect(detectLanguage(text, arabic)).toBe('ar');
      expect(detectLanguage(text, english)).toBe('en');
    },
  );

  it.each(['732201349959', '٧٣٢٢٠١', '👍👍', '?!', '', 'A1001'])(
    'keeps the conversation language for %j, which has no words in either script',
    (text) => {
      expect(detectLanguage(text, arabic)).toBe('ar');
      expect(detectLanguage(text, { language: 'en', established: false })).toBe('en');
    },
  );
});

describe('the language of a message in a conversation', () => {
  const languageOf = (text: string, before: string, fallbackLanguage: 'en' | 'ar') =>
    classifyOffline({ text, previousCustomerTexts: [before], fallbackLanguage }).language;

  it('switches to Arabic for a greeting in Arabic ("مرحبا" after "hi")', () => {
    expect(languageOf('مرحبا', 'hi', 'en')).toBe('ar');
    expect(languageOf('السلام عليكم', 'hi', 'en')).toBe('ar');
  });

  it("keeps the conversation's language for one word of another, not a greeting", () => {
    expect(languageOf('وينه؟', 'where is my order', 'en')).toBe('en');
    // a Latin "hi" is typed in Arabic chats too
    expect(languageOf('hi', 'هلا', 'ar')).toBe('ar');
  });
});
