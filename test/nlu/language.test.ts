import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/nlu/language.js';

describe('detectLanguage', () => {
  it.each([
    ['where is my order?', 'ar', 'en'],
    ['وين طلبي؟', 'en', 'ar'],
    ['أرغب في التحدث مع موظف', 'en', 'ar'],
    ['طلبي A1001 ما وصل', 'en', 'ar'],
    ['ابي refund', 'en', 'ar'],
    ['Apple Pay متاح؟', 'en', 'ar'],
    ['وين الorder حقي', 'en', 'ar'],
    ['I want to cancel my order الطلب please', 'en', 'en'],
    ['I want to cancel my order الطلب please', 'ar', 'ar'],
    ['hello there', 'ar', 'en'],
  ] as const)('reads %j as %s over the fallback', (text, fallback, expected) => {
    expect(detectLanguage(text, fallback)).toBe(expected);
  });

  it.each(['ok', 'agent', 'thanks!'])('keeps the conversation language for one English word: %j', (text) => {
    expect(detectLanguage(text, 'ar')).toBe('ar');
    expect(detectLanguage(text, 'en')).toBe('en');
  });

  it.each(['732201349959', '٧٣٢٢٠١', '👍👍', '?!', '', 'A1001'])(
    'keeps the fallback for %j, which has no words in either script',
    (text) => {
      expect(detectLanguage(text, 'ar')).toBe('ar');
      expect(detectLanguage(text, 'en')).toBe('en');
    },
  );
});
