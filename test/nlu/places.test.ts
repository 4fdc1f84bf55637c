import { describe, expect, it } from 'vitest';
import {
  ENGLISH_FOR_PLACE,
  placesForSearch,
  placesNamed,
  questionPerRegion,
  withoutPlaces,
} from '../../src/nlu/places.js';

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
    // a conjunction before the preposition, with or without the article
    ['طيب ولأبها؟', [{ words: 'ولابها', region: 'saudi' }]],
    ['وبمكة؟', [{ words: 'وبمكه', region: 'saudi' }]],
    ['وبالرياض؟', [{ words: 'وبالرياض', region: 'saudi' }]],
    // و + بريدة, not و + ب + ريدة
    ['وبريدة؟', [{ words: 'وبريده', region: 'saudi' }]],
    ['كم الشحن لسلطنة عمان', [{ words: 'لسلطنه عمان', region: 'gcc' }]],
    [
      'كم الشحن للبحرين والسعودية',
      [
        { words: 'للبحرين', region: 'gcc' },
        { words: 'والسعوديه', region: 'saudi' },
      ],
    ],
  ])('%s', (text, places) => {
    expect(placesNamed(text)).toMatchObject(places);
  });

  it('does not read a common Arabic word as the place it also names', () => {
    // "within the same city", "what's the news?"
    expect(placesNamed('اقدر احول الشحنة داخل نفس المدينة؟')).toEqual([]);
    expect(placesNamed('وش الخبر؟')).toEqual([]);
    expect(placesNamed('الطلب خرج للتوصيل')).toEqual([]);
    expect(placesNamed('توصلون الخرج؟')).toMatchObject([{ words: 'الخرج', region: 'saudi' }]);
    expect(placesNamed('do you deliver to Medina and Khobar?')).toHaveLength(2);
    expect(placesNamed('كم رسوم الشحن للخبر؟')).toMatchObject([{ words: 'للخبر', region: 'saudi' }]);
    // where the customer lives is a place too
    expect(placesNamed('انا في الخبر كم الشحن؟')).toMatchObject([{ words: 'الخبر', region: 'saudi' }]);
    expect(placesNamed('ساكن بالخبر')).toMatchObject([{ region: 'saudi' }]);
    expect(placesNamed('شفت في الخبر')).toEqual([]);
  });

  it('does not read a place name followed by the word that makes it a common one', () => {
    // the screen's diameter, one's birthplace, a kindergarten
    expect(placesNamed('كم قطر الشاشة؟')).toEqual([]);
    expect(placesNamed('مسقط راسي الرياض')).toMatchObject([{ words: 'الرياض', region: 'saudi' }]);
    expect(placesNamed('رياض الاطفال')).toEqual([]);
    expect(placesNamed('الشحن لقطر؟')).toMatchObject([{ region: 'gcc' }]);
  });

  it('reads a name that keeps its article with "to" written onto it, and a two-word name whole', () => {
    expect(placesNamed('كم الشحن للخرج؟')).toMatchObject([{ words: 'للخرج', region: 'saudi' }]);
    expect(placesNamed('كم الشحن للعلا؟')).toMatchObject([{ words: 'للعلا', region: 'saudi' }]);
    expect(placesNamed('توصلون المدينة المنورة؟')).toMatchObject([{ words: 'المدينه المنوره' }]);
    expect(placesNamed('how much to Hafar Al Batin?')).toMatchObject([{ words: 'hafar al batin' }]);
  });

  it('tells where a parcel leaves from apart from where it goes', () => {
    expect(placesNamed('from Riyadh to Dubai')).toMatchObject([
      { words: 'riyadh', origin: true },
      { words: 'dubai', origin: false },
    ]);
    expect(placesForSearch('how much is shipping from Riyadh to Dubai?')).toBe(
      'how much is shipping from to dubai',
    );
    // the only place named is where the customer is, and so where the parcel goes
    expect(placesForSearch('انا من الكويت، كم الشحن؟')).toBe('انا من الكويت، كم الشحن؟');
    // where the customer lives, beside a place the parcel goes to, goes with the words that say so
    expect(placesForSearch("I'm in Kuwait, how much is shipping to Riyadh?")).toBe(
      'how much is shipping to riyadh',
    );
    expect(placesForSearch('انا بالرياض كم الشحن لدبي؟')).toBe('كم الشحن لدبي');
    expect(placesForSearch('ساكن في جدة')).toBe('ساكن في جدة');
  });

  it('knows the places nothing ships to, and where the customer is "in the" place', () => {
    expect(placesNamed('I am in Amman')).toMatchObject([
      { words: 'amman', region: 'abroad', origin: true, livesThere: true },
    ]);
    // where they are from is where the parcel would leave, not where they are
    expect(placesNamed("I'm from Egypt")).toMatchObject([
      { region: 'abroad', origin: true, livesThere: false },
    ]);
    expect(placesNamed('كم الشحن لمصر؟')).toMatchObject([{ words: 'لمصر', region: 'abroad' }]);
    expect(placesForSearch("I'm in the UK, can you ship to Dubai?")).toBe('can you ship to dubai');
  });

  it('leaves out the words that say who is at a place: "I live in", "my mom in", "لاهلي"', () => {
    expect(placesForSearch('I live in Dubai, can I ship to my mom in Riyadh? how much?')).toBe(
      'i can i ship to my riyadh how much',
    );
    expect(placesForSearch('انا بدبي وابي ارسل لاهلي بالرياض')).toBe('وابي ارسل بالرياض');
    expect(placesForSearch('ابي ارسل لاخوي في دبي')).toBe('ابي ارسل دبي');
    expect(placesForSearch('انا بالرياض وامي في ابها، توصلون لها؟')).toBe('ابها توصلون لها');
    // where they are from, beside where they live, is no longer where they are
    expect(placesForSearch("I'm from Jordan but live in Riyadh, how much is shipping?")).toBe(
      'im from but live in riyadh how much is shipping',
    );
    // sent somewhere, a parcel is shipped there; with no place, "send" is a message's
    expect(placesForSearch("I'm from Jeddah but want to send to Bahrain, how much?")).toBe(
      'im from but want to ship to bahrain how much',
    );
    // with no place, the person is what the question is about
    expect(placesForSearch('can you send my order number to my friend?')).toBe(
      'can you send my order number to my friend?',
    );
  });

  it('reads رياض after "انا" or "معك" as a man\'s name, and عمان in Levantine Arabic as Amman', () => {
    expect(placesNamed('انا رياض، كم الشحن لدبي؟')).toMatchObject([{ words: 'لدبي', region: 'gcc' }]);
    expect(placesNamed('معك رياض من الكويت')).toMatchObject([{ words: 'الكويت' }]);
    expect(placesNamed('انا بالرياض')).toMatchObject([{ region: 'saudi' }]);
    expect(placesNamed('قديش الشحن لعمان؟')).toMatchObject([{ words: 'لعمان', region: 'abroad' }]);
    // written in full with its clitics, it still says where to
    expect(placesForSearch('قديش الشحن لعمان؟')).toBe('قديش الشحن للاردن');
    expect(placesForSearch('قديش بياخد التوصيل؟ انا بعمان')).toBe('قديش بياخد التوصيل انا بالاردن');
    expect(placesNamed('كم الشحن لعمان؟')).toMatchObject([{ region: 'gcc' }]);
    // the shadda of عمّان, or a Levantine message before, says Amman too
    expect(placesNamed('شو سعر الشحن؟ انا بعمّان')).toMatchObject([{ region: 'abroad' }]);
    expect(placesNamed('انا بعمان')).toMatchObject([{ region: 'gcc' }]);
    expect(placesNamed('انا بعمان', ['قديش بياخد التوصيل؟'])).toMatchObject([{ region: 'abroad' }]);
    expect(placesNamed('عالاردن؟')).toMatchObject([{ region: 'abroad' }]);
  });

  it('leaves out where a branch would be: an online store has none anywhere', () => {
    expect(placesForSearch('عندكم فرع في عمان؟')).toBe('عندكم فرع في');
    expect(placesForSearch('عندكم محل بجدة؟')).toBe('عندكم محل');
    expect(placesForSearch('do you have a store in Riyadh?')).toBe('do you have a store in');
    expect(placesForSearch('how much is shipping to Riyadh?')).toBe('how much is shipping to Riyadh?');
  });

  it('writes a place named by a common word in full, and a common use of a name as one unknown word', () => {
    expect(placesForSearch('كم الشحن للمدينة؟')).toBe('كم الشحن مدينه منوره');
    expect(placesForSearch('مسقط راسي الرياض، كم الشحن؟')).toBe('مسقطراسي الرياض كم الشحن');
    expect(placesForSearch('كم قطر الشاشة؟')).toBe('كم قطرالشاشه');
  });

  it('splits a question about places in two regions into one per region', () => {
    expect(questionPerRegion('how much is shipping to Riyadh and to Dubai?')).toEqual([
      'how much is shipping to riyadh and to',
      'how much is shipping to and to dubai',
    ]);
    expect(questionPerRegion('how much is shipping to Riyadh and Jeddah?')).toEqual([
      'how much is shipping to Riyadh and Jeddah?',
    ]);
    expect(withoutPlaces('how much is shipping to Riyadh?')).toBe('how much is shipping to');
  });

  it('gives the English name of a place written in Arabic', () => {
    expect(ENGLISH_FOR_PLACE.get('جده')).toBe('Jeddah');
    expect(ENGLISH_FOR_PLACE.get('مدينه')).toBe('Madinah');
    expect(ENGLISH_FOR_PLACE.get('خميس مشيط')).toBeUndefined();
  });
});
