import type { PhraseMatch, PreparedText, Token } from './phrases.js';

/** Normalised as `prepare` leaves them; Arabic forms include the word without و/ف. */
const ORDERED = new Set(['ordered', 'bought', 'purchased', 'طلبت', 'اشتريت', 'شريت']);
const RECEIVED = new Set([
  'got',
  'received',
  'came',
  'arrived',
  'delivered',
  'sent',
  'وصلني',
  'وصلتني',
  'وصل',
  'وصلت',
  'جاني',
  'جتني',
  'استلمت',
  'ارسلتو',
  'ارسلتوا',
  'ارسلتم',
]);
const COLOURS = new Set([
  ...'black white red blue green grey gray silver gold pink purple yellow orange brown beige navy'.split(' '),
  ...'اسود سوداء سودا ابيض بيضاء بيضا احمر حمراء ازرق زرقاء اخضر خضراء رمادي فضي ذهبي وردي بنفسجي اصفر برتقالي بني بيج كحلي'.split(
    ' ',
  ),
]);

/** How many words after "got" describe what came: "got a 14 inch one", not the rest of the story. */
const RECEIVED_SPAN = 6;

/** Small counts written as words, normalised ("وحدة" is وحده). */
const NUMBER_WORDS: Readonly<Record<string, string>> = {
  one: '1',
  two: '2',
  three: '3',
  واحد: '1',
  وحده: '1',
  ثنين: '2',
  اثنين: '2',
  ثلاث: '3',
  ثلاثه: '3',
};
/** Words that can stand beside a count without saying what it counts: "only got a 14", "وصلني ١٤ بس". */
const FILLERS = new Set(['a', 'an', 'the', 'only', 'just', 'me', 'us', 'بس', 'فقط', 'لي', 'لنا']);

const numberOf = (token: Token): string | undefined =>
  /^\d+(?:\.\d+)?$/.test(token.text) ? token.text : NUMBER_WORDS[token.text];
const isNumber = (token: Token) => numberOf(token) !== undefined;
const anyForm = (token: Token, words: ReadonlySet<string>) => token.forms.some((form) => words.has(form));

/** A number with the word beside it ("16 inch", "size 42", "١٦ بوصة"), keyed by that word. */
function measures(tokens: readonly Token[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  tokens.forEach((token, i) => {
    if (!isNumber(token)) return;
    for (const beside of [tokens[i + 1], tokens[i - 1]]) {
      if (beside === undefined || isNumber(beside)) continue;
      const values = found.get(beside.text) ?? new Set<string>();
      values.add(numberOf(token) ?? token.text);
      found.set(beside.text, values);
    }
  });
  return found;
}

/** An Arabic dual names two of a thing: شاحنين, سماعتين (a word of five letters or more). */
const ARABIC_DUAL = /^[\u0621-\u064A]{3,}ين$/;

/** Every count in the words ordered, whatever stands beside it; an Arabic dual counts two. */
function counts(tokens: readonly Token[]): Set<string> {
  return new Set(tokens.flatMap((token) => numberOf(token) ?? (ARABIC_DUAL.test(token.text) ? '2' : [])));
}

/**
 * Counts with nothing but fillers beside them: "got a 14", "only got 1", "ووصلني واحد". They name
 * what came by its number alone, so they compare with any number of what was ordered.
 */
function bareCounts(tokens: readonly Token[], raw: string): Set<string> {
  // A word across a full stop or comma is the next sentence's ("got a 14. A4016"), not beside it.
  const apart = (a: Token, b: Token) => /[.,;:!?،؛؟\n]/.test(raw.slice(a.end, b.start));
  const bareBeside = (token: Token, beside: Token | undefined) =>
    beside === undefined ||
    FILLERS.has(beside.text) ||
    (beside.start < token.start ? apart(beside, token) : apart(token, beside));
  return new Set(
    tokens.flatMap((token, i) =>
      isNumber(token) && bareBeside(token, tokens[i - 1]) && bareBeside(token, tokens[i + 1])
        ? (numberOf(token) ?? [])
        : [],
    ),
  );
}

function colours(tokens: readonly Token[]): Set<string> {
  return new Set(tokens.flatMap((token) => token.forms.filter((form) => COLOURS.has(form))));
}

const differ = (ordered: ReadonlySet<string>, received: ReadonlySet<string>) =>
  ordered.size > 0 && received.size > 0 && [...received].every((value) => !ordered.has(value));

/**
 * "Ordered X … got Y" where X and Y name different sizes, models, counts or colours — "طلبت لابتوب
 * ١٦ بوصة ووصلني ١٤ بوصة", "I ordered the iPhone 15 and got a 14", "I ordered 2 and only got 1",
 * "I ordered a black one and got a white one": a wrong or missing item told without "but" or
 * "wrong". A plain "ordered … and got" is how happy stories start too, so it takes the mismatch
 * itself: the same measure with another number, a bare number other than any ordered, or another
 * colour.
 */
export function receivedOtherThanOrdered(text: PreparedText): PhraseMatch | undefined {
  const { tokens } = text;
  const ordered = tokens.findIndex((token) => anyForm(token, ORDERED));
  if (ordered < 0) return undefined;
  const received = tokens.findIndex((token, i) => i > ordered && anyForm(token, RECEIVED));
  if (received < 0) return undefined;
  const what = tokens.slice(ordered + 1, received);
  const came = tokens.slice(received + 1, received + 1 + RECEIVED_SPAN);
  const orderedMeasures = measures(what);
  const receivedMeasures = measures(came);
  const otherMeasure = [...orderedMeasures].some(([unit, values]) =>
    differ(values, receivedMeasures.get(unit) ?? new Set()),
  );
  const otherCount = differ(counts(what), bareCounts(came, text.raw));
  if (!otherMeasure && !otherCount && !differ(colours(what), colours(came))) return undefined;
  const first = tokens[ordered];
  const last = came.at(-1);
  return {
    phrase: 'ordered … received another size, count or colour',
    evidence: first && last ? text.raw.slice(first.start, last.end) : '',
    start: ordered,
    end: received + 1 + came.length,
  };
}
