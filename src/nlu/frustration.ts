import { asksSomething, isNegated, isReported } from './framing.js';
import { PRAISE, THANKS } from './lexicon.js';
import { FEELING, INTENSIFIER, MILD, REPEAT, SELF_DIRECTED, STRONG } from './lexicon-frustration.js';
import { normalizeDigits, tokenize } from './normalize.js';
import {
  compileAll,
  findAll,
  overlaps,
  type Phrase,
  type PhraseMatch,
  type PreparedText,
  prepare,
} from './phrases.js';

/**
 * A 0..1 frustration score with the evidence behind it. Weights are set so that the policy's default
 * threshold (0.7) fires on strong wording alone, or on milder signals that add up (shouting plus
 * !!! plus "still waiting", a complaint repeated with "again"), and never on one mild signal.
 */
const WEIGHT = {
  strong: 0.75,
  extraStrong: 0.15,
  mild: 0.3,
  /** Mild words counted at most this many times: "still … again … same problem" adds up, a rant stops. */
  mildCap: 3,
  intensifier: 0.1,
  caps: 0.35,
  punctuation: 0.2,
  repetition: 0.45,
} as const;

const STRONG_PHRASES = compileAll(STRONG);
const MILD_PHRASES = compileAll(MILD);
const REPEAT_PHRASES = compileAll(REPEAT);
const INTENSIFIER_PHRASES = compileAll(INTENSIFIER);
const FEELING_PHRASES = compileAll(FEELING);
const SELF_DIRECTED_PHRASES = compileAll(SELF_DIRECTED);

/** Shouting needs enough letters that "OK", "ASAP" or "SAR" do not count. */
const CAPS_MIN_LETTERS = 8;
const CAPS_MIN_SHARE = 0.8;
/**
 * Runs of letters and digits, matched in one linear pass: a pattern that must find a digit inside
 * the run backtracks quadratically on a long run without one (30,000 letters took 24 s).
 */
const ALPHANUMERIC_RUN = /[\p{L}\p{N}]+/gu;
const DIGIT = /\p{N}/u;
const PUNCTUATION_RUN = /[!?]{2,}/g;
/** Only the last few messages: a complaint repeated an hour ago in the same thread still counts. */
const REPETITION_WINDOW = 5;
const REPETITION_MIN_SHARED = 3;
/** Share of the shorter message's content words found in the other one. */
const REPETITION_MIN_OVERLAP = 0.6;
/** Function words: "where is my order" and "where is my refund" are not the same complaint. */
const STOPWORDS = new Set([
  'i',
  'me',
  'my',
  'we',
  'our',
  'you',
  'your',
  'u',
  'the',
  'a',
  'an',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'am',
  'im',
  'to',
  'of',
  'in',
  'on',
  'for',
  'and',
  'or',
  'it',
  'its',
  'this',
  'that',
  'at',
  'with',
  'from',
  'do',
  'does',
  'did',
  'have',
  'has',
  'had',
  'please',
  'pls',
  'hi',
  'hello',
  'so',
  'just',
  'can',
  'what',
  'where',
  'when',
  'how',
  'في',
  'من',
  'على',
  'علي',
  'الى',
  'عن',
  'مع',
  'هذا',
  'هذه',
  'ذا',
  'انا',
  'انت',
  'انتم',
  'هو',
  'هي',
  'لي',
  'لك',
  'لكم',
  'يا',
  'او',
  'بس',
  'اللي',
  'الي',
  'كان',
  'وش',
  'ايش',
  'متى',
  'وين',
  'كيف',
]);

export interface FrustrationSignals {
  readonly score: number;
  readonly evidence: string[];
  /** Emotional wording, which the classifier also reads as complaint wording. */
  readonly strong: number;
  readonly mild: number;
  /** "still", "again", "كل يوم": they add to the score but are no complaint on their own. */
  readonly repeats: number;
}

/** Matches in text order with any overlapping an earlier one (or one in `taken`) dropped. */
function distinct(matches: readonly PhraseMatch[], taken: readonly PhraseMatch[] = []): PhraseMatch[] {
  const kept: PhraseMatch[] = [];
  for (const match of matches) {
    if (![...taken, ...kept].some((other) => overlaps(other, match))) kept.push(match);
  }
  return kept;
}

const SHOUTING = 'ALL CAPS';
const REPEATED = 'repeated complaint';
const SARCASM = 'sarcasm';

/**
 * Whether a message is upset in words: a mild or strong word, or "still", "again", "للحين" said
 * rather than asked ("still not here", not "is it still processing?"). Not capitals, "??" or a
 * question asked again: some customers always write in capitals, and a question repeated is a
 * failed answer.
 */
export function upsetInWords(text: string, evidence: readonly string[]): boolean {
  const worded = (phrases: readonly Phrase[]) =>
    evidence.some((e) => findAll(prepare(e), phrases).length > 0);
  return (
    evidence.includes(SARCASM) ||
    worded(STRONG_PHRASES) ||
    worded(MILD_PHRASES) ||
    (worded(REPEAT_PHRASES) && !asksSomething(prepare(text)))
  );
}

/**
 * The message without the words of the customer's feeling ("ugh my card got declined" → "my card
 * got declined"), cut from the text as typed; undefined when it names none.
 */
export function withoutFeelings(raw: string): string | undefined {
  const text = prepare(raw);
  const feelings = findAll(text, FEELING_PHRASES);
  if (feelings.length === 0) return undefined;
  let kept = '';
  let from = 0;
  for (const feeling of feelings) {
    const first = text.tokens[feeling.start];
    const last = text.tokens[feeling.end - 1];
    if (first === undefined || last === undefined || first.start < from) continue;
    kept += raw.slice(from, first.start);
    from = last.end;
  }
  return (kept + raw.slice(from)).replace(/\s+/gu, ' ').trim();
}

const ARTICLES = new Set(['a', 'an', 'the']);
const NEGATED_BE = new Set(['not', 'isnt', 'wasnt', 'arent', 'never']);

/** "not a scam", "isn't the worst": a negation with an article between. */
function negatedPastArticle(text: PreparedText, match: PhraseMatch): boolean {
  const [negation, article] = text.tokens.slice(Math.max(0, match.start - 2), match.start);
  return (
    match.start >= 2 &&
    article !== undefined &&
    ARTICLES.has(article.text) &&
    negation !== undefined &&
    NEGATED_BE.has(negation.text)
  );
}

const SCAM = new Set(['scam', 'scams']);

/** "is it a scam if someone asks for my OTP?", "is this a scam?": asking, not accusing the shop. */
function asksWhetherScam(text: PreparedText, match: PhraseMatch): boolean {
  const [verb, subject, article] = text.tokens
    .slice(Math.max(0, match.start - 3), match.start)
    .map((t) => t.text);
  return (
    match.end - match.start === 1 &&
    SCAM.has(text.tokens[match.start]?.text ?? '') &&
    (verb === 'is' || verb === 'was') &&
    (subject === 'it' || subject === 'this' || subject === 'that') &&
    article === 'a'
  );
}

function isShouting(raw: string): boolean {
  // Codes such as A1001 are written in capitals whatever the mood.
  const withoutCodes = raw.replace(ALPHANUMERIC_RUN, (run) => (DIGIT.test(run) ? ' ' : run));
  const words = withoutCodes.match(/\p{Script=Latin}+/gu) ?? [];
  const letters = words.join('');
  const upper = letters.replace(/\P{Lu}/gu, '').length;
  const shoutedWords = words.filter((word) => word.length >= 2 && word === word.toUpperCase()).length;
  return letters.length >= CAPS_MIN_LETTERS && upper / letters.length >= CAPS_MIN_SHARE && shoutedWords >= 2;
}

/** 😡 🤬 😤 😠 👿 💢: an angry face says what words may not. */
const ANGRY_EMOJI = /[\u{1F621}\u{1F92C}\u{1F624}\u{1F620}\u{1F47F}\u{1F4A2}]/gu;

/** 🙄 😒 🤦: rolled eyes, and kind words beside them are not meant ("amazing service 🙄"). */
const EYE_ROLL = /[\u{1F644}\u{1F612}\u{1F926}]/u;
// "ما شاء الله على الخدمة 🙄": words of wonder, said of the service
const KIND_PHRASES = compileAll([...PRAISE, ...THANKS, 'ما شاء الله', 'ماشاء الله', 'تبارك الله', 'يا سلام']);

function punctuationRuns(raw: string): string[] {
  const runs = normalizeDigits(raw.normalize('NFKC')).match(PUNCTUATION_RUN) ?? [];
  // "hi!!" is friendly; three bangs, two question marks or a ?! is not.
  const loud = runs.filter((run) => /!{3,}|\?{2,}/.test(run) || (run.includes('!') && run.includes('?')));
  return [...new Set(loud)];
}

function contentWords(text: string): Set<string> {
  return new Set(
    tokenize(text).filter((word) => !STOPWORDS.has(word) && (word.length > 1 || /\d/.test(word))),
  );
}

function repeatsEarlier(raw: string, previous: readonly string[]): boolean {
  const current = contentWords(raw);
  return previous.slice(-REPETITION_WINDOW).some((earlier) => {
    const before = contentWords(earlier);
    const shared = [...current].filter((word) => before.has(word)).length;
    const smaller = Math.min(current.size, before.size);
    return shared >= REPETITION_MIN_SHARED && shared / smaller >= REPETITION_MIN_OVERLAP;
  });
}

export function analyzeFrustration(
  text: PreparedText,
  previousCustomerTexts: readonly string[],
): FrustrationSignals {
  // "مو سيء أبد" (not bad at all) and "not useless" praise rather than complain; "is it real and not
  // a scam?" asks.
  // "my friend said your service is useless": someone else's word; "is it a scam if…?" a worry
  // "sorry if this is a stupid question": the customer's own, not ours
  const selfDirected = findAll(text, SELF_DIRECTED_PHRASES);
  const affirmed = (matches: readonly PhraseMatch[]) =>
    matches.filter(
      (match) =>
        !isNegated(text, match) &&
        !negatedPastArticle(text, match) &&
        !isReported(text, match) &&
        !asksWhetherScam(text, match) &&
        !selfDirected.some((self) => overlaps(self, match)),
    );
  const strong = distinct(affirmed(findAll(text, STRONG_PHRASES)));
  const mild = distinct(affirmed(findAll(text, MILD_PHRASES)), strong);
  const rolledEyes = EYE_ROLL.test(text.raw);
  // kind words said with rolled eyes are as strong as any: "great, another delay. amazing service 🙄"
  const sarcastic = rolledEyes && findAll(text, KIND_PHRASES).length > 0;
  const repeats = distinct(findAll(text, REPEAT_PHRASES), [...strong, ...mild]);
  const wording = [...strong, ...mild, ...repeats];
  // مره is "very" and also the مره of "كل مره"; a word already counted is not also an intensifier.
  const intensifiers = distinct(findAll(text, INTENSIFIER_PHRASES), wording);
  const evidence: string[] = wording.map((match) => match.evidence);
  const strongCount = strong.length + (sarcastic ? 1 : 0);
  let score = 0;
  if (strongCount > 0) score += WEIGHT.strong + WEIGHT.extraStrong * (strongCount - 1);
  if (sarcastic) evidence.push(SARCASM);
  score += WEIGHT.mild * Math.min(mild.length + repeats.length, WEIGHT.mildCap);
  const firstIntensifier = intensifiers[0];
  if (firstIntensifier && wording.length > 0) {
    score += WEIGHT.intensifier;
    evidence.push(firstIntensifier.evidence);
  }
  if (isShouting(text.raw)) {
    score += WEIGHT.caps;
    evidence.push(SHOUTING);
  }
  const runs = punctuationRuns(text.raw);
  if (runs.length > 0) {
    score += WEIGHT.punctuation;
    evidence.push(...runs);
  }
  // one angry face is as much as a mild word; a row of them is louder, like "!!!"
  const angry = text.raw.match(ANGRY_EMOJI) ?? [];
  if (angry.length > 0) {
    score += WEIGHT.mild + (angry.length > 1 ? WEIGHT.punctuation : 0);
    evidence.push(angry.join(''));
  }
  // rolled eyes without kind words ("ok 😒") as much as a mild word
  if (rolledEyes && !sarcastic) {
    score += WEIGHT.mild;
    evidence.push(text.raw.match(EYE_ROLL)?.[0] ?? '');
  }
  if (repeatsEarlier(text.raw, previousCustomerTexts)) {
    score += WEIGHT.repetition;
    evidence.push(REPEATED);
  }
  const rounded = Math.round(Math.min(score, 1) * 100) / 100;
  return {
    score: rounded,
    evidence: [...new Set(evidence)],
    strong: strongCount,
    mild: mild.length + (rolledEyes && !sarcastic ? 1 : 0),
    repeats: repeats.length,
  };
}

export function scoreFrustration(
  text: string,
  previousCustomerTexts: readonly string[],
): { score: number; evidence: string[] } {
  const { score, evidence } = analyzeFrustration(prepare(text), previousCustomerTexts);
  return { score, evidence };
}
