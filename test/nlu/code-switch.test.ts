import { describe, expect, it } from 'vitest';
import { classifyOffline } from '../../src/nlu/classify.js';
import { arabicForWord, inArabic, inEnglish } from '../../src/nlu/code-switch.js';

describe('English support words in Arabic messages', () => {
  it.each([
    ['الorder', 'الطلب'],
    ['order', 'طلب'],
    ['للdelivery', 'للتوصيل'],
    ['والexpress', 'والسريع'],
    ['Refund', 'استرداد'],
    ['الlaptop', 'اللابتوب'],
  ])('reads %j as %j', (word, arabic) => {
    expect(arabicForWord(word)).toBe(arabic);
  });

  it('leaves words it does not know, and brand names, as written', () => {
    expect(arabicForWord('AirPods')).toBeUndefined();
    expect(arabicForWord('الiphone')).toBeUndefined();
  });

  it('rewrites only a message that has Arabic in it, names of several words included', () => {
    expect(inArabic('كم الshipping للرياض')).toBe('كم الشحن للرياض');
    expect(inArabic('هل الcash on delivery متوفر؟')).toBe('هل الدفع عند الاستلام متوفر؟');
    expect(inArabic('how much is shipping?')).toBe('how much is shipping?');
  });

  it.each([
    ['حولني على agent', 'human_request'],
    ['وين الorder حقي', 'order_status'],
    ['وين الlaptop؟', 'order_status'],
    ['الheadphones ما تشتغل', 'complaint'],
  ])('lets the Arabic rules read %j (%s) and answers in Arabic', (text, intent) => {
    const classification = classifyOffline({ text, previousCustomerTexts: [], fallbackLanguage: 'en' });
    expect(classification.intent).toBe(intent);
    expect(classification.language).toBe('ar');
  });
});

describe('Arabic place names in English messages', () => {
  it('are given the English names the pages use, with or without ال or a ل before them', () => {
    expect(inEnglish('is delivery to جدة free?')).toBe('is delivery to Jeddah free?');
    expect(inEnglish('do you ship to الخبر or لأبها?')).toBe('do you ship to Khobar or Abha?');
    expect(inEnglish('my name is محمد')).toBe('my name is محمد');
  });
});

describe('asking for a person in dialect and in Arabizi', () => {
  it.each([
    'عايز اكلم حد',
    'ابغى اكلم حد',
    'كلمني موظف',
    'اتصلوا علي ضروري',
    'كلموني',
    'ابي اتصال',
    'في احد يرد؟',
    // a colleague there, not a product in stock ("موجود عندكم؟")
    'هل فيه موظف موجود عندكم الحين؟',
    'call me please',
    'abi agent',
    'el agent law sama7t',
    'mumkin akalim 7ad',
    'abi akalim mowadaf',
    'Is there anyone there?',
  ])('%j asks for a person', (text) => {
    const classification = classifyOffline({ text, previousCustomerTexts: [], fallbackLanguage: 'en' });
    expect(classification.humanRequest.requested).toBe(true);
  });

  it.each(['المندوب كلمني امس', 'the courier will call me tomorrow'])('%j does not', (text) => {
    const classification = classifyOffline({ text, previousCustomerTexts: [], fallbackLanguage: 'en' });
    expect(classification.humanRequest.requested).toBe(false);
  });
});
