import { describe, expect, it } from 'vitest';
import { ENGLISH_FOR_PLACE, placesNamed } from '../../src/nlu/places.js';

describe('placesNamed', () => {
  it.each([
    ['how much is shipping to Tabuk?', [{ words: 'tabuk', region: 'saudi' }]],
    ['كم الشحن للرياض؟', [{ words: 'للرياض', region: 'saudi' }]],
    ['توصلون خميس مشيط؟', [{ words: 'خميس مشيط', region: 'saudi' }]],
    [
      'do you ship to Abu Dhabi or Jeddah?',
      [
        { words: 'abu dhabi', region: 'gcc' },
        { words: 'jeddah', region: 'saudi' },
      ],
    ],
    ['وللكويت؟', [{ words: 'وللكويت', region: 'gcc' }]],
  ])('%s', (text, places) => {
    expect(placesNamed(text)).toEqual(places);
  });

  it('does not read a common Arabic word as the place it also names', () => {
    // "within the same city", "what's the news?"
    expect(placesNamed('اقدر احول الشحنة داخل نفس المدينة؟')).toEqual([]);
    expect(placesNamed('وش الخبر؟')).toEqual([]);
    expect(placesNamed('الطلب خرج للتوصيل')).toEqual([]);
    expect(placesNamed('توصلون الخرج؟')).toEqual([{ words: 'الخرج', region: 'saudi' }]);
    expect(placesNamed('do you deliver to Medina and Khobar?')).toHaveLength(2);
    expect(placesNamed('كم رسوم الشحن للخبر؟')).toEqual([{ words: 'للخبر', region: 'saudi' }]);
  });

  it('gives the English name of a place written in Arabic', () => {
    expect(ENGLISH_FOR_PLACE.get('جده')).toBe('Jeddah');
    expect(ENGLISH_FOR_PLACE.get('مدينه')).toBe('Madinah');
    expect(ENGLISH_FOR_PLACE.get('خميس مشيط')).toBeUndefined();
  });
});
