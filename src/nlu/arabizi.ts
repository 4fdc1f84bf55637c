import { arabicForWord } from './code-switch.js';

/**
 * Arabizi: Arabic written in Latin letters, with digits for the sounds Latin lacks (3 ع, 7 ح, 5 خ,
 * 6 ط, 9 ص, 2 ء). Gulf customers write it on phones without an Arabic keyboard: "wain talabi?",
 * "abi argi3 el sama3a". The Arabic rules and pages read Arabic script, so a message that is
 * mostly Arabizi is read as the Arabic it stands for (and answered in Arabic); the customer's own
 * text is what agents see.
 */

/** Common support words as customers spell them, each to its Arabic (as `normalizeArabic` leaves it). */
const WORDS: Readonly<Record<string, readonly string[]>> = {
  // asking
  وين: ['wain', 'wein', 'ween', 'wen', 'wayn'],
  فين: ['fain', 'fen', 'fein'],
  اين: ['ayn', 'ayna', 'aina'],
  متى: ['mata', 'mita', 'emta', 'imta', 'emata', 'imata', 'meta'],
  كم: ['kam', 'cham', 'kaam', 'kem'],
  بكم: ['bkam', 'bikam', 'bkm', 'bcham'],
  كيف: ['kaif', 'kef', 'keef', 'kaifa', 'kayf'],
  ليش: ['laish', 'lesh', 'leish', 'leesh', 'lish'],
  وش: ['wesh', 'wsh', 'waish'],
  ايش: ['aish', 'esh', 'eish', 'ish', 'shu', 'sho', 'shoo'],
  هل: ['hal'],
  ممكن: ['mumkin', 'momken', 'mmkn', 'mumken', 'mamkin'],
  // who and what
  انا: ['ana', 'ena'],
  انت: ['enta', 'inta', 'enti', 'inti'],
  ابي: ['abi', 'abee', 'abeh', 'abgha', 'abga', 'abghi', 'abgy', 'aby', 'abe'],
  // Egyptian: عايز (I want), بتاعي (mine), ازاي (how), ليه (why)
  عايز: ['3ayez', '3ayz', '3ayiz', '3awez', '3awz', 'ayez'],
  عايزه: ['3ayza', '3awza', '3ayzah'],
  بتاعي: ['beta3i', 'beta3y', 'bta3i', 'bta3y', 'betaa3i'],
  بتاعتي: ['beta3ti', 'beta3ty', 'bta3ti', 'bta3ty'],
  // "el fatoora bta3et el laptop" (the laptop's invoice)
  بتاعت: ['bta3et', 'beta3et', 'bta3t', 'beta3t'],
  حقي: ['7agi', '7aggi', '7a8i', '7aqi', 'haggi'],
  ازاي: ['ezay', 'ezzay', 'izzay', 'izay', 'ezai'],
  ليه: ['leh', 'leeh', 'lehh'],
  لسه: ['lsa', 'lessa', 'lissa', 'lesa', 'lissah'],
  'ما وصل': ['mawsalsh', 'mwsalsh', 'mawsalash', 'mawsl4', 'mawsal4'],
  بدي: ['bdi', 'biddi', 'bidi'],
  عندي: ['3ndi', '3indi', 'endi', '3endi', 'andi'],
  عند: ['3nd', '3ind', '3end', '3and'],
  // "cash 3nd el estlam" (cash on delivery)
  استلام: ['estlam', 'estilam', 'istilam', 'esteelam', 'istlam'],
  عندكم: ['3ndkom', '3indkom', '3endkom', 'endkom', '3ndkm', 'andkom', 'indakum', '3andkom', '3andkum'],
  ما: ['ma', 'maa'],
  مو: ['mo', 'mu', 'mob', 'mub', 'moo'],
  مافي: ['mafi', 'mafee', 'mafe', 'mafeeh'],
  في: ['fi', 'fe'],
  على: ['3la', '3ala', '3ly', 'ala'],
  من: ['mn', 'men'],
  علي: ['3alay', '3lay', '3alai', '3laya', '3alaya'],
  // "wsl wla la2?" (has it come or not?)
  ولا: ['wla', 'wela', 'wila', 'wala'],
  لا: ['la2', 'laa2', 'la', 'laa'],
  فيه: ['fih', 'feeh', 'fiih'],
  // orders and their way
  طلب: ['talab', '6alab', 'tlb', '6lb', 'talb'],
  طلبي: ['talabi', '6alabi', 'talaby', '6alaby', 'tlbi', '6lbi', 'talbi', '6albi'],
  طلبات: ['talabat', '6alabat', 'tlbat'],
  طلبيتي: ['talabiti', '6alabiti', 'talabeti'],
  // "wen el laptop ely tlabto" (where is the laptop I ordered)
  اللي: ['ely', 'elly', 'elli', 'illi', 'ili'],
  طلبته: ['tlabto', 'talabto', 'tlabtoh', 'talabtah', '6lbto', '6alabto', 'tlbto'],
  رقم: ['raqam', 'ragam', 'rakam', 'rqm', 'rgm', 'ra8am'],
  // where is it
  وينه: ['wainh', 'waino', 'weino', 'wainoh', 'weinah', 'wainah'],
  شركات: ['sharikat', 'sharekat', 'shrkat', 'sherkat'],
  شركه: ['sharika', 'sherka', 'shirka', 'sharikah'],
  شحنه: ['shi7na', 'sha7na', 'shahna', 'shi7nah'],
  شحن: ['shi7n', 'sha7n', 'sh7n', 'shahn', 'shehn'],
  توصيل: ['tawseel', 'taw9eel', 'twseel', 'tawsil', 'tawseil'],
  // "wain twasloon?" (where do you deliver?)
  توصلون: [
    ...['twasloon', 'twasloun', 'itwasloon', 'etwasloon', "t'wasloon", 'tewasloon', 'twaslon'],
    ...['twsloon', 'tawsloon', 'twslon', 'tawslon', 'twsilon'],
  ],
  مندوب: ['mandoob', 'mandob', 'mndob', 'mandoub'],
  عنوان: ['3nwan', '3enwan', 'enwan', '3inwan', 'unwan'],
  عنواني: ['3nwani', '3enwani', 'enwani', '3inwani'],
  وصل: ['wasal', 'wesal', 'wsl', 'waasal', 'wusal', 'wa9al', 'wi9al', 'w9l', 'wosil', 'wisil', 'wesel'],
  // "el mandoob ma ja" (did not come)
  جا: ['ja', 'jaa', 'ija', 'eja'],
  وصلني: ['wasalni', 'wesalni', 'wslni', 'wasalny'],
  وصلت: ['wasalat', 'wesalat', 'wslt', 'wasalt'],
  يوصل: ['yosal', 'yousal', 'yoosal', 'ywsl', 'yewsal', 'ywsal', 'yoslni'],
  // Levantine and Egyptian "bi-": "w emta bywsal?", "btwaslo yom el jom3a?"
  بيوصل: [
    'bywsal',
    'biwsal',
    'byosal',
    'byoosal',
    'bywsl',
    'byewsal',
    'byw9al',
    'biw9al',
    'byousal',
    'byoosal',
  ],
  تنشحن: ['btenshe7en', 'btinshi7in', 'btensh7en', 'tenshe7en'],
  توصلوا: ['btwaslo', 'btwasloo', 'btwaslu', 'bitwaslo', 'betwaslo', 'btwslo', 'btwasslo'],
  متاخر: ['mt2a5er', 'mit2akhir', 'mta5er', 'metakher', 'mt25r', 'mit2a5ir', 'mt2akher'],
  // "el order ta2akhar", "lesh ta2akhart" (it is late, why are they late)
  تاخر: ['ta2akhar', 'ta2a5ar', 'ta2khar', 'ta25ar', 'itakhar'],
  تاخرت: ['ta2akhart', 'ta2a5art', 'ta2khart', 'ta25art'],
  تاخير: ['ta5eer', 'takheer', 't25eer', 'ta25eer'],
  سعر: ['se3r', 'si3r', 's3r', 'sa3r'],
  رسوم: ['rusoom', 'rosoom', 'rsoom', 'rusum', 'rosom', 'rsom'],
  // "w kam youm ya5ith?" (and how many days does it take?)
  ياخذ: ['ya5ith', 'yakhith', 'ya5eth', 'ya5uth', 'yakhuth', 'ya5od', 'yakhod'],
  نسيت: ['nseet', 'niseet', 'nsit', 'naseet', 'nesit', 'nseit'],
  اعرف: ['a3rf', 'a3raf', 'a3ref', 'a3rif'],
  سنه: ['sana', 'sanah', 'sane'],
  كان: ['kan', 'kaan'],
  طيب: ['tayeb', 'tayb', '6ayeb', '6yb', 'tyb', 'tayyeb'],
  تمام: ['tmam', 'tamam', 'tmaam', 'tamaam'],
  // "ya3tik el 3afye" (el is the article)
  عافيه: ['3afye', '3afyeh', '3afya', '3afieh'],
  // returns, refunds, cancelling, paying
  ارجع: ['argi3', 'arja3', 'arj3', 'arje3', 'arg3', 'arji3', 'arga3', 'arge3', 'arajje3', 'araje3'],
  // Egyptian رد (give back): "momken ardo el cases?"
  ارجعه: ['ardo', 'arodo', 'arodd', 'arodoh'],
  // Levantine رجّع (give back): "bdi rajje3 el sama3a"
  رجع: ['rajje3', 'raje3', 'rajja3', 'rajj3'],
  ارجاع: ['erja3', 'irja3', 'erjaa3', 'arjaa3'],
  يرجع: ['yerja3', 'yirja3', 'yrja3', 'yerga3', 'yirga3'],
  استرجع: ['astarji3', 'asterja3', 'astrja3', 'astarja3', 'asterje3'],
  استرجاع: ['istirja3', 'esterja3', 'estirja3', 'strja3'],
  استرداد: ['istirdad', 'esterdad', 'estrdad'],
  استبدال: ['istibdal', 'estebdal', 'estbdal'],
  ابدل: ['abadel', 'abdel', 'abdil'],
  // "abi aghayer el email" (I want to change the email)
  اغير: ['aghayer', 'aghayyer', 'aghyer', "a3'ayer", 'a8ayer', 'a8ayyer', 'agayer', 'aghaier'],
  فلوس: ['flous', 'floos', 'flus', 'fulus'],
  فلوسي: [
    'flousi',
    'floosi',
    'flusi',
    'fulusi',
    'floosy',
    'felosy',
    'felousi',
    'flosy',
    'flosi',
    'feloosi',
    'filusi',
  ],
  // Egyptian اخد (take): "w akhod felosy"
  اخد: ['akhod', 'a5od', 'akhud', 'a5ud', 'a5d'],
  مبلغ: ['mablagh', 'mablag', 'mblgh'],
  // "kam a2al mablagh" (what is the smallest amount)
  اقل: ['a2al', 'a2all', 'aqal', 'agal', 'a8al'],
  الغاء: ['elgha', 'ilgha', 'elghaa', 'ilgha2', 'elgha2'],
  الغي: ['alghi', 'algi', 'elghi', 'alghee'],
  ادفع: ['adf3', 'adfa3', 'adfaa', 'adfa'],
  دفع: ['daf3', 'dafa3'],
  تقسيط: ['ta2seet', 'taqseet', 'ta2sit', 'tagseet', 'tqseet', 'ta2seeet'],
  قسط: ['2ist', 'qist', '2est', '2s6', 'gist'],
  اقساط: ['a2sa6', 'aqsat', 'a2sat', 'agsat', 'a2saat'],
  كاش: ['kash', 'cash'],
  مجاني: ['mgani', 'magani', 'majani', 'mjani', 'majjani'],
  تابي: ['tabby', 'tabi'],
  تمارا: ['tamara'],
  ضمان: ['dhaman', '9man', 'daman', 'thaman'],
  فاتوره: ['fatora', 'fatoorah', 'fatura', 'fatorah', 'fatoura', 'fatoora'],
  // the account: "ma a2dar adkhol 7sabi" (I can't get into my account)
  اقدر: ['a2dar', 'agdar', 'a2der', 'agder', 'aqdar', 'a8dar'],
  ادخل: ['adkhol', 'adkhal', 'ad5ol', 'ad5al', 'adkhul'],
  حساب: ['7sab', '7esab', '7isab', 'hsab'],
  حسابي: ['7sabi', '7esabi', '7isabi', 'hsabi', '7saby'],
  // "nseet kalimat el sir" (I forgot the password)
  كلمه: ['kalimat', 'kilmat', 'kalima', 'kelmat', 'kilmet'],
  سر: ['sir', 'ser', 'sirr'],
  // what went wrong
  مشكله: ['mushkila', 'moshkela', 'mshkla', 'mushkele', 'moshkla'],
  // "ana za3lan jedan", "mish radi 3an el khedma"
  زعلان: ['za3lan', 'z3lan', 'za3lana', 'z3lana'],
  جدا: ['jedan', 'jiddan', 'gedan', 'giddan'],
  راضي: ['radi', 'raadi', 'rady'],
  خدمه: ['khedma', '5edma', 'khidma', '5idma', 'khedmah'],
  رد: ['rad', 'radd'],
  فرع: ['far3', 'fer3', 'fara3'],
  تشتغل: ['tishtaghil', 'teshtaghal', 'tshtghl', 'tesht8al', 'tishta8il', 'btishtaghil'],
  خربان: ['5arban', 'kharban', '5erban', 'khrban'],
  خربانه: ['5arbana', 'kharbana', '5erbana'],
  مكسور: ['maksoor', 'maksor', 'mksor', 'mksoor'],
  مكسوره: ['maksoora', 'maksora', 'maksoorah', 'mksora'],
  غلط: ['ghalat', '3alat', '8alat', 'ghlt', "3'alat"],
  شغال: ['shaghal', 'sh3al', 'shaghghal', 'sh8al', "sha3'al", 'sha8al'],
  شغاله: ['shaghala', 'sha8ala', 'sh8ala', 'sh3ala'],
  // Egyptian and Levantine "not": "mesh sha8al el charger"
  مش: ['mesh', 'mish', 'msh', 'mush', 'mosh'],
  انسحبت: ['nsa7bat', 'insa7bat', 'ensa7bat', 'nsahbat'],
  راحت: ['ra7at', 'rahat'],
  انخصم: ['in5asam', 'en5asam', 'inkhasam', 'enkhasam', 'in5sam', 'n5sam', 'et5asam', 'it5asam'],
  // Egyptian "et5asamt marteen" (I was charged twice)
  انخصمت: ['et5asamt', 'it5asamt', 'etkhasamt', 'itkhasamt', 'in5asamt', 'en5asamt'],
  مرتين: ['marteen', 'martain', 'marten', 'mrteen', 'martin', 'mrtin', 'marrteen'],
  شرار: ['sharar', 'shrar', 'sharara'],
  يسخن: ['ysakhen', 'ysa5en', 'yis5an', 'ys5n', 'yes5an', 'yesakhen', 'yskhn', 'bysakhen', 'bysa5en'],
  ريحته: ['ri7to', 'ri7ta', 're7to', 'ri7eto', 'ri7teh'],
  غريبه: ['ghareeba', "3'areeba", 'ghariba', '8areeba'],
  وايد: ['wayed', 'wayid', 'wajid'],
  تطبيق: ['tatbee8', 'tatbeeq', 'tatbeek', 'tatbi8', 'tatbiq'],
  يشتغل: [
    'yeshtghel',
    'yshtghl',
    'yshte8l',
    'yeshte3',
    'yeshtaghil',
    'yishtaghil',
    'yeshtaghel',
    'yshtaghil',
  ],
  // people
  موظف: [
    ...['mowazaf', 'mwazaf', 'muwazzaf', 'mowadaf', 'mowazzaf', 'mwzf'],
    // ض and ظ written dd or dh: "abi akallem mowaddaf"
    ...['mowaddaf', 'mwaddaf', 'muwaddaf', 'mowadhaf', 'mwadhaf', 'mowazf'],
  ],
  احد: ['a7ad', 'ahad', '7ad'],
  اكلم: ['akalim', 'akallem', 'akalem', 'akalm', 'akellem'],
  احكي: ['a7ki', 'a7ky', 'ahki', 'e7ki'],
  يكلمني: ['ykalemni', 'ykallemni', 'ykalmni', 'yekalemni', 'ykalimni', 'yikalimni'],
  تلفون: ['tilifon', 'telefon', 'tlfon', 'telephon', 'tilifoon'],
  يحكي: ['y7ki', 'ye7ki', 'yehki', 'yi7ki'],
  حدا: ['7ada', '7adan', '7da'],
  يرد: ['yrod', 'yrud', 'yerod', 'yrd', 'yirud'],
  معي: ['ma3i', 'm3i', 'ma3y', 'ma3ee', 'ma3ai'],
  مع: ['m3', 'ma3'],
  كلموني: ['kalmoni', 'kalmooni', 'kalimoni'],
  // things
  سماعه: ['sama3a', 'sma3a', 'sama3ah', 'samma3a'],
  سماعات: ['sama3at', 'sma3at'],
  جوال: ['jawal', 'jawwal', 'jwal', 'jawali'],
  شاحن: ['sha7en', 'shahen', 'sha7in', 'shahin'],
  شاشه: ['shasha', 'shashah', 'shashe'],
  // "el charger tala3 mno dokhan": smoke, fire
  طلع: ['tala3', 'tele3', '6ala3', '6ele3', 'til3'],
  منه: ['mno', 'minno', 'menno', 'mnno'],
  دخان: ['dokhan', 'do5an', 'dukhan', 'd5an', 'dukhkhan'],
  حريق: ['7ari2', '7ariq', 'hariq', '7areeq'],
  // when
  الحين: ['alhin', 'al7een', 'el7en', 'alheen', 'al7in', 'el7een', 'elhin'],
  اليوم: ['alyoum', 'elyom', 'alyom', 'elyoum'],
  بكره: ['bukra', 'bokra', 'bakra', 'bukrah'],
  ايام: ['ayam', 'ayaam'],
  يوم: ['youm', 'yoom', 'yawm', 'yom'],
  جمعه: ['jom3a', 'jum3a', 'jm3a', 'jem3a', 'jom3ah', 'jum3ah', 'gom3a'],
  اسبوع: ['usbo3', 'esboo3', 'osboo3', 'esbo3', 'usboo3'],
  // greetings and thanks
  السلام: ['assalam', 'alsalam', 'salam', 'slam', 'essalam'],
  عليكم: ['alaikum', '3alaikum', '3laikom', 'alaykom', '3alikom', 'aleikum'],
  مرحبا: ['marhaba', 'mar7aba', 'mrhba', 'mar7ba'],
  هلا: ['hala', 'halla'],
  شكرا: ['shukran', 'shokran', 'shukrn', 'shokrn'],
  مشكور: ['mashkoor', 'mashkor', 'mshkor'],
  يعطيك: ['ya3tik', 'ya3teek', 'y3tik', 'ya3tek'],
  العافيه: ['al3afia', 'el3afya', 'al3afiya', 'el3afia'],
  الله: ['allah', 'alla'],
  والله: ['wallah', 'wallahi', 'walla', 'wellah'],
  حرام: ['7aram', '7araam', 'haraam'],
  لو: ['lau', 'lo', 'law'],
  يعني: ['ya3ni', 'y3ni', 'ya3ny', 'ya3neh'],
  سمحت: ['sama7t', 'samaht', 'sm7t', 'sma7t'],
};

const ARABIC_FOR: ReadonlyMap<string, string> = new Map(
  Object.entries(WORDS).flatMap(([arabic, spellings]) => spellings.map((latin) => [latin, arabic] as const)),
);

/** Places, with their article as the Arabic pages write them. */
const PLACES: Readonly<Record<string, string>> = {
  riyadh: 'الرياض',
  riyad: 'الرياض',
  jeddah: 'جده',
  jedda: 'جده',
  jidda: 'جده',
  dammam: 'الدمام',
  khobar: 'الخبر',
  makkah: 'مكه',
  mecca: 'مكه',
  madinah: 'المدينه',
  medina: 'المدينه',
  dubai: 'دبي',
  kuwait: 'الكويت',
  bahrain: 'البحرين',
  qatar: 'قطر',
  doha: 'الدوحه',
  abha: 'ابها',
  tabuk: 'تبوك',
};

/** The article and the conjunctions customers write as words of their own: "el sama3a", "w el order". */
const ATTACHES: Readonly<Record<string, string>> = {
  el: 'ال',
  al: 'ال',
  il: 'ال',
  w: 'و',
  wa: 'و',
  b: 'ب',
  bel: 'بال',
  wel: 'وال',
  wil: 'وال',
  lil: 'لل',
  ll: 'لل',
  lel: 'لل',
  lal: 'لل',
  l: 'ل',
  // "3al laptop": على ال
  '3al': 'عال',
};

const TOKEN = /[a-z0-9']+/g;
/**
 * A letter digit followed by a letter, in a word of letters: "3nwan", "sha7n", "6alabi"; not a
 * model ("usb3", "ps5"), an order id ("A1001"), an ordinal or a time ("2nd", "9am").
 */
const DIGIT_LETTER = /^(?=.*[a-z].*[a-z])[a-z']*[235679][a-z'][a-z0-9']*$/;
const NUMBER_WITH_UNIT = /^\d+(?:st|nd|rd|th|am|pm|k|g|gb|mb|tb|mah|w|v|hz|mm|cm|kg|x|p|s)$/;
const ORDER_ID_LIKE = /^[a-z]{0,3}\d{3,}$/;

/**
 * Spellings that are also English words or names ("ma", "men", "cash", "Ana", "hal"), and places:
 * read as Arabic inside an Arabizi message, but never what makes a message Arabizi ("cash in
 * Dubai?" is English).
 */
const ALSO_ENGLISH: ReadonlySet<string> = new Set([
  ...Object.keys(PLACES),
  ...['ma', 'maa', 'mo', 'mu', 'mob', 'moo', 'men', 'mn', 'fi', 'fe', 'ala', 'lo', 'hal', 'hala', 'ja'],
  ...['ana', 'ena', 'abe', 'aby', 'andi', 'endi', 'ish', 'esh', 'sho', 'fen', 'wen', 'meta'],
  ...['cash', 'kash', 'tabby', 'tabi', 'tamara', 'allah', 'alla', 'ahad', 'enta', 'inti', 'slam'],
  // names: "This is Abdel Salam", "Salam, Abi here"
  ...['abdel', 'abdil', 'salam', 'abi', 'mona', 'elly', 'elli'],
  'law',
  ...['mesh', 'mush', 'mosh', 'martin'],
  ...['sir', 'ser', 'kan', 'sane', 'wala', 'la', 'laa'],
]);

function arabicOf(token: string): string | undefined {
  return ARABIC_FOR.get(token) ?? PLACES[token];
}

/** A word that says the message is Arabizi: a spelling only Arabizi has, or letters with its digits. */
function marksArabizi(word: string): boolean {
  if (ALSO_ENGLISH.has(word) || NUMBER_WITH_UNIT.test(word)) return false;
  return ARABIC_FOR.has(word) || DIGIT_LETTER.test(word);
}

/**
 * The Arabic a message in Arabizi stands for, or undefined when it is not Arabizi: at least two of
 * its words are Arabizi (known spellings, or letters with the digits Arabizi uses), or one with
 * only "el", "w" and the like beside it, and they are at least half its words. In a conversation
 * held in Arabic (`arabicChat`), one Arabizi word is enough beside words it cannot read, as long as
 * it reads half of them: "w emta bywsal" after an Arabic reply is Arabic still, not English it did
 * not understand. Words it does not know stay as written ("el order" → "الorder", which the
 * code-switch reading knows as الطلب).
 */
export function fromArabizi(text: string, { arabicChat = false } = {}): string | undefined {
  if (/\p{Script=Arabic}/u.test(text)) return undefined;
  const lower = text.toLowerCase();
  const words = (lower.match(TOKEN) ?? []).filter((word) => !/^\d+$/.test(word) && !ORDER_ID_LIKE.test(word));
  const arabizi = words.filter(marksArabizi);
  const attaching = words.filter((word) => ATTACHES[word] !== undefined);
  // the words it can read count towards "mostly", the ones that mark Arabizi towards "at all"
  // an English support word is read as well ("el order beta3i fen?"), but is no sign of Arabizi
  const known = words.filter(
    (word) =>
      marksArabizi(word) ||
      arabicOf(word) !== undefined ||
      ATTACHES[word] !== undefined ||
      arabicForWord(word) !== undefined,
  ).length;
  // two Arabizi words, or one with nothing it cannot read beside it, its article ("w el 3nwan?")
  // or another word Arabizi shares with English ("wen talabi"); or, with nothing else it cannot
  // read, two of the particles that go onto a word, which English never writes in a row ("w lil
  // kuwait?", "and to Kuwait?")
  const enough =
    arabizi.length >= 2 ||
    (arabizi.length === 1 && known === words.length && (attaching.length > 0 || words.length >= 2)) ||
    (attaching.length >= 2 && known === words.length && words.length > attaching.length) ||
    // a word Arabizi shares with English and an article, beside words it reads: "wen el laptop"
    (attaching.length >= 1 &&
      known === words.length &&
      words.length >= 3 &&
      words.some((word) => ALSO_ENGLISH.has(word) && arabicOf(word) !== undefined)) ||
    (arabicChat && arabizi.length >= 1) ||
    // a known spelling alone: "mar7aba", "shukran"
    (words.length === 1 && arabizi.length === 1 && arabicOf(arabizi[0] ?? '') !== undefined);
  if (!enough || known * 2 < words.length) return undefined;
  let pending = '';
  return lower
    .replace(TOKEN, (word) => {
      const attach = ATTACHES[word];
      if (attach !== undefined) {
        pending += attach;
        return '';
      }
      const arabic = arabicOf(word);
      // لل before a place with its own article: "lil riyadh" → للرياض
      const written =
        arabic === undefined
          ? word
          : pending.endsWith('ل') && arabic.startsWith('ال')
            ? arabic.slice(2)
            : arabic;
      const out = pending === 'ال' && written.startsWith('ال') ? written : `${pending}${written}`;
      pending = '';
      return out;
    })
    .replace(/\s+/g, ' ')
    .replace(/\s+([?!.,])/g, '$1')
    .trim();
}
