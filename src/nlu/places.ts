import { normalizeArabic, tokenize } from './normalize.js';

/**
 * Where a place is, for the questions whose answer depends on it: shipping to Tabuk costs what it
 * costs in Saudi Arabia, shipping to Dubai what it costs to the rest of the GCC, and nothing ships
 * to Amman. The pages name the region in their headings ("Shipping costs in Saudi Arabia") or
 * keywords ("international") and only some of its places.
 */
export type Region = 'saudi' | 'gcc' | 'abroad';

interface Place {
  /** As the English pages spell it. */
  readonly en: string;
  /** Other English spellings customers use. */
  readonly alsoEn?: readonly string[];
  /** Normalised (normalizeArabic), without ال unless the name never goes without it. */
  readonly ar: readonly string[];
  readonly region: Region;
  /**
   * "المدينة" is also "the city", "الخبر" "the news": the one-word Arabic name places a question
   * only as a destination ("المدينة المنورة" always does).
   */
  readonly commonWordInArabic?: true;
  /** Words after the name that make it a common word: "قطر الشاشة" is the screen's diameter. */
  readonly notBefore?: readonly string[];
  /** The place the Arabic name means to a Levantine speaker, as a search should read it. */
  readonly inLevantineArabic?: { readonly ar: string; readonly region: Region };
  /** The Arabic name without its article is also a man's name: "انا رياض", "معك رياض". */
  readonly aNameInArabic?: true;
}

const PLACES: readonly Place[] = [
  { en: 'Riyadh', ar: ['رياض'], region: 'saudi', notBefore: ['الاطفال', 'اطفال'], aNameInArabic: true },
  { en: 'Jeddah', alsoEn: ['Jedda', 'Jiddah'], ar: ['جده'], region: 'saudi' },
  { en: 'Makkah', alsoEn: ['Mecca', 'Makka'], ar: ['مكه'], region: 'saudi' },
  {
    en: 'Madinah',
    alsoEn: ['Medina', 'Madina'],
    ar: ['مدينه', 'مدينه منوره'],
    region: 'saudi',
    commonWordInArabic: true,
  },
  { en: 'Dammam', ar: ['دمام'], region: 'saudi' },
  { en: 'Khobar', ar: ['خبر'], region: 'saudi', commonWordInArabic: true },
  { en: 'Dhahran', ar: ['ظهران'], region: 'saudi' },
  { en: 'Al Ahsa', alsoEn: ['Hofuf', 'Al Hasa'], ar: ['احساء', 'هفوف'], region: 'saudi' },
  { en: 'Jubail', ar: ['جبيل'], region: 'saudi' },
  { en: 'Taif', ar: ['طايف', 'طائف'], region: 'saudi' },
  { en: 'Abha', ar: ['ابها'], region: 'saudi' },
  { en: 'Khamis Mushait', ar: ['خميس مشيط'], region: 'saudi' },
  { en: 'Tabuk', ar: ['تبوك'], region: 'saudi' },
  { en: 'Buraidah', alsoEn: ['Buraydah'], ar: ['بريده'], region: 'saudi' },
  { en: 'Qassim', ar: ['قصيم'], region: 'saudi' },
  { en: 'Unaizah', ar: ['عنيزه'], region: 'saudi' },
  { en: 'Hail', ar: ['حايل', 'حائل'], region: 'saudi' },
  { en: 'Jazan', alsoEn: ['Jizan'], ar: ['جازان', 'جيزان'], region: 'saudi' },
  { en: 'Najran', ar: ['نجران'], region: 'saudi' },
  { en: 'Yanbu', ar: ['ينبع'], region: 'saudi' },
  { en: 'Sakaka', ar: ['سكاكا'], region: 'saudi' },
  { en: 'Al Jouf', ar: ['جوف'], region: 'saudi', notBefore: ['الليل', 'ليل'] },
  { en: 'Arar', ar: ['عرعر'], region: 'saudi' },
  { en: 'Hafar Al Batin', ar: ['حفر الباطن'], region: 'saudi' },
  // خرج alone is "went out" (خرج للتوصيل): only the name with its article
  { en: 'Al Kharj', alsoEn: ['Kharj'], ar: ['الخرج'], region: 'saudi' },
  { en: 'Al Bahah', alsoEn: ['Baha'], ar: ['باحه'], region: 'saudi' },
  { en: 'Bisha', ar: ['بيشه'], region: 'saudi' },
  { en: 'Qatif', ar: ['قطيف'], region: 'saudi' },
  { en: 'Khafji', ar: ['خفجي'], region: 'saudi' },
  { en: 'Rabigh', ar: ['رابغ'], region: 'saudi' },
  { en: 'AlUla', alsoEn: ['Al Ula'], ar: ['العلا'], region: 'saudi' },
  // the country itself, beside a Gulf one: "كم الشحن للبحرين والسعودية؟" (not "Saudi" alone, as in
  // "Saudi riyals")
  { en: 'Saudi Arabia', alsoEn: ['KSA'], ar: ['سعوديه'], region: 'saudi' },
  { en: 'UAE', alsoEn: ['Emirates'], ar: ['امارات'], region: 'gcc' },
  { en: 'Dubai', ar: ['دبي'], region: 'gcc' },
  { en: 'Abu Dhabi', ar: ['ابوظبي', 'ابو ظبي'], region: 'gcc' },
  { en: 'Sharjah', ar: ['شارقه'], region: 'gcc' },
  { en: 'Kuwait', ar: ['كويت'], region: 'gcc' },
  { en: 'Bahrain', ar: ['بحرين'], region: 'gcc' },
  { en: 'Manama', ar: ['منامه'], region: 'gcc' },
  {
    en: 'Qatar',
    ar: ['قطر'],
    region: 'gcc',
    notBefore: ['الشاشة', 'شاشة', 'الدائرة', 'دائرة', 'العجلة', 'الكفر', 'الانبوب'],
  },
  { en: 'Doha', ar: ['دوحه'], region: 'gcc' },
  // "قديش الشحن لعمان؟" asks about Amman, in Jordan, where nothing is shipped
  {
    en: 'Oman',
    ar: ['عمان', 'سلطنه عمان'],
    region: 'gcc',
    inLevantineArabic: { ar: 'الاردن', region: 'abroad' },
  },
  { en: 'Muscat', ar: ['مسقط'], region: 'gcc', notBefore: ['راس', 'راسي', 'راسه', 'راسها'] },
  // where nothing ships: "I'm in Amman, how much is shipping?" is not asked from Saudi Arabia.
  // Not the Arabic names that are common words or names too: الزرقاء (blue), هند, المغرب (sunset).
  { en: 'Jordan', ar: ['اردن'], region: 'abroad' },
  { en: 'Amman', ar: [], region: 'abroad' },
  { en: 'Irbid', ar: ['اربد'], region: 'abroad' },
  { en: 'Egypt', ar: ['مصر'], region: 'abroad' },
  { en: 'Cairo', ar: ['قاهره'], region: 'abroad' },
  { en: 'Alexandria', ar: ['اسكندريه'], region: 'abroad' },
  { en: 'Iraq', ar: ['عراق'], region: 'abroad' },
  { en: 'Baghdad', ar: ['بغداد'], region: 'abroad' },
  { en: 'Lebanon', ar: ['لبنان'], region: 'abroad' },
  { en: 'Beirut', ar: ['بيروت'], region: 'abroad' },
  { en: 'Yemen', ar: ['يمن'], region: 'abroad' },
  { en: 'Sudan', ar: ['سودان'], region: 'abroad' },
  { en: 'Khartoum', ar: ['خرطوم'], region: 'abroad' },
  { en: 'Turkey', ar: ['تركيا'], region: 'abroad' },
  { en: 'Istanbul', ar: ['اسطنبول'], region: 'abroad' },
  { en: 'Pakistan', ar: ['باكستان'], region: 'abroad' },
  { en: 'Karachi', ar: ['كراتشي'], region: 'abroad' },
  { en: 'India', ar: ['الهند'], region: 'abroad' },
  { en: 'Morocco', ar: [], region: 'abroad' },
  { en: 'UK', alsoEn: ['United Kingdom', 'Britain', 'England'], ar: ['بريطانيا'], region: 'abroad' },
  { en: 'London', ar: ['لندن'], region: 'abroad' },
  { en: 'Europe', ar: ['اوروبا'], region: 'abroad' },
];

/**
 * The words of the English place names long enough to correct a typo to ("jedah", "riyad"): a
 * shorter one ("Hail", "Abha") is one letter from too many words.
 */
export const ENGLISH_PLACE_WORDS: readonly string[] = [
  ...new Set(
    PLACES.flatMap((place) => [place.en, ...(place.alsoEn ?? [])].flatMap((name) => tokenize(name))).filter(
      (word) => word.length >= 5,
    ),
  ),
];

/**
 * Each one-word Arabic name of a place → its English name, for an English question that writes
 * the place in Arabic ("is delivery to جدة free?").
 */
export const ENGLISH_FOR_PLACE: ReadonlyMap<string, string> = new Map(
  PLACES.flatMap((place) => place.ar.filter((name) => !name.includes(' ')).map((name) => [name, place.en])),
);

interface Name {
  readonly words: readonly string[];
  readonly region: Region;
  /** Only with "to" written onto it: "للخبر" is to Khobar, "الخبر" may be the news. */
  readonly asDestination: boolean;
  readonly notBefore: ReadonlySet<string>;
  /**
   * The name the pages use for a place this one names with a common word ("المدينه منوره" for
   * "مدينه"), or by another name ("AlUla" for "Al Ula", "احساء" for "هفوف").
   */
  readonly inFull?: string;
  readonly inLevantineArabic?: { readonly ar: string; readonly region: Region };
  readonly aName: boolean;
}

/** The place names that place a question, as the words of `tokenize`, longest first. */
const NAMES: readonly Name[] = PLACES.flatMap((place) => {
  const notBefore = new Set((place.notBefore ?? []).flatMap((word) => tokenize(normalizeArabic(word))));
  return [
    ...[place.en, ...(place.alsoEn ?? [])].map((name) => ({
      words: tokenize(name),
      region: place.region,
      asDestination: false,
      notBefore: new Set<string>(),
      // "Al Ula", "Hofuf": searched as the pages name them, "AlUla", "Al Ahsa"
      ...(name === place.en ? {} : { inFull: place.en }),
      aName: false,
    })),
    ...place.ar.map((name, at) => {
      const words = tokenize(normalizeArabic(name));
      const asDestination = place.commonWordInArabic === true && words.length === 1;
      const inFull = asDestination
        ? place.ar.find((other) => other.includes(' '))
        : at > 0 && place.commonWordInArabic !== true && place.inLevantineArabic === undefined
          ? place.ar[0]
          : undefined;
      return {
        words,
        region: place.region,
        asDestination,
        notBefore,
        ...(inFull !== undefined ? { inFull } : {}),
        ...(place.inLevantineArabic === undefined || words.length > 1
          ? {}
          : { inLevantineArabic: place.inLevantineArabic }),
        aName: place.aNameInArabic === true,
      };
    }),
  ];
}).sort((a, b) => b.words.length - a.words.length);
/** The names each word can start, in NAMES's order: a word is checked against these, not all. */
const NAMES_BY_FIRST_WORD = new Map<string, { name: Name; order: number }[]>();
for (const [order, name] of NAMES.entries()) {
  const [first] = name.words;
  if (first === undefined) throw new Error('a place name without words');
  const starting = NAMES_BY_FIRST_WORD.get(first) ?? [];
  starting.push({ name, order });
  NAMES_BY_FIRST_WORD.set(first, starting);
}
/** ل ("to") written onto a word, with its article: "للخبر", "وللمدينة". */
const TO = /^[وف]?لل/u;
/** "للخرج", "بالعلا": a name that keeps its article ("الخرج") is written with it. */
const WITH_ARTICLE = /^(?:(?:[وف][بل]?|[بل])?ال|[وف]?لل|عال)/u;
/** The clitics and article before an Arabic name: "للرياض", "وجدة", "بالدمام", "وبالرياض". */
const ARABIC_ARTICLE = /^(?:(?:[وف][بل]?|[بل])?ال|[وف]?لل|عال|[وبلف])(?=\S{2})/u;

/** A place a text names: its words as written there and its region. */
export interface PlaceNamed {
  readonly words: string;
  readonly region: Region;
  /**
   * Named after "from", or as where the customer is ("I'm in Kuwait"): where the parcel leaves, as
   * in "from Riyadh to Dubai".
   */
  readonly origin: boolean;
  /** Named as where the customer is ("I'm in Kuwait", "ساكن بدبي"), not only where they are from. */
  readonly livesThere: boolean;
  /** Its tokens in `tokenize(text)`, end exclusive. */
  readonly start: number;
  readonly end: number;
  /**
   * Named by a common word ("للمدينة"), the name no page uses for anything else; or by a name that
   * means another place to the speaker ("لعمان" in Levantine Arabic is Amman: "الاردن").
   */
  readonly inFull?: string;
}

const FROM = new Set(['from', 'من']);
/** "I'm in Kuwait", "I live in", "ساكن في", "انا بالرياض": where the customer is, before "in". */
const RESIDENT = new Set([
  'im',
  'am',
  'live',
  'living',
  'based',
  'staying',
  'انا',
  'ساكن',
  'ساكنه',
  'اسكن',
  'عايش',
  'عايشه',
  'مقيم',
  'مقيمه',
]);
const IN = new Set(['in', 'at', 'في']);
/**
 * The people a parcel goes to: "to my mom in Riyadh", "لاخوي في دبي", "لاهلي بالرياض". Beside
 * where they are, they are chatter to a search; alone ("send my order number to my friend") the
 * subject.
 */
const RECIPIENTS = new Set([
  'mom',
  'mum',
  'mother',
  'dad',
  'father',
  'parents',
  'family',
  'brother',
  'bro',
  'sister',
  'sis',
  'friend',
  'wife',
  'husband',
  'son',
  'daughter',
  'cousin',
  'uncle',
  'aunt',
  'relatives',
  'امي',
  'ابوي',
  'والدي',
  'اهلي',
  'اخوي',
  'اخويا',
  'اخي',
  'اختي',
  'صديقي',
  'صاحبي',
  'ربعي',
  'زوجي',
  'زوجتي',
  'ولدي',
  'بنتي',
  'عمي',
  'خالي',
  'عمتي',
  'خالتي',
]);
/** A shop one walks into: "a branch in Riyadh", "فرع في عمان", "محل بجدة". */
const BRANCH = new Set([
  'branch',
  'branches',
  'store',
  'stores',
  'shop',
  'shops',
  'showroom',
  'فرع',
  'فروع',
  'فرعكم',
  'محل',
  'محلات',
  'محلكم',
  'معرض',
  'معرضكم',
]);
/** Words that introduce a person: "انا رياض", "معك رياض", "اسمي رياض". */
const INTRODUCES = new Set(['انا', 'معك', 'معاك', 'اسمي', 'اخوك', 'اختك', 'الاخ', 'الاستاذ']);
/** Words a Levantine or Egyptian speaker writes and a Gulf one does not ("قديش", "بدي", "بتوصلوا"); not شو, which the Emirates say too. */
const LEVANTINE = new Set([
  'قديش',
  'وقديش',
  'بقديش',
  'اديش',
  'هلق',
  'بدي',
  'بدو',
  'بدنا',
  'كتير',
  'منيح',
  'هيك',
  'لحتى',
  'عنجد',
  'فيكن',
  'فيكم',
  'بتوصلوا',
  'بتشحنوا',
  'بتبعتوا',
  'بتوصلو',
  'بتشحنو',
  'بتبعتو',
  'بتقبلوا',
  'بتقبلو',
]);

/**
 * The places a text names ("shipping to Tabuk", "للرياض"), in the order named. What the customer
 * wrote before says how they speak: "انا بعمان" after "قديش بياخد التوصيل؟" is in Amman.
 */
export function placesNamed(text: string, writtenBefore: readonly string[] = []): PlaceNamed[] {
  return namesIn(text, writtenBefore).filter((name) => !name.commonWord);
}

/** A name found: a place, or a common word or a person's name (`commonWord`), as a search reads it. */
type NameFound = PlaceNamed & {
  readonly commonWord: boolean;
  /**
   * A person's name ("انا رياض"), or where a branch would be ("عندكم فرع في عمان؟", asked of an
   * online store): a search leaves it out.
   */
  readonly leftOut?: true;
  /** The words just before it that say who is there ("I live in", "my mom in"): chatter to a search. */
  readonly whoIsThere: number;
};

/**
 * Each place name in a text, as a place or, where the words around it say so, as a common word
 * ("مسقط راسي" is one's birthplace, "قطر الشاشة" the screen's diameter, "انا رياض" a man).
 */
function namesIn(text: string, writtenBefore: readonly string[] = []): NameFound[] {
  const tokens = tokenize(text);
  // Jordan named beside عمان ("بتوصلوا على عمان؟ انا بالاردن") says which عمان too, and so does
  // the shadda of عمّان, which tokens no longer have; read only for a name that needs it
  const levantine = () =>
    /عمّان/u.test(text) ||
    [...tokens, ...writtenBefore.flatMap((before) => tokenize(before))].some(
      (token) => LEVANTINE.has(token) || /^(?:[وبل]|بال|لل|وال)?ال?اردن$/u.test(token),
    );
  const bare = tokens.map((token) => token.replace(ARABIC_ARTICLE, ''));
  // "ولأبها", "وبمكة": a conjunction before the preposition (not "وبريدة", which is و + بريدة)
  const bareOfTwo = tokens.map((token, i) =>
    /^[وف][بل]/u.test(token) ? (bare[i] ?? '').replace(/^[بل](?=\S{2})/u, '') : bare[i],
  );
  const found: NameFound[] = [];
  // the name as written, or without its clitics ("للرياض", "وبمكة"), or with them on a name that
  // keeps its article ("للخرج" is ل + الخرج)
  const isWord = (at: number, word: string | undefined) =>
    tokens[at] === word ||
    bare[at] === word ||
    bareOfTwo[at] === word ||
    (WITH_ARTICLE.test(tokens[at] ?? '') && `ال${bare[at]}` === word);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const written = new Set([
      token,
      bare[i] ?? '',
      bareOfTwo[i] ?? '',
      ...(WITH_ARTICLE.test(token) ? [`ال${bare[i]}`] : []),
    ]);
    const candidates = [...written].flatMap((word) => NAMES_BY_FIRST_WORD.get(word) ?? []);
    if (candidates.length === 0) continue;
    const whereTheyAre = isWhereTheyAre(tokens, i);
    const name = candidates
      .sort((a, b) => a.order - b.order)
      .map(({ name }) => name)
      .find(
        ({ words, asDestination }) =>
          (!asDestination || TO.test(token) || whereTheyAre) && words.every((word, j) => isWord(i + j, word)),
      );
    if (name === undefined) continue;
    // "لعمان" to a Levantine speaker is Amman, written as its country
    const otherPlace =
      name.inLevantineArabic !== undefined && levantine() ? name.inLevantineArabic : undefined;
    const person = name.aName && tokens[i] === name.words[0] && INTRODUCES.has(tokens[i - 1] ?? '');
    const leftOut = person || whoIsThere(tokens, i, (word) => BRANCH.has(word)) > 0;
    const commonWord = leftOut || name.notBefore.has(tokens[i + name.words.length] ?? '');
    // a common word takes the word that makes it one along: "قطر الشاشة" is one thing
    const end = i + name.words.length + (commonWord && !leftOut ? 1 : 0);
    const inFull = otherPlace?.ar ?? name.inFull;
    found.push({
      words: tokens.slice(i, end).join(' '),
      region: otherPlace?.region ?? name.region,
      origin: FROM.has(tokens[i - 1] ?? '') || whereTheyAre,
      livesThere: whereTheyAre,
      start: i,
      end,
      ...(inFull === undefined ? {} : { inFull }),
      ...(leftOut ? { leftOut } : {}),
      commonWord,
      whoIsThere: commonWord
        ? 0
        : whoIsThere(tokens, i, (word) => (whereTheyAre ? RESIDENT.has(word) : isRecipient(word))),
    });
    i = end - 1;
  }
  return found;
}

/** Whether the name at `at` says where the customer is: "I'm in …", "ساكن في …", "انا بالرياض". */
function isWhereTheyAre(tokens: readonly string[], at: number): boolean {
  return whoIsThere(tokens, at, (word) => RESIDENT.has(word)) > 0;
}

/**
 * How many words before the name at `at` say who is there: "live in", "انا" before "بالرياض", "my
 * mom in", "لاهلي" before "بالرياض". None when they say nothing of the kind.
 */
function whoIsThere(tokens: readonly string[], at: number, isWho: (word: string) => boolean): number {
  // "in the UK", "in the UAE"
  const the = tokens[at - 1] === 'the' ? 1 : 0;
  const before = tokens[at - 1 - the] ?? '';
  if (IN.has(before)) return isWho(tokens[at - 2 - the] ?? '') ? 2 + the : 0;
  return /^ب/u.test(tokens[at] ?? '') && isWho(before) ? 1 : 0;
}

/** "my mom in", "لاخوي في", "وامي في", "لاهلي" before "بالرياض": whom the parcel goes to, before the place. */
const isRecipient = (word: string) =>
  RECIPIENTS.has(word) || RECIPIENTS.has(word.replace(/^(?:و?ل|و)(?=\S{3})/u, ''));

/**
 * The question as a search should read it. The place a parcel leaves from is left out: "from
 * Riyadh to Dubai" is about Dubai, while "I'm from Kuwait, how much is shipping?" names no other
 * place and keeps Kuwait. A place named by a common word is written in full: "للمدينة" is "the
 * city" in a page about changing the address within one. A name used as a common word ("قطر
 * الشاشة", the screen's diameter) is written run together with the word that makes it one: a word
 * no page uses, so it neither finds the pages that name the place nor goes unasked. A name that
 * means another place to the speaker ("لعمان" in Levantine Arabic) is written as that place. The
 * words that say who is at a place ask nothing: "my mom in" goes with the place, "I live in" with
 * a place left out.
 */
export function placesForSearch(text: string): string {
  const names = namesIn(text);
  const places = names.filter((name) => !name.commonWord);
  const origins = places.filter((place) => place.origin).length;
  const dropOrigins = origins > 0 && origins < places.length;
  // "I'm from Jordan but live in Riyadh": where they are from is no longer where they are
  const livesThere = places.some((place) => place.origin && place.whoIsThere > 0);
  const isDropped = (name: NameFound) =>
    name.origin && (dropOrigins || (livesThere && name.whoIsThere === 0));
  // "want to send to Bahrain": sent somewhere, a parcel is shipped there
  const sendsThere =
    places.some((place) => !place.origin) && tokenize(text).some((token) => SENDS.has(token));
  const rewritten =
    sendsThere ||
    places.some(isDropped) ||
    names.some(
      (name) => name.commonWord || name.inFull !== undefined || (name.whoIsThere > 0 && !name.origin),
    );
  if (!rewritten) return text;
  // "I live in" goes with a place left out, "my mom in" with any: alone, "انا في الخبر" keeps the
  // words that make الخبر a place
  const withWhoIsThere = names.map((name) =>
    name.origin && !isDropped(name) ? name : { ...name, start: name.start - name.whoIsThere },
  );
  const written = writtenWith(text, withWhoIsThere, (name) =>
    name.commonWord
      ? name.leftOut
        ? []
        : [name.words.replaceAll(' ', '')]
      : isDropped(name)
        ? []
        : [name.inFull === undefined ? name.words : inFullWithClitics(name.words, name.inFull)],
  );
  return sendsThere ? written.replace(/\b(?:send|sending|sent)\b/g, 'ship') : written;
}

/** English "send", which the pages say of messages and returns, not of parcels. */
const SENDS = new Set(['send', 'sending', 'sent']);

/**
 * The name in full with the clitics of the name as written, so that it still says where to:
 * "لعمان" is "للاردن", "بعمان" "بالاردن" (ل before ال is written لل).
 */
function inFullWithClitics(written: string, inFull: string): string {
  if (!inFull.startsWith('ال')) return inFull;
  const clitics = (written.match(ARABIC_ARTICLE)?.[0] ?? '').replace(/ال$/u, '').replace(/لل$/u, 'ل');
  return clitics.endsWith('ل') ? `${clitics}${inFull.slice(1)}` : `${clitics}${inFull}`;
}

function writtenWith<Named extends PlaceNamed>(
  text: string,
  places: readonly Named[],
  write: (place: Named) => readonly string[],
): string {
  const tokens = tokenize(text);
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const place = places.find((named) => named.start === i);
    if (place === undefined) words.push(tokens[i] ?? '');
    else {
      words.push(...write(place));
      i = place.end - 1;
    }
  }
  return words.join(' ');
}

/** "how much is shipping to Riyadh?" without Riyadh, for a follow-up that names another place. */
export function withoutPlaces(text: string): string {
  const places = placesNamed(text);
  return places.length === 0 ? text : writtenWith(text, places, () => []);
}

/**
 * "how much is shipping to Riyadh and to Dubai?": the question once per region it names a place
 * in, each without the other regions' places, since each region has its own answer.
 */
export function questionPerRegion(text: string): string[] {
  const asked = placesForSearch(text);
  const places = placesNamed(asked);
  const regions = [...new Set(places.map((place) => place.region))];
  if (regions.length < 2) return [asked];
  return regions.map((region) =>
    writtenWith(asked, places, (place) => (place.region === region ? [place.words] : [])),
  );
}
