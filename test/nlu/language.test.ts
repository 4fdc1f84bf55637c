import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/nlu/language.js';

describe('detectLanguage', () => {
  it.each([
    ['where is my order?', 'ar', 'en'],
    ['وين طلبي؟', 'en', 'ar'],
    ['أرغب في التحدث مع موظف', 'en', 'ar'],
    ['طلبي A1001 ما وصل', 'en', 'ar'],
    ['my order وين', 'ar', 'en'],
  ] as const)('reads %j as %s over the fallback', (text, fallback, expected) => {
    expect(detectLanguage(text, fallback)).toBe(expected);
  });

  it.each(['732201349959', '٧٣٢٢٠١', '👍👍', '?!', '', 'A1001'])(
    'keeps the fallback for %j, which has no words in either script',
    (text) => {
      expect(detectLanguage(text, 'ar')).toBe('ar');
      expect(detectLanguage(text, 'en')).toBe('en');
    },
  );
});
