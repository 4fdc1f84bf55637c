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

const isNumber = (token: Token) => /^\d+(?:\.\d+)?$/.test(token.text);
const anyForm = (token: Token, words: ReadonlySet<string>) => token.forms.some((form) => words.has(form));

/** A number with the word beside it ("16 inch", "size 42", "١٦ بوصة"), keyed by that word. */
function measures(tokens: readonly Token[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  tokens.forEach((token, i) => {
    if (!isNumber(token)) return;
    for (const beside of [tokens[i + 1], tokens[i - 1]]) {
      if (beside === undefined || isNumber(beside)) continue;
      const values = found.get(beside.text) ?? new Set<string>();
      values.add(token.text);
      found.set(beside.text, values);
    }
  });
  return found;
}

function colours(tokens: readonly Token[]): Set<string> {
  return new Set(tokens.flatMap((token) => token.forms.filter((form) => COLOURS.has(form))));
}

const differ = (ordered: ReadonlySet<string>, received: ReadonlySet<string>) =>
  ordered.size > 0 && received.size > 0 && [...received].every((value) => !ordered.has(value));

/**
 * "Ordered X … got Y" where X and Y name different sizes or colours — "طلبت لابتوب ١٦ بوصة
 * ووصلني ١٤ بوصة", "I ordered a black one and got a white one": a wrong item told without "but"
 * or "wrong". A plain "ordered … and got" is how happy stories start too, so it takes the
 * mismatch itself: the same measure with another number, or another colour.
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
  if (!otherMeasure && !differ(colours(what), colours(came))) return undefined;
  const first = tokens[ordered];
  const last = came.at(-1);
  return {
    phrase: 'ordered … received another size or colour',
    evidence: first && last ? text.raw.slice(first.start, last.end) : '',
    start: ordered,
    end: received + 1 + came.length,
  };
}
