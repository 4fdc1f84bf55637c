import { normalizeArabic, tokenize } from './normalize.js';

/**
 * Where a place is, for the questions whose answer depends on it: shipping to Tabuk costs what it
 * costs in Saudi Arabia, shipping to Dubai what it costs to the rest of the GCC. The pages name the
 * region in their headings ("Shipping costs in Saudi Arabia") and only some of its cities.
 */
export type Region = 'saudi' | 'gcc';

interface Place {
  /** As the English pages spell it. */
  readonly en: string;
  /** Other English spellings customers use. */
  readonly alsoEn?: readonly string[];
  /** Normalised (normalizeArabic), without ال unless the name never goes without it. */
  readonly ar: readonly string[];
  readonly region: Region;
  /** "المدينة" is also "the city", "الخبر" "the news": the Arabic name places a question only as a destination. */
  readonly commonWordInArabic?: true;
}

const PLACES: readonly Place[] = [
  { en: 'Riyadh', ar: ['رياض'], region: 'saudi' },
  { en: 'Jeddah', alsoEn: ['Jedda', 'Jiddah'], ar: ['جده'], region: 'saudi' },
  { en: 'Makkah', alsoEn: ['Mecca', 'Makka'], ar: ['مكه'], region: 'saudi' },
  { en: 'Madinah', alsoEn: ['Medina', 'Madina'], ar: ['مدينه'], region: 'saudi', commonWordInArabic: true },
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
  { en: 'Al Jouf', ar: ['جوف'], region: 'saudi' },
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
  { en: 'UAE', alsoEn: ['Emirates'], ar: ['امارات'], region: 'gcc' },
  { en: 'Dubai', ar: ['دبي'], region: 'gcc' },
  { en: 'Abu Dhabi', ar: ['ابوظبي', 'ابو ظبي'], region: 'gcc' },
  { en: 'Sharjah', ar: ['شارقه'], region: 'gcc' },
  { en: 'Kuwait', ar: ['كويت'], region: 'gcc' },
  { en: 'Bahrain', ar: ['بحرين'], region: 'gcc' },
  { en: 'Manama', ar: ['منامه'], region: 'gcc' },
  { en: 'Qatar', ar: ['قطر'], region: 'gcc' },
  { en: 'Doha', ar: ['دوحه'], region: 'gcc' },
  { en: 'Oman', ar: ['عمان'], region: 'gcc' },
  { en: 'Muscat', ar: ['مسقط'], region: 'gcc' },
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
}

/** The place names that place a question, as the words of `tokenize`. */
const NAMES: readonly Name[] = PLACES.flatMap((place) => [
  ...[place.en, ...(place.alsoEn ?? [])].map((name) => ({
    words: tokenize(name),
    region: place.region,
    asDestination: false,
  })),
  ...place.ar.map((name) => ({
    words: tokenize(normalizeArabic(name)),
    region: place.region,
    asDestination: place.commonWordInArabic === true,
  })),
]);
/** ل ("to") written onto a word, with its article: "للخبر", "وللمدينة". */
const TO = /^[وف]?لل/u;
/** The clitics and article before an Arabic name: "للرياض", "وجدة", "بالدمام". */
const ARABIC_ARTICLE = /^(?:[وبلف]?ال|[وف]?لل|[وبلف])(?=\S{2})/u;

/** A place a text names: its words as written there and its region. */
export interface PlaceNamed {
  readonly words: string;
  readonly region: Region;
}

/** The places a text names ("shipping to Tabuk", "للرياض"), in the order named. */
export function placesNamed(text: string): PlaceNamed[] {
  const tokens = tokenize(text);
  const bare = tokens.map((token) => token.replace(ARABIC_ARTICLE, ''));
  const found: PlaceNamed[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const { words, region, asDestination } of NAMES) {
      if (asDestination && !TO.test(tokens[i] ?? '')) continue;
      const at = (j: number) => tokens[i + j] === words[j] || (j === 0 && bare[i] === words[0]);
      if (words.every((_, j) => at(j)))
        found.push({ words: tokens.slice(i, i + words.length).join(' '), region });
    }
  }
  return found;
}
