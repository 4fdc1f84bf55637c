import { describe, expect, it } from 'vitest';
import {
  destinationTerms,
  pageTerms,
  questionClauses,
  questionParts,
  searchTerms,
  sectionHints,
} from '../../src/knowledge/analyze.js';

describe('searchTerms', () => {
  it.each([
    ['I want to buy a phone', 'I want to buy'],
    ['can you order me the Volta X2 earbuds?', 'can you order'],
    ['I want to buy a Samsung TV 55 inch for my son', 'I want to buy'],
    ['i wanna by a laptop', 'i want to buy'],
    ['ابي اطلب لابتوب', 'ابي اطلب'],
    ['بدي اشتري جوال جديد', 'بدي اشتري'],
  ])('the product in "%s" is what is bought, no topic: "%s"', (question, buying) => {
    expect(searchTerms(question)).toEqual(searchTerms(buying));
  });

  it.each([
    'I want to buy a used phone',
    'if I buy earbuds can I return them?',
    'how much is the laptop I want to buy?',
    'my order the laptop is late',
  ])('"%s" keeps its product', (question) => {
    expect(searchTerms(question).length).toBeGreaterThan(searchTerms('buy order').length);
  });

  it('reads "حتى 2,000 ريال" as a maximum, and a maximum asked as the bound alone', () => {
    expect(pageTerms('للطلبات حتى 2,000 ريال')).toContain(searchTerms('الحد الأعلى')[0]);
    expect(searchTerms('وما هو الحد الأقصى للمبلغ؟')).toEqual(searchTerms('الحد الأعلى'));
    expect(searchTerms('الحد الأعلى')).toHaveLength(1);
    // a limit asked alone is still one
    expect(searchTerms('كم الحد؟')).toEqual(['الحد']);
  });

  it('reads a page that names devices and chargers with every device', () => {
    expect(pageTerms('phones, laptops and chargers')).toEqual(['phone', 'laptop', 'charger']);
    expect(searchTerms('does the phone come with a charger?')).not.toContain('phone');
    // beside its box, or what comes with it, too: the device's warranty is not asked
    expect(searchTerms('does the tv come with a wall mount in the box?')).not.toContain('tv');
    expect(searchTerms('does the laptop come with a mouse?')).not.toContain('laptop');
    // but a box it came in is still the parcel's when nothing comes with anything
    expect(searchTerms('can I return the laptop without its original packaging?')).toContain('laptop');
  });

  it('keeps a card that does not work', () => {
    expect(searchTerms("how come my card doesn't work")).toContain('work');
  });

  it.each(['does it come with a charger?', "will it come if I'm not home?", 'when will the courier come?'])(
    '"%s" asks nothing about when an order arrives',
    (question) => {
      expect(searchTerms(question)).not.toContain(searchTerms('arrive')[0]);
    },
  );

  it.each([
    ['how much is delivery?', 'what is the shipping fee'],
    ['delivery price', 'shipping costs'],
    ['بكم التوصيل؟', 'كم رسوم الشحن'],
    ['سعر التوصيل', 'تكلفة الشحن'],
    ['كم ياخذ الشحن؟', 'كم يوم الشحن؟'],
    ['كم تستغرق الشحنة؟', 'كم يوم الشحن'],
    ['how much time for shipping?', 'shipping time'],
    // how it goes: no card that works, no working hours
    ['how does delivery work?', 'delivery'],
    ['can you tell me how returns work', 'returns'],
    // what is ordered comes as the pages say it arrives
    ['if I order now, when will it come?', 'if I order now, when will it arrive?'],
  ])('"%s" and "%s" ask for the same thing', (one, other) => {
    expect(new Set(searchTerms(one))).toEqual(new Set(searchTerms(other)));
  });

  it.each([
    ['إلغاء', 'ألغي', 'الغيه', 'نلغي', 'كنسل', 'أكنسل'],
    ['الشحن', 'انشحن', 'اتشحن', 'شحنتوه'],
  ])('reads the verbs customers write for "%s" as the word the pages use', (word, ...forms) => {
    for (const form of forms) expect(searchTerms(form)).toEqual(searchTerms(word));
  });

  it('reads chatter as no topic: "what\'s going on??", "r u open", "is it worth it"', () => {
    expect(searchTerms("what's going on??")).toEqual([]);
    expect(searchTerms('r u open now')).toEqual(searchTerms('open'));
    expect(searchTerms('is it worth it')).toEqual([]);
  });

  it('keeps the goods (بضاعتي) apart from "lost" (ضاعت)', () => {
    expect(searchTerms('بضاعتي ضاعت')).toEqual(['بضاع', 'ضاع']);
  });

  it.each([
    ['هدفع كام للشحن؟', 'سعر الشحن'],
    ['كم بدفع للشحن؟', 'سعر الشحن'],
    ['كم ادفع للارجاع؟', 'سعر الارجاع'],
  ])('reads "%s" (what will I pay) as a price, not as paying', (question, price) => {
    expect(new Set(searchTerms(question))).toEqual(new Set(searchTerms(price)));
  });

  it('reads paying for shipping as its price, and paying on delivery as paying', () => {
    expect(searchTerms('do I pay shipping?')).toEqual(searchTerms('price of shipping'));
    expect(searchTerms('do I have to pay for delivery?')).toEqual(searchTerms('price of shipping'));
    expect(searchTerms('can I pay on delivery?')).toEqual(['pai', 'ship']);
  });

  it('reads "how much do you take" as a price when money is taken, and as a duration otherwise', () => {
    expect(searchTerms('قديش بتاخد عمولة تابي')).toContain('سعر');
    expect(searchTerms('قديش بتاخد تابي فوايد')).toContain('سعر');
    expect(searchTerms('قديش بتاخد التوصيل؟')).toEqual(['مده', 'شحن']);
    expect(searchTerms('كم تاخذون على التوصيل؟')).toEqual(['سعر', 'شحن']);
  });

  it('reads كم asked last as the price of what came before, and كم alone as nothing', () => {
    expect(searchTerms('ارسل للكويت كم؟')).toEqual(['ارسل', 'كوي', 'سعر']);
    expect(searchTerms('الشحن لدبي قديش')).toEqual(['شحن', 'دبي', 'سعر']);
    expect(searchTerms('كم؟')).toEqual([]);
  });

  it('keeps "how do I pay" about paying, in dialect too', () => {
    expect(searchTerms('كيف ادفع؟')).toEqual(['ادفع']);
    expect(searchTerms('هدفع ازاي؟')).toEqual(['ادفع']);
  });

  it.each([
    ['واتساب', 'الواتساب', 'بالواتساب'],
    ['لابتوب', 'اللابتوب', 'باللابتوب', 'للابتوب'],
    ['preorder', 'pre-order', 'pre order', 'Pre-orders'],
    ['توصلون', 'بتوصلوا'],
    // a ب that is the noun's own first letter stays: بطاقة is a card with or without its article
    ['البطاقة', 'بطاقة', 'بطاقتي', 'ببطاقتي', 'وبطاقة', 'بالبطاقة'],
    ['البريد', 'بريد', 'بريدي', 'بالبريد'],
    // the spoken plural بطايق (بطائق) is cards too
    ['بطاقات', 'بطايق', 'بطائق'],
    // "متى تفحصونه؟" asks when "نفحص المنتج"
    ['نفحص', 'تفحصونه', 'يفحص'],
    // a ة is a ت before a pronoun: مدتها is the مدة, فاتورتي the فاتورة, صلاحيتها the صلاحية
    ['مدة', 'مدتها', 'المدة'],
    ['الفاتورة', 'فاتورة', 'فاتورتي', 'فواتيري'],
    ['طلبية', 'طلبيتي'],
    ['قيمة', 'قيمتها'],
    // a verb's final ت says who did it: "عطيت الرمز" is the pages' "عطيته الرمز"
    ['عطيته', 'عطيت'],
    ['استلمته', 'استلمت'],
    // a ف that begins the word is no "so": فلوسي is money, فيزا a card, فولتا the shop
    ['فلوس', 'فلوسي', 'الفلوس', 'فلوسها'],
    ['فيزا', 'الفيزا'],
    ['الشواحن', 'الشاحن', 'شاحن'],
  ])('reads "%s" and its other spellings (article, hyphen, dialect ending) as one word', (word, ...forms) => {
    for (const form of forms) expect(searchTerms(form)).toEqual(searchTerms(word));
  });

  it('leaves "order" out of a pre-order, and "through" out of the topics', () => {
    expect(searchTerms('cancel my pre-order')).not.toContain('order');
    expect(searchTerms('can I order through whatsapp?')).toEqual(searchTerms('order whatsapp'));
  });

  it('drops a function word hidden behind a clitic', () => {
    expect(searchTerms('هل جوالي عليه ضمان؟')).toEqual(searchTerms('جوال ضمان'));
  });

  it.each([
    ['sorry, typing instead: do u ship to Bahrain?', 'typing ship Bahrain'],
    ['can I cancel an order if it hasnt shipped yet?', 'cancel order shipped'],
    ['كم لازم يكون الطلب عشان يصير الشحن مجاني', 'الطلب الشحن مجاني'],
  ])('keeps only the words that can be a topic of "%s"', (question, topics) => {
    expect(searchTerms(question)).toEqual(searchTerms(topics));
  });
});

describe('destinationTerms', () => {
  it('finds the place after إلى', () => {
    expect(destinationTerms('ممكن توصلون طلبي إلى لندن؟')).toEqual(searchTerms('لندن'));
  });

  it.each([
    ['توصلون الطلب للندن؟', 'لندن'],
    ['ممكن ترسلونه لجدة؟', 'جدة'],
    ['تشحنون للرياض؟', 'الرياض'],
  ])('finds the place written with ل after a word for sending: "%s"', (question, place) => {
    expect(destinationTerms(question)).toEqual(searchTerms(place));
  });

  it('takes no ل word for a place without a word for sending, nor a function word', () => {
    expect(destinationTerms('لندن حلوة للسياحة')).toEqual([]);
    expect(destinationTerms('توصلون لكم طلبات؟')).toEqual([]);
  });

  it('leaves English "to" alone: it also marks an infinitive', () => {
    expect(destinationTerms('I want to upgrade to Volta Plus')).toEqual([]);
  });
});

describe('questionClauses', () => {
  it('keeps the clauses that ask, as search terms', () => {
    expect(questionClauses('we had a debate at home: do you deliver to Jeddah?')).toEqual([
      searchTerms('do you deliver to Jeddah?'),
    ]);
    expect(questionClauses('آسف على الإزعاج، كم رسوم التوصيل؟')).toEqual([searchTerms('كم رسوم التوصيل؟')]);
    expect(questionClauses('sorry to bother you. how much is delivery? thanks!')).toEqual([
      searchTerms('how much is delivery?'),
    ]);
  });

  it('has nothing to add for one clause, or clauses without search terms', () => {
    expect(questionClauses('do you deliver to Jeddah?')).toEqual([]);
    expect(questionClauses('hi, do you deliver to Jeddah?')).toEqual([]);
  });
});

describe('sectionHints', () => {
  it.each([
    ['can I cancel if it already shipped?', ['after', 'after']],
    ['my order has shipped, can I still cancel?', ['after']],
    ["it hasn't shipped yet, can I cancel?", ['before', 'before']],
    ['خلاص انشحن الطلب، اقدر الغيه؟', ['بعد', 'بعد']],
    ['الطلب لسه ما انشحن', ['قبل', 'قبل']],
    ['how do I cancel my order?', []],
  ])('"%s" → %j', (question, hints) => {
    expect(sectionHints(question)).toEqual(hints);
  });

  it('are no search terms: they never decide whether a page answers', () => {
    expect(searchTerms('already yet خلاص لسه')).toEqual([]);
  });
});

describe('questionParts', () => {
  it.each([
    [
      'do you deliver to Riyadh and can I pay with Tabby?',
      ['do you deliver to Riyadh', 'can I pay with Tabby?'],
    ],
    ['how long does shipping take and how much?', ['how long does shipping take', 'how much?']],
    ['توصلون الرياض وهل تقبلون تابي؟', ['توصلون الرياض', 'وهل تقبلون تابي؟']],
    ['كم ياخذ الشحن لدبي وبكم؟', ['كم ياخذ الشحن لدبي', 'وبكم؟']],
    [
      'what is your return policy? how long does a refund take?',
      ['what is your return policy?', 'how long does a refund take?'],
    ],
    // a list's items ask, with a question mark or without; "1)" ends one as "1." does
    [
      '1) whats your working hours 2) do you have a store in riyadh 3) email?',
      ['whats your working hours 2)', 'do you have a store in riyadh 3)', 'email?'],
    ],
    [
      'أسئلتي:\n١- كم الشحن لجدة\n٢- تقبلون تمارا\n٣- عندكم فرع',
      ['١- كم الشحن لجدة', '٢- تقبلون تمارا', '٣- عندكم فرع'],
    ],
  ])('%j asks %j', (text, parts) => {
    expect(questionParts(text)).toEqual(parts);
  });

  it.each([
    'do you deliver to Riyadh?',
    'hi, do you deliver to Jeddah?',
    'I ordered a phone and a case, where is it?',
  ])('%j asks one thing', (text) => {
    expect(questionParts(text)).toEqual([]);
  });
});
