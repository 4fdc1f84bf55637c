import { describe, expect, it } from 'vitest';
import { classificationSchema } from '../../src/llm/classification.js';
import { classify } from './classify-helper.js';

describe('classifyOffline', () => {
  it.each([
    'THIS IS RIDICULOUS!!! IT WAS SUPPOSED TO ARRIVE A WEEK AGO',
    'ابي استرجاع فلوسي ١٥٠ ريال للطلب A1001',
    '',
    '👍',
    '3',
  ])('returns a valid Classification for %j', (text) => {
    expect(classificationSchema.safeParse(classify(text)).success).toBe(true);
  });

  it('is deterministic', () => {
    const text = 'والله يقهر، كل يوم نفس الشي، وين طلبي A1001؟';
    expect(classify(text)).toEqual(classify(text));
  });

  it('detects the language, falling back when the text has no words', () => {
    expect(classify('وين طلبي؟', { fallback: 'en' }).language).toBe('ar');
    expect(classify('where is my order?', { fallback: 'ar' }).language).toBe('en');
    expect(classify('A1001', { fallback: 'ar' }).language).toBe('ar');
    expect(classify('', { button: 'menu_order', fallback: 'ar' }).language).toBe('ar');
    // an acknowledgement in Latin letters keeps an Arabic conversation Arabic
    expect(classify('ok', { fallback: 'ar' }).language).toBe('ar');
    expect(classify('Okay', { fallback: 'ar' }).language).toBe('ar');
    expect(classify('ok thanks', { fallback: 'ar' }).language).toBe('en');
  });

  it('carries the entities', () => {
    expect(classify('I paid SAR 150 twice for A1001').entities).toEqual({
      orderIds: ['A1001'],
      amounts: [{ value: 150, currency: 'SAR', text: 'SAR 150' }],
    });
  });

  it('carries the frustration score and its evidence', () => {
    const result = classify('worst service ever!!!');
    expect(result.frustration).toBeGreaterThanOrEqual(0.7);
    expect(result.frustrationEvidence).toEqual(['worst', 'ever', '!!!']);
  });

  it('scores repetition against the earlier customer messages', () => {
    const earlier = 'my order A1001 still has not arrived and it was due on monday';
    const result = classify(`again: ${earlier}`, { previous: ['hi', earlier] });
    expect(result.frustrationEvidence).toContain('repeated complaint');
    expect(result.frustration).toBeGreaterThanOrEqual(0.7);
  });

  it('gives a full picture of an upset Arabic refund request', () => {
    expect(classify('خدمتكم سيئة جدا، ابي استرجاع فلوسي للطلب A1001')).toEqual({
      language: 'ar',
      intent: 'complaint',
      frustration: 0.85,
      frustrationEvidence: ['سيئة', 'جدا'],
      humanRequest: { requested: false },
      sensitiveTopics: [{ topic: 'refund', evidence: 'استرجاع فلوسي' }],
      area: 'billing',
      entities: { orderIds: ['A1001'], amounts: [] },
      needsPerson: { needed: false },
    });
  });
});
