import { stemmer } from 'stemmer';
import { isPhoneShaped } from '../nlu/entities.js';
import { asksSomething } from '../nlu/framing.js';
import { CLAUSE_MARK, tokenize } from '../nlu/normalize.js';
import { prepare } from '../nlu/phrases.js';
import { ENGLISH_FOR_PLACE, placesNamed } from '../nlu/places.js';
import {
  BUYS_AR,
  devicesBesideAnAccessory,
  isBuyMisspelt,
  isProductWord,
  namesProduct,
  ORDERING_AR,
  productsToChooseFrom,
  wantedProduct,
} from './wanted-product.js';

/**
 * Function words and chatter. A word no knowledge page uses weighs the most when judging whether a
 * section answers a question (see TermWeights), so everyday words that are never a topic ("u",
 * "today", "already", "sorry") must not get that far.
 */
const englishStopwords = new Set(
  [
    'a an the and or but if of to whats hows wheres thats its im ok okay then in on at by for with about from into',
    'is are was were be been am do does did i me my we our you your u ur he she it its they them their',
    'this that these those what which who whom how when where why can could would should will shall may might must',
    'have has had there here any some something anything please pls plz hi hello hey thanks thank thx sorry',
    'yes no not just so than then too very really also want wants wanted need needs know tell get got much many',
    'dont doesnt didnt isnt arent wasnt werent hasnt havent hadnt cant couldnt wont wouldnt shouldnt ive youre',
    // "I'd" as the tokens leave it: no page says "ID"; "interested in buying" is no interest paid
    'id interested',
    // "planning to buy a ps5" plans nothing the pages call a plan
    'planning thinking considering wanna gonna',
    'today tomorrow yesterday now still yet already instead under over above below exceeding ago through via enough',
    // "how long till i get my stuff?": until when is how long
    'till til until',
    // "do you do trade ins": the plural of "trade in", whose "in" is no search word either
    'ins',
    // in a shop, buying is never the topic: "can I return something I bought 20 days ago?"
    'bought purchased',
    // liking is why, not what: "return the earbuds because I didn't like them"
    'like likes liked love loved because cause coz cuz bc bcz bcoz since',
    'guys guy quick q question morning evening afternoon',
    // the Arabic article in place names: "Hafar Al Batin" is not about "Al Ahsa"
    'al',
    // where the customer lives is no topic, as ساكن is not: "I'm from Jordan but live in Riyadh"
    'live lives living',
    // seeing is how one asks for it: "can I see my invoice?" asks for the invoice
    'see view',
    // what is spent is an amount, and a company the courier's: "free if I spend 350?"
    'spend spending spent company companies',
    // texting ("r u open now", "wat is volta plus"), and whether it is worth it
    'r wat wht worth',
    // "what's going on??" asks nothing of its own, nor does a correction: "sorry i meant kuwait"
    'going meant actually oh oops wait',
    // "is cash on delivery possible for 2500 sar?": whether it can be is how it asks
    'possible possibly',
    // "Sharjah specifically" after the Gulf delivery areas: the place is the question
    'specifically exactly particular particularly',
    // "how do i use one": the one is the thing asked about before
    'one ones',
    // chatter around the question: "ugh long day at work. anyway do you deliver on fridays?"
    'anyway anyways btw lol lmao haha hahaha ugh hmm umm honestly yall',
    // how the customer feels about it: "i'm a bit confused about tabby, how does it work"
    'confused confusing unsure worried bit',
    // or of the question itself: "dumb question but do you deliver to abha"
    'stupid dumb silly',
    // "what's the delivery code thing", "send stuff back": whatever it is, named by other words
    'thing stuff',
    // Arabizi's "is there" and "and the" before English words, which reach the English search:
    // "fi tabby?", "wel express?"
    'fi wel',
  ]
    .join(' ')
    .split(' '),
);

/** Already normalised (alef, ta marbuta, ya): see normalizeArabic. Gulf dialect chatter included. */
const arabicStopwords = new Set(
  [
    'في من الى علي عن مع هل ما ماذا متي كيف كم اين وين لماذا ليش مين منو هذا هذه هذي ذلك تلك انا انت انتم نحن هو هي هم',
    'كان يكون او ثم لو اذا لا نعم ابي ابغي ابغا ابغ اريد ودي ممكن سمحت عندي عندك عندكم لكم لك لي لنا منك',
    'له لها لهم لما يا شو ايش وش الي اللي التي الذي طيب اليوم يوم امس بكره الحين الان للحين لسه توني',
    'فيه فيها يوجد عشان علشان لان لازم يصير ينفع يمديني يمدي اعرف اقدر تقدر تقدرون نقدر حق حقكم حقي جدا شكرا مرحبا هلا',
    'بس كذا كل اي غير ولا ايضا خلال دون عبر حتي فقط ياخذ تاخذ فوق تحت',
    // Egyptian: كام (how much), عايز (I want), ازاي (how), فين (where), امتى (when), بتاع (of)
    'كام بكام عايز عاوز عايزه عاوزه ازاي فين امتي بتاع بتاعي بتاعتي بتاعت بتاعه بتاعك اعمل نعمل اسوي نسوي',
    // wishing: "حابب اشتري ايباد", "أرغب في شراء جوال"
    'حاب حابب حابه ارغب نرغب',
    // Levantine: قديش (how much), شو (what), هلق (now), رح (will): "المصاري رح ترجع عالبطاقة؟"
    'قديش اديش قداش هلق بدي بدنا رح',
    // Gulf لين (until): "المندوب يوصل لين كم الساعة؟"
    'لين',
    'السلام سلام عليكم لديكم لديك لدي لدينا عندنا خلاص انتو انتوا',
    // و written onto a short question word the stemmer leaves alone
    'وكم وهل ومتي ووين وكيف وليش وش وايش وفي وما',
    // a correction: "لا قصدي الدمام"
    'قصدي اقصد عفوا',
    // "to" written apart, before a name in Latin letters: "كم الشحن لل Dammam"
    'لل',
    'تحديدا بالتحديد بالذات',
    // "سؤال غبي بس كم الشحن": the question, and what the customer thinks of it
    'سوال سؤال غبي سخيف',
    'لاني لانه لانها لانهم حبيت حبيته حبيتها عجبني عجبتني',
    // "يطفي لحاله" (by itself): how, not what
    'لحاله لحالها لوحده لوحدها بروحه بروحها',
    // where the customer lives, or where they are from, is no topic: "انا مصري عايش في الرياض"
    'ساكن ساكنه ساكنين اسكن عايش عايشه',
    'مصري مصريه اردني اردنيه سوري سوريه لبناني لبنانيه عراقي عراقيه يمني يمنيه سوداني سودانيه فلسطيني فلسطينيه',
    // "وين القى الفاتورة؟": finding is the question, not its topic; so is seeing: "ابي اشوف الفاتورة"
    'القي الاقي القاه القاها الاقيه الاقيها اشوف',
    // "كيف الطريقة؟" (how is it done): a way asked for, which stems onto الطريق ("في الطريق", on its way)
    'طريقه الطريقه بطريقه وطريقه والطريقه',
    // the customer making up their mind: "بفكر الغي… بس لسه ما قررت"
    'بفكر افكر نفكر ابفكر قررت اقرر قررنا',
  ]
    .join(' ')
    .split(' '),
);

/** Each word (as stemmed) of a group → the one term that stands for the group. */
function concepts(groups: Readonly<Record<string, readonly string[]>>): ReadonlyMap<string, string> {
  return new Map(
    Object.entries(groups).flatMap(([term, words]) => words.map((word) => [word, term] as const)),
  );
}

/**
 * Customers and pages name the same thing in different words: a price is asked for as "how much",
 * fee, بكم or رسوم and stated as "costs 25 SAR" or تكلفة; customers say delivery (توصيل) where the
 * pages say shipping (شحن). One term per idea lets a question find the section that answers it.
 */
const PRICE = 'cost';
const MAXIMUM = 'maximum';
const MINIMUM = 'minimum';
const LIMIT = 'limit';
const englishConcepts = concepts({
  [PRICE]: ['fee', 'price', 'sar', 'riyal'],
  ship: ['deliv', 'deliveri', 'shipment'],
  [MAXIMUM]: ['max', 'highest'],
  [MINIMUM]: ['min', 'lowest'],
  // "are your prices inclusive of VAT?" asks what "include 15% VAT" says
  includ: ['inclus'],
});
const ARRIVE = stemmer('arrive');
const COMES = new Set(['come', 'comes', 'coming']);
const COMES_OTHERWISE = new Set(['with', 'back', 'in', 'out', 'from', 'up', 'across', 'to', 'and']);
const WHEN = new Set(['when', 'today', 'tomorrow', 'tonight', 'before', 'soon', 'long', 'days', 'week']);
/**
 * "when will it come?", "will it come tomorrow?": when what is ordered arrives (a courier, a refund
 * or a code comes otherwise; "will it come if I'm not home?" asks about a missed delivery).
 */
const comesToTheCustomer = (tokens: readonly string[], at: number) =>
  COMES.has(tokens[at] ?? '') &&
  tokens[at - 1] === 'it' &&
  !COMES_OTHERWISE.has(tokens[at + 1] ?? '') &&
  tokens.some((word) => WHEN.has(word));
const WORKS = new Set(['work', 'works']);
const NOT_WORKING = new Set(['not', 'doesnt', 'dont', 'didnt', 'wont', 'isnt', 'arent', 'stopped']);
/** "how does delivery work?", "tell me how returns work" (not "how … if my card doesn't work"). */
const asksHowItGoes = (tokens: readonly string[], at: number) =>
  tokens.slice(Math.max(0, at - 4), at).includes('how') && !NOT_WORKING.has(tokens[at - 1] ?? '');
/** Sending, delivering or shipping, normalised: توصلون، نوصل، ترسلون، ارسال، تشحنون، ابعث، التوصيل. */
const SENDING_AR = /^(?:ال)?[اتني]?(?:وصي?ل|رسا?ل|شحن|بعث|بعت)/;
const SENDING_EN = new Set(['send', 'sending', 'ship', 'shipping', 'deliver', 'delivery', 'post']);
const isSending = (token: string) => SENDING_EN.has(token) || SENDING_AR.test(token);

/** Whether a text is about sending something somewhere: "send", "deliver", توصلون، ابعت، الشحن. */
export function mentionsSending(text: string): boolean {
  return tokenize(text).some(isSending);
}
const ARRIVES_AR = new Set([
  'يوصل',
  'توصل',
  'يوصلني',
  'يجي',
  'تجي',
  'يجيني',
  'استلم',
  'استلمه',
  'استلمها',
  'اجي',
]);
/**
 * "send stuff back", "send it back": returning it, as the pages say (the refund's money that goes
 * "back to the original payment method" is no return). The position of each "back" so read.
 */
const SENDS_BACK = new Set(['send', 'sending', 'sent', 'ship', 'post', 'mail']);
const RETURN = stemmer('return');
const sentBackAt = (tokens: readonly string[], at: number) =>
  SENDS_BACK.has(tokens[at] ?? '') && [tokens[at + 1], tokens[at + 2]].includes('back');
function backOfSendingBack(tokens: readonly string[]): number[] {
  return tokens.flatMap((token, at) =>
    token === 'back' && (sentBackAt(tokens, at - 1) || sentBackAt(tokens, at - 2)) ? [at] : [],
  );
}
/** What arrives, in "لما الاوردر يوصل" (when the order arrives): no topic of its own. */
const PARCEL_AR = /^(?:ال)?(?:اوردر|طلب|طلبيه|شحنه|طرد|منتج|غرض)$/u;
function parcelsArriving(tokens: readonly string[]): number[] {
  return tokens.flatMap((token, at) =>
    tokens[at - 1] === 'لما' && PARCEL_AR.test(token) && ARRIVES_AR.has(tokens[at + 1] ?? '') ? [at] : [],
  );
}
/** "الاستلام" as the stemmer leaves it: what "cash on delivery" (الدفع عند الاستلام) is on. */
const ON_DELIVERY_AR = 'استلام';
const GIFT = new Set(['gift', 'gifts', 'present', 'هديه', 'هدايا', 'كهديه']);
const CARD = new Set(['card', 'cards', 'voucher', 'vouchers', 'بطاقه', 'بطاقات', 'كارت']);

/**
 * "I want to send a gift to my sister in Jeddah": a gift sent is a parcel like any other, and the
 * question is the shipping; "send a gift card", "بطاقة هدية" still ask about gift cards.
 */
function isGiftSent(tokens: readonly string[], at: number): boolean {
  const token = tokens[at] ?? '';
  return (
    GIFT.has(token) &&
    !CARD.has(tokens[at + 1] ?? '') &&
    !CARD.has(tokens[at - 1] ?? '') &&
    tokens.slice(0, at).some(isSending)
  );
}
/**
 * "can i get it delivered to my office instead?", "send it to my brother instead": the parcel to go
 * somewhere else, the address changed and the parcel redirected; not to a place named, "can I ship
 * to my cousin in Dubai instead?", which asks whether we deliver there.
 */
const SENT_EN = new Set([...SENDING_EN, 'sent', 'delivered', 'shipped', 'go']);
const ADDRESS = stemmer('address');
const REDIRECT = stemmer('redirect');
/** Where the words naming the new destination begin, when `at` is such an "instead". */
function sentElsewhere(tokens: readonly string[], at: number): number | undefined {
  if (tokens[at] !== 'instead') return undefined;
  const to = tokens.lastIndexOf('to', at - 1);
  if (to < 0 || at - to > 5) return undefined;
  if (!tokens.slice(Math.max(0, to - 4), to).some((token) => SENT_EN.has(token))) return undefined;
  return placesNamed(tokens.slice(to + 1, at).join(' ')).length > 0 ? undefined : to + 1;
}
/**
 * The words naming where the parcel should go instead, which are no topic of their own (no page
 * says "office"), unless they say "address": "my work address" is in the address section's keywords.
 */
function destinationsInstead(tokens: readonly string[]): number[] {
  return tokens.flatMap((_, at) => {
    const from = sentElsewhere(tokens, at);
    if (from === undefined) return [];
    const words = tokens.slice(from, at);
    return words.includes('address') ? [] : words.map((_, i) => from + i);
  });
}
/**
 * "and if the new one is more expensive?", "…cheaper?": what it costs, compared, as the pages say
 * "costs more". Not "your prices are expensive", which compares nothing.
 */
const costsMoreOrLess = (tokens: readonly string[], at: number) =>
  tokens[at] === 'cheaper' ||
  (tokens[at] === 'expensive' && (tokens[at - 1] === 'more' || tokens[at - 1] === 'less'));
const isAmount = (token: string | undefined) => /^\d/u.test(token ?? '');
/**
 * "for orders up to 2,000 SAR", "by up to 5 days", "from 100 SAR to 5,000 SAR": the most there is,
 * which customers ask for as the maximum, the max or the limit.
 */
function statesAMaximum(tokens: readonly string[], at: number): boolean {
  if (tokens[at] === 'up') return tokens[at + 1] === 'to' && isAmount(tokens[at + 2]);
  if (tokens[at] !== 'to' || !isAmount(tokens[at + 1])) return false;
  const before = tokens.slice(Math.max(0, at - 4), at);
  return before.some((word, i) => word === 'from' && isAmount(before[i + 1]));
}
/** "from 100 SAR to 5,000 SAR", "من 50 إلى 2,000 ريال": the least there is, and the most. */
function statesARange(tokens: readonly string[], at: number, from: string, to: string): boolean {
  if (tokens[at] !== from || !isAmount(tokens[at + 1])) return false;
  const after = tokens.slice(at + 2, at + 6);
  return after.some((word, i) => word === to && isAmount(after[i + 1]));
}
/** The least and the most, as Arabic asks them: "كم اقل قيمة؟", "الحد الادنى", "اعلى مبلغ". */
const MINIMUM_AR = 'اقل';
const MAXIMUM_AR = 'اعلي';
const LEAST_AR = new Set(['اقل', 'ادني', 'الادني', 'واقل']);
const MOST_AR = new Set(['اعلي', 'الاعلي', 'اقصي', 'الاقصي', 'واعلي']);
const isBoundAr = (word: string | undefined) =>
  word !== undefined && (LEAST_AR.has(word) || MOST_AR.has(word));
/** What the least or the most is of, once they are asked: "min amount?", "كم اقل قيمة؟". */
const AMOUNT_OF = new Set(['amount', 'value', 'مبلغ', 'قيمه', 'المبلغ', 'القيمه', 'للمبلغ', 'للقيمه']);
/** "الحد الأقصى" (the maximum), "الحد الأدنى": the bound says it all, the limit is its frame. */
const LIMIT_AR = new Set(['حد', 'الحد', 'والحد']);
const BOUNDS = new Set([MINIMUM, MAXIMUM, MINIMUM_AR, MAXIMUM_AR]);
/** Who "you" are when a customer asks whether you buy: the shop. */
const SHOP = new Set(['you', 'u', 'guys']);
const BUYS_EN = new Set(['buy', 'purchase']);
const BUYBACK = stemmer('buyback');
const PAY = new Set(['pay', 'paying']);
/** Verbs that move the chat to someone: "transfer me", "connect me". */
const CHAT_MOVED = new Set(['transfer', 'connect', 'forward', 'redirect']);
/** What is paid for when "pay" asks a price: "do I pay shipping?" (not "pay on delivery"). */
const PAID_FOR = new Set(['shipping', 'delivery', 'postage']);
const PRICE_AR = 'سعر';
/** What the pages' "مرفوضة" (declined) searches as. */
const DECLINED_AR = 'مرفوض';
const ACCEPTED_AR = new Set(['تنقبل', 'ينقبل', 'انقبلت', 'انقبل', 'اتقبلت', 'اتقبل', 'تتقبل', 'يتقبل']);
const NEGATION_AR = new Set(['ما', 'مو', 'مش', 'لا', 'لم', 'ماعم']);
/** Tokenised (ة written ه), as the tokens they are compared with. */
const NOT_A_BANK_CARD_AR = new Set([
  ...['تمارا', 'بتمارا', 'تابي', 'بتابي', 'بايبال', 'ابل', 'جوجل'],
  ...['هديه', 'الهديه', 'هدايا', 'كوبون', 'الكوبون', 'كود', 'الكود'],
]);
/** "ما تنقبل", "ما عم ينقبل" (Levantine: is not being accepted). */
function isNegatedAr(tokens: readonly string[], at: number): boolean {
  const before = tokens[at - 1] ?? '';
  return NEGATION_AR.has(before) || (before === 'عم' && NEGATION_AR.has(tokens[at - 2] ?? ''));
}
const DURATION_AR = 'مده';
const DURATION_UNITS_AR = new Set(['يوم', 'ايام', 'ساعه', 'ساعات', 'اسبوع', 'اسابيع', 'وقت']);
/** "كم ياخذ الشحن؟" (how long does it take): the verbs that make كم ask a duration. */
const TAKES_AR = new Set([
  'ياخذ',
  'تاخذ',
  'ياخد',
  'تاخد',
  'بياخذ',
  'بتاخذ',
  'بياخد',
  'بتاخد',
  'يستغرق',
  'تستغرق',
  'يطول',
  'تطول',
  'بيطول',
  'بتطول',
  // Levantine "needs": "قديش بدو التوصيل؟"
  'بدو',
  'بدها',
  // "you take": "كم تاخذون على التوصيل؟" is what they charge (see MONEY_AR), "كم تاخذون يوم؟" how long
  'تاخذون',
  'تاخدون',
  'تاخذوا',
  'تاخدوا',
  'بتاخذوا',
  'بتاخدوا',
  'بتاخذو',
  'بتاخدو',
  'تاخذو',
  'تاخدو',
]);
/** What lasts: before a كم asked last, a duration is asked ("انا في جدة، الضمان كم"). */
const LASTING_AR = new Set(['مده', 'المده', 'ضمان', 'الضمان', 'كفاله', 'الكفاله', 'بعد']);
/** What a shop takes that is money, not time: "كم ياخذون عمولة؟", "قديش بتاخد فوايد؟". */
const MONEY_AR = new Set([
  'عموله',
  'عمولات',
  'فوايد',
  'فوائد',
  'فايده',
  'فائده',
  'فلوس',
  'رسوم',
  'نسبه',
  'مصاريف',
  // "كم تاخذ تابي؟": what the instalment company takes is money
  'تابي',
  'تمارا',
]);
const SHIPPING_AR = 'شحن';
/** Buying, as the ordering page's keywords say it. */
const BUY_AR = 'شراء';
const PAY_AR = 'ادفع';
/** "موجود عندكم؟" (do you have it?) asks what the pages call in stock, متوفر; "ما كنت موجود" is being home. */
const PRESENT_AR = new Set(['موجود', 'موجوده', 'موجودين']);
const WITH_YOU_AR = new Set(['عندكم', 'عندك', 'لديكم']);
const IN_STOCK_AR = 'متوفر';
/**
 * "I ordered the wrong size", "طلبت مقاس غلط", "اخترت اللون الغلط": the customer's own slip, which
 * an exchange mends (an item we sent wrong is the damaged or wrong items' section, and a person's).
 */
const OWN_SLIP_EN = new Set(['ordered', 'bought', 'chose', 'picked', 'selected']);
const OWN_SLIP_AR = new Set(['طلبت', 'طلبنا', 'اخترت', 'اشتريت', 'حطيت']);
const WRONG_EN = new Set(['wrong', 'incorrect']);
const WRONG_AR = new Set(['غلط', 'الغلط', 'خطا', 'الخطا']);
/** What was chosen wrong, between the verb and "wrong": "the", "a", المقاس, لون. */
const CHOSEN_AR = /^(?:ال)?(?:مقاس|لون|موديل|حجم|نوع)$/u;
const isOwnSlip = (tokens: readonly string[], at: number): boolean => {
  const token = tokens[at] ?? '';
  if (WRONG_EN.has(token)) {
    const verb = ['the', 'a'].includes(tokens[at - 1] ?? '') ? tokens[at - 2] : tokens[at - 1];
    return OWN_SLIP_EN.has(verb ?? '');
  }
  if (!WRONG_AR.has(token)) return false;
  const verb = CHOSEN_AR.test(tokens[at - 1] ?? '') ? tokens[at - 2] : tokens[at - 1];
  return OWN_SLIP_AR.has(verb ?? '');
};
/** Exchanging, as the exchanges' section says it (استبدال is its own stem). */
const EXCHANGE_EN = stemmer('exchange');
const EXCHANGE_AR = 'استبدال';
/** "I don't want to accept the delivery" is refusing it, as the pages say; "do you accept cash?" asks how to pay. */
const REFUSE_EN = stemmer('refuse');
const NOT_EN = new Set(['not', 'dont', 'didnt', 'wont', 'cant', 'never']);
const refusesToAccept = (tokens: readonly string[], at: number) =>
  tokens[at] === 'accept' && tokens.slice(Math.max(0, at - 3), at).some((word) => NOT_EN.has(word));
/**
 * "what's not covered?", "وش اللي ما يغطيه؟": what a cover leaves out, as a page says it ("It does
 * not cover…", "ما لا يشمله الضمان"), apart from what it covers, whose words are the same but "not".
 * The Arabic ما is "not" only after the words that ask "what" ("اللي ما يغطيه"); "ما يشمله" alone
 * is "what it covers".
 */
const COVER_EN = new Set(['cover', 'covers', 'covered', 'covering']);
const NOT_COVER_EN = new Set(['not', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wont', 'never']);
const COVER_AR = /^(?:[يت](?:غطي|شمل)(?:ه|ها|هم)?|مغطي|مشمول|مشموله)$/u;
const NOT_COVER_AR = new Set(['لا', 'مو', 'مش', 'مب', 'غير', 'ليس']);
const ASKING_WHAT_AR = new Set(['اللي', 'الي', 'وش', 'ايش', 'شو', 'شنو', 'شي']);
const EXCLUDED_EN = stemmer('excluded');
const EXCLUDED_AR = 'مستثني';
function leftOut(tokens: readonly string[], at: number): string | undefined {
  const token = tokens[at] ?? '';
  if (COVER_EN.has(token)) {
    return tokens.slice(Math.max(0, at - 2), at).some((word) => NOT_COVER_EN.has(word))
      ? EXCLUDED_EN
      : undefined;
  }
  if (!COVER_AR.test(token)) return undefined;
  const before = tokens[at - 1] ?? '';
  const negated = NOT_COVER_AR.has(before) || (before === 'ما' && ASKING_WHAT_AR.has(tokens[at - 2] ?? ''));
  return negated ? EXCLUDED_AR : undefined;
}
/**
 * "ما ابي اسجل حساب", "بدون ما اسجل" (I don't want to register): ordering as a guest, as the pages
 * say it, not the account (whose deleting shares every other word).
 */
const REGISTER_AR = new Set(['اسجل', 'نسجل', 'سجل', 'تسجيل']);
const NOT_WANTED_AR = new Set([...NEGATION_AR, 'بدون', 'مابي', 'مابغي', 'ماابي', 'ماابغي']);
const GUEST_AR = 'ضيف';
const refusesToRegisterAr = (tokens: readonly string[], at: number) =>
  REGISTER_AR.has(tokens[at] ?? '') &&
  tokens.slice(Math.max(0, at - 3), at).some((word) => NOT_WANTED_AR.has(word));
/**
 * "do you have the galaxy s24?", "عندكم بلايستيشن؟": whether it is in stock, as the pages say it
 * (not "do you have a warranty on the iphone?", whose product comes later).
 */
const IN_STOCK_EN = 'stock';
const ARTICLES = new Set(['a', 'an', 'the', 'any']);
function asksWhetherWeHave(tokens: readonly string[], at: number): boolean {
  if (!namesProduct(tokens[at] ?? '')) return false;
  const before = ARTICLES.has(tokens[at - 1] ?? '') ? at - 2 : at - 1;
  const word = tokens[before] ?? '';
  if (WITH_YOU_AR.has(word)) return true;
  return word === 'have' && ['you', 'u'].includes(tokens[before - 1] ?? '');
}
/** "هل فيه موظف موجود عندكم؟": someone there to answer, not something in stock. */
const SOMEONE_AR = new Set(['موظف', 'احد', 'حد', 'حدا', 'انسان', 'شخص', 'مندوب', 'المندوب', 'الموظف']);
const asksInStockAr = (tokens: readonly string[], at: number) =>
  PRESENT_AR.has(tokens[at] ?? '') &&
  (WITH_YOU_AR.has(tokens[at + 1] ?? '') || WITH_YOU_AR.has(tokens[at - 1] ?? '')) &&
  !tokens.some((token) => SOMEONE_AR.has(token));
// Levantine قديش and اديش as well
const HOW_MUCH_AR = new Set(['كم', 'وكم', 'كام', 'بكام', 'قديش', 'وقديش', 'اديش', 'قداش']);
const FOR_HOW_MUCH_AR = new Set(['بكم', 'بكام', 'وبكم', 'وبكام', 'بقديش', 'باديش']);
/** "pay" as a page would not say it; beside كم it asks a price ("كم ادفع؟"). */
const PAYS_AR = new Set([PAY_AR, 'دفع', 'ندفع', 'يدفع', 'تدفع']);
const CANCEL_AR = 'غاء';
const arabicConcepts = concepts({
  [PRICE_AR]: ['اسعار', 'رسوم', 'تكلف', 'كلف', 'بكم', 'بكام', 'ريال', 'ريالا'],
  // "I will pay" in Egyptian (هدفع) read as ادفع, the word the payment methods answer "كيف ادفع؟"
  // by; Levantine and Gulf بدفع loses its ب to the stemmer and stays دفع
  [PAY_AR]: ['هدفع', 'هندفع', 'حدفع', 'حندفع'],
  // the loanword: "عايز اعمل ريترن"
  ارجاع: ['ريترن', 'رترن'],
  // "متى تفحصونه؟" is when "نفحص المنتج"
  فحص: ['نفحص', 'تفحص', 'تفحصون', 'يفحص', 'تفحصو'],
  فرع: ['فروع'],
  // broken plurals the pages use: "الشواحن" is what "والشاحن؟" asks about
  شاحن: ['شواحن'],
  // "كم صلاحيتها؟" (validity) is how long "صالحة لمدة 3 سنوات"
  صالح: ['صلاحي'],
  // "اقدر احدد يوم التوصيل؟", "…اختار…" ask what "لا يمكن اختيار يوم التوصيل" answers
  اختيار: ['اختار', 'نختار', 'احدد', 'نحدد'],
  // "اقدر اضيفه؟" asks what "لا يمكن إضافة الكود" answers
  اضاف: ['اضيف', 'نضيف'],
  // "اقدر اقسط اللابتوب؟" (pay it in instalments)
  تقسيط: ['اقسط', 'قسط', 'تقسط', 'اقسطه', 'اقسطها'],
  // "الشحن ببلاش؟" (for nothing): free, as مجاني; بلاش loses its ب to the stemmer
  مجان: ['بلاش', 'لاش'],
  // "اقدر اطلب بدون ما اسجل؟": registering is having an account
  حساب: ['اسجل'],
  // verbs as customers write them: انشحن، اتشحن، شحنتوه
  [SHIPPING_AR]: [
    'توصيل',
    'انشحن',
    'اتشحن',
    'انشحنت',
    'يتشحن',
    'شحنت',
    'شحنتو',
    'تشحن',
    'يشحن',
    'نشحن',
    'توصل',
    'نوصل',
    // the Levantine plural without its alef: "بتوصلو على عمان؟"
    'توصلو',
    'تشحنو',
    // Levantine and Egyptian "send": "بدي ابعت لاهلي بالرياض"
    'ابعت',
    'ابعث',
    'نبعت',
    'تبعت',
  ],
  // الغي and ألغيه look like an article on a noun to the stemmer; كنسل is the loanword
  // the plural: الفواتير
  فاتور: ['فواتير'],
  // بطايق is the spoken plural (بطائق)
  بطاق: ['بطاقات', 'بطايق', 'طايق'],
  [CANCEL_AR]: ['الغ', 'غيه', 'غيها', 'غيت', 'تلغ', 'تلغي', 'يلغ', 'نلغ', 'كنسل', 'اكنسل', 'كنسلت', 'تكنسل'],
});

// و and ف go before the other clitics: "وللكويت؟", "ولجدة؟" (and to Kuwait? and Jeddah?)
const arabicPrefixes = [
  // Levantine على ال: "عالاردن", "عالتوصيل"
  'عال',
  'وال',
  'بال',
  'كال',
  'فال',
  'ولل',
  'فلل',
  'لل',
  'ال',
  'وب',
  'ول',
  'و',
  'ب',
  'ل',
  // no ف ("so"), alone or before ب and ل: customers hardly write it onto a word, and it begins
  // فاتورة, فلوس, فيزا, فولتا
];
const arabicSuffixes = ['هما', 'كما', 'ات', 'ون', 'وا', 'ين', 'ها', 'هم', 'كم', 'نا', 'ه', 'ي', 'ك'];

/**
 * Nouns whose first letter is ب, not the clitic "with": بطاقة (card) would lose it alone and keep it
 * in البطاقة, so "بطاقتي انرفضت" never met a page's "البطاقة"; بضاعة (goods) would become ضاع (lost).
 */
const LEADING_BA_NOUN = /^[وف]?(?:بطاق|بطاري|بضاع|بريد|برنامج|بوليص|باق|بلوتوث)/u;

/** A light Arabic stemmer: strips common clitics while at least three letters remain. */
export function stemArabic(token: string): string {
  let word = token;
  const keepsBa = LEADING_BA_NOUN.test(word);
  for (const prefix of arabicPrefixes) {
    if (keepsBa && prefix.endsWith('ب')) continue;
    if (word.startsWith(prefix) && word.length - prefix.length >= (prefix === 'عال' ? 4 : 3)) {
      word = word.slice(prefix.length);
      // واتساب loses its و as if it were "and", لابتوب its ل as if it were "to": so must
      // الواتساب and اللابتوب, or the two never meet
      if (prefix.endsWith('ل') && /^[ول]/.test(word) && word.length - 1 >= 3) word = word.slice(1);
      break;
    }
  }
  let pronoun = false;
  for (const suffix of arabicSuffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      word = word.slice(0, -suffix.length);
      pronoun = PRONOUN_SUFFIXES.has(suffix);
      break;
    }
  }
  return word.endsWith('ت') ? withoutFinalTa(word, pronoun) : word;
}

const PRONOUN_SUFFIXES: ReadonlySet<string> = new Set(['هما', 'كما', 'ها', 'هم', 'كم', 'نا', 'ه', 'ي', 'ك']);

/**
 * A final ت goes while three letters remain. Before a pronoun it is a ة (مدتها is مدة, فاتورتي is
 * فاتورة), which as the noun alone loses its ه while three letters remain (فاتوره → فاتور) and
 * keeps it on a shorter word (مده). On a verb it says who did it, and "عطيت" must meet the pages'
 * "عطيته" as "دفعت" meets "الدفع".
 */
function withoutFinalTa(word: string, beforePronoun: boolean): string {
  const stem = word.slice(0, -1);
  if (stem.length >= 3) return stem;
  return beforePronoun ? `${stem}ه` : word;
}

const arabicLetter = /[\u0600-\u06FF]/;

/**
 * Place names that begin with a letter the stemmer takes for a clitic: بيروت would lose its ب
 * alone and keep it in "لبيروت", so the pages' keyword and the question never met.
 */
const CLITIC_LED_PLACES: ReadonlySet<string> = new Set(
  [...ENGLISH_FOR_PLACE.keys()].filter((name) => /^[وبلف]/u.test(name)),
);

/** The place name in a token with or without its clitics: "لبيروت", "وبيروت", "للندن". */
function cliticLedPlace(token: string): string | undefined {
  const candidates = [token, token.replace(/^(?:[وبلف]?ال|[وف]?لل|[وبلف])/u, ''), token.slice(1)];
  return candidates.find((candidate) => CLITIC_LED_PLACES.has(candidate));
}

/**
 * A price, a duration or whether it is free: what a question asks about a thing it does not name
 * ("…and how much?", "وكم ياخذ؟"), as opposed to a topic of its own ("…can I return it?").
 */
const ATTRIBUTE_TERMS: ReadonlySet<string> = new Set([
  PRICE,
  'long',
  'dai',
  'time',
  'free',
  PRICE_AR,
  DURATION_AR,
  'مجان',
]);

export function asksAnAttribute(terms: readonly string[]): boolean {
  return terms.length > 0 && terms.every(isAttribute);
}

/** Whether a term asks a price, a duration or whether something is free ("how long", بكم). */
export function isAttribute(term: string): boolean {
  return ATTRIBUTE_TERMS.has(term);
}

/** Whether the terms ask a price: "how much", بكم, سعر. */
export function asksPrice(terms: readonly string[]): boolean {
  return terms.includes(PRICE) || terms.includes(PRICE_AR);
}

const BUY = stemmer('buy');
const PRE = 'pre';
const PICKUP = stemmer('pickup');
/** The term of "contact" (تواصل), which the contact section is found by. */
const CONTACT_EN = 'contact';
const CONTACT_AR = 'تواصل';
const MAKE = new Set(['make', 'making', 'made']);
const CREATE = stemmer('create');
/** "your email", "ur whatsapp": the shop's ways to be reached. */
const OUR_CONTACT_EN = new Set(['email', 'mail', 'number', 'phone', 'whatsapp', 'hotline']);
const YOURS_EN = new Set(['your', 'ur', 'yr']);
const CONTACT_NOUN_AR = /^(?:ال)?(?:رقم|تلفون|تليفون|هاتف|جوال|موبايل|ايميل|بريد|واتساب|واتس)$/u;
/** "yours" written apart: "الرقم حقكم", "رقم تبعكم", "الايميل بتاعكم". */
const YOURS_AR = new Set(['حقكم', 'تبعكم', 'بتاعكم', 'لكم']);

/**
 * A number, phone or email of the shop's: "رقمكم", "ايميلكم", "وش رقم التلفون حقكم", "عندكم رقم؟".
 * Not "عندكم رقم التتبع؟": a number of something else is no way to reach the shop.
 */
function asksOurContactAr(tokens: readonly string[], at: number): boolean {
  const token = tokens[at] ?? '';
  if (token.endsWith('كم') && CONTACT_NOUN_AR.test(token.slice(0, -2))) return true;
  if (!CONTACT_NOUN_AR.test(token)) return false;
  const rest = tokens.slice(at + 1);
  const next = rest.findIndex((word) => !CONTACT_NOUN_AR.test(word));
  const after = next === -1 ? undefined : rest[next];
  if (after !== undefined && YOURS_AR.has(after)) return true;
  return after === undefined && tokens.slice(0, at).includes('عندكم');
}

/** "call" about the shop's number: "a number I can call", "can I call you?" (not "call me"). */
function asksOurNumber(tokens: readonly string[], at: number): boolean {
  const next = tokens[at + 1];
  return (
    next === 'you' ||
    next === 'u' ||
    tokens.slice(0, at).some((word) => word === 'number' || word === 'phone')
  );
}

/** Search terms of a customer's text in either language: normalised, stopwords dropped, stemmed, folded. */
export function searchTerms(text: string): string[] {
  const tokens = tokenize(text);
  const choosing = productsToChooseFrom(tokens);
  const terms = termsOf(
    tokens,
    new Set([
      ...wantedProduct(tokens),
      ...devicesBesideAnAccessory(tokens),
      ...choosing,
      ...destinationsInstead(tokens),
      ...parcelsArriving(tokens),
      ...backOfSendingBack(tokens),
    ]),
  );
  if (choosing.size === 0) return terms;
  // "what phone should I buy?" asks advice in other words than the page's
  const advice = tokens.some((token) => arabicLetter.test(token)) ? ADVICE_AR : ADVICE_EN;
  return terms.includes(advice) ? terms : [...terms, advice];
}

/** The terms of "recommend" and "تنصحني", which the section on choosing a product is found by. */
/**
 * "where do you deliver?", "وين توصلون؟": to which cities the shop sends, not when or at what price.
 * "where is my delivery?" and "where do I send the return?" ask something else: only "you" sending
 * counts.
 */
const CITIES_EN = stemmer('cities');
const CITIES_AR = stemArabic('المدن');
const WHERE_AR = new Set(['وين', 'فين', 'اين', 'لوين', 'لفين']);
/** You (plural) send: توصلون، تشحنون، ترسلون، تبعتون، توصلو، بتوصلوا. */
const YOU_SEND_AR = /^ب?ت(?:وصل|شحن|رسل|بعت|بعث)(?:ون|وا|و)$/u;
const asksWhereYouSendEn = (tokens: readonly string[], at: number) => {
  const before = tokens.slice(Math.max(0, at - 4), at);
  return before.includes('where') && before.some((word) => SHOP.has(word));
};
const asksWhereYouSendAr = (tokens: readonly string[], at: number) =>
  YOU_SEND_AR.test(tokens[at] ?? '') &&
  (WHERE_AR.has(tokens[at - 1] ?? '') || WHERE_AR.has(tokens[at + 1] ?? ''));
const ADVICE_EN = 'recommend';
const ADVICE_AR = 'تنصحن';

/**
 * Search terms of a help page's text. The product a customer wants to buy, or the device beside a
 * charger, is no word of their question; a page that writes "phones, tablets… and chargers" is
 * about each of them.
 */
export function pageTerms(text: string): string[] {
  return termsOf(tokenize(text), new Set());
}

/** The words before "time" that make it an occasion: "next time", "every time", "first time". */
const OCCASION: ReadonlySet<string> = new Set([
  'next',
  'this',
  'last',
  'first',
  'every',
  'each',
  'another',
  'second',
  'third',
]);

function termsOf(tokens: readonly string[], passedOver: ReadonlySet<number>): string[] {
  const terms: string[] = [];
  let previous = '';
  for (const [at, token] of tokens.entries()) {
    if (passedOver.has(at)) continue;
    const howMuch = previous === 'how' && token === 'much';
    // "كم الشحن" asks a price, "كم يوم" a duration
    const howMuchArabic = HOW_MUCH_AR.has(previous) && previous !== 'بكام';
    // "how much time do I have?" asks a duration: the "much" read as a price was not one
    const muchTime = previous === 'much' && token === 'time' && terms.at(-1) === PRICE;
    previous = token;
    if (muchTime) {
      terms[terms.length - 1] = stemmer(token);
      continue;
    }
    // "can i pay with tabby next time": an occasion, not a time something takes ("Refund timing")
    if ((token === 'time' || token === 'times') && OCCASION.has(tokens[at - 1] ?? '')) continue;
    // "هدفع كام؟", "كم بدفع؟" (what will I pay?) ask a price, not how to pay
    if (HOW_MUCH_AR.has(token) && PAYS_AR.has(terms.at(-1) ?? '')) {
      terms[terms.length - 1] = PRICE_AR;
      continue;
    }
    // "…للكويت كم؟" (…to Kuwait, how much?): كم asked last asks the price of what came before, and
    // the length of a time before it: "الضمان كم", "ياخذ كم", "يوصل بعد كم"
    if (HOW_MUCH_AR.has(token) && at === tokens.length - 1 && terms.length > 0) {
      const before = tokens.slice(0, at);
      // "تابي بتاخد قديش؟": what Tabby takes is money
      const lasting =
        !before.some((word) => MONEY_AR.has(word)) &&
        before.some((word) => LASTING_AR.has(word) || TAKES_AR.has(word));
      terms.push(lasting ? DURATION_AR : PRICE_AR);
      continue;
    }
    if (statesAMaximum(tokens, at)) terms.push(MAXIMUM, LIMIT);
    if (statesARange(tokens, at, 'from', 'to')) terms.push(MINIMUM);
    if (statesARange(tokens, at, 'من', 'الي')) terms.push(MINIMUM_AR, MAXIMUM_AR);
    // "للطلبات حتى 2,000 ريال" (for orders up to 2,000 SAR)
    if (token === 'حتي' && isAmount(tokens[at + 1])) terms.push(MAXIMUM_AR);
    if (LIMIT_AR.has(token) && isBoundAr(tokens[at + 1])) continue;
    if (isBoundAr(token)) {
      terms.push(LEAST_AR.has(token) ? MINIMUM_AR : MAXIMUM_AR);
      continue;
    }
    if (AMOUNT_OF.has(token) && BOUNDS.has(terms.at(-1) ?? '')) continue;
    // A number is no topic: a quantity ("2+2", "7"), an amount ("free over 1000?", which the pages
    // write as "1,000"), or an order the tools look up ("how do I cancel 1002?", "A3001"). A mobile
    // number stays, a word no page has: "my number is 05…" is about the customer's own.
    if (/^(?:[a-z]{1,4}[-_]?\d{3,}|\d+)$/.test(token) && !isPhoneShaped(token)) continue;
    if (isGiftSent(tokens, at)) continue;
    // "don't transfer me, just tell me the shipping cost": the chat put through, not a bank transfer
    if (CHAT_MOVED.has(token) && ['me', 'us'].includes(tokens[at + 1] ?? '')) continue;
    // "how does delivery work?" asks how it goes: no card that works ("Cards from any GCC country
    // work"), no working hours
    if (WORKS.has(token) && asksHowItGoes(tokens, at)) continue;
    // "ادفع كاش لما يوصل" (pay cash when it arrives), "…لما الاوردر يوصل", is paying on delivery,
    // as the pages say it
    const when = passedOver.has(at - 1) ? tokens[at - 2] : tokens[at - 1];
    if (when === 'لما' && ARRIVES_AR.has(token)) {
      terms.push(ON_DELIVERY_AR);
      continue;
    }
    // "يا عمي", "يا حبيبي", "يا باشا": whom the customer speaks to, no topic
    if (tokens[at - 1] === 'يا') continue;
    // "بدي اطلب لجدة" (I want to order to Jeddah): where to, as "ارسل" would say it; "كيف اطلب؟"
    // asks how to order, and so does "ابي اطلب لابتوب" (a product that begins with ل)
    const next = tokens[at + 1] ?? '';
    if (ORDERING_AR.has(token) && /^(?:لل?|عال)\S{2}/u.test(next) && !isProductWord(next)) continue;
    // "كم لازم اطلب عشان يصير الشحن مجاني؟" (how much must I order): an amount, not how to order
    if (
      ORDERING_AR.has(token) &&
      tokens.slice(Math.max(0, at - 2), at).some((word) => HOW_MUCH_AR.has(word))
    ) {
      if (terms.at(-1) !== PRICE_AR) terms.push(PRICE_AR);
      continue;
    }
    // "البطاقة ما تنقبل", "الكرت ما عم ينقبل": a card not accepted is declined, as the pages say
    // it; "هل البطاقة الاماراتية تنقبل؟" asks whether it is accepted, and "الدفع بتمارا ما ينقبل؟",
    // "بطاقة الهدية ما تنقبل" ask about a way to pay that is no bank card
    if (
      ACCEPTED_AR.has(token) &&
      isNegatedAr(tokens, at) &&
      !tokens.some((word) => NOT_A_BANK_CARD_AR.has(word))
    ) {
      terms.push(DECLINED_AR);
      continue;
    }
    if (refusesToAccept(tokens, at)) {
      terms.push(REFUSE_EN);
      continue;
    }
    if (isOwnSlip(tokens, at)) {
      terms.push(arabicLetter.test(token) ? EXCHANGE_AR : EXCHANGE_EN);
      continue;
    }
    // the word itself stays: "بدون تسجيل" is a keyword of ordering as a guest
    if (refusesToRegisterAr(tokens, at)) terms.push(GUEST_AR);
    // and so does "cover" in "not covered", which "does not cover" on the page also says
    const excluded = leftOut(tokens, at);
    if (excluded !== undefined) terms.push(excluded);
    if (asksWhetherWeHave(tokens, at) && !terms.includes(IN_STOCK_EN) && !terms.includes(IN_STOCK_AR)) {
      terms.push(arabicLetter.test(token) ? IN_STOCK_AR : IN_STOCK_EN);
    }
    if (asksInStockAr(tokens, at)) {
      terms.push(IN_STOCK_AR);
      continue;
    }
    // "ابي اشتري جوال": buying, as شراء; the stem would be اشترك's (subscribe to Volta Plus)
    if (BUYS_AR.has(token)) {
      terms.push(BUY_AR);
      continue;
    }
    if (arabicLetter.test(token)) {
      // "رقمكم؟", "وش رقم التلفون حقكم": the shop's number is how to reach it, not the customer's
      if (asksOurContactAr(tokens, at)) {
        if (terms.at(-1) !== CONTACT_AR) terms.push(CONTACT_AR);
        continue;
      }
      // "كم يوم التوصيل؟" asks how long, as a page's مدة answers it
      if (howMuchArabic && TAKES_AR.has(token)) {
        // "قديش بتاخد عمولة؟", "…تابي فوايد؟" (how much commission, interest), "كم تاخذون على
        // الشحن؟", "قديش بتاخدو عالتوصيل" (what do you charge for shipping) ask a price
        const next = tokens.slice(at + 1, at + 3);
        const money =
          next.some((word) => MONEY_AR.has(word)) || next[0] === 'علي' || /^عال/u.test(next[0] ?? '');
        terms.push(money ? PRICE_AR : DURATION_AR);
        continue;
      }
      if (howMuchArabic && DURATION_UNITS_AR.has(token)) terms.push(DURATION_AR);
      // "الشحن بكام؟" (for how much): a price, though كام alone is only "how much"
      if (FOR_HOW_MUCH_AR.has(token)) {
        terms.push(PRICE_AR);
        continue;
      }
      if (arabicStopwords.has(token) || token.length < 2) continue;
      const place = cliticLedPlace(token);
      if (place !== undefined) {
        terms.push(place);
        continue;
      }
      const stem = stemArabic(token);
      // A clitic can hide a function word: وإذا, عليها.
      if (arabicStopwords.has(stem)) continue;
      const concept = arabicConcepts.get(stem) ?? stem;
      const term = howMuchArabic && PAYS_AR.has(concept) ? PRICE_AR : concept;
      terms.push(term);
      if (howMuchArabic && term === SHIPPING_AR) terms.push(PRICE_AR);
      if (asksWhereYouSendAr(tokens, at)) terms.push(CITIES_AR);
    } else if (howMuch) {
      terms.push(PRICE);
    } else if (BUYS_EN.has(token) && SHOP.has(tokens[at - 1] ?? '')) {
      // "do you buy used phones?": the shop buying, which the trade-in's "buyback" says
      terms.push(BUYBACK);
    } else if (costsMoreOrLess(tokens, at)) {
      // "more expensive" is one idea: the price, compared
      if (token === 'expensive' && terms.at(-1) === stemmer(tokens[at - 1] ?? '')) terms.pop();
      terms.push(PRICE);
    } else if (sentElsewhere(tokens, at) !== undefined) {
      terms.push(...[REDIRECT, ADDRESS].filter((term) => !terms.includes(term)));
    } else if (token === 'up' && tokens[at - 1] === 'pick') {
      // "pick up" is the "pickup" the pages write: "when will the courier pick up my return?"
      terms[terms.length - 1] = PICKUP;
    } else if (terms.at(-1) === PRE && token !== PRE) {
      // "pre-order", "pre order": one word, the way "preorder" is, and no order of its own
      terms[terms.length - 1] = stemmer(`${PRE}${token}`);
    } else if (PAY.has(token) && PAID_FOR.has(tokens[at + (tokens[at + 1] === 'for' ? 2 : 1)] ?? '')) {
      // "do I pay shipping?", "pay for delivery": what shipping costs, not how to pay for it
      terms.push(PRICE);
    } else if (comesToTheCustomer(tokens, at)) {
      // "if I order now, will it come tomorrow?": the pages' "arrive" (not "comes with a 6-month
      // warranty", "comes back to us")
      terms.push(ARRIVE);
    } else if (isBuyMisspelt(tokens, at)) {
      terms.push(BUY);
    } else if (token === 'call' && asksOurNumber(tokens, at)) {
      // "do you have a number I can call?", "can I call you?": how to reach the shop
      terms.push(CONTACT_EN);
    } else if (sentBackAt(tokens, at)) {
      terms.push(RETURN);
    } else if (
      MAKE.has(token) &&
      [tokens[at + 1], tokens[at + 2]].includes('account') &&
      tokens[at - 1] !== 'without'
    ) {
      // "how do i make an account": the pages create one (not "buy without making an account")
      terms.push(CREATE);
    } else if (OUR_CONTACT_EN.has(token) && YOURS_EN.has(tokens[at - 1] ?? '')) {
      // "whats ur email", "your whatsapp number?": the shop's, how to reach it (not "change my email")
      terms.push(CONTACT_EN, stemmer(token));
    } else if (!englishStopwords.has(token)) {
      const stem = stemmer(token);
      terms.push(englishConcepts.get(stem) ?? stem);
      if (isSending(token) && asksWhereYouSendEn(tokens, at)) terms.push(CITIES_EN);
    }
  }
  return terms;
}

/**
 * Words that are never a topic but tell the sections of one page apart: "already shipped" asks what
 * happens after shipping, "it hasn't shipped yet" what happens before it (خلاص انشحن، لسه ما
 * انشحن). Each stands for the word a heading would use; they rank sections and never count
 * towards whether a section answers the question.
 */
const AFTER = { en: 'after', ar: 'بعد' };
const BEFORE = { en: 'before', ar: 'قبل' };
const TIME_HINTS: ReadonlyMap<string, string> = new Map([
  ['already', AFTER.en],
  ['yet', BEFORE.en],
  ['خلاص', AFTER.ar],
  ['لسه', BEFORE.ar],
]);
/** "has shipped", انشحن: the order is past that step, unless a negation comes just before. */
const DONE_STEPS: ReadonlyMap<string, typeof AFTER> = new Map([
  ['shipped', AFTER],
  ['dispatched', AFTER],
  ['انشحن', AFTER],
  ['اتشحن', AFTER],
]);
const NEGATIONS = new Set(['not', 'hasnt', 'havent', 'isnt', 'wasnt', 'didnt', 'never', 'ما', 'لم', 'مو']);

/**
 * "What is your email?" asks how to reach the business, not how to change one's own email; "are
 * you open now?" asks the hours, not whether an opened box can be returned. "your address" too.
 */
const ABOUT_US = new Set([...OUR_CONTACT_EN, 'address']);
const CONTACT = searchTerms('contact');
const OPEN_NOW = new Set(['now', 'today', 'tomorrow', 'tonight', 'still']);
const HOURS = searchTerms('hours');

/** The words of a text that hint at one section of a page: see TIME_HINTS, DONE_STEPS and ABOUT_US. */
export function sectionHints(text: string): string[] {
  const tokens = tokenize(text);
  return tokens.flatMap((token, i) => {
    if (tokens[i - 1] === 'your' && ABOUT_US.has(token)) return CONTACT;
    if (token === 'open' && (tokens[i - 1] === 'you' || OPEN_NOW.has(tokens[i + 1] ?? ''))) return HOURS;
    const step = DONE_STEPS.get(token);
    if (step !== undefined) {
      const negated = tokens.slice(Math.max(0, i - 2), i).some((word) => NEGATIONS.has(word));
      const language = arabicLetter.test(token) ? 'ar' : 'en';
      return [negated ? BEFORE[language] : step[language]];
    }
    const hint = TIME_HINTS.get(token);
    return hint === undefined ? [] : [hint];
  });
}

/**
 * The search terms of the words that may name where something should go: the word after إلى
 * (normalised الي), as in "ممكن توصلون طلبي إلى لندن؟", and, after a word for sending, a word with
 * the preposition ل written onto it, as in "توصلون الطلب للندن؟" (stemming takes the ل off).
 * English "to" also marks an infinitive ("want to upgrade"), so an English destination is left to
 * the term weights alone.
 */
export function destinationTerms(text: string): string[] {
  const tokens = tokenize(text);
  let afterSending = false;
  return tokens.flatMap((token, i) => {
    if (tokens[i - 1] === 'الي') return searchTerms(token);
    if (SENDING_AR.test(token)) {
      afterSending = true;
      return [];
    }
    return afterSending && token.startsWith('ل') && !token.startsWith('ال') ? searchTerms(token) : [];
  });
}

/**
 * Ends of clauses, an emoji too ("…these prices 😂 do you have tabby?") and a list's number ("1)
 * whats your working hours 2) do you have a store"); each keeps its own question mark.
 */
const CLAUSE_END = new RegExp(`(?<=${CLAUSE_MARK.source}|\\p{Extended_Pictographic}|[\\d٠-٩]\\))`, 'u');
/** "١- كم الشحن لجدة", "2) email?", "- do you deliver to Hail": an item of a list, which asks. */
const LIST_ITEM = /^\s*(?:[\d٠-٩]{1,2}\s*[-.)]|[-•*])\s*\S/u;

/**
 * The search terms of each clause that asks something, when the message has more than one clause:
 * "quick question, do you deliver to Jeddah?" asks only its second clause, and the first is not a
 * part of the question that no page answers.
 */
export function questionClauses(text: string): string[][] {
  const clauses = text
    .split(CLAUSE_END)
    .map((clause) => ({ clause, terms: searchTerms(clause) }))
    .filter(({ terms }) => terms.length > 0);
  if (clauses.length < 2) return [];
  return clauses.filter(({ clause }) => asksSomething(prepare(clause))).map(({ terms }) => terms);
}

/** "… and can I pay with Tabby?", "… وكم سعره؟": a second question joined to the first. */
const JOINED_QUESTION =
  /\s+(?:and|&|also|plus|n)\s+(?=(?:can|could|do|does|is|are|how|hows|what|whats|when|whens|where|wheres|which|will|would|should|may)\b)|\s+(?=و(?:هل|كم|بكم|متى|وين|كيف|ممكن|اقدر|ايش|وش|عندكم|تقبلون|توصلون)(?:[\s?\u061F]|$))/iu;

/**
 * The questions a message asks, when it asks more than one: "do you deliver to Riyadh and can I
 * pay with Tabby?" is two. Split at clause ends and where "and" (و) joins a second question.
 */
export function questionParts(text: string): string[] {
  const parts = clausesOf(text).flatMap((joined) =>
    // a question joined on is a question, and so is what it was joined to
    joined.length > 1
      ? joined
      : joined.filter((part) => LIST_ITEM.test(part) || asksSomething(prepare(part))),
  );
  return parts.length > 1 ? parts : [];
}

/** "where is my order? also I need the invoice": each part of a message, asking or not. */
export function messageParts(text: string): string[] {
  return clausesOf(text).flat();
}

/** The clauses of a text, each split where "and" (و) joins a second question. */
function clausesOf(text: string): string[][] {
  return text.split(CLAUSE_END).map((clause) =>
    clause
      .split(JOINED_QUESTION)
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  );
}
