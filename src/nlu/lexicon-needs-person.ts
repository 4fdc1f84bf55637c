import type { NeedsPersonKind } from '../llm/classification.js';
import { WANT_AR, WANT_EN } from './lexicon.js';
import { DELIVERY_CODE, latin, PRODUCT_KINDS } from './lexicon-subjects.js';
import { DEVICE_AR, type TopicRules } from './lexicon-topics.js';

/**
 * Where the customer wants the parcel to go instead, said or asked ("i want it delivered to my
 * office instead", "can i get it delivered to my office instead?"): an order change, not a parcel
 * that went astray ("it was delivered to my neighbour instead").
 */
const REDIRECT_WISH = [
  `${WANT_EN}|like|prefer .. it|order|parcel|package|them .. delivered|sent|shipped ... instead`,
  // asked: "can i get it delivered to my office instead?"
  'can|could i|we get .. it|order|parcel|package|them .. delivered|sent|shipped ... instead',
];

/**
 * What the bot cannot settle itself (DESIGN.md, `complex_query`): app or website malfunctions,
 * damaged, wrong or missing items, changes to an order, requests for an exception or a decision, and
 * formal complaints, which only a person can take on. Guards as in lexicon-topics.ts.
 */

/**
 * What was ordered, as the customer calls it, when it is said to be lost: not a phone or a watch,
 * which customers carry ("my phone is lost, can I still track my order?").
 */
const SHIPPED_GOODS = PRODUCT_KINDS.filter(
  (kind) => !kind.includes('phone') && !kind.includes('watch'),
).flat();
const SHIPPED_GOODS_EN = SHIPPED_GOODS.filter(latin).join('|');
const SHIPPED_GOODS_AR = SHIPPED_GOODS.filter((word) => !latin(word)).join('|');
const PRODUCTS_EN = PRODUCT_KINDS.flat().filter(latin).join('|');

/** Changing an email address is account help, not an order change. */
const EMAIL = ['email|mail|e|ايميل|ايميلي|بريد|الايميل'];
/** "Does the warranty cover a cracked screen?", "how do I claim warranty? it stopped charging". */
export const WARRANTY = ['warranty|guarantee|guaranteed|ضمان|الضمان|كفاله'];
/** A claim on a warranty or an insurance is a procedure the knowledge base explains, not a grievance. */
const CLAIM_ELSEWHERE = [...WARRANTY, 'insurance|insurer|تامين'];
/**
 * The customer's own slip when ordering: "I ordered the wrong size by mistake", "طلبت مقاس غلط"
 * (not "I ordered black and got the wrong colour", "طلبت لون ووصلني غلط": what came is wrong).
 */
const OWN_SLIP = [
  'i|we|accidentally|mistakenly ordered|bought|chose|picked|selected .. wrong|incorrect',
  'طلبت|اخترت|اشتريت|حطيت|طلبنا مقاس|لون|موديل|حجم|نوع|المقاس|اللون|الموديل|الحجم|النوع غلط|خطا|الغلط|الخطا',
  'طلبت|اخترت|اشتريت|حطيت|طلبنا غلط|بالغلط|بالخطا',
];
export const DAMAGED_EN =
  'damaged|broken|broke|cracked|shattered|smashed|dented|scratched|torn|ripped|defective|faulty|crushed|stained|leaking|leaked|spoiled|rotten';
export const DAMAGED_AR =
  'مكسور*|انكسر*|متكسر*|مكسر|خربان*|خربت|تالف*|معطوب*|مضروب*|مبعوج*|مشعور*|مشروخ*|مخدوش*|مخدش*|ممزق*|مطعوج*|انطعج*|طعجه|طعجات';

/** What comes in the box with a product, and can be missing from it. */
const CONTENTS_EN =
  'charger|chargers|charging|cable|cables|cord|adapter|plug|remote|battery|batteries|case|cover|strap|earbud|earbuds|earphones|headphones|manual|accessories|accessory|part|parts|piece|pieces|stand|screws|controller|stylus|pen|lens|receipt|invoice';
const CONTENTS_AR =
  'شاحن*|كيبل*|سلك|اسلاك|راس|ريموت|بطاريه|بطاريات|كفر|جراب|سماعه|سماعات|قطعه|قطع|ملحقات|كتيب|فاتوره|قلم';

const TECH =
  'app|application|website|site|page|webpage|login|log|signin|signup|signups|registration|registrations|register|account|password|otp|checkout|link|browser|portal|system|platform|code|verification|cart|payment|payments|دفع|تطبيق|موقع|صفحه|حساب*|باسورد|رمز|كود|تسجيل|دخول|رابط|سله|برنامج|ابلكيشن|ابليكيشن|نظام';
const FAIL =
  'crash*|error|errors|bug|bugs|buggy|glitch*|freez*|froze|frozen|stuck|hangs|hanging|broken|down|blank|fails|failed|failing|failure|invalid|unresponsive|lagging|issue|issues|problem|problems|trouble|troubles|خطا|اخطاء|خلل|عطل|معطل|يعلق|معلق|علق|يقفل|يطفي|يهنق|هنق|خربان|خرب|متوقف|مشكله';
const NOT = 'not|doesnt|dont|isnt|wont|didnt|cant|cannot|unable|stopped|never|ما|مو|لا|مب|لم|مش';
const WORK =
  'work|working|works|load|loading|loads|open|opening|opens|respond*|accept*|يشتغل|تشتغل|شغال|شغاله|يعمل|تعمل|يفتح|يحمل|يستجيب|يقبل|يرضى|يدخل|اشتغل|اشتغلت|يمشي|تمشي|مشى';

/**
 * "my card didn't work at checkout", "بطاقتي ما اشتغلت": a declined card, not a broken site or item.
 * The English card is the customer's and comes right before the failure: "the card reader is not
 * working" and "my SD card isn't working" are defects.
 */
const CARDS = [
  'my|the|your|this card|cards|mada|visa|mastercard|amex',
  'my|the|your|this mada|visa|mastercard|amex|credit|debit|bank card|cards',
];
const CARD_DECLINED = [
  ...CARDS.flatMap((card) => [
    `${card} ${NOT} .. ${WORK}`,
    `${card} is|was|does|did|still|just ${NOT} .. ${WORK}`,
  ]),
  `بطاقه|بطاقتي|البطاقه|بطاقات|مدى ... ${NOT} .. ${WORK}`,
];

/** "sign-up" and "sign in" are two tokens; TECH holds one word per slot. */
const SIGN = 'sign|signing up|in|on';

/** Order order matters: a "broken" link is a malfunction before it is a broken item. */
export const NEEDS_PERSON: Readonly<Record<NeedsPersonKind, TopicRules>> = {
  malfunction: {
    guard: 'hypothetical',
    mentions: [
      `${TECH} ... ${FAIL}`,
      `${FAIL} ... ${TECH}`,
      `${TECH} ... ${NOT} .. ${WORK}`,
      // "the website wont let me pay"
      `${TECH} ... wont|doesnt|didnt|dont|isnt|not letting|let .. me|us`,
      `${NOT} .. ${WORK} ... ${TECH}`,
      `${SIGN} ... ${FAIL}`,
      `${FAIL} ... ${SIGN}`,
      'cant|cannot|unable|couldnt .. log|login|signin|sign|access|register|signup|checkout|verify|reset|pay',
      'keeps|keep .. crashing|freezing|failing|closing|logging|kicking',
      'cant|cannot|unable|couldnt get in|into',
      'says|shows|showing|getting|get|keeps .. wrong|invalid|incorrect .. password|code|otp|pin',
      // "the app says my OTP is wrong"
      'says|said|shows|showing .. my|the .. password|code|otp|pin is|was|are .. wrong|invalid|incorrect|expired',
      'logs|logged|logging|kicks|kicked|kicking|throws|signs|signed .. me .. out',
      'code|otp|sms|link|email ... not|never|doesnt|didnt|isnt|hasnt|havent .. arrive|arrived|arriving|come|came|coming|received',
      'كود|رمز|otp|رابط|الرابط|ايميل|الايميل ... ما|لم|لا|مو .. يوصل|وصل|يجي|جا|يجيني|وصلني|يوصلني|جاني',
      'not|didnt|never|havent|dont|no .. receiv*|get|got|getting .. otp|code|sms|verification|reset',
      'ما|لا|لم|مو .. اقدر|قدرت|استطيع|استطعت|قادر|يمديني .. ادخل|اسجل|دخول|افتح|ادفع|اكمل',
      'مااقدر|ماقدرت|مقدرت .. ادخل|اسجل|دخول|افتح|ادفع|اكمل',
      'ما|لم|ماوصلني|مايوصلني .. وصلني|يوصلني|يجيني|جاني .. رمز|كود|رساله|otp|رابط|الرابط',
      'ماوصلني|مايوصلني|ماجاني .. رمز|كود|رساله|otp|رابط|الرابط',
      'يطلع|يطلعلي|تطلع|طلع|يظهر|تظهر|ظهر .. خطا|error',
      // a payment that did not go through: "I tried to pay but it failed", "حاولت ادفع وما زبط"
      // (not a declined card alone: "my card was declined, can the courier take cash?" asks for
      // another way to pay, which the pages answer)
      'tried|trying|try .. to pay ... failed|fails|failing|error',
      'حاولت|احاول|جربت .. ادفع ... ما|مو|لم .. زبط|ضبط|مشي|نفع|صار|اشتغل|يمشي|يزبط|ينفع',
    ],
    // the courier's delivery code that did not come is answered by the shipping page, whose section
    // on it says what to do: "ما وصلني كود الاستلام", "I didn't get the delivery code"; a card that
    // "didn't work at checkout" was declined, which the payments page answers
    // "the code never arrived, the driver is waiting outside" is the courier's code too
    excuses: [...DELIVERY_CODE, ...CARD_DECLINED, 'code|codes|otp|pin ... courier|driver|مندوب*|كابتن'],
    // the app or the site failing is still a malfunction, whichever code it asks for
    inexcusable: ['app|application|website|site|login|تطبيق|التطبيق|موقع|الموقع|برنامج|البرنامج|دخول|تسجيل'],
  },
  item_problem: {
    guard: 'hypothetical',
    // arriving broken is a delivery problem even when the customer also asks about the warranty
    requests: [
      `arrived|arrives|came|delivered|received|got .. ${DAMAGED_EN}`,
      // "the laptop arrived with a dent on the lid"
      'arrived|arrives|came|delivered|received ... with ... dent|dents|scratch|scratches|crack|cracks|chip|chips|damage|hole|holes',
      `وصل*|جاني|جتني|استلمت* ... ${DAMAGED_AR}`,
    ],
    // "the screen broke, is it covered?" asks what the warranty covers
    // "هل الشاحن ده مش بيشتغل مع سامسونج؟ عايز اشتريه": asked before buying
    // "فولتا كير يغطي الكسر؟", "what about cracked screens?": what a plan covers, asked
    unless: [
      ...WARRANTY,
      'covered|cover|covers|care',
      'يغطي|تغطي|يغطيه|مغطى|يشمل|تشمل|يشمله|مشمول|كير',
      'what|how about',
      `${WANT_AR}|قبل .. اشتري|اشتريه|اشتريها|نشتري`,
    ],
    // "the delivery driver got lost" is a courier looking for the address, not a lost parcel
    excuses: [
      ...CARD_DECLINED,
      // the customer's own slip: an order to change, not an item we sent wrong
      ...OWN_SLIP,
      // "استلمت الكفر وابي اطلب واحد مشقوق من الجنب": one to order, not one that came split
      `${WANT_AR} .. اطلب|اشتري|اخذ ... مشقوق*`,
      // "الجهاز مش شغال بالعربي؟": the language it works in
      'شغال|شغاله|بيشتغل|بتشتغل|يشتغل|تشتغل بالعربي|بالانجليزي|عربي|انجليزي',
      // the customer opened or threw away the box: "i opened the airpods box, can i still return
      // them?", "i want to return it but i threw away the box"
      'i|we|ive opened|unboxed|unsealed|threw|thrown|tossed|binned',
      'driver|drivers|courier|couriers|captain|rider|guy|man|boy|he|she .. is|was|got|gets|getting|seems lost',
      // "can i pay off the laptop over a few months instead of all at once": how to pay
      'instead of all at|in once|one',
      'instead of paying|upfront',
      // "i want it delivered to my office instead": where it should go, an order change
      ...REDIRECT_WISH,
      // "I lost my order number": the number, not the parcel
      'lost .. order number|no|id|ids|numbers',
      // "is there only one charger in the box?", "does it come with only 1 cable?" ask before buying
      'is|are there|it only|just',
      'does|do|will it|they come|comes with only|just',
    ],
    mentions: [
      `${DAMAGED_EN}|incomplete|missing`,
      // "the laptop has a scratch", "it's got a dent"
      'has|have|had|got .. scratch|scratches|dent|dents|crack|cracks|chip|chips',
      'got|received|sent|delivered|came|arrived|gave ... instead',
      'instead of',
      'ordered ... but ... got|received|sent|delivered|came|arrived',
      // "I got a laptop but I ordered a phone"
      'got|received|sent|delivered ... but ... i|we ordered',
      'wasnt|werent|isnt|not|missing .. in|inside|from .. box|package|parcel',
      'delivered ... but|yet ... never|not|didnt|havent|no',
      // the delivery code given, the parcel not: "I gave the courier the code but he didn't give me
      // the parcel", "عطيت المندوب الكود وما سلمني الطلب"
      'code|otp|pin ... but|and .. didnt|never|not .. give|gave|get|got|receive|received|hand|handed|deliver|delivered',
      // "gave the courier the delivery code but he left without giving me the parcel"
      'code|otp|pin ... but|and .. he|she|they|courier|driver .. left|went|drove|walked .. without|off|away',
      'عطيت|اعطيت|عطيته|اعطيته|قلتله ... الكود|كود|الرمز|رمز ... ما|لم .. سلمني|سلم|عطاني|اعطاني|استلمت|جاب',
      'قال|يقول .. سلمني|سلمتك|سلمك|سلمها ... بس|لكن ... ما|لم .. استلمت|وصلني|جاني',
      'marked|says|shows|showing .. delivered',
      'sent|send|gave|delivered|received|got|shipped|sending .. wrong',
      'wrong .. item|items|colour|color|size|product|products|model|one|thing|things|variant|version|order|package|parcel|piece',
      'not|isnt|wasnt|arent .. what i ordered',
      // someone else's parcel delivered here: "I received someone else's order", "this package is not mine"
      'got|received|delivered|sent|came|arrived|gave .. me|us ... someone|somebody|another .. elses|persons|customers|peoples|else .. order|package|parcel|item|items|box|delivery|shipment',
      'got|received|delivered|sent|came|arrived|gave ... someone|somebody elses|else .. order|package|parcel|item|items|box|delivery|shipment',
      'order|package|parcel|item|box|delivery|shipment ... not|isnt|wasnt|arent mine|ours',
      'وصلني|وصلتني|جاني|جتني|استلمت|وصلنا|جانا ... طلب*|طرد*|شحنه|اغراض|بضاعه .. شخص|احد|واحد|ناس|زبون|عميل .. ثاني|ثانيه|غيري|اخر|ثانين',
      'طلب*|طرد*|شحنه|اغراض|بضاعه ... مو|مش|ماهو|مهو|ليس|ما .. حقي|لي|حقتي|حقنا|حقي',
      'not|isnt|wasnt|arent the|a .. item|colour|color|size|model|one|product|thing|version .. i|we ordered',
      'different .. from|than .. ordered',
      'not included',
      // a part missing from the box: "it came without the charger", "no cable in the box"
      `came|arrived|delivered|received|got|shipped|sent ... without|minus .. ${CONTENTS_EN}`,
      // "the box" would be a question before buying too ("is there no charger in the box?")
      `no|missing .. ${CONTENTS_EN} .. in|inside .. my|our .. box|package|parcel|order`,
      `there was|were no .. ${CONTENTS_EN}`,
      'box|package|parcel .. had|has|contained|contains|came .. only|just',
      // "the box only had 1", "only 1 case in the box"
      'box|package|parcel|carton .. only had|has|contained|contains',
      'only|just 1|one|2|two|3|three ... in|inside the|my box|package|parcel',
      `وصل*|جاني|جتني|استلمت*|ارسلتو*|ارسلتم ... بدون|بلا|غير .. ${CONTENTS_AR}`,
      'كرتون*|علبه|صندوق|طرد .. فيه|فيها|كان ... بس|فقط',
      // "وصلني كفر واحد بس وانا طالب اثنين": fewer than ordered (not "وصل الطلب، بس طلبت اثنين وابي ثالث")
      'وصلني|وصلتني|جاني|جتني|استلمت|وصل|وصلت ... واحد|وحده|حبه|قطعه بس|فقط ... طالب|طالبه|طلبت|طلبنا ... اثنين|ثنتين|ثلاث|ثلاثه|اربع|اربعه|2|3|4',
      'طالب|طالبه|طلبت|طلبنا .. اثنين|ثنتين|ثلاث|ثلاثه|اربع|اربعه|2|3|4 ... وصلني|وصلتني|جاني|جتني|استلمت|وصل|وصلت .. واحد|وحده|حبه|قطعه بس|فقط',
      // "الكفرات وصلت بس وحدة منهم مشقوقة" (not "هل الكفر فيه فتحة مشقوقة؟", "ابي كفر مشقوق")
      'وصل*|جاني|جتني|استلمت* ... مشقوق*',
      'انشق|انشقت|انشقو|انشقوا',
      // it came empty, or opened: "the package was empty", "استلمت الكرتون فاضي", "الكرتون مفتوح"
      'box|package|parcel|carton .. was|is|came|arrived .. empty|opened|unsealed|tampered',
      'empty|opened|unsealed .. box|package|parcel|carton',
      'كرتون*|علبه|صندوق|طرد|تغليف|شحنه .. فاضي*|فارغ*|مفتوح*',
      'خدش|خدوش|شرخ|شروخ',
      'didnt|doesnt come with',
      'dead on arrival',
      'lost .. order|package|parcel|shipment|item|items|delivery',
      'order|package|parcel|shipment|delivery .. is|was|got|been|went lost|missing',
      // "my laptop is lost", "السماعات ضاعت"
      `my ${SHIPPED_GOODS_EN} .. is|are|was|were|got|been|went lost`,
      `${SHIPPED_GOODS_AR} .. ضايع*|ضاع|ضاعت|ضاعو|ضاعوا|مفقود*|انفقد*`,
      'طلب*|طرد*|شحن*|اغراض*|بضاعه|بضاعتي|اوردر* .. ضايع*|ضاع|ضاعت|مفقود*|انفقد*|فقد|فقدت',
      'ضيعتو*|ضيعتم|ضيعو* .. طلب*|طرد*|شحن*|اغراض*|بضاعتي|اوردر*',
      'doa',
      // a device that does not charge: "السماعة مش بتشحن", "الكيبل وقف يشحن" (يشحن is also "ship")
      `${DEVICE_AR} ... مش|ما|مو|وقف|بطل|عاد .. يشحن|بيشحن|بتشحن|تشحن|يشحنش|بيشحنش|بتشحنش`,
      // marked delivered, never received: "الطلب مكتوب انه توصل بس ما استلمته"
      'مكتوب|مكتوبه|يقول|مسجل|مسجله .. توصل|وصل|تسلم|تسليم|التوصيل ... ما|لم|وما|ولا .. استلمت*|وصلني|جاني',
      // "your courier threw my package"
      'threw|thrown|tossed|kicked .. my|the .. package|parcel|box|order|delivery',
      // paid, and no order came of it: "I paid but never got an order confirmation"
      'paid|ordered ... ... never|didnt|not|no .. got|get|received|receive .. confirmation',
      // the formal "لقد دفعت ولم يصلني تأكيد الطلب" too
      'دفعت|طلبت ... ما|لم|وما|ولم .. وصلني|يصلني|يوصلني|جاني|يجيني|جتني|استلمت|استلم .. تاكيد',
      // the delivery code did not come and the courier is waiting: no time for the page's steps,
      // "the delivery code didn't come and the courier is at the door", "الكود ما وصلني والمندوب عند الباب"
      'code|otp|pin ... didnt|not|never|hasnt|havent|no .. arrive|arrived|come|came|get|got|receive|received ... courier|driver|he|delivery ... at|outside|waiting',
      'كود|رمز|الكود|الرمز ... ما|لم|مو .. وصلني|وصل|جاني|يوصلني|يجيني ... مندوب*|كابتن|الكابتن ... الباب|برا|تحت|ينتظر|واقف|عندي',
      // a fault seen on the screen: "a dead pixel", "lines on the screen", "الشاشة فيها خط"
      'dead|stuck pixel|pixels',
      'lines|line|stripes|stripe|flickering|flicker|flickers .. on|in|across ... screen|display',
      'screen|display .. has|have|is|keeps ... lines|stripes|flickering|flicker|flickers',
      'screen|display flickers|flickering|flicker|blinks|blinking|glitches|glitching',
      'شاشه|الشاشه|شاشته|شاشتها ... خط|خطوط|بكسل|بكسلات|نقطه|يرمش|ترمش|تقطع|بتقطع|تفصل|بتفصل|ترجف|بترجف',
      // a fault with one of the customer's products, not yet told: "I have a problem with my laptop",
      // "عندي مشكلة في اللابتوب"
      `problem|problems|issue|issues|trouble|fault with my .. ${PRODUCTS_EN}`,
      `مشكله|مشاكل|عطل في|ب|مع .. ${DEVICE_AR}`,
      'بكسل|بكسلات .. ميت|ميته|محروق*',
      // Egyptian "broken down": "الجهاز باظ"
      'باظ|باظت|بايظ|بايظه',
      // "no sound in the left ear", "ما يطلع منها صوت"
      'no|zero sound|audio|picture|image|display|signal',
      'ما|لا فيه|في|فيها|يطلع|تطلع|يجي .. صوت|صوره',
      'مافي|مافيه|مايطلع|ماتطلع|مايجي .. صوت|صوره',
      'not|isnt|doesnt|dont|stopped|wont|never .. work|working|works|turn|charging|power',
      // a device that switches itself off: "it keeps turning off by itself", "اللابتوب يطفي لحاله"
      'turns|turning|turned|shuts|shutting|shut|switches|switching|switched .. off|down .. itself|randomly|own|suddenly',
      'keeps|keep .. turning|shutting|switching|restarting|rebooting',
      'يطفي|يطفى|تطفي|تطفى|ينطفي|تنطفي|طفى|طفت|يقفل|تقفل|يعيد|تعيد .. لحاله|لحالها|بروحه|بروحها|لوحده|لوحدها|فجاه|فجاءه',
      `${DAMAGED_AR}|كسر|ناقص*|نقص|ينقص`,
      'منتهي* صلاحيه',
      'لون|مقاس|منتج|قطعه|طلب*|اوردر*|موديل|حجم|مقاسات|نوع .. غلط|خطا|خاطئ*|مختلف*',
      'غلط|خطا|خاطئ* .. لون|مقاس|منتج|قطعه|موديل|حجم|نوع',
      'ارسلتو*|ارسلتم|وصلني|وصلتني|جاني|جالي|جتني|استلمت|ارسلو*|طرشتو*|رسلتو*|بعتو*|بعتلي|بعتتلي ... غلط|خطا|مختلف*|غير|بدل|بدال',
      'طلبت ... بس|لكن|ولكن ... وصلني|وصلتني|جاني|جتني|استلمت|ارسلتو*',
      'ما|لم لقيت|القى|حصلت|اجد ... كرتون|كرتونه|علبه|صندوق|طرد|جهاز|طلب',
      'مالقيت|ماحصلت ... كرتون|كرتونه|علبه|صندوق|طرد|جهاز|طلب',
      'كرتون|كرتونه|علبه|صندوق|طرد ... ما|لم .. لقيت|حصلت|فيه|كان',
      'تم توصيل* ... ما|لم|ماوصلني|مااستلمت|ماجاني',
      'غير|مو|مب|ليس|مش .. اللي|الي|الذي|ما طلبت*|اطلبه',
      // "السماعة ما تشتغل": a feminine product takes the ت form
      'ما|مو|لا .. يشتغل|يشغل|يعمل|شغال|يشحن|تشتغل|تشغل|تعمل|شغاله|تشحن',
      // Egyptian مش of a device, right before: "الشاحن مش شغال", "اللابتوب مش بيفتح", "السماعة مش
      // راضية تشتغل" (not "مش عارف هل تشتغل", "المحل مش شغال يوم الجمعة؟", "البواب مش راضي يفتح")
      `${DEVICE_AR} ... مش شغال|شغاله|بيشتغل|بتشتغل|يشتغل|تشتغل|بيشحن|بتشحن|بيفتح|بتفتح|بيقلع|بتقلع`,
      `${DEVICE_AR} ... مش راضي|راضيه .. يشتغل|تشتغل|يشحن|تشحن|يفتح|تفتح|يقلع|تقلع`,
      // "مش لاقي الشاحن في العلبة": a part not found in the box
      `ما|مو|مش|لم .. لاقي|لاقيه|لاقيين|لقيت|القى|لقينا ... ${CONTENTS_AR} في|جوا|داخل .. علبه|كرتون*|صندوق|طرد`,
      'مايشتغل|مايشغل|موشغال|مايعمل|مايشحن|ماتشتغل|ماتشغل|موشغاله|ماتعمل|ماتشحن',
    ],
  },
  order_change: {
    guard: 'question',
    // "any update on my order?" asks where it is, not to change it
    unless: [
      ...EMAIL,
      'update|updates on|about|regarding|for',
      'any update|updates|news',
      // a trade-in: "ابدل جوالي القديم بجديد"
      'جوال*|جهاز*|لابتوب* .. قديم .. جديد|بجديد',
      // "ابي اغير رقم الجوال المسجل في حسابي": the account's number, which the customer changes
      'اغير|تغيير|غير|اعدل|تعديل|تحديث رقم ... المسجل|مسجل .. في|ب .. حسابي|الحساب',
      // "ابي اغير رقم جوالي في الحساب"
      'اغير|تغيير|غير|اعدل|تعديل|تحديث رقم .. جوالي|جوال|الجوال|موبايلي|هاتفي .. في|ب|حق|تبع .. حسابي|الحساب',
    ],
    mentions: [
      'change|update|modify|edit|correct|fix|amend|switch .. address|addresses|building|street|house|flat|apartment|villa|district|location|zip|postcode',
      'cant|cannot|couldnt .. find .. me|address|house|location|building|place',
      'change|update|modify|edit|correct|amend .. phone|number|mobile .. order|delivery|shipment',
      'chang*|updat*|modif*|edit*|amend*|switch*|swap*|correct* .. order|purchase|item|items|size|colour|color|quantity|qty|product|products|article|articles|something',
      'change|update|reschedule|move .. delivery|date|time|slot',
      'reschedule',
      'add|include .. to|in|into .. order|purchase|package',
      'add|adding|include|including .. item|items|product|products|something|another|one .. to|in|into|on .. order|purchase|package',
      'remov*|delet*|take .. from|off .. order|purchase',
      'wrong|incorrect|old|different|new .. address',
      // the customer's own slip, told (asked about, "if I ordered the wrong size can I exchange
      // it?", the exchanges' section answers it)
      ...OWN_SLIP,
      'deliver|send|ship .. to .. another|different|new|other .. address|location|city',
      // "please redirect it to my work address" (not "redirect this chat to an agent")
      'redirect|reroute|divert .. it|order|parcel|package|shipment|delivery|laptop ... to ... address|home|work|office|house|location|city|district|building|villa|flat|apartment',
      // "can you reroute the parcel to Jeddah?"
      'redirect|reroute|divert .. it|order|parcel|package|shipment|delivery|laptop|earbuds to',
      // "i want it delivered to my office instead, same city"
      ...REDIRECT_WISH,
      'اغير|تغيير|تغير|اعدل|عدل|تعديل|تبديل|ابدل|بدل|غيروا|غيرو|غيري|غيرلي|عدلوا|عدلو|نغير|تغيرون|تعدلون|تحديث|احدث .. عنوان*|رقم|جوال*|طلب*|موعد*|لون|مقاس|كميه|اسم|توصيل|استلام|هاتف',
      'اضيف|اضافه|ضيف|ضيفوا|ضيفو|زيدوا|ازيد .. منتج*|طلب*|قطعه|شي|حبه',
      'احذف|حذف|شيل|شيلوا|اشيل .. منتج|قطعه',
      'احذف|حذف|شيل|شيلوا|اشيل .. من طلب*',
      'عنوان*|رقم .. غلط|خطا|خاطئ*|قديم',
      // "جوالي القديم" is the old phone itself (a trade-in), not an old number
      'جوال* .. غلط|خطا|خاطئ*',
      'عنوان جديد|اخر|ثاني',
      // Egyptian and Levantine تاني for ثاني: "بدي ابعت الطلب لعنوان تاني"
      'عنوان تاني|تانيه',
    ],
    // "ابي اغير رقم جوالي" (my phone number): the account's, which the account page says how to
    // change; not when an order or its delivery is named ("…رقم جوالي في الطلب")
    excuses: [
      'اغير|تغيير|تغير|اعدل|عدل|تعديل|تحديث|احدث رقم جوالي|موبايلي|هاتفي|تلفوني',
      'اغير|تغيير|تغير|اعدل|عدل|تعديل|تحديث|احدث رقمي',
      // "ابي اغير رقم الجوال": the number, not an order's
      'اغير|تغيير|تغير|اعدل|عدل|تعديل|تحديث|احدث رقم الجوال|الموبايل|الهاتف|التلفون|التليفون',
    ],
    inexcusable: ['طلب*|الطلب*|اوردر*|شحن*|الشحن*|توصيل|التوصيل|المندوب|مندوب'],
  },
  exception: {
    guard: 'offer',
    mentions: [
      'price match*|pricematch*',
      'match .. price|prices|offer',
      'exception',
      'extend|extension|extending .. warranty|guarantee|return',
      'warranty|guarantee .. extend*|extension',
      'bulk|wholesale|corporate|b2b .. order|orders|purchase|quote|quotation|pricing|price|prices|discount|deal|rate|account',
      // not "company … order": "the delivery company lost my order" asks for no quote
      'company|business .. purchase|quote|quotation|pricing|prices|discount|deal|rate|account',
      'quote|quotation for',
      'special price|discount|deal|offer',
      'compensat*|goodwill|negotiate',
      'waive .. fee|fees|charge|shipping',
      'cheaper|lower|less ... elsewhere|competitor|store|shop|website',
      'store|shop|website|competitor ... cheaper|lower',
      'استثناء',
      'ارخص|اقل ... متجر|محل|موقع|عند',
      'متجر|محل|موقع ... ارخص|اقل',
      'تعطوني|تعطيني|تسوون|تسوولي|تنزلون ... نفس|بنفس سعر|السعر',
      'مطابقه|تطابق|تطابقون|طابق .. سعر|اسعار',
      'تمديد|امدد|تمدد|يمدد|تمددون .. ضمان',
      // not "ضمان اضافي" (extra warranty): Volta Care+ is one, which the pages sell
      'ضمان .. تمديد',
      'جمله|بالجمله|كميات|كميه|شركه|شركات|موسسه|مؤسسه|جهه .. سعر|اسعار|عرض|خصم',
      'عرض سعر',
      'سعر|خصم خاص',
      'تعويض|تعوضوني|عوضوني|تعوضونا',
    ],
  },
  complaint: {
    guard: 'question',
    // Lodging a complaint is the act itself, even asked as "how do I file a complaint?"
    requests: [
      'file|filing|lodge|lodging|make|making|submit|submitting|raise|raising|register|registering|open|opening|put|write|writing .. complaint|complaints|reclamation*|grievance*',
      'complaint|complaints|claim|claims|reclamation*|grievance* against',
      `${WANT_EN} .. complain`,
      'اقدم|نقدم|قدم|تقديم|ارفع|نرفع|رفع|اسجل|تسجيل|اسوي|افتح|فتح .. شكوى|شكاوي|تظلم|بلاغ',
      `${WANT_AR} .. اشتكي|اشكي|اتشكى|نشتكي`,
      'شكوى|تظلم ضد|علي',
    ],
    // "claim" alone is also a warranty claim; a complaint named in a question may ask for a channel
    mentions: [
      'complaint|complaints|reclamation*|grievance*',
      // the courier asked for money on top: a person settles it with the carrier
      'courier|driver|delivery .. asked|wanted|demanded|charged|took .. me .. for .. extra|more|additional',
      'courier|driver .. asked|wanted|demanded|charged|took .. extra|more|additional .. money|cash|fee|fees',
      // "the cod courier asked for 30 SAR fee not 15"
      'courier|driver .. asked|wanted|demanded|charged|took ... fee|fees|sar|riyal|riyals .. not|instead|more|than',
      'مندوب* .. طلب|يطلب|يبي|يبغى|اخذ|خذ .. مني .. فلوس|مبلغ .. زياده|زيادة|اضافي*|زود',
      'مندوب* .. طلب|يطلب|يبي|يبغى|اخذ|خذ .. فلوس|مبلغ .. زياده|زيادة|اضافي*|زود',
      // "المندوب طلب مني ٥٠ ريال زيادة"
      'مندوب* .. طلب|يطلب|يبي|يبغى|اخذ|خذ ... ريال|ريالات|ريالا .. زياده|زيادة|اضافي*|زود',
      'file|filing|lodge|lodging|make|making|submit|submitting|raise|raising|open|opening .. claim|claims',
      'شكوى|شكاوي|تظلم|اشتكي|اتشكى',
    ],
    // "not a complaint, just asking when A3001 arrives"
    unless: [...CLAIM_ELSEWHERE, 'not|isnt|wasnt|never a|an complaint'],
  },
};

/** What makes an exception or a price question an FAQ: asking whether it is on offer at all. */
export const OFFER_QUESTION = [
  'do|does you|your|they offer|have|sell|provide|give|do',
  'is|are there',
  'policy|policies',
  'هل عندكم|يوجد|تقدمون|فيه|توفرون',
  'عندكم|تقدمون|توفرون',
  'سياسه',
];
