import { describe, expect, it } from 'vitest';
import { normalizeArabic, normalizeDigits, normalizeForMatching, tokenize } from '../../src/nlu/normalize.js';

describe('normalizeArabic', () => {
  it.each([
    ['أريد', 'اريد'],
    ['إلغاء', 'الغاء'],
    ['آسف', 'اسف'],
    ['ٱلطلب', 'الطلب'],
    ['فاتورة', 'فاتوره'],
    ['متى', 'متي'],
    ['شُكْرًا', 'شكرا'],
    ['سـيـئـة', 'سييه'],
    // ya with hamza as the Gulf often writes it
    ['الرسائل', 'الرسايل'],
    ['فوائد', 'فوايد'],
    ['الصلاة\u0670', 'الصلاه'],
  ])('folds %s to %s', (input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });

  it('leaves Latin text alone', () => {
    expect(normalizeArabic('Where is my order?')).toBe('Where is my order?');
  });
});

describe('normalizeDigits', () => {
  it('turns Arabic-Indic and Extended Arabic-Indic digits into ASCII', () => {
    expect(normalizeDigits('١٢٣٤٥٦٧٨٩٠')).toBe('1234567890');
    expect(normalizeDigits('۱۲۳۴۵۶۷۸۹۰')).toBe('1234567890');
  });

  it('turns Arabic punctuation into its ASCII twin', () => {
    expect(normalizeDigits('وين طلبي؟ ١٥٠٫٥، شكرا؛')).toBe('وين طلبي? 150.5, شكرا;');
  });

  it('keeps every character at its index', () => {
    const text = 'دفعت ١٬٥٠٠٫٧٥ ريال؟';
    expect(normalizeDigits(text)).toHaveLength(text.length);
  });
});

describe('normalizeForMatching', () => {
  it('lowercases, folds Arabic and digits, and collapses whitespace', () => {
    expect(normalizeForMatching('  WHERE   is\tطلبي  رقم ٧٣٢ ')).toBe('where is طلبي رقم 732');
  });

  it('joins contractions so they stay one word', () => {
    expect(normalizeForMatching("I Can’t log in, don't")).toBe('i cant log in, dont');
  });

  it('folds presentation forms with NFKC', () => {
    expect(normalizeForMatching('ﻻ')).toBe('لا');
  });
});

describe('tokenize', () => {
  it('splits words of letters and digits in both scripts', () => {
    expect(tokenize('Hi! وين طلبي A1001؟ ٧٣٢٢٠١')).toEqual(['hi', 'وين', 'طلبي', 'a1001', '732201']);
  });

  it('returns nothing for punctuation and emoji', () => {
    expect(tokenize('!!! 👍 ...')).toEqual([]);
  });
});
