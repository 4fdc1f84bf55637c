/**
 * What a message is about when it is not a request for a person: order tracking, knowledge-base
 * topics, complaints, and the business area the policy routes queues from.
 */

const ORDER_NOUN =
  'order|orders|package|parcel|delivery|shipment|stuff|item|items|purchase|things|box|product|products|article|articles';
/** Today or tomorrow, as customers write them. */
const DAY_NEXT = 'today|tomorrow|tonight|tmrw|tmr|2moro';
/**
 * The days a delivery can be moved to. Not Friday: "friday?" after the card asks whether couriers
 * come then, which the delivery days say.
 */
const DELIVERY_DAY = `${DAY_NEXT}|weekend|saturday|sunday|monday|tuesday|wednesday|thursday`;
/** A day the customer hopes it comes: "…tomorrow?", "…by friday?", "…before the weekend?". */
const DAY_SOON = `${DELIVERY_DAY}|friday`;
const ORDER_NOUN_AR = 'طلب*|شحن*|طلبيه|طلبيتي|اغراض*|اوردر*|طرد*|بضاعه|بضاعتي|منتج*|غرض*|شحنتي';

/**
 * What customers buy, one kind per row, as they and the order's item names say it ("my laptop",
 * "Volta Book 14 laptop", "جوالي"): a tracking question may name the product instead of the order,
 * and the product picks the order when the customer has several.
 */
export const PRODUCT_KINDS: readonly (readonly string[])[] = [
  ['laptop', 'laptops', 'notebook', 'macbook', 'لابتوب', 'لابتوبات', 'لاب', 'كمبيوتر'],
  [
    'phone',
    'phones',
    'iphone',
    'iphones',
    'mobile',
    'smartphone',
    'smartphones',
    'جوال',
    'جوالات',
    'موبايل',
    'هاتف',
    'تلفون',
    'ايفون',
  ],
  ['earbuds', 'headphones', 'headphone', 'headset', 'airpods', 'buds', 'سماعه', 'سماعات', 'ايربودز'],
  ['charger', 'chargers', 'adapter', 'شاحن'],
  ['cable', 'cables', 'كيبل', 'سلك'],
  ['watch', 'smartwatch', 'smartwatches', 'ساعه'],
  ['tv', 'tvs', 'television', 'televisions', 'monitor', 'تلفزيون', 'شاشه'],
  ['tablet', 'tablets', 'ipad', 'ipads', 'تابلت', 'ايباد'],
  ['speaker', 'speakers', 'سبيكر'],
  ['camera', 'cameras', 'كاميرا', 'كاميره'],
  ['console', 'consoles', 'playstation', 'ps5', 'xbox', 'بلايستيشن'],
  // not "case": "the status of my case" is the customer's request, not a phone case
  ['cases', 'كفر', 'كفرات', 'جراب', 'جرابات'],
];
/**
 * Phone makers, as customers name a phone: "which is better, iphone or samsung?", "do you have the
 * galaxy s24?". Not product kinds: "where is my samsung?" names no item of an order.
 */
export const PHONE_MAKERS: readonly string[] = [
  'samsung',
  'galaxy',
  'huawei',
  'xiaomi',
  'pixel',
  'سامسونج',
  'سامسونق',
  'جالكسي',
  'جلاكسي',
  'هواوي',
  'شاومي',
];
/** A product word in Latin letters (the lists hold both scripts). */
export const latin = (word: string) => /^[a-z0-9]+$/.test(word);
const PRODUCT = PRODUCT_KINDS.flat().filter(latin).join('|');
// "where is my phone number?", "…my mobile number?" ask about an account: a phone tracks only
// beside a delivery word
const PRODUCT_TRACKED = PRODUCT_KINDS.flat()
  .filter((word) => latin(word) && !word.startsWith('phone') && word !== 'mobile')
  .join('|');
const PRODUCT_AR = PRODUCT_KINDS.flat()
  .filter((word) => !latin(word))
  .join('|');
/** "اللابتوب حقي", "السماعة تبعي", "الموبايل بتاعي": the customer's own, said with a word of its own. */
export const MINE_AR = 'حقي|حقتي|تبعي|تبعتي|بتاعي|بتاعتي|خاصتي';
/** "جوالي", "سماعتي": the customer's own product. */
const MY_PRODUCT_AR =
  'جوالي|لابتوبي|موبايلي|تلفوني|ايفوني|سماعتي|سماعاتي|شاحني|ساعتي|شاشتي|تلفزيوني|ايبادي|تابلتي|كاميرتي';

export const ORDER_STATUS = [
  `where is|s|are .. ${ORDER_NOUN}`,
  // "where is my phone case order"
  `where is|s|are my ... ${ORDER_NOUN}`,
  `wheres|where .. my|the ${ORDER_NOUN}`,
  'track|tracking|trace',
  `order|delivery|shipping|shipment|package status`,
  `status of|on .. ${ORDER_NOUN}`,
  // "any update on my order?"
  `update|updates|news on|about|regarding|for .. ${ORDER_NOUN}`,
  // "is my laptop on its way?" (not "is the laptop on its way out?")
  `is|are my ${PRODUCT_TRACKED}|${ORDER_NOUN} on its|their|the way`,
  // "any news on my laptop" (not "an update for my earbuds firmware")
  `update|updates|news on|about|regarding my ${PRODUCT_TRACKED}`,
  `${ORDER_NOUN} .. status`,
  `locate|locating|find .. ${ORDER_NOUN}`,
  `when will|does|is|do|would .. ${ORDER_NOUN}|it|they ... arrive|arriving|come|coming|delivered|here|ship|shipped|reach|get`,
  'hasnt|havent|didnt|not|never|isnt|still .. arrived|arrive|come|came|delivered|shipped|here|received|receive|reached|showed',
  // "why hasn't my earbuds order shipped yet", "why is 1002 still processing?"
  `hasnt|havent|didnt|isnt|wasnt .. my|the ... ${ORDER_NOUN}|${PRODUCT} .. shipped|dispatched|arrived|delivered|moved`,
  'why ... still|stuck .. processing|preparing|pending',
  // "how come its STILL processing"
  'how come ... still|stuck .. processing|preparing|pending',
  // "my order says out for delivery since yesterday"
  'out for delivery',
  // "I ordered earbuds a week ago and still nothing"
  'ordered|bought|paid ... ... still|yet nothing',
  'ordered|bought|paid ... ... nothing|no sign .. yet|still',
  // "I ordered a laptop last week and nothing came"
  'ordered|bought|paid ... ... nothing|never .. came|come|arrived|showed',
  // "my order is 3 days late"
  `${ORDER_NOUN}|it|its ... late|delayed|delay|overdue`,
  // "earbuds shipped or not?", "laptop arrived yet?" (not "laptop shipped with windows?")
  `${PRODUCT_TRACKED}|${ORDER_NOUN} shipped|dispatched|arrived|delivered or|yet|already`,
  // "my order was supposed to arrive yesterday", "the laptop was meant to come today"
  `my|the ${ORDER_NOUN}|${PRODUCT_TRACKED} .. was|were|is|are supposed|meant|due to .. arrive|come|ship|reach|here|delivered`,
  'it|they was|were|is|are supposed|meant to .. arrive|come|ship|reach|here',
  // "الطلب المفروض يوصل امس", "كان المفروض يوصلني اليوم"
  `${ORDER_NOUN_AR}|${PRODUCT_AR}|كان .. المفروض|المفروظ|يفترض .. يوصل|يوصلني|يجي|يجيني|وصل|يتسلم`,
  'eta',
  'estimated .. delivery|arrival',
  `has|did|is|was .. my|the ${ORDER_NOUN} .. shipped|arrived|dispatched|delivered|out`,
  `expect|expecting .. my|the ${ORDER_NOUN}`,
  // "I want to see my orders", "can I check my order?" (not "check out my order as a guest")
  `see|view .. my ${ORDER_NOUN}`,
  `check|checking my ${ORDER_NOUN}`,
  `check|checking on my ${ORDER_NOUN}`,
  // "why is my order taking so long?", "I am tired of waiting for my order"
  `why .. my|the ${ORDER_NOUN} ... taking|long|late|delayed|slow|stuck`,
  `waiting|wait|waited .. for|on .. my|the ${ORDER_NOUN}`,
  // "why was my order cancelled?", "my order got cancelled by itself": what happened to it
  `${ORDER_NOUN} .. was|got|been|is|were cancelled|canceled`,
  `why|was|has|did .. my|the ${ORDER_NOUN} .. cancelled|canceled|cancel`,
  // the product instead of the order: "where's my laptop?", "has my phone shipped?"
  `where is|s|are .. my .. ${PRODUCT_TRACKED}`,
  `wheres|where .. my .. ${PRODUCT_TRACKED}`,
  `wheres|where .. my ${PRODUCT} ${ORDER_NOUN}`,
  // "where is the laptop?": the one ordered, in a support chat
  `where is|s|are .. the ${PRODUCT_TRACKED}`,
  `wheres|where the ${PRODUCT_TRACKED}`,
  // "were my phone cases delivered", "did my earbuds ship yet" (not "did my laptop ship with windows?")
  `has|did|is|was|were|are|have .. my .. ${PRODUCT} .. shipped|arrived|dispatched|delivered`,
  `did my .. ${PRODUCT} ship|arrive yet|already`,
  // "is my laptop out yet", "did the earbuds get shipped with the laptop?"
  `is|are|has|have my|the .. ${PRODUCT}|${ORDER_NOUN} .. out yet|already`,
  `did|has|have|were|was my|the .. ${PRODUCT}|${ORDER_NOUN} get|been shipped|sent|dispatched|delivered`,
  // "did my earbuds ship?" (not "did my laptop ship with windows?": GENERIC)
  `did|has|have my|the .. ${PRODUCT} ship|shipped|arrive|arrived|leave|left`,
  // "hmm the laptop is a bit late no?"
  `my|the ${PRODUCT_TRACKED} ... late|delayed|overdue`,
  // "how much did i pay for the laptop", "what did i pay for A3001": its card has the total
  `how much did|have i|we pay|paid for|on .. my|the .. ${PRODUCT}|${ORDER_NOUN}`,
  `how much was|were my .. ${PRODUCT}`,
  // "how much was the laptop" (what it cost them: "was"), "what did i order last time"
  `how much was|were the ${PRODUCT}`,
  'what did i|we order|buy|purchase',
  // "i ordered a tv last week where is it"
  'ordered|bought|purchased ... ... where is|s|are it|they|them|that',
  `what did i|we pay for .. my|the .. ${PRODUCT}|${ORDER_NOUN}`,
  // "what orders do i have with u", "which ones are still coming"
  `what|which ${ORDER_NOUN} do|did i|we have|make|place`,
  `which .. ${ORDER_NOUN}|ones|one .. still|already .. coming|arriving|shipped|pending|processing|delivered|here`,
  `which .. ${ORDER_NOUN}|ones|one are|is|have|has .. coming|arriving|shipped|pending|processing|delivered|arrived`,
  // "when is the laptop coming": the one ordered (not "…back in stock", "…to your shop")
  `when will|does|is|do|would|are the ${PRODUCT_TRACKED} ... arrive|arriving|come|coming|delivered|here|ship|shipped`,
  `when will|does|is|do|would my .. ${PRODUCT} ... arrive|arriving|come|coming|delivered|here|ship|shipped|reach`,
  // "status of my earbuds pls"
  `status of|on|for my .. ${PRODUCT_TRACKED}`,
  // "وصل الطلب؟", "وصلت السماعات؟": has it come
  `وصل|وصلت ${ORDER_NOUN_AR}|${PRODUCT_AR}`,
  // "الكفرات وصلت ولا لسه؟", "طلب الكفرات وصل؟", "هل السماعات انشحنت"
  `${PRODUCT_AR} وصل|وصلت|وصلو|وصلوا ولا|او .. لسه|للحين|لا`,
  `هل ${PRODUCT_AR} وصل|وصلت|وصلو|وصلوا|انشحن|انشحنت|اتشحن|اتشحنت`,
  `طلب|الطلب|طلبيه|اوردر ${PRODUCT_AR} وصل|وصلت|انشحن|اتشحن`,
  // "طلبي اللي فيه كفرات الجوال وصل؟"
  'طلبي|طلبيتي|اوردري|الطلب|الاوردر|طلب اللي|الي|يلي فيه ... وصل|وصلت|انشحن|اتشحن',
  // "كم سعر اللابتوب اللي طلبته؟": what the customer paid, on its card
  `كم|بكم .. سعر|قيمه|دفعت .. ${PRODUCT_AR} .. اللي|الي|يلي طلبته|طلبتها|طلبتهم|اشتريته|اشتريتها|شريته|شريتها`,
  // "ابي اعرف وش طلبت من عندكم المرة الماضية": what the customer ordered
  'وش|ايش|شو|ماذا|ايه طلبت|اشتريت|شريت',
  // "طيب السماعات متى؟": the one ordered, when
  `${PRODUCT_AR}|${MY_PRODUCT_AR} متى|امتى|متي|امتي`,
  // "السماعات اللي طلبتها وش صار عليها", "وش صار على طلبي؟"
  `${ORDER_NOUN_AR}|${PRODUCT_AR} ... وش|ايش|شو|ايه صار|صاير|حصل .. عليه|عليها|عليهم|فيه|فيها|له|لها`,
  `وش|ايش|شو|ايه صار|صاير|حصل على|مع .. ${ORDER_NOUN_AR}|${PRODUCT_AR}`,
  // "can u tell me when my earbuds arrive"
  `when my .. ${PRODUCT}|${ORDER_NOUN} .. arrive|arrives|arriving|come|comes|coming|ships|reach|reaches`,
  `my ${PRODUCT} ${ORDER_NOUN} .. late|delayed|overdue`,
  // next to it: "وين رقم جوالي؟" asks for a phone number
  `وين|فين|وينه|وينها|اين ${MY_PRODUCT_AR}`,
  // "وين اللابتوب (حقي)؟", "اللابتوب حقي وينه؟"
  `وين|فين|وينه|وينها|اين ${PRODUCT_AR}`,
  `${PRODUCT_AR} ${MINE_AR} .. وين|فين|وينه|وينها|فينه`,
  `وين|فين|وينه|وينها|اين .. ${ORDER_NOUN_AR}`,
  // Egyptian: "الاوردر بتاعي فين"
  `${ORDER_NOUN_AR} .. وين|فين|وينه|فينه`,
  // not توصلون: "متى توصلون جدة؟" asks which cities are served, an FAQ
  'متى|امتى|متي|ايمتى .. يوصل|توصل|بيوصل|بتوصل|يجي|تجي|يوصلني|توصلني|وصول|يصل|تصل|سيصل|ستصل|راح|بيجي|يوصلنا|هيوصل|هتوصل|حيوصل|حتوصل|هيجي|هتيجي',
  // Egyptian asks "when" last: "الاوردر بتاعي هيوصل امتى" (of a parcel to send, "ابعت لامي…
  // هيوصل امتى؟" asks the delivery times)
  `${ORDER_NOUN_AR} ... يوصل|بيوصل|هيوصل|هتوصل|حيوصل|حتوصل|هيجي|هتيجي|بيجي .. امتى|امتي|متى|متي`,
  'تتبع|تعقب|تراك|اتتبع|نتتبع',
  `اتابع|نتابع|متابعه .. ${ORDER_NOUN_AR}`,
  // the courier did not come: "المندوب مجاش", "المندوب ما جا"
  'مندوب* .. مجاش|ماجاش|ماجا|ماجاء|ماوصل|ماجاني',
  'مندوب* .. ما|لم .. جا|جاء|اجا|وصل|جاني',
  // the courier who does not answer, or says he could not find the address
  'مندوب* ما|لم|مو|للحين .. رد|يرد|جاوب|يجاوب|يرفع',
  'مندوب* .. قال|يقول|يقولي|قالي ... ما|مو|لم .. لقى|لقي|يلقى|حصل|عرف|يعرف .. العنوان|البيت|الموقع|المكان',
  `حاله|وضع .. ${ORDER_NOUN_AR}`,
  'ما|لم|للحين|ليش .. وصل|وصلني|وصلت|يوصل|جاني|جا|استلمت|يصل|يوصلني',
  // "ليش طلب السماعات للحين ما انشحن": not shipped yet
  'للحين|لسا|لسه|ليش .. ما|مو|لم .. انشحن|انشحنت|اتشحن|اتشحنت|ينشحن|يتشحن|تشحن|شحنتوه|شحنتوها',
  'ماوصل|ماجاني|ماوصلني|ماجا|ماوصلت|مااستلمت',
  // "طلبي صار له اسبوع ما انشحن", "ليش للحين قيد التجهيز؟"
  // (not "ينفع الغي الطلب بعد ما انشحن؟", after it shipped)
  'صار|صارله|صارلي|صارلها له|لي|لها ... يوم|يومين|ايام|اسبوع|اسبوعين|شهر ... ما|مو|لم .. انشحن|انشحنت|اتشحن|اتشحنت',
  'ليش|للحين|لسه|لسا .. قيد|تحت التجهيز',
  // "كم باقي على وصول طلبي؟": how long until it comes
  'كم|قديش|كام باقي ... وصول|يوصل|توصل|يوصلني|توصلني|طلبي|الطلب',
  `تاخر|تاخير|متاخر*|تاخرت|تاخرتو*|اتاخر* .. ${ORDER_NOUN_AR}|توصيل`,
  `${ORDER_NOUN_AR}|توصيل .. تاخر*|متاخر*|تاخير|اتاخر*`,
  // what the customer's own order costs: its card has the total ("can I pay for my order with
  // mada?" is a payment question, "how much is delivery on my order?" a shipping one)
  'how much ... pay|owe|paying for|on my|the|this order|orders|purchase',
  'how much is|was|s my order|purchase',
  'my order|purchase total|amount|cost|price|value',
  'total|amount|cost|price|value of|for my order|purchase',
  'كم .. ادفع|بدفع|ندفع|المبلغ|المطلوب|حسابي|اجمالي .. طلب|طلبي|طلبيتي|اوردر|اوردري',
  'مبلغ|قيمه|اجمالي|حساب طلبي|طلبيتي|اوردري',
];

/**
 * "I need help with my order", "عندي مشكلة في الطلب": help with an order not yet named, whose card
 * comes first (not "a problem with the delivery address"). Only when the message says nothing of
 * what went wrong or what it asks: "an issue with my order, the courier was rude" is the complaint,
 * "a problem with my order, how do I return it?" the returns page's.
 */
export const ORDER_HELP = [
  'help|problem|problems|issue|issues|trouble with|in|on|regarding|about my order|orders|package|parcel|shipment|purchase',
  'problem|problems|issue|issues|trouble with|in|on the order|package|parcel|shipment',
  'help me|us with|regarding|about|on my order|orders|package|parcel|shipment|purchase',
  'my order|package|parcel|shipment has|had a|an|some problem|issue|problems|issues',
  'مشكله|مساعده في|بخصوص|مع|على طلب|طلبي|طلبيه|طلبيتي|اوردر|اوردري',
  'مشكله|مساعده طلب|طلبي|طلبيه|طلبيتي|اوردر|اوردري',
];

/**
 * The courier's delivery code: what did not come in "ما وصلني كود الاستلام" is the code, which the
 * shipping page answers, not the order.
 */
export const DELIVERY_CODE = [
  'delivery|handover|courier|driver .. code|codes|otp|pin',
  'كود|رمز|الكود|الرمز .. الاستلام|استلام|التسليم|تسليم|التوصيل|توصيل|المندوب|مندوب|الكابتن|كابتن',
];

/**
 * "will my order come tomorrow?", "is my order coming today?", "will I get it by friday?": when the
 * customer's order comes, asked with the day it is hoped for. Only in a message with no condition:
 * "will it arrive today if I change the address?" asks about the change, and "would it be
 * delivered saturday if I pay extra" about express delivery. Not "will orders placed on friday…" or
 * "will a new order…" (any order), "will it come with a charger?" (no day), nor "they", who may be
 * the couriers ("will they come tomorrow to pick up the return?").
 */
export const ORDER_ARRIVING_ON = [
  `will|would my|the ${ORDER_NOUN} ... arrive|arriving|come|coming|delivered|here|reach ... ${DAY_SOON}`,
  `will|would it ... arrive|arriving|come|coming|delivered|here|reach ... ${DAY_SOON}`,
  `will|would my .. ${PRODUCT_TRACKED} ... arrive|arriving|come|coming|delivered|here|reach ... ${DAY_SOON}`,
  // "so my laptop comes thursday?", "is my laptop arriving thursday?" (not "my laptop is coming
  // thursday but i wont be home", which is about the delivery day)
  `so|and my|the ${PRODUCT_TRACKED} .. arrive|arrives|arriving|come|comes|coming|delivered ... ${DAY_SOON}`,
  `is|are my|the ${PRODUCT_TRACKED} .. arriving|coming|delivered ... ${DAY_SOON}`,
  // "المندوب بيجيب اللابتوب يوم الخميس؟"
  `يجيب|بيجيب|يوصل|بيوصل|هيجيب|حيجيب .. ${PRODUCT_AR} ... بكره|اليوم|السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس`,
  // "اللابتوب يوصل اليوم؟"
  `${PRODUCT_AR} .. يوصل|بيوصل|يجي|بيجي|توصل|بتوصل|تجي|بتجي ... بكره|اليوم|السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس`,
  `is|are my|the ${ORDER_NOUN} .. coming|arriving|delivered ... ${DAY_SOON}`,
  `will|would i|we .. get|receive .. my|the ${ORDER_NOUN}|it ... ${DAY_SOON}`,
];

/** DELIVERY_DAY in Arabic, as the normaliser writes it. */
const DELIVERY_DAY_AR =
  'بكره|بكرا|اليوم|الليله|السبت|الاحد|الاثنين|الاتنين|الثلاثاء|الثلاثا|الاربعاء|الاربعا|الخميس|الويكند';

/**
 * After the card of an order on its way, another day than the one it gave: "can it come earlier?",
 * "can you deliver it tomorrow?", "why thursday?", "i wont be home thursday", "ممكن يوصل قبل
 * الخميس؟", "ليش الخميس؟". Not "will it come tomorrow?" (ORDER_ARRIVING_ON, which the card answers)
 * nor "i wasn't home" (a missed delivery, said after it).
 */
export const ANOTHER_DELIVERY_DAY = [
  'come|arrive|deliver|send|ship|bring|get|here .. earlier|sooner|faster|quicker',
  'it|them earlier|sooner|faster|quicker',
  `come|arrive|deliver|delivered|send|ship|bring|here|it|them .. before|by .. ${DELIVERY_DAY}`,
  'expedite|expedited|expediting',
  `it|them .. come|arrive|delivered|here ... ${DELIVERY_DAY}`,
  `deliver|send|bring|get|receive|have it|them ... ${DELIVERY_DAY}`,
  `why|y .. ${DELIVERY_DAY}`,
  `${DELIVERY_DAY} instead`,
  `${DELIVERY_DAY} if not`,
  'wont|cant|cannot|wouldnt|not be .. home|there|around|available',
  `not|wont|cant home|there|around|available ... ${DELIVERY_DAY}`,
  `يوصل|توصل|يجي|يجيني|يوصلني|توصلوه|توصلوها|توصلونه|توصلونها|تجيبوه|تجيبوها|تجيبونه|يجيبه|يجيبها ... قبل|بدري|اسرع|${DELIVERY_DAY_AR}`,
  'تسرعون|تسرعوا|تستعجلون|تستعجلوا|استعجلوا|سرعوا|عجلوا',
  `ليش|ليه|لماذا .. ${DELIVERY_DAY_AR}`,
];

/** The same as a question of a few words: "tomorrow?", "what about saturday?", "طيب السبت؟", "والسبت؟". */
export const ANOTHER_DELIVERY_DAY_ALONE = [
  DELIVERY_DAY,
  DELIVERY_DAY_AR,
  DELIVERY_DAY_AR.split('|')
    .map((day) => `و${day}`)
    .join('|'),
];

/**
 * "has it shipped yet?", "has it arrived?", "هل انشحن؟", "انشحن ولا لسه؟", "متى بيتشحن؟", "can my
 * order be delivered tomorrow?": whether or when "it", the order the chat is about or the
 * customer's, ships or arrives (not "is it shipped free?" or "did it ship with windows?", asked
 * before buying, nor "خلاص انشحن، اقدر الغيه؟", which says it has). See NOT_THE_ORDER.
 */
export const IT_ON_ITS_WAY = [
  'has it .. shipped|dispatched|arrived|delivered',
  'did it .. ship|dispatch yet|already',
  'is|was it .. shipped|dispatched yet|already',
  `is it .. coming|arriving ... ${DAY_SOON}`,
  'هل انشحن|اتشحن|انشحنت|اتشحنت|شحنتوه|شحنتوها',
  'انشحن|اتشحن|انشحنت|اتشحنت|شحنتوه|شحنتوها ولا|او .. لسه|للحين|لا',
  // "متى تنشحن السماعات؟": the earbuds are feminine
  'متى|امتى|متي|امتي|ايمتى|ايمتي .. بيتشحن|يتشحن|ينشحن|بينشحن|هيتشحن|حيتشحن|تشحنوه|تشحنوها|بتشحنوه|بتشحنوها|تنشحن|بتنشحن|تتشحن|بتتشحن|هتتشحن|حتتشحن',
  // "why is it taking so long?" after its card
  'why is|does it .. taking|take|takes ... long|forever|ages',
  'why is it .. late|delayed|stuck|slow',
  // "can my order be delivered tomorrow?": when the order comes (not "can it arrive tomorrow?",
  // which may be asked before buying, nor a weekday: "…on friday?" asks the delivery days)
  `can|could my|the ${ORDER_NOUN} .. arrive|come|delivered|here|reach ... ${DAY_NEXT}`,
  // "can the laptop come today?": the product ordered, as the order
  `can|could my|the ${PRODUCT_TRACKED} .. arrive|come|delivered|here|reach ... ${DAY_NEXT}`,
];

/**
 * "did it ship?", "was it shipped?", "انشحن؟", "any update?": the same, as a whole message
 * (SHORTEST_QUESTION in classify.ts); longer, انشحن may be a battery that charged.
 */
export const IT_ON_ITS_WAY_ALONE = [
  'did it ship|dispatch',
  'is|was it shipped|dispatched',
  'انشحن|اتشحن|انشحنت|اتشحنت',
  // "any update?", "في جديد؟": what a shop is asked for news of is the order
  'any update|updates|news',
  'whats|what the update|news',
  'في|فيه|اي جديد|تحديث|اخبار',
];

/**
 * "no they never arrived", "لا ما وصلتني", "nope, I never got them": the order shown was not
 * received (said after a card that says delivered, the agent node's reading).
 */
export const NOT_RECEIVED = [
  'never|didnt|not|havent|hasnt|wasnt|werent .. arrive|arrived|receive|received|get|got|come|came|delivered',
  'nothing arrived|came',
  'ما|لم|مو .. وصل|وصلت|وصلني|وصلتني|وصلوا|وصلو|استلمت|استلمته|استلمتها|استلمتهم|جاني|جتني|جاتني|جوني',
  'ماوصل|ماوصلت|ماوصلني|ماوصلتني|مااستلمت|ماجاني|ماجتني',
  'ma|mo weselni|wesolni|wasalni|wslni|waslni|wasal|wasalat|estalamt|jani',
];

/**
 * What else "it" is when a message says so: a return on its way back, a replacement, a repair, a
 * refund, a gift card, a place it ships to, a battery or a device that charges (انشحن is also
 * "charged"), a link someone sent; or what else the message asks.
 */
export const NOT_THE_ORDER = [
  'back|return|returned|returning|replacement|replace|repair|repaired|refund*|refuse*|refusing|exchange*|gift|voucher|link',
  'shipped|dispatched|ship to',
  // a second question or a plan beside it, which a page answers: "…or can I still remove one
  // item?", "…I'm travelling next week", "…I put the wrong city"
  'or can|could|should|shall|do|may i|we',
  'travel*|traveling|travelling|away|wrong|change|changed|express|مسافر|مسافره|اسافر|سفر|غلط|اغير|غيرت|تغيير',
  'رجعت*|رجعنا|ارجاع|ارجعت*|مرتجع*|بديل|استبدال|صيانه|استرداد|رفضت*|ارفض*|هديه|رصيد|رابط',
  'بطاري*|شاحن|لمبه|ضوء|نسبه',
  // "الجوال انشحن؟": is the phone charged, or has it shipped? Left to the pages
  PRODUCT_AR,
];

/** "When does an order usually arrive?" asks about shipping times, not about the customer's order. */
export const GENERIC = [
  'usually|normally|typically|generally|average|عاده|عادتا|غالبا|المعتاد|متوسط',
  // an order not placed yet: "when will it arrive if I order now?", "متى يوصل اذا طلبت الحين؟"
  'if|when i|we .. order|buy|purchase',
  // "when is the ps5 coming back in stock?", "…to your shop?", firmware and battery questions
  'back in|into stock',
  'restock*',
  'in|to|at your .. store|shop|stores|shops|website|site',
  'firmware|bios|driver|drivers|software|windows',
  'full charge|battery',
  // "when will the earbuds come in white?", "…the laptop sale", a warranty claim or a repair, a shop
  'in|with white|black|blue|red|silver|gold|arabic|english',
  'sale|sales|warranty|repair|repaired|repairing|claim',
  'want|like|wanna|planning .. to buy|purchase',
  'محل|المحل|للمحل|فرع|الفرع|للفرع|اشتري|نشتري',
  // "where are my phone cases made? do they fit the iphone 15?"
  'are|is .. made|manufactured|produced',
  'do|does they|it fit|fits',
  'اذا|لو|لما .. طلبت|اطلب|طلبنا|نطلب|اشتريت|اشتري',
];

/** A short message naming the customer's own order ("my order?", "طلبي") asks where it is. */
export const MY_ORDER = [
  `my ${ORDER_NOUN}`,
  `my ${PRODUCT}`,
  `my ${PRODUCT} ${ORDER_NOUN}`,
  'طلبي|طلبيتي|شحنتي|اغراضي|اوردري|طلبياتي|طلباتي',
];

/** Knowledge-base topics: shipping, returns, payments, warranty, hours, cities, accounts, prices. */
export const FAQ_TOPIC = [
  'shipping|ship|ships|shipped|shipment|shipments|delivery|deliver|delivers|courier|carrier|driver|address|addresses',
  'how long|soon',
  'order|orders|buy from',
  'return|returns|returning|exchange|exchanges|refund*|reimburs*|policy|policies|warranty|guarantee',
  'payment|payments|pay|paying|installment*|instalment*|cash|cod|apple|mada|tabby|tamara|visa|mastercard|card|cards|paypal|amex',
  'hours|open|opening|close|closed|closing|weekend|friday|saturday|sunday|holiday|holidays|ramadan|eid',
  'branch|branches|store|stores|shop|shops|showroom|location|locations|city|cities|area|areas|region|regions|country|countries|international|abroad',
  // no city names: "what's the weather in Riyadh?" is not a delivery question, "do you deliver to Riyadh?" says deliver
  'cost|costs|fee|fees|price|prices|free|discount|discounts|coupon|promo|voucher|offers|sale',
  'account|password|register|registration|signup|sign|login|log|email|username|profile|otp',
  'invoice|invoices|receipt|vat|size|sizes|stock|available|availability|cancel|cancellation|cancelling|canceling',
  'contact|phone|number|whatsapp|customer',
  'pin|pwd|passcode|recover*|restore|reset|forgot*|forgotten|newsletter*|subscribe|unsubscribe|review|reviews|feedback',
  'buy|purchase|purchasing|buying|penalty|penalties|termination|membership|subscription*|plan|plans',
  // "I want to order a laptop", "ابي اطلب لابتوب", "كيف اشتري؟": how to buy, which the ordering page
  // answers ("my order" is no question of its own)
  `to|i|we|you|can|could|please|pls|id|wanna order|ordering ... ${PRODUCT}`,
  `اطلب|نطلب|بطلب|ابطلب|اشتري|نشتري|بشتري|ابشتري|لاشتري ... ${PRODUCT_AR}`,
  // not "بعد شراء الجوال بيومين خرب" (two days after buying it, it broke)
  'اريد|ارغب|ابي|ابغي|بدي|عايز|عاوز|حاب|حابب|ودي|طريقه .. شراء',
  'كيف|شلون|ازاي|طريقه اطلب|نطلب|اشتري|نشتري',
  'عضويه|عضويتي|اشتراك*|باقه|باقات',
  // "what if it arrives damaged?" asks about the returns policy
  'damaged|damage|broken|defective|faulty|wrong|missing|مكسور*|تالف*|خربان*|غلط|ناقص*',
  // "what if i drop it?", "what if i spill water on it?": what the warranty covers
  'drop|drops|dropped|spill|spilled|liquid|طاح|طيحه|انكب',
  // "شلونكم، تشحنون للكويت؟": you (plural) ship, which a device that charges never says
  'تشحنون|تشحنوا|تشحنو|توصلوا|توصلو',
  // "موجود عندكم؟" (do you have it?): in stock
  'موجود|موجوده|موجودين عندكم|عندك|لديكم',
  'عندكم|عندك|لديكم موجود|موجوده',
  // "can I pick up my order?", "can I collect it from your warehouse?"
  'pickup|collect|collection',
  'pick up',
  'شحن|توصيل|توصلون|يوصل|توصل|مندوب*|ارجاع|استرجاع|استبدال|ترجيع|ارجع|ارجعه|رجع|ابدل|استبدل|سياسه|ضمان|الضمان|ريترن|رترن',
  'دفع|ادفع|ندفع|تدفع|تقسيط|تابي|تمارا|مدى|كاش|استلام|فيزا|بطاقه|ابل|بايبال|بيبال|ضريبه',
  // "تقبلون باي بال؟" (باي alone is bye)
  'باي|بي بال',
  'volta|فولتا plus|بلس',
  // "are you legit?", "are your products original?", "متجركم موثوق؟": the shop and its goods genuine
  'legit|legitimate|genuine|authentic|fake|counterfeit|trustworthy|trusted|اصلي|اصليه|تقليد|مقلد|موثوق|موثوقين',
  // "which laptop do you recommend?", "تنصحني باي جوال؟": help choosing a product
  'recommend|recommendation*|suggest|suggestion*|advise|compare',
  'تنصحني|انصحني|تنصحوني|تنصحون|تقترح|تقترحون|قارن',
  `best|better ${PRODUCT}`,
  // "do you have the galaxy s24?", "عندكم بلايستيشن؟": in stock
  `you|u have .. ${PRODUCT}|${PHONE_MAKERS.filter(latin).join('|')}`,
  `عندكم|عندك|لديكم ${PRODUCT_AR}|${PHONE_MAKERS.filter((word) => !latin(word)).join('|')}`,
  // "which is better, samsung or huawei?", "ايهم افضل هواوي ولا شاومي؟": two to choose between
  'which is|ones|one better|best',
  'ايهم|ايهما افضل|احسن|اقوى|انسب',
  `${PRODUCT} should i|we buy|get|choose|pick`,
  `افضل|احسن|اقوى ${PRODUCT_AR}`,
  // "advice on a laptop", "بدي نصيحة بموبايل"; not "I need advice, my phone won't charge"
  `advice on|for|about .. ${PRODUCT}`,
  `نصيحه|نصيحتك ${PRODUCT_AR}`,
  'دوام|دوامكم|ساعات|تفتحون|يفتح|تفتح|يفتحون|مفتوح*|فاتحين|تسكرون|يسكر|تسكر|تقفلون|جمعه|سبت|اجازه|رمضان|عيد',
  // "وين مقركم؟" (where are you based?)
  'فرع|فروع|فرعكم|معرض|معرضكم|محل|محلات|محلكم|محلكن|مقر|مقركم|مكانكم|مدن|مدينه|مناطق|منطقه',
  'رسوم|سعر|اسعار|مجاني|مجانا|خصم|خصومات|كوبون|عروض',
  'حساب*|كلمه|باسورد|تسجيل|اسجل|ايميل|بريد|فاتوره|فواتير|مقاس|مقاسات|متوفر|تواصل|رقم|رقمكم|ارقامكم',
  'الغاء|الغي|الغيه|كنسل|اكنسل|يلغي|تلغي',
];

/** Signs the message asks something, so a topic word is a question rather than a passing remark. */
export const FAQ_CUE = [
  'how|what|whats|wat|wht|when|where|which|why|who|do|does|is|are|can|could|will|would|should|may|any|info|information|tell|want|need|know',
  // "I'd like to buy a phone", "thinking of buying a macbook", "حابب اشتري ايباد"
  'id like|love',
  'wanna|planning|thinking|considering|interested|حابب|حابه|ارغب|نرغب|عايزه|عاوزه',
  // how-to requests without a question word: "help me reset my password", "open a new account"
  'help|assist*|assistance|guide|create|creating|open|opening|recover|reset|restore|use|using|switch|switching|see|check|checking|find|forgot|forgotten|lost',
  'كيف|وش|ايش|شو|متى|وين|هل|كم|كام|بكام|ليش|اين|ماذا|شلون|ابي|ابغى|اريد|ودي|ممكن|اقدر|عندكم|ابغي|حاب|استفسار|كيفيه|عايز|عاوز|بدي|امتى|فين|ازاي',
];

/** Complaint wording that is not a sensitive topic ("I want to file a complaint", "ابي اشتكي"). */
export const COMPLAINT = [
  'complaint|complaints|complain|complaining|unhappy|dissatisfied|reclamation*',
  'lodge|lodging|file|filing|make|making|submit .. claim|claims',
  'not|never happy|satisfied|ok|okay|acceptable',
  'bad|poor|slow|horrible|terrible service|experience|support|quality',
  'شكوى|شكوي|شكاوي|اشتكي|بشتكي|تظلم',
  'مو|مب|غير|ما راضي|راضيه|مبسوط|عاجبني',
];

// ---- business areas -------------------------------------------------------------------------

export const AREA_BILLING = [
  'refund*|charge|charged|charges|payment*|pay|paid|paying|invoice*|bill|bills|billing|billed|card|credit|debit|money|subscription*|membership|price|prices|cost|fee|fees|installment*|tabby|tamara|mada|visa|mastercard|wallet|transaction*|receipt|vat|tax|coupon|discount|promo|voucher|cash|reimburs*',
  'apple pay',
  'فلوس*|مبلغ*|دفع*|دفعت|فاتوره|فواتير|فاتورتي|بطاق*|اشتراك*|استرداد*|خصم|انخصم*|سعر|اسعار|رسوم|تقسيط|تابي|تمارا|مدى|فيزا|كاش|محفظه|ضريبه|كوبون|تحويل|حواله|ريال|قيمه',
];

export const AREA_ORDERS = [
  'order|orders|delivery|deliver*|shipping|ship|ships|shipped|shipment|package|parcel|courier|driver|tracking|track|arrive*|item|items|product|products|damaged|broken|wrong|missing|return*|exchange|eta|carrier|box|size|colour|color',
  // not "email address", which is account help
  'delivery|shipping|home|new|your|the|an|a|my|another|different address|addresses',
  'طلب*|توصيل|يوصل|توصل|وصل*|شحن*|مندوب|طرد|منتج*|قطعه|مكسور*|تالف*|ناقص*|ارجاع|استرجاع|استبدال|عنوان*|تتبع|طلبيه|اغراض*|مقاس|لون',
];

export const AREA_TECHNICAL = [
  // not a bare "update": "any update?" chases an order or a handoff
  'app|application|website|site|web|login|log|signin|password|account|error|crash*|bug|otp|verification|browser|install|username|profile',
  'update|updating|updated .. software|firmware|ios|android',
  'software|firmware update|updates',
  'sign in|up',
  // email as account data; "no answer to my email" is about a channel, not the account
  'change|update|verify|verification|confirm|confirmation|reset|new|wrong|edit|add .. email|mail',
  'تطبيق|موقع|حساب*|كلمه|المرور|باسورد|دخول|تسجيل|خطا|عطل|خلل|رمز|كود|برنامج|ابلكيشن|يعلق',
  'اغير|تغيير|غير|تحديث|تاكيد|تفعيل|جديد ... ايميل|بريد',
  'ايميل|بريد ... جديد',
];
