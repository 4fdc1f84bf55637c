import type { SensitiveTopic } from '../llm/classification';

/**
 * Topics that need a person: the sensitive ones (DESIGN.md, `sensitive_topic`) and the ones the bot
 * cannot act on (`complex_query`). Each names the guard that keeps a question ABOUT the topic from
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
}

const CHARGE_NOUN = 'charge|charges|transaction|transactions|payment|payments|deduction|deductions|debit';

export const SENSITIVE: Readonly<Record<SensitiveTopic, TopicRules>> = {
  refund: {
    guard: 'question',
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
    ],
  },
  charge: {
    guard: 'none',
    mentions: [
      'charged|billed|deducted|debited|taken|charging|charge|paid .. twice|double|thrice',
      'charged|billed|deducted|debited .. again|two|2',
      `double|duplicate|duplicated|multiple|extra|unexpected .. ${CHARGE_NOUN}|billing`,
      'overcharg*|overbill*',
      'double|triple charged|billed|charge|charging',
      `unknown|unauthori*|unrecogni*|strange|weird|random|suspicious|mystery|mysterious|unexplained .. ${CHARGE_NOUN}`,
      'incorrect|wrong .. charge|charges|deduction|deductions',
      `dont|didnt|not|never recogni*|authori*|make|made|approve* .. ${CHARGE_NOUN}|purchase`,
      `${CHARGE_NOUN} .. dont|didnt|not|never recogni*|authori*|make|made|approve*`,
      'charged .. without',
      'charged|deducted|debited .. but|yet|and .. failed|cancelled|canceled|declined|not|didnt|never|no',
      'money|amount|payment .. deducted|taken|debited|withdrawn',
      'deducted|debited|withdrawn from .. account|card|bank',
      `dispute .. ${CHARGE_NOUN}`,
      'chargeback',
      'انخصم*|انسحب*',
      'تم خصم|سحب',
      'خصم*|سحب*|خصمتو*|سحبتو*|اخذتو*|دفعت|دفعنا .. مرتين|مرتان|ضعف|بدون',
      'خصم*|سحب*|مبلغ|عمليه|عمليات|حركه .. غير معروف*|غريب*|مجهول*|مشبوه*',
      'خصم*|سحب* من حسابي|بطاقتي|رصيدي|بطاقه|حساب',
    ],
  },
  billing: {
    guard: 'question',
    mentions: ['invoice*|bill|bills|billing|billed', 'فاتوره|فواتير|فاتورتي|فاتورتك'],
    requests: [
      'invoice*|bill|bills|billing|statement .. wrong|incorrect|error|mistake|mistaken|inaccurate|dispute',
      'wrong|incorrect|inaccurate .. invoice*|bill|bills|amount',
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
      'stop|end|close .. subscription|membership|plan|renewal',
      'الغي|الغاء|الغوا|الغو|تلغي|تلغون|تلغوا|نلغي|يلغي|الغيه|الغيها|الغيلي|كنسل|اكنسل|كنسلوا|تكنسل|كنسله',
      'اوقف|ايقاف|وقف|اوقفوا|وقفوا .. اشتراك*|تجديد*',
    ],
    requests: ['الغوا|الغو|كنسلوا|الغيلي|اوقفوا|وقفوا'],
  },
  fraud: {
    guard: 'none',
    mentions: [
      'fraud*|scammed|scammer|scammers|phishing',
      'hacked|hack|hacker|hackers|stolen|stole',
      'identity theft',
      'unauthori* .. transaction*|purchase*|access|login|logins|order|orders|use|activity',
      'someone|somebody .. used|using|accessed|logged|ordered|took .. my|our',
      `scam|scams ... paid|pay|payment|money|card|${CHARGE_NOUN}|charged|account`,
      `paid|payment|money|card|charged|${CHARGE_NOUN} ... scam|scams`,
      'احتيال|احتال*|نصب|نصبتو*|نصابين|نصاب|انتحال',
      'اختراق|مخترق|اخترق*|انخترق*|تهكير|تهكر|مهكر|هكر*',
      'سرق*|مسروق*|انسرق*',
    ],
  },
  legal: {
    guard: 'none',
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
      'smoke|smoking|smoked|smoky|flames|flame|burn|burns|burned|burnt|burning',
      // not a bare "fire": "this product is fire" is praise
      'caught|catch|catches|catching|on|a|start|started|starts|of fire|fires',
      'electric|electrical .. shock|shocks',
      'shocked|electrocut*|spark|sparks|sparking|sparked|explod*|explosion|overheat*|melted|melting',
      'injur*|unsafe|dangerous|hazard*|toxic',
      'حريق|حرايق|احترق*|انحرق*|حرق*|ولع|ولعت|اشتعل*|اشتعال',
      'دخان|يدخن|دخن',
      'انتفخ*|منتفخ*|نفخ*',
      'انفجر*|انفجار',
      'ماس|تماس كهربا*',
      'كهربني|كهربتني|كهربتنا|صعق*|شرار*',
      // not خطير: in Gulf slang it is praise ("المنتج خطير")
      'خطر',
    ],
  },
};

/** Where a sensitive topic's area does not follow from the topic: subscriptions are billing. */
export const SUBSCRIPTION = ['subscription*|membership*|plan|renewal|account|اشتراك*|عضويه|عضويتي|باقه|باقتي|تجديد'];
/** Newsletters are not a paid subscription: unsubscribing from one is no cancellation request. */
export const NEWSLETTER = ['newsletter*|mailing|النشره|نشره|النشرات'];

export type NeedsPersonKind = 'malfunction' | 'item_problem' | 'order_change' | 'exception';

const TECH =
  'app|application|website|site|page|webpage|login|log|signin|signup|registration|register|account|password|otp|checkout|link|browser|portal|system|platform|code|verification|cart|payment|payments|تطبيق|موقع|صفحه|حساب*|باسورد|رمز|كود|تسجيل|دخول|رابط|سله|برنامج|ابلكيشن|ابليكيشن|نظام';
const FAIL =
  'crash*|error|errors|bug|bugs|buggy|glitch*|freez*|froze|frozen|stuck|hangs|hanging|broken|down|blank|fails|failed|failing|failure|invalid|unresponsive|lagging|issue|issues|problem|problems|trouble|troubles|خطا|اخطاء|خلل|عطل|معطل|يعلق|معلق|علق|يقفل|يطفي|يهنق|هنق|خربان|خرب|متوقف|مشكله';
const NOT = 'not|doesnt|dont|isnt|wont|didnt|cant|cannot|unable|stopped|never|ما|مو|لا|مب|لم';
const WORK =
  'work|working|works|load|loading|loads|open|opening|opens|respond*|accept*|يشتغل|شغال|يعمل|يفتح|يحمل|يستجيب|يقبل|يرضى|يدخل|اشتغل';

/** Order order matters: a "broken" link is a malfunction before it is a broken item. */
export const NEEDS_PERSON: Readonly<Record<NeedsPersonKind, TopicRules>> = {
  malfunction: {
    guard: 'hypothetical',
    mentions: [
      `${TECH} ... ${FAIL}`,
      `${FAIL} ... ${TECH}`,
      `${TECH} ... ${NOT} .. ${WORK}`,
      `${NOT} .. ${WORK} ... ${TECH}`,
      'cant|cannot|unable|couldnt|cant .. log|login|signin|sign|access|register|signup|checkout|verify|reset|pay',
      'keeps|keep .. crashing|freezing|failing|closing|logging|kicking',
      'not|didnt|never|havent|dont|no .. receiv*|get|got|getting .. otp|code|sms|verification',
      'ما|لا|لم|مو .. اقدر|قدرت|استطيع|استطعت|قادر|يمديني .. ادخل|اسجل|دخول|افتح|ادفع|اكمل',
      'مااقدر|ماقدرت|مقدرت .. ادخل|اسجل|دخول|افتح|ادفع|اكمل',
      'ما|لم|ماوصلني|مايوصلني .. وصلني|يوصلني|يجيني|جاني .. رمز|كود|رساله|otp',
      'ماوصلني|مايوصلني|ماجاني .. رمز|كود|رساله|otp',
      'يطلع|يطلعلي|تطلع|طلع|يظهر|تظهر|ظهر .. خطا|error',
    ],
  },
  item_problem: {
    guard: 'hypothetical',
    mentions: [
      'damaged|broken|cracked|shattered|smashed|dented|scratched|torn|ripped|defective|faulty|crushed|stained|leaking|leaked|spoiled|rotten|incomplete|missing',
      'sent|send|gave|delivered|received|got|shipped|sending .. wrong',
      'wrong .. item|items|colour|color|size|product|products|model|one|thing|things|variant|version|order|package|parcel|piece',
      'not|isnt|wasnt|arent .. what i ordered',
      'different .. from|than .. ordered',
      'not included',
      'didnt|doesnt come with',
      'dead on arrival',
      'lost .. order|package|parcel|shipment|item|items|delivery',
      'doa',
      'not|isnt|doesnt|dont|stopped|wont|never .. work|working|works|turn|charging|power',
      'مكسور*|انكسر*|متكسر*|مكسر|كسر|خربان*|خربت|تالف*|معطوب*|مضروب*|مبعوج*|مشعور*|مشروخ*|مخدوش*|مخدش*|ممزق*|ناقص*|نقص|ينقص',
      'منتهي* صلاحيه',
      'لون|مقاس|منتج|قطعه|طلب*|موديل|حجم|مقاسات|نوع .. غلط|خطا|خاطئ*|مختلف*',
      'غلط|خطا|خاطئ* .. لون|مقاس|منتج|قطعه|موديل|حجم|نوع',
      'ارسلتو*|ارسلتم|وصلني|وصلتني|جاني|جتني|استلمت|ارسلو*|طرشتو*|رسلتو* .. غلط|خطا|مختلف*',
      'غير|مو|مب|ليس|مش .. اللي|الي|الذي|ما طلبت*|اطلبه',
      'ما|مو|لا .. يشتغل|يشغل|يعمل|شغال|يشحن',
      'مايشتغل|مايشغل|موشغال|مايعمل|مايشحن',
    ],
  },
  order_change: {
    guard: 'question',
    mentions: [
      'change|update|modify|edit|correct|fix|amend|switch .. address|addresses',
      'change|update|modify|edit|correct|amend .. phone|number|mobile .. order|delivery|shipment',
      'chang*|updat*|modif*|edit*|amend*|switch*|swap*|correct* .. order|purchase|item|items|size|colour|color|quantity|qty|product|products|article|articles|something',
      'change|update|reschedule|move .. delivery|date|time|slot',
      'reschedule',
      'add|include .. to|in|into .. order|purchase|package',
      'remov*|delet*|take .. from|off .. order|purchase',
      'add|adding .. something|item|items|product|products|article|articles .. to|in|into',
      'wrong|incorrect|old|different|new .. address',
      'deliver|send|ship .. to .. another|different|new|other .. address|location|city',
      'اغير|تغيير|تغير|اعدل|عدل|تعديل|تبديل|ابدل|بدل|غيروا|غيرو|غيري|غيرلي|عدلوا|عدلو|نغير|تغيرون|تعدلون|تحديث|احدث .. عنوان*|رقم|جوال*|طلب*|موعد*|لون|مقاس|كميه|اسم|توصيل|استلام|هاتف',
      'اضيف|اضافه|ضيف|ضيفوا|ضيفو|زيدوا|ازيد .. منتج*|طلب*|قطعه|شي|حبه',
      'احذف|حذف|شيل|شيلوا|اشيل .. منتج|قطعه',
      'احذف|حذف|شيل|شيلوا|اشيل .. من طلب*',
      'عنوان*|رقم|جوال* .. غلط|خطا|خاطئ*|قديم',
      'عنوان جديد|اخر|ثاني',
    ],
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
      'استثناء',
      'مطابقه|تطابق|تطابقون|طابق .. سعر|اسعار',
      'تمديد|امدد|تمدد|يمدد|تمددون .. ضمان',
      'ضمان .. اضافي|تمديد',
      'جمله|بالجمله|كميات|كميه|شركه|شركات|موسسه|مؤسسه|جهه .. سعر|اسعار|عرض|خصم',
      'عرض سعر',
      'سعر|خصم خاص',
      'تعويض|تعوضوني|عوضوني|تعوضونا',
    ],
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

/** Words an email address change is about, which is account help, not an order change. */
export const EMAIL = ['email|mail|e|ايميل|ايميلي|بريد|الايميل'];
