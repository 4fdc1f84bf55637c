import type { SensitiveTopic } from '../llm/classification.js';
import { WANT_AR, WANT_EN } from './lexicon.js';

/**
 * Sensitive topics (DESIGN.md, `sensitive_topic`); what else needs a person (`complex_query`) is in
 * lexicon-needs-person.ts. Each topic names the guard that keeps a question ABOUT the topic from
 * counting as the thing itself:
 *
 * - `none`          every mention counts (a double charge or a swollen battery is never a question)
 * - `question`      a how-to or policy question about it is an FAQ, unless it is also asked for
 *                   ("I want to…", "can you…", an imperative) or names an order id or an amount
 * - `hypothetical`  "what if it arrives broken?" is an FAQ; "it arrived broken" is not
 * - `offer`         "do you offer bulk discounts?" is an FAQ; "I need a bulk quote" is not
 */
export type Guard = 'none' | 'question' | 'hypothetical' | 'offer';

export interface TopicRules {
  readonly guard: Guard;
  /** Phrases that name the topic; the guard decides whether they count. */
  readonly mentions: readonly string[];
  /** Phrasings that always count, whatever the guard says ("refund me", "الغوا الطلب"). */
  readonly requests?: readonly string[];
  /**
   * Going after the thing ("get a refund", "استرد فلوسي"): they count in a how-to question too, which
   * asks how to get it now, but not when it asks whether, if or on what terms (framing.ts).
   */
  readonly pursuits?: readonly string[];
  /** Present anywhere in the message, these make the mentions and pursuits mean something else. */
  readonly unless?: readonly string[];
  /**
   * A mention that overlaps one of these does not count ("the courier asks for the code" is the
   * delivery code, not a stranger after an OTP); the message's other mentions still do.
   */
  readonly excuses?: readonly string[];
  /** Present anywhere in the message, these void the excuses. */
  readonly inexcusable?: readonly string[];
}

/** A code the customer gave away over the phone (not at the door). */
const CODE_GIVEN_BY_PHONE_EN =
  'gave|shared|told|sent|read ... code|codes|otp ... over|on|by .. phone|call|whatsapp';
const CODE_GIVEN_BY_PHONE_AR =
  'عطيته|اعطيته|عطيتهم|اعطيتهم|قلت|قلتله|قلتلهم|ارسلت ... الكود|الرمز|كود|رمز ... تلفون|جوال|هاتف|اتصال|مكالمه';

/** Any number, as a lexicon slot: each word that begins with a digit. */
const ANY_NUMBER = '0*|1*|2*|3*|4*|5*|6*|7*|8*|9*';

/** Newsletters are not a paid subscription: unsubscribing from one is no cancellation request. */
const NEWSLETTER = [
  'newsletter*|mailing|النشره|نشره|النشرات',
  // "وقفوا الرسايل الدعائية": the adverts, not an order (الرسائل is the same once normalised)
  'الرسايل|رسايل|المسجات|مسجات|الاعلانات|اعلانات|العروض .. الدعائيه|دعائيه|التسويقيه|تسويقيه',
  'promotional|marketing|promo .. messages|texts|emails|sms',
];

/** What customers plug in or hold: a device that heats up is a safety matter. */
export const DEVICE_AR =
  'موبايل*|موبيل*|جوال*|جهاز*|شاحن*|لابتوب*|ايفون*|تلفون*|تليفون*|هاتف*|سماعه|سماعات|باور|بطاري*|ايباد*|تابلت*|كمبيوتر*|تلفزيون*|شاشه|سلك|كيبل*|ساعه|بلايستيشن*|راوتر*';
const CHARGE_NOUN = 'charge|charges|transaction|transactions|payment|payments|deduction|deductions|debit';
/** Customers name a refund by many words; "rebate" and "restitution" mean money back here too. */
const REFUND_NOUN = 'refund*|reimburs*|rebat*|restitution*';
const REFUND_NOUN_AR = 'استرداد|الاسترداد|فلوسي|فلوسنا|مبلغي|حقي';
/** What a customer may stop wanting; "it" alone would also be an item they want to return. */
const CANCELLABLE = 'order|orders|purchase|purchases|subscription|membership|plan';
/** Who may ask for a code in Arabic: a courier, or "واحد", "شخص" (someone). */
const PERSON_AR =
  'مندوب|المندوب|كابتن|الكابتن|سواق|السواق|موصل|الموصل|دليفري|ديليفري|واحد|وحده|شخص|رجال|رجل|حدا|حد|شب|زلمه';
/** Asking for something, in the Gulf, Levantine and Egyptian ways: "طلب", "يبي", "بدو", "بيسأل على". */
const ASKS_AR = 'طلب|يطلب|طلبوا|طالب|يبي|يبغي|بده|بدو|بدي|عايز|عاوز|يسال|سال|سالني';
const CANCELLABLE_AR = 'طلب*|طلبيه|اوردر*|اشتراك*|عضويه|عضويتي|باقه|باقتي';

/**
 * "my kid almost swallowed a part of the phone case": a part or a battery in a child's mouth, a
 * safety matter whose advice is a doctor's (not "I can't swallow these prices").
 */
export const SWALLOWED = [
  'swallowed|swallowing|choked|choking',
  'بلع|بلعت|بلعه|بلعها|ابتلع*|اختنق*|يختنق|تختنق|بيختنق|بتختنق',
];

export const SENSITIVE: Readonly<Record<SensitiveTopic, TopicRules>> = {
  refund: {
    guard: 'question',
    // "it's not a refund I want, it's a replacement"; not "still not a refund in sight"
    unless: ['not|isnt a|an refund i|we|im'],
    // a refund that came, told in passing: "I got my refund already, thanks! now, where is my
    // laptop?", "رجعت لي فلوسي امس، شكرا" (not "ما رجعت لي فلوسي", "I got only half of my refund")
    excuses: [
      `got|received|recieved|had my|the|a|your .. ${REFUND_NOUN}`,
      `${REFUND_NOUN} ... arrived|came|reached|landed|went|wsl|wasal|credited|received`,
      'رجعت|رجعتلي|وصلت|وصلني|وصلتني|نزلت|نزل .. لي|الي|في ... فلوسي|مبلغي|المبلغ|الاسترداد|المسترد',
      'رجعت|رجعتلي|وصلت|وصلني|وصلتني|نزلت|نزل فلوسي|مبلغي|المبلغ|الاسترداد|المسترد',
      'استرجعت|استرديت|استلمت .. فلوسي|مبلغي|المبلغ|الفلوس|الاسترداد',
      'الاسترداد|المسترد|فلوسي|مبلغي .. وصل|وصلت|وصلني|نزل|نزلت|رجعت',
      // how refunds go, named: "refund timing", "refund policy?"
      `${REFUND_NOUN} time|times|timing|timeline|timeframe|duration|period|policy|process|window`,
    ],
    inexcusable: [
      'not|never|didnt|havent|hasnt|yet|still|only|partial|half|less|missing|wrong',
      // "have you received my refund request?": a refund asked after
      'request|requested|requests|status|update',
      'you|u|they received|got',
      'ما|لم|مو|مب|للحين|لسا|لسه|باقي|ناقص|نص|جزء|غلط|ماوصل*|مارجع*',
    ],
    mentions: [
      'refund*|reimburs*|rebat*|restitution*',
      'money back',
      'compensat* .. money',
      'استرداد*|استرد|استرجع',
      'فلوسي|فلوسنا',
      'استرجاع|ارجاع|ترجيع|رجع*|يرجع|ترجعون|ترجعو|ارجع .. فلوس*|مبلغ*|مبالغ|نقود*',
    ],
    requests: [
      'refund|reimburse me|us',
      'want|need|demand .. my money',
      'رجعوا|رجعو|ارجعوا|رجعولي|رجعوها|رجعوه .. فلوس*|مبلغ*|حقي',
      // a refund already under way: no tool can see it, so even a question about it needs a person
      `update|updates|news|progress|status on|of|about|regarding|for|with .. ${REFUND_NOUN}`,
      `${REFUND_NOUN} status|update|updates|progress`,
      // "I returned the cases 2 weeks ago and still no refund": a refund that has not come
      `still|yet .. no|not ${REFUND_NOUN}`,
      `no ${REFUND_NOUN} yet`,
      `حاله|وضع|تحديث|اخبار|جديد|صار|صاير .. ${REFUND_NOUN_AR}`,
      // a refund that has not come: "ما وصلني المبلغ المسترد", "I never received my refund"
      'ما|لم|للحين|ماوصلني|مانزل .. وصلني|وصل|نزل|جاني|رجع|استلمت .. المسترد|مسترد|المبلغ|مبلغ|فلوسي|الاسترداد|استرداد',
      'مسترد|المسترد|استرداد|الاسترداد|فلوسي .. ما|لم .. وصل*|نزل|رجع*|جا',
    ],
    pursuits: [
      `get|getting|receive|receiving|obtain|obtaining|claim|claiming|request|requesting|demand|demanding|apply|applying|start|starting|initiate|initiating|process|processing .. ${REFUND_NOUN}`,
      `ask|asking for .. ${REFUND_NOUN}`,
      'get|getting|receive|receiving|obtain|obtaining .. money back',
      'get|be|getting|being refunded|reimbursed|compensated',
      `احصل|نحصل|استلم|نستلم|اخذ|ناخذ|اطلب|نطلب|اقدم|نقدم .. ${REFUND_NOUN_AR}`,
      `استرد|نسترد|استرجع|نسترجع|ارجع|اخذ|ناخذ .. ${REFUND_NOUN_AR}|فلوس|مبلغ`,
    ],
  },
  charge: {
    guard: 'none',
    // "if i pay in cash is there an extra charge": a fee asked about, not one on a statement ("why
    // is there an extra charge on my card?", "is there an extra fee I was charged on A3001?")
    excuses: [
      'is|are there|any .. extra|additional|hidden charge|charges|fee|fees',
      // "will my card be debited مرتين if I use tabby?": what may happen
      'be charged|billed|deducted|debited',
      // "i placed an order but i didnt make the payment yet": the customer's own payment, still to make
      'didnt|not make|made .. payment|payments yet',
    ],
    inexcusable: [
      'why',
      'on my|the .. card|statement|account|bill',
      'was|were|been charged|deducted',
      'bank|statement',
    ],
    mentions: [
      // "I was charged مرتين on my mada card": twice in Arabic
      'charged|billed|deducted|debited|taken|charging|charge|paid .. twice|double|thrice',
      'charged|billed|deducted|debited .. مرتين|مرتان',
      // "you took the money for my earbuds twice", "i see two payments in my bank app"
      'you|they|volta took|taken|withdrew|deducted .. the|my .. money|payment|amount twice|double',
      'you|they|volta took|taken|withdrew|deducted .. the|my .. money|payment|amount for|from|of .. my|the|this|that .. twice|double',
      // "I see two payments for the same order", "my bank app shows two transactions of 4299" (not
      // "can I make 2 payments for the same order with two cards?")
      'see|seeing|saw|shows|showing|shown .. two|2|double|duplicate payments|charges|transactions|deductions for .. same',
      // a statement's lines, not Tabby's instalments ("the checkout shows 2 payments of 2150 with tabby")
      'see|seeing|saw|shows|showing|shown .. two|2|double|duplicate charges|transactions|deductions of',
      'there are .. two|2|double|duplicate charges|transactions|deductions of',
      'charged|billed|deducted|debited .. again|two|2',
      `double|duplicate|duplicated|multiple|extra|unexpected .. ${CHARGE_NOUN}|billing`,
      'overcharg*|overbill*',
      // "you charged me 15 sar extra what is this" (not "will I be charged extra for cash on delivery?")
      'charged|billed|deducted ... extra|more',
      'double|triple charged|billed|charge|charging',
      `unknown|unauthori*|unrecogni*|strange|weird|random|suspicious|mystery|mysterious|unexplained .. ${CHARGE_NOUN}`,
      // "what is this 15 SAR charge on my statement?": one the customer does not know
      'what is this|that ... charge|deduction|transaction|debit',
      'whats this|that ... charge|deduction|transaction|debit',
      'incorrect|wrong .. charge|charges|deduction|deductions',
      `dont|didnt|not|never recogni*|authori*|make|made|approve* .. ${CHARGE_NOUN}|purchase`,
      // "no one authorised this payment", "nobody approved that charge"
      'nobody|noone authori*|approve* this|that .. charge|payment|transaction|purchase',
      'no one authori*|approve* this|that .. charge|payment|transaction|purchase',
      // "a charge on my card I don't recognise"
      `${CHARGE_NOUN} ... dont|didnt|not|never recogni*|authori*|make|made|approve*`,
      // "a charge from Volta on my card statement that I never made" (not "payment": "the payment
      // page failed and I never made it to checkout")
      'charge|charges|transaction|transactions|deduction|deductions|debit ... ... dont|didnt|never recogni*|authori*|made|approve*',
      // "there's a charge on my card from Volta for 199 SAR that I don't recognise", "I see a payment
      // to VOLTA ELECTRONICS on my statement but I didn't order anything"
      `${CHARGE_NOUN} ... ... ... dont|didnt|never recogni*|authori*`,
      'charge|charges|transaction|transactions|debit ... ... didnt|never|havent order|ordered|buy|bought|purchase|purchased anything|nothing',
      'payment|payments to|from ... ... didnt|never|havent order|ordered|buy|bought|purchase|purchased anything|nothing',
      'charged .. without',
      // "I was charged 4299 but my order got cancelled"
      'charged|deducted|debited .. but|yet ... failed|cancelled|canceled|declined',
      'charged|deducted|debited .. but|yet|and .. failed|cancelled|canceled|declined|not|didnt|never|no',
      'money|amount|payment .. deducted|taken|debited|withdrawn',
      'deducted|debited|withdrawn from .. account|card|bank',
      `dispute .. ${CHARGE_NOUN}`,
      // "بعترض على العملية عند البنك", "برفع اعتراض عند البنك على المبلغ": a chargeback
      'بعترض|نعترض|اعترضت ... ... بنك',
      'برفع|بسوي|رفعت|سويت|قدمت|بقدم .. اعتراض ... ... بنك',
      'بنك ... ... بعترض|اعترضت',
      'chargeback',
      'انخصم*|انسحب*',
      // "فلوسي راحت مرتين" (not "المندوب راح وجا مرتين", "راح اطلب مرتين", "نزلت التطبيق مرتين")
      'فلوس*|مبلغ*|المبلغ .. راحت|طارت|نزلت|انسحبت|انخصمت .. مرتين|مرتان',
      'تم خصم|سحب',
      // "تابي خصموا مني قسطين بنفس الشهر"
      'خصم*|سحب*|خصمتو*|سحبتو*|اخذتو*|دفعت|دفعنا .. مرتين|مرتان|ضعف|بدون|قسطين|دفعتين',
      // "المبلغ المخصوم 3899 ريال مرتين"
      'مخصوم|المخصوم|مسحوب|المسحوب ... مرتين|مرتان',
      'خصم*|سحب*|مبلغ|عمليه|عمليات|حركه .. غير معروف*|غريب*|مجهول*|مشبوه*',
      // "فيه عملية على بطاقتي باسم فولتا ما سويتها": one the customer did not make
      'عمليه|عمليات|حركه|مبلغ|خصم ... ... ما|لم|مو .. سويتها|سويته|سويت|عملتها|عملته|اعرفها|اعرفه|طلبتها',
      'خصم*|سحب* من حسابي|بطاقتي|رصيدي|بطاقه|حساب',
      // "في خصم ١٢٠٠ ريال من بطاقتي": an amount between (not "خصم 15 من بطاقة الهدايا", a discount)
      'خصم*|سحب* .. من حسابي|بطاقتي|رصيدي|كرتي',
      // "فيه مبلغ مخصوم من بطاقتي وانا ما طلبت شي"
      'مخصوم|مسحوب .. من .. حسابي|بطاقتي|رصيدي|بطاقه|حساب',
      'خصمتو*|سحبتو* .. مني|من|فلوس|مبلغ',
    ],
  },
  billing: {
    guard: 'question',
    mentions: ['invoice*|bill|bills|billing|billed', 'فاتوره|فواتير|فاتورتي|فاتورتك'],
    // asking for a copy ("I need a tax invoice", "ابي الفاتورة") is answered from the pages; a
    // dispute about one is a request above and counts whatever else is said
    unless: [
      // "invoice please", "فاتورة 1001", "invoice for A3001 pls": a copy asked for in a word
      `invoice*|receipt*|فاتوره|فاتورتي ${ANY_NUMBER}`,
      'invoice*|receipt*|فاتوره|فاتورتي ... please|pls|plz|فضلك',
      // "invoice for my laptop", "and the invoice?", "فاتورة اللابتوب حقي": the copy of one
      'invoice*|receipt* for|of my|the|this|that',
      'and the|my invoice*|receipt*',
      'what|how about the|my invoice*|receipt*',
      'فاتوره|فاتورتي .. حق|حقت|حقي|حقتي|تبع|تبعت|تبعي|بتاعت|بتاع|بتاعي',
      'فاتوره|فاتورتي .. لو سمحت',
      `${WANT_EN}|send|get|copy|download|where|find .. tax|vat|my|the|a|an .. invoice*|receipt*`,
      `${WANT_EN}|send|copy|download .. invoice*|receipt*`,
      `${WANT_AR}|ارسل|ارسلو|ارسلوا|عايز|وين|فين|نسخه .. فاتوره|فاتورتي`,
      // "مديري طالب فاتورة ضريبية": someone else wants the copy
      'طالب|يطلب|يبي|يبغى|يبغي|بده|بدو|محتاج|يحتاج .. فاتوره|فاتورتي',
    ],
    requests: [
      'invoice*|bill|bills|billing|statement ... wrong|incorrect|error|mistake|mistaken|inaccurate|dispute',
      // "the invoice 1001 shows 5000 but I paid 4000": what it says against what was paid
      'invoice*|bill|فاتوره|فاتورتي ... but|while|بس|لكن|وانا ... paid|charged|دفعت|انخصم|خصمتوا',
      'invoice*|bill|فاتوره|فاتورتي ... shows|says|showing|lists|مكتوب|فيها ... but|while|بس|لكن|وانا ... paid|charged|دفعت|انخصم',
      'wrong|incorrect|inaccurate .. invoice*|bill|bills|amount',
      'amount|total .. wrong|incorrect|inaccurate',
      'dispute .. invoice*|bill|bills|billing',
      'فاتوره|فواتير|فاتورتي .. غلط|خطا|خاطئ*|ناقص*|زياده',
      'فاتوره|فواتير|فاتورتي .. مو|غير صحيح*',
      'غلط|خطا .. فاتوره|فاتورتي',
      'مبلغ .. غلط|خطا',
    ],
  },
  cancellation: {
    guard: 'question',
    mentions: [
      // the longer readings first only make the evidence say what is being cancelled
      'cancel|cancelling|canceling|cancellation|terminate .. order|orders|subscription|membership|purchase|plan|account',
      'الغي|الغاء|الغوا|تلغي|تلغون|تلغوا|كنسل|اكنسل|كنسلوا .. طلب*|اشتراك*|عضويه|باقه|اوردر',
      'cancel|cancelling|canceling|cancellation|terminate|termination',
      // "can you get my order cancelled?"; not "why was my order cancelled?", which already happened
      `get|want .. ${CANCELLABLE}|it|this .. cancelled|canceled`,
      'stop|end|close .. subscription|membership|plan|renewal',
      'الغي|الغاء|الغوا|الغو|تلغي|تلغون|تلغوا|نلغي|يلغي|الغيه|الغيها|الغيلي|كنسل|اكنسل|كنسلوا|تكنسل|كنسله|اكنسله|اكنسلها|كنسلها|تكنسله|تكنسلها|كنسلوه|كنسلوها|الغوه|الغوها',
      'اوقف|ايقاف|وقف|اوقفوا|وقفوا .. اشتراك*|تجديد*',
      // no longer wanting what was ordered is asking to undo it
      `no longer .. need|want|afford|require|use .. ${CANCELLABLE}`,
      `cant|cannot|couldnt .. afford .. ${CANCELLABLE}`,
      `dont|doesnt|not .. need|want .. ${CANCELLABLE} .. anymore`,
      `ما|لم عاد|عدت|اعد|عادلي ... ${CANCELLABLE_AR}`,
      `ماعاد|ماعدت ... ${CANCELLABLE_AR}`,
      `${CANCELLABLE_AR} .. ما|لم عاد|عدت|اعد`,
      `${CANCELLABLE_AR} .. ماعاد|ماعدت`,
      // "غيرت رايي ما ابي الطلب": no longer wanting it, in Arabic
      `ما|مو|ماني ابي|ابغى|ابغي|اريد|بغيت|ابا .. ${CANCELLABLE_AR}`,
      'غيرت|تغير رايي',
    ],
    requests: [
      'الغوا|الغو|كنسلوا|الغيلي',
      // "وقفوا الطلب", not "وقفوا الرسايل الدعائية" (the adverts)
      'اوقفوا|وقفوا .. طلب*|الطلب|اوردر|الاوردر|الشحنه|شحنتي|اشتراك*|الاشتراك|تجديد*|التجديد|العضويه|عضويتي',
    ],
    unless: [
      ...NEWSLETTER,
      // "this is not a cancellation, I just want to change the address"
      'not|isnt|wasnt a|an cancellation',
      // "ما ابي الغي الطلب", "مابي الغي": not "not wanting the order" above
      'ما|مو|مش|مب ابي|ابغى|ابغي|ابا|اريد|بدي|عايز|عاوز الغي|الغاء|الغيه|الغيها|اكنسل|كنسل|اكنسله|اكنسلها|cancel',
      'مابي|مابغى|مابغي|ماابي|مااريد|مابدي الغي|الغاء|الغيه|الغيها|اكنسل|كنسل|اكنسله|اكنسلها|cancel',
    ],
  },
  fraud: {
    guard: 'none',
    mentions: [
      'fraud*|scammed|scammer|scammers|phishing',
      'hacked|hack|hacker|hackers|stolen|stole',
      'identity theft',
      'unauthori* .. transaction*|purchase*|access|login|logins|order|orders|use|activity',
      'someone|somebody .. used|using|accessed|logged|ordered|took .. my|our',
      // "someone placed an order on my account", "an order I didn't place showed up"
      'someone|somebody .. placed|made ... on|in|with|from|using|through my|our account',
      'order|orders|purchase|purchases .. i|we .. didnt|never|not place|placed',
      // "there is an order in my account i didnt make", "i never ordered the cases but theyre in my account"
      'order|orders|purchase|purchases ... in|on my account .. i|we .. didnt|never|not place|placed|make|made',
      'i|we never|didnt ordered|order|bought|buy ... but|and|yet ... in|on my account',
      // "في حدا سحب من حسابي ٥٠٠ ريال": someone else took money (not "a friend ordered from my account")
      'حد|حدا|احد|واحد|شخص|احدهم .. سحب|خصم .. من حسابي|بطاقتي|رصيدي|كرتي',
      // "my card was used without my permission"
      'card|account|details|identity .. used|charged|accessed .. without .. permission|consent|authori*|knowledge',
      'استخدم*|استعمل*|انستخدم*|انستعمل* .. بطاقتي|حسابي|بطاقه|حساب .. بدون|بلا|غير .. علمي|اذني|موافقتي|اذن|موافقه',
      'بطاقتي|حسابي .. استخدم*|استعمل*|انستخدم*|انستعمل* .. بدون|بلا|غير .. علمي|اذني|موافقتي|اذن|موافقه',
      `scam|scams ... paid|pay|payment|money|card|${CHARGE_NOUN}|charged|account`,
      `paid|payment|money|card|charged|${CHARGE_NOUN} ... scam|scams`,
      'احتيال|احتال*|نصب|نصبتو*|نصابين|نصاب|انتحال',
      'اختراق|مخترق|اخترق*|انخترق*|تهكير|تهكر|مهكر|هكر*',
      'سرق*|مسروق*|انسرق*',
      'pretending|pretended|impersonat*',
      'someone|somebody|caller|he|she|they ... asked|asking|wanted|requested ... otp|cvv|pin|password',
      'called|rang|texted|messaged|contacted ... asked|asking|wanted|requested .. for .. my|the .. otp|cvv|pin|password',
      // "a code" alone may be a courier's delivery code; asked for by a stranger, or the code the
      // customer was sent, it is a one-time password
      'someone|somebody|caller ... asked|asking|wanted|wants|requested ... code|codes',
      'asked|asks|asking|wanted|wants|requested|requesting ... my|the|a .. code|codes .. i|you|we .. got|received|were',
      // a courier or a stranger asking for a code, a PIN or the card: the courier's delivery code is
      // excused below, what the bank sent or the card is not
      // not a PIN: the courier's mada machine asks for one, and a "pin" may be the location's
      'courier|driver|rider|agent ... asked|asking|asks|wanted|wants|requested|requesting|needs|needed ... cvv|password',
      // a courier may ask for the delivery OTP; a stranger for any
      'man|guy|woman|lady|person ... asked|asking|asks|wanted|wants|requested|requesting|needs|needed ... otp|cvv|pin|password',
      'courier|driver|rider|man|guy|woman|lady|person|agent|someone|somebody|caller|he|she|they ... asked|asking|asks|wanted|wants|requested|requesting|needs|needed ... card .. number|numbers|details|info',
      'courier|driver|rider|agent ... asked|asking|asks|wanted|wants|requested|requesting|needs|needed ... ... code|codes',
      // "the courier said he's from SMSA and asked for the code that came from my bank": whoever asks,
      // however long the story, what the bank sent is never the delivery code
      'courier|driver|rider|agent|guy|man|woman|lady|person|someone|somebody|caller|he|she|they ... ... asked|asking|asks|wanted|wants|requested|requesting|needs|needed ... code|codes|otp ... from|by my|the bank|banks',
      'courier|driver|rider|agent|guy|man|woman|lady|person|someone|somebody|caller|he|she|they ... ... asked|asking|asks|wanted|wants|requested|requesting|needs|needed ... code|codes|otp my|the bank|banks sent|texted|gave',
      // "someone called saying he is from Volta and asked for the code"
      'called|rang|phoned|texted|messaged ... saying|said|says|claiming|claimed ... ... asked|asking|wanted|wants|requested|needs|needed ... code|codes',
      // "saying they are from your support", "claiming to be you"
      'saying|said|says|claiming|claimed they|he|she are|is|was|were from .. you|your|support',
      'saying|said|says|claiming|claimed they|he|she work|works|worked for|with|at .. you|your|support',
      'saying|said|says|claiming|claimed theyre|hes|shes from .. you|your|support',
      'claiming|claimed to be ... you|your|support',
      // "saying he's from <the shop's name> and asked for the OTP": whoever they named (not "the
      // code": a courier asks for the delivery code)
      'saying|said|says|claiming|claimed ... from ... asked|asking|wanted|wants|requested|needs|needed ... otp|cvv|pin|password',
      'saying|said|says|claiming|claimed ... from ... asked|asking|wanted|wants|requested|needs|needed ... verification|confirmation|security|login code|codes',
      // "someone called me claiming to be Aramex and asked for the OTP"
      'claiming|claimed|pretending|pretended to be ... asked|asking|wanted|wants|requested|needs|needed ... otp|cvv|pin|password|card|bank',
      // the card given through a link: "share my card on a link", "clicked a link and entered my card"
      'card|bank|cvv|otp .. details|number|info .. on|in|via|through .. a|the|this .. link',
      'card|bank|cvv|otp .. on|in|via|through .. a|the|this .. link',
      'clicked|opened|pressed|tapped ... link|links ... entered|typed|put|gave|filled ... card|bank|cvv|otp|password|pin',
      // "asking me to pay the customs via a link"
      'pay|paying .. customs|duty|duties|fee|fees .. via|through|on|in|by .. a|the .. link',
      // someone else on the customer's screen
      'shared|share|sharing .. my .. screen',
      'anydesk|teamviewer|quicksupport',
      'شاركت|شارك .. الشاشه|شاشتي',
      // "I already gave it to them": the code is out, a person must act now
      'gave|shared|told .. them|him|her|someone|caller .. my|the|it .. otp|code|cvv|pin|password',
      'gave|shared|told .. my|the .. otp|cvv|pin|password .. to|with',
      // "…asked for the OTP, I gave it to him" (not any code: error, return and QR codes are sent on too)
      'otp|cvv|pin|password ... gave|shared|sent|told it|them .. to|with .. him|her|them|someone|caller',
      'already .. gave|shared|told .. it|them .. to .. them|him|her',
      // "i gave the code to someone who called me", "عطيت الكود لواحد اتصل علي": a caller had it
      'gave|shared|told|sent|read .. code|codes|otp|pin to .. someone|somebody|guy|man|woman|person|stranger who|that .. called|phoned|rang|messaged|texted|claimed|said',
      'عطيت|اعطيت|عطيته|اعطيته|قلت|ارسلت ... الكود|كود|الرمز|رمز ... واحد|احد|شخص|رقم .. اتصل|كلمني|دق|راسلني',
      // a code read out over the phone, even the delivery code, which is for the courier at the door:
      // "i gave the delivery code to a guy on the phone and now no parcel"
      CODE_GIVEN_BY_PHONE_EN,
      CODE_GIVEN_BY_PHONE_AR,
      // a link or a message that asks for card details is phishing, whoever it says it is from
      'link|links|sms|text|message|email ... ... asking|asked|asks|wants|wanted|requested|requesting ... card|bank|cvv|otp|password',
      // "an SMS saying my parcel is held, pay 12 SAR": a courier fee asked by message is phishing,
      // whoever it says it is from ("an sms from volta saying my laptop is held at customs, pay 19 sar")
      'link|links|sms|text|message ... ... pay|paying .. customs|duty|sar|riyal|riyals',
      'link|links|sms|text|message|email ... saying|says|said ... ... pay|paying .. customs|duty|sar|riyal|riyals',
      // "…and i need to pay 9 sar on a link" (not "can I pay 4299 sar via a link?", the customer asking)
      'sms|message|text|email|texted|messaged ... ... need|needs|have|has|must .. to pay|paying ... link|links',
      // "they want me to pay a fee of 7 sar through a link" (not "my wife wants to pay … via a link")
      'asked|told|asking|wants|want|wanted me|us to pay|paying ... link|links',
      // "money left my account", not "how much money is left on my card"
      'money|funds|balance .. left|gone|missing|disappeared|vanished|taken|stolen from|my .. account|card|wallet',
      'ينتحل|انتحل*|منتحل',
      'طلب* مني .. الرمز|رمز|كود|otp|الباسورد',
      // "he called saying he is from you and asked for the code"; not طلبت, which is "I ordered"
      'اتصل|كلمني|راسلني|ارسل ... طلب|يطلب|طلبوا|يبي|يبغي .. رمز|كود|otp|الباسورد',
      // "اتصلت علي وحدة … وطلبت رمز التحقق": a woman's call reads the same
      'اتصلت|كلمتني|راسلتني ... طلبت|تطلب|تبي|تبغي .. رمز|كود|otp|الباسورد',
      // "يقول انه من خدمة العملاء", "تقول من فولتا": a caller who says they are the shop
      'يقول|تقول|يقولون|قال|قالت|يدعي|تدعي انه|انها|انهم|انو من خدمه|الدعم|الشركه|المتجر',
      'يقول|تقول|يقولون|قال|قالت|يدعي|تدعي .. منكم',
      // "يقول انه من فولتا ويبي رمز التحقق": whoever they named, a verification code is an OTP
      'يقول|تقول|يقولون|قال|قالت|يدعي|تدعي ... من ... طلب|يطلب|طلبوا|يبي|يبغي|تبي|تبغي|تطلب ... رمز|كود التحقق|التفعيل',
      'يقول|تقول|يقولون|قال|قالت|يدعي|تدعي ... من ... طلب|يطلب|طلبوا|يبي|يبغي|تبي|تبغي|تطلب ... otp|الباسورد',
      // "واحد كلمني وقال انه من فولتا وطلب الرقم اللي جاني في الرسالة": a stranger, the number sent
      // (from SMSA, to hand the parcel over, it is the courier's delivery code: excused below)
      `واحد|وحده|شخص|رجال|رجل|شب|زلمه|حد|حدا|احد .. كلمني|اتصل|حكاني|راسلني|دق|اتصلت|كلمتني ... ... ${ASKS_AR} .. الرقم|رقم اللي|الي|يلي .. جاني|وصلني|جالي|اجاني|جاك|وصلك`,
      // a stranger asking for the code the customer received
      `${ASKS_AR}|طلبت|تطلب|تبي .. الكود|كود|الرمز|رمز .. اللي|الي|يلي وصلني|جاني|وصلك|وصل`,
      // a link that asks for card details
      'رابط|لينك|رساله|مسج ... طلبوا|طلب|يطلب|يطلبون|تطلب ... بيانات|رقم|معلومات .. البطاقه|بطاقتي|الفيزا|البنك|حسابي',
      // "اتصل واحد يقول انه من فولتا وطلب الرمز": whoever a caller says they are
      `اتصل|كلمني|راسلني|حكاني ... يقول|قال|يدعي ... ${ASKS_AR} .. الرمز|رمز|الكود|كود`,
      // a courier or a stranger asking for the code or the card (the delivery code is excused below)
      `${PERSON_AR} ... ${ASKS_AR} ... رمز|الرمز|كود|الكود|otp|الباسورد`,
      `${PERSON_AR} ... ${ASKS_AR} ... رقم|بيانات|معلومات .. البطاقه|بطاقتي|الفيزا|حسابي|الكرت|كرتي`,
      `${PERSON_AR} ... ${ASKS_AR} ... الرقم|رقم السري`,
      // "حدا اتصل وقال انو من فولتا وبدو رقم الكرت": whoever a caller says they are
      `يقول|تقول|قال|قالت|يدعي|تدعي ... من ... ${ASKS_AR} ... رقم|بيانات|معلومات .. البطاقه|بطاقتي|الفيزا|حسابي|الكرت|كرتي`,
      // "ارسل لي الكود اللي جاك من البنك": the code the customer was sent, asked for (a courier's
      // delivery code is excused below)
      'الكود|كود|الرمز|رمز .. اللي|الي|يلي جاك|وصلك|جالك|اجاك|اتاك',
      // "في حدا بعتلي رابط وقال ادفع رسوم الجمرك"
      'رابط|لينك|رساله|مسج ... ... ادفع|دفع|تدفع .. رسوم|جمرك|الجمرك|جمارك|ريال|ريالات',
      // "someone says I won a prize from Volta and needs my card number"
      'won|prize|winner ... ... card|otp|bank|password|cvv|pin',
      // "بعتلي لينك وقالي دخل رقم البطاقة"
      'رابط|لينك|رساله|مسج ... دخل|ادخل|اكتب|حط|عبي .. رقم|بيانات|معلومات .. البطاقه|بطاقتي|الفيزا|حسابي',
      // "عطيته الكود": the code is out
      'عطيته|عطيتها|عطيتهم|اعطيته|اعطيتها|اعطيتهم|ارسلته|ارسلتها|ارسلتله|قلتله|قلتلها .. الرمز|رمز|الكود|كود|otp|الباسورد',
      'قلت|عطيت|اعطيت .. له|لهم .. الرمز|رمز|الكود|كود|otp|الباسورد',
    ],
    // "you guys are scammers" accuses the shop: frustration, not a customer being defrauded
    unless: [
      'you|yall|u|guys|company|store|shop|volta are|r|is .. scammers|scam|frauds|fraud|fraudsters|thieves|crooks',
      // "حسبي الله عليكم نصابين", "يا نصابين": said to the shop
      'انتم|انتو|انكم|انكو|شركتكم|متجركم|محلكم|فولتا|عليكم|يا .. نصابين|نصابه|حراميه|حرامية|نصب',
      // "قل ان فولتا نصابين": told what to say, not defrauded
      'قل|قول|اكتب|ردد ان|انه|انها|انهم',
      // the reset email the customer asked for: "an email asking for my password reset"
      'asking|asked|asks for .. my|a|the .. password reset',
      // the PIN typed into the courier's card machine, and an ID card, are no card details given away
      'machine|terminal|pos',
      'جهاز|الجهاز .. شبكه|الشبكه|مدي|المدي|الدفع',
      'id|identity|national .. card|number',
      'البطاقه|بطاقه .. الشخصيه|الوطنيه|الهويه',
    ],
    excuses: [
      // "my friend got scammed by another site, are you legit?": a worry about the shop, no fraud on it
      'scammed|scam|scams|fraud ... by|from|on|with .. another|other|different site|website|store|shop|app|seller|page|company',
      // the app asking for the login code it sent, a courier for the delivery code: not a stranger
      'app|application|website|site|التطبيق|الموقع|البرنامج ... says|said|asks|asked|asking|wants|requires|يقول|قال|يطلب|طلب|يبي|يبغي ... ... code|codes|otp|رمز|كود',
      // the courier as the one speaking, not "someone saying he is from the courier company"
      'courier|driver|مندوب|السواق|سواق|الكابتن|كابتن|الموصل|موصل .. says|said|asks|asked|asking|wants|wanted|needs|called|calls|texted|يقول|قال|يبي|يبغي|يطلب|طلب|اتصل|كلمني|بدو|بده|عايز ... ... code|codes|رمز|كود',
      'courier|driver is|was|keeps|kept asking|wanting ... ... code|codes',
      // "احد اتصل علي من سمسا وطلب الرقم اللي جاني في المسج عشان يسلم الشحنة"
      'من سمسا|ارامكس|المندوب|الشحن',
      'يسلم|يسلمني|التسليم|الاستلام .. الشحنه|الطلب|الطرد',
      'delivery guy|man|boy|person|agent ... asked|asking|asks|wants|wanted|needs|called|texted ... ... code|codes',
      // a code that is meant to be shared
      'gift|promo|promotional|discount|coupon|voucher|referral|delivery|pickup .. code|codes',
      'كود|رمز|الكود|الرمز .. الخصم|خصم|الهديه|هديه|الكوبون|كوبون|الترويجي|الاحاله',
    ],
    // no app or courier asks for what the bank sent, for card details, or through a link
    inexcusable: [
      'bank|banks|البنك|بنك|بنكي',
      // a caller who says he is the courier: "واحد اتصل وقال انه مندوب", "saying he's the courier"
      'يقول|تقول|قال|قالت|يدعي|تدعي|يزعم انه|انها|انو|انا .. مندوب|المندوب|كابتن|الكابتن|سواق|السواق|موصل|الموصل',
      'saying|claiming|claimed|pretending|pretended|posing ... courier|driver',
      'card number|numbers|details',
      'cvv|pin|password|الباسورد',
      'الرقم|رقم السري',
      // a government login code: "المندوب طلب كود ابشر"
      'ابشر|توكلنا|نفاذ',
      'رقم|بيانات|معلومات .. البطاقه|بطاقتي|الفيزا',
      'link|links|رابط|لينك',
      CODE_GIVEN_BY_PHONE_EN,
      CODE_GIVEN_BY_PHONE_AR,
    ],
  },
  legal: {
    guard: 'none',
    // "I'd sue myself for spending so much this month 😅"
    excuses: ['could|would|id|should sue myself'],
    mentions: [
      'lawyer|lawyers|attorney|solicitor|lawsuit|sue|suing|sued|court|courts|legally|police',
      'legal action|steps|proceedings|matter|team|department|advice|complaint',
      'consumer protection|rights|authority|court',
      'ministry of commerce',
      'report you',
      'report .. to .. authorities|ministry|police|regulator|commerce',
      'small claims',
      'محامي*|محاماه|محكمه|محاكم|قضيه|قضايا|قانوني*|قانون|شرطه',
      'حمايه مستهلك',
      'وزاره تجاره',
      'بشتكي|بشتكيكم|اشتكيكم|بشكيكم',
      'اشتكي|شكوى|شكوي|ارفع|برفع|رفع|بلاغ .. عليكم|ضدكم|رسميه|للوزاره|للتجاره',
    ],
  },
  safety: {
    guard: 'none',
    mentions: [
      'battery|batteries .. swell*|swollen|bulg*|expand*|puff*|leak*|overheat*|explod*|hot|melt*',
      'swell*|swollen|bulg*|puffed|puffy .. battery|batteries',
      // swelling is a battery's; a power bank or a phone does not say "battery"
      'swelling|swollen|swelled|bulging|bulged',
      'get|gets|getting|got|become|becomes|became|becoming|runs|running .. hot|overheat*',
      // "the laptop heats up a lot when charging"
      'heats|heating|heated up',
      'smoke|smoking|smoked|smoky|flames|flame|burn|burns|burned|burnt|burning',
      // not a bare "fire": "this product is fire" is praise
      'caught|catch|catches|catching|on|a|start|started|starts|of fire|fires',
      'electric|electrical .. shock|shocks',
      // "my kid got a shock from the charger"; not "the price was a shock"
      'shock|shocks from|off .. charger|cable|plug|socket|laptop|phone|device|adapter|battery|outlet|wire|earbuds|headphones',
      'charger|cable|plug|socket|adapter|outlet|wire ... gave|gives|give .. me|him|her|us|them|my .. shock|shocks',
      'shocked|electrocut*|spark|sparks|sparking|sparked|explod*|explosion|overheat*|melted|melting',
      'injur*|unsafe|dangerous|hazard*|toxic',
      ...SWALLOWED,
      'حريق|حرايق|احترق*|احتراق|انحرق*|حرق*|محروق*|شياط|ولع|ولعت|اشتعل*|اشتعال',
      'دخان|يدخن|دخن',
      'انتفخ*|منتفخ*|نفخ*|منفوخ*|منفخ*|نافخ*',
      'بطاري* .. حار|حاره|حاميه|حامي|سخن*|يسخن|تسخن',
      // "الجوال يسخن مرة", "اللابتوب حرارته عالية": a device that heats up, as "gets hot" above
      `${DEVICE_AR}|علبه|كفر .. يسخن|تسخن|بيسخن|بتسخن|سخن|سخنت|سخنه|ساخن|ساخنه|حار|حاره|حامي|حاميه|يحمى|تحمى`,
      `${DEVICE_AR} .. حرارته|حرارتها|حراره .. عاليه|مرتفعه|قويه|زايده`,
      'انفجر*|انفجار',
      'ماس|تماس كهربا*',
      'كهربني|كهربتني|كهربتنا|صعق*|شرار*',
      // not خطير: in Gulf slang it is praise ("المنتج خطير")
      'خطر',
    ],
    // "ابي جوال ما يسخن ابد": a device that does not heat up is what the customer wants; "هل
    // اللابتوب يسخن مع الالعاب؟" asks before buying (not "جوالي عمره ما سخن، بس من امس يسخن مره")
    excuses: [
      `${WANT_AR} ${DEVICE_AR} .. ما|مو|مش|لا|مب يسخن|تسخن|بيسخن|بتسخن|سخن|حار|حاره|يحمى|تحمى`,
      `هل ${DEVICE_AR} .. يسخن|تسخن|بيسخن|بتسخن|يحمى|تحمى`,
      // "اللابتوب ما يسخن ابدا، ممتاز"
      `${DEVICE_AR} .. ما|مو|مش|لا يسخن|تسخن|بيسخن|بتسخن ابد|ابدا|نهائيا`,
    ],
    // the customer's own device hot after all: "…الجوال اللي وصلني صار حار", "…يسخن لدرجة يذوب"
    inexcusable: [
      'وصلني|اشتريته|شريته|طلبته|جاني|طبيعي|لدرجه|يذوب|ذاب|يحرق|حرق|وايد|مره|كذا|بهالشكل|يطفي|ريحه|صار|صارت|حاليا',
    ],
  },
};

/** Where a sensitive topic's area does not follow from the topic: subscriptions are billing. */
export const SUBSCRIPTION = [
  'subscription*|membership*|plan|renewal|account|اشتراك*|عضويه|عضويتي|باقه|باقتي|تجديد',
];
