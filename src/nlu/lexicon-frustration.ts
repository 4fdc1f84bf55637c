/**
 * Frustration wording. Strong wording alone reaches the escalation threshold; mild wording needs
 * company (shouting, !!!, a repeated complaint). Entries are whole words or phrases so "useful"
 * never reads as "useless" and "tell me a joke" never reads as "this is a joke".
 */

export const STRONG = [
  'useless|ridiculous|worst|pathetic|unacceptable|terrible|horrible|awful|disgusting|disgraceful|incompetent|unprofessional',
  'rubbish|garbage|trash|crap|crappy|shit|shitty|bullshit|wtf|outrageous|absurd|liars|scam|scams|scammers|ripoff|thieves|crooks|fraudsters',
  'stupid|dumb|idiot|idiots|idiotic|moron|morons|hopeless',
  // "lol ok thanks for nothing": thanks that are none
  'thanks|thx|ty for nothing',
  'thank you for nothing',
  // "this is the third time i ask": more than a complaint repeated, the customer counting them
  'third|fourth|fifth|3rd|4th|5th time .. ask|asked|asking|message|messaged|messaging|writing|write|contacting|contacted|calling|called|chasing',
  'ثالث|رابع|خامس مره .. اسال|اسأل|اكلمكم|اكلمك|اراسلكم|اكتب|اتصل|اتواصل',
  'fed up',
  // "fed up" as the Gulf says it
  'زهقت|زهقنا|زهقتوني|طفشت|طفشنا|طفشتوني',
  'is|its|what|such|total|complete|absolute|are .. joke|jokes',
  'waste of time|money',
  'rip off|ripped off',
  'shame on you',
  'sick of|sick and tired',
  'had enough',
  'enough is enough',
  'never again',
  'never .. order|buy|shop|use .. again',
  'i hate|hate you|your|this',
  // a slot holds one word: "no one" and "nobody" are two entries
  'nobody|noone cares',
  'no one cares',
  // "nobody helps me": about the service, unlike "nobody answered the door"
  'nobody|noone .. helps|helped|helping',
  'no one .. helps|helped|helping',
  'nobody|noone .. help me|us',
  'no one .. help me|us',
  'what kind of service|company|business|shop|store is this',
  'call this service',
  'fuck*|stfu',
  // a threat to go public: "give me a discount or i'll post on twitter", "بفضحكم في تويتر"
  'post|tweet|write|complain|expose ... twitter|instagram|tiktok|snapchat|facebook|x .. about|you',
  'post|tweet|write|complain|expose ... on|in .. twitter|instagram|tiktok|snapchat|facebook|social',
  'expose you|volta',
  'بفضحكم|افضحكم|بفضحك|بنشر|انشر|راح انشر|بكتب ... تويتر|سناب|تيك|انستقرام|السوشل|الفيس|اكس',
  'بفضحكم|افضحكم|فضيحتكم',
  'يقهر|قهر|قهرتوني|مقهور|مقهوره|زفت|مهزله|فاشل*|خايس*|كذابين|كذب|نصابين|حراميه|اسوا|زباله|تبن|مقرف|قرف|سخيف*|استهتار|متخلفين|فضيحه',
  'سيئه|سيء|سيئ|سيئين|سيئات',
  'غبي|اغبى|غبيه|اغبياء|حمار|تافه|تافهين',
  'حرام عليكم',
  'والله حرام',
  'وش|ايش|شو|ويش هالخدمه|هالشغل|هالتعامل|هالمهزله|هالشركه|هالمتجر',
  'حسبي الله',
  'ما في|فيه|منكم فايده|فائده',
  'مافي|مافيه|لا|بلا|بدون|مامنكم فايده|فائده',
  'عيب عليكم',
  'قله احترام',
  'ما تستحون',
  // "انتم ما تحترمون العملاء"
  'ما|مو تحترمون|تحترموا|تحترمو',
  'ماتحترمون|ماتحترموا',
  'ما|مافي عندكم احترام',
  'غير مقبول',
  'لا يطاق',
  'طفح الكيل',
  'الله لا يوفقكم|يسامحكم',
  'ما عاد .. اتعامل|اطلب|اشتري',
  'ماعاد .. اتعامل|اطلب|اشتري',
  'اخر مره .. اتعامل|اطلب|اشتري',
];

export const MILD = [
  'annoyed|annoying|disappointed|disappointing|disappointment|frustrated|frustrating|upset|angry|mad|unhappy|rude|ignored|ignoring|unbelievable|seriously|ugh|damn|goddamn|bloody',
  'not happy',
  'nobody|noone .. answer*|respond*|reply*|replies|replied|help*|cares',
  'no one .. answer*|respond*|reply*|replies|replied|help*|cares',
  'no response|reply|answer',
  'so|too slow|long',
  // "oh come on", "come on guys" (not "will it come on friday?")
  'oh|ah come on',
  'cmon',
  'come on guys|man|now|seriously|really|people|bro|please|volta',
  'waiting|waited ... days|weeks|ages|hours|months|forever',
  // "this is taking forever", "it takes ages"
  'taking|takes|took|taken forever|ages',
  // not a bare طول, which is also "length": "كم طول الكيبل؟"
  'طولتو|طولتوا|طولتم|مطولين',
  'days|weeks|months ... waiting|waited',
  'days|weeks late',
  // "great, another delay"
  'another|yet another delay',
  'a|one|two|three .. week|weeks|month late',
  'متاخر|متأخر|تاخر|تأخر .. اسبوع|اسبوعين|شهر|ايام',
  // "تأخر كثير", "tired of waiting"
  'متاخر|تاخر|تاخرت|اتاخر .. كثير|مره|واجد|وايد|اوي|جدا',
  'tired|sick .. of .. waiting|wait',
  'third|fourth|fifth time',
  'ثالث|رابع|خامس مره|مرة',
  // not للاسف: "للاسف ما عندي رقم الطلب" is a polite "unfortunately"
  'مللت|ملينا|مليت|متضايق*|زعلان*|مستاء*|منزعج*|محبط*|تعبت|تعبتوني',
  // "شي مزعج", "مزعجين": annoying, as "annoying" above
  'مزعج|مزعجه|مزعجين',
  // "you are late" said to the company, not "my order is late"
  'تتاخرون|تاخرتوا|تاخرتو|متاخرين|مقصرين',
  // "the courier was not polite", "ur delivery guy shouted at me"
  'impolite|disrespectful',
  'shouted|yelled|screamed|swore|cursed at me|us',
  // "المندوب صرخ علي", "سبني"
  'صرخ|صارخ|زعق|سبني|شتمني|هاوشني .. علي|عليا|فيني|بوجهي',
  'سبني|شتمني|هاوشني|سبنا|شتمنا',
  'not|wasnt|isnt|werent|arent|never polite|respectful|professional|helpful|friendly|courteous',
  // "the courier was rude", in Arabic
  'مو|مش|غير|ما|مب محترم|محترمه|محترمين|خلوق|متعاون|متعاونين',
  'وقح|وقحه|وقحين|وقاحه',
  'قليل|قليلين ادب|الادب',
  'ما|مو|لا يفهم|تفهم|تفهمون|يفهمون',
  'مايفهم|ماتفهم|ماتفهمون',
  'انتظر*|استنى|استنيت|منتظر* ... ايام|يومين|اسبوع|اسبوعين|شهر|ساعات',
  'ايام|يومين|اسبوع|اسبوعين|شهر|ساعات ... انتظر*|استنى|استنيت|منتظر*',
  'ليش كذا',
  'وش ذا|هذا',
  'يا اخي',
  'ياخي',
  'متى بس',
  'ما|ولا احد يرد|يجاوب',
  'مافي|مافيه احد يرد|يجاوب|يساعد',
  'ما في|فيه احد يرد|يجاوب|يساعد',
  'محد|ماحد يرد|يجاوب|يساعد',
];

/** Saying it again: as frustrating as mild wording, but "is the offer still valid?" is no complaint. */
export const REPEAT = [
  'still|again|anymore',
  'how many times',
  'how much longer',
  'every time',
  'keep asking',
  'same problem|issue|thing|answer',
  'told you|u|ya',
  'قلت|قلنا|قلتها لك|لكم',
  'قلتلك|قلتلكم',
  'already .. told|asked|explained|contacted|called|wrote',
  'لسه|لسا|للحين|مازال|مازالت|مازلت',
  'ما زال|زالت|زلت',
  'الى|لين الحين',
  'كل مره|يوم',
  'نفس الشي|الشيء|المشكله|الكلام',
  'مره ثانيه|ثالثه',
  'للمره',
  'من جديد',
];

export const INTENSIFIER = [
  'very|so|really|extremely|totally|absolutely|completely|ever|literally',
  'جدا|مره|مرا|والله|حيل|وايد|كثير|بالمره|للغايه|قسم|بجد',
];

/**
 * An insult the customer turns on themselves or their question: "sorry if this is a stupid
 * question", "dumb question but…", "i feel so stupid", "سؤال غبي بس…". No frustration with us.
 */
export const SELF_DIRECTED = [
  'stupid|dumb|silly|idiotic question|questions|q',
  'سؤال|اسئله|السؤال غبي|سخيف|تافه',
  'feel|feeling|felt|im|am .. stupid|dumb|idiot|silly',
  'silly|stupid|dumb me',
  'انا|اني|حسيت .. غبي|غبيه',
];

/**
 * The customer's own feeling, said beside what happened: "ugh my card got declined", "بطاقتي رفضت
 * وانا متضايق". What is left may be a problem the pages answer; "the courier was rude" or "waiting
 * for days" say what the service did, and are the complaint itself.
 */
export const FEELING = [
  'ugh|annoyed|frustrated|upset|angry|mad|unhappy|disappointed|seriously|damn',
  'not happy',
  'مللت|ملينا|مليت|متضايق*|زعلان*|مستاء*|منزعج*|محبط*|تعبت',
  'يا اخي',
  'ياخي',
];
