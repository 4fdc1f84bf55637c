import { or, type SQL, sql } from 'drizzle-orm';
import { normalizeArabic, normalizeDigits } from '../nlu/normalize.js';
import { handoffs } from '../store/schema/index.js';

/** The Arabic spellings `normalizeArabic` folds, in SQL: أحمد finds احمد, فاطمة finds فاطمه. */
const ARABIC_FOLDS: readonly (readonly [string, string])[] = [
  ['أ', 'ا'],
  ['إ', 'ا'],
  ['آ', 'ا'],
  ['ٱ', 'ا'],
  ['ة', 'ه'],
  ['ى', 'ي'],
  ['ئ', 'ي'],
  ['ـ', ''],
];

function folded(expression: SQL): SQL {
  return ARABIC_FOLDS.reduce<SQL>(
    (inner, [from, to]) => sql`replace(${inner}, ${from}, ${to})`,
    sql`lower(${expression})`,
  );
}

/** `%text%` for LIKE, its wildcards taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

const packetField = (path: string) => sql`json_extract(${handoffs.packet}, ${path})`;

/**
 * What an agent types to find a handoff: part of the customer's name (any Arabic spelling, any
 * case), of their phone number (as written locally, `0500…`, or with the country code), an order
 * number they mentioned, words of the summary, or the handoff's id.
 */
export function handoffSearch(query: string): SQL {
  const text = normalizeDigits(normalizeArabic(query.normalize('NFKC').toLowerCase())).trim();
  const like = containing(text);
  const matches: SQL[] = [
    sql`${folded(packetField('$.customer.name'))} like ${like} escape '\\'`,
    sql`${folded(packetField('$.summary'))} like ${like} escape '\\'`,
    sql`lower(${packetField('$.facts.orderIds')}) like ${like} escape '\\'`,
    sql`lower(${handoffs.id}) like ${containing(text)} escape '\\'`,
  ];
  // a phone number as people write it: spaces, dashes, a + or 00 or a local 0 before it
  const digits = text.replace(/[\s\-+().]/g, '').replace(/^0+/, '');
  if (/^\d{3,}$/.test(digits))
    matches.push(sql`${packetField('$.customer.waId')} like ${containing(digits)}`);
  return or(...matches) as SQL;
}
