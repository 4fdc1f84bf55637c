import { arabicForWord } from './code-switch.js';
import { hasArabic } from './language.js';
import { normalizeForMatching, tokenize } from './normalize.js';
import type { Spelling } from './spelling.js';

/**
 * A tiny phrase language for the lexicon, matched on tokens rather than substrings so "useful"
 * never matches "useless" and Arabic clitics do not need listing word by word.
 *
 *   `talk|speak to|with .. human`   one slot per word, `|` for alternatives
 *   `refund*`                       a stem: refund, refunds, refunded
 *   `..` / `...`                    skip up to 2 / up to 4 words
 *
 * Arabic words also match with the proclitics customers attach to them (و ف ب ل ك ال and their
 * combinations), so `موظف` matches الموظف, للموظف, وموظف; suffixes are spelled out or use `*`.
 * Entries are normalised when compiled, so they may be written with hamza, ة or tashkeel; an entry
 * that cannot match (a gap at either end, a word with punctuation) throws when its list loads.
 */

export interface Token {
  /** The normalised word. */
  readonly text: string;
  /** The word and its proclitic-stripped stems, the forms a lexicon word may equal. */
  readonly forms: readonly string[];
  /** Offsets of the word in the customer's original text, for quoting evidence. */
  readonly start: number;
  readonly end: number;
}

export interface PreparedText {
  readonly raw: string;
  readonly tokens: readonly Token[];
}

export interface PhraseMatch {
  /** The lexicon entry that matched. */
  readonly phrase: string;
  /** The customer's own words that matched, as typed. */
  readonly evidence: string;
  /** Token index range, end exclusive. */
  readonly start: number;
  readonly end: number;
}

/** One word position: the exact words in a set, since lexicon slots list dozens of them. */
interface WordSlot {
  readonly kind: 'word';
  readonly exact: ReadonlySet<string>;
  readonly stems: readonly string[];
}

type Slot = WordSlot | { readonly kind: 'gap'; readonly max: number };

export interface Phrase {
  readonly source: string;
  readonly slots: readonly Slot[];
}

const RAW_WORD = /[\p{L}\p{M}\p{N}]+(?:['’‘`´][\p{L}\p{M}\p{N}]+)*/gu;
const ARABIC = /^\p{Script=Arabic}/u;
/** Longest first, so وال is tried before و. لل is ل + ال with the alef dropped (للموظف). */
const PROCLITICS = [
  'وبال',
  'فبال',
  'وال',
  'فال',
  'بال',
  'كال',
  'ولل',
  'فلل',
  'ال',
  'لل',
  'وب',
  'ول',
  'وك',
  'فب',
  'فل',
  'و',
  'ف',
  'ب',
  'ل',
  'ك',
];
/** A stem shorter than this is more likely a word that happens to start with و or ب. */
const MIN_STEM = 2;

/**
 * Words that only look like a clitic on a shorter one: لما is "when", not ل + ما ("not"); لكم is
 * "to you" ("شكرا لكم"), not ل + كم ("how much").
 */
const WHOLE_WORDS = new Set(['لما', 'كما', 'لكم']);

function formsOf(word: string): string[] {
  if (!ARABIC.test(word) || WHOLE_WORDS.has(word)) return [word];
  const forms = new Set([word]);
  for (const clitic of PROCLITICS) {
    if (word.startsWith(clitic) && word.length - clitic.length >= MIN_STEM) {
      forms.add(word.slice(clitic.length));
    }
  }
  return [...forms];
}

/** With `spelling`, a typo also has the lexicon word it stands for among its forms. */
export function prepare(raw: string, spelling?: Spelling): PreparedText {
  const tokens: Token[] = [];
  // "وين الorder حقي": in an Arabic message an English support word is also its Arabic word
  const mixed = hasArabic(raw);
  for (const match of raw.matchAll(RAW_WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    for (const text of tokenize(match[0])) {
      const corrected = spelling?.correct(text);
      const forms = corrected === undefined ? formsOf(text) : [text, ...formsOf(corrected)];
      const arabic = mixed ? arabicForWord(text) : undefined;
      tokens.push({ text, forms: arabic === undefined ? forms : [...forms, ...formsOf(arabic)], start, end });
    }
  }
  return { raw, tokens };
}

function compileSlot(word: string, source: string): Slot {
  if (word === '..') return { kind: 'gap', max: 2 };
  if (word === '...') return { kind: 'gap', max: 4 };
  const exact = new Set<string>();
  const stems: string[] = [];
  for (const alt of word.split('|')) {
    const stem = alt.endsWith('*');
    const text = normalizeForMatching(stem ? alt.slice(0, -1) : alt);
    if (!/^[\p{L}\p{M}\p{N}]+$/u.test(text)) {
      throw new Error(`lexicon entry "${source}": "${alt}" is not a single word`);
    }
    if (stem) stems.push(text);
    else exact.add(text);
  }
  return { kind: 'word', exact, stems };
}

export function compile(source: string): Phrase {
  const slots = source
    .trim()
    .split(/\s+/)
    .map((word) => compileSlot(word, source));
  const first = slots[0];
  const last = slots[slots.length - 1];
  if (first?.kind !== 'word' || last?.kind !== 'word') {
    throw new Error(`lexicon entry "${source}" must start and end with a word`);
  }
  return { source, slots };
}

export function compileAll(sources: readonly string[]): readonly Phrase[] {
  return sources.map(compile);
}

/** Every word and stem the phrases name, as compiled: what a typo may be corrected to. */
export function phraseVocabulary(phrases: readonly Phrase[]): { words: Set<string>; stems: Set<string> } {
  const words = new Set<string>();
  const stems = new Set<string>();
  for (const phrase of phrases) {
    for (const slot of phrase.slots) {
      if (slot.kind !== 'word') continue;
      for (const word of slot.exact) words.add(word);
      for (const stem of slot.stems) stems.add(stem);
    }
  }
  return { words, stems };
}

function wordMatches(token: Token, slot: WordSlot): boolean {
  return token.forms.some((form) => slot.exact.has(form) || slot.stems.some((stem) => form.startsWith(stem)));
}

/** The end of the shortest match of slots[from..] starting at token `at`, or -1. */
function matchFrom(tokens: readonly Token[], slots: readonly Slot[], from: number, at: number): number {
  const slot = slots[from];
  if (slot === undefined) return at;
  if (slot.kind === 'gap') {
    for (let skip = 0; skip <= slot.max && at + skip <= tokens.length; skip++) {
      const end = matchFrom(tokens, slots, from + 1, at + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  const token = tokens[at];
  if (token === undefined || !wordMatches(token, slot)) return -1;
  return matchFrom(tokens, slots, from + 1, at + 1);
}

function toMatch(text: PreparedText, phrase: Phrase, start: number, end: number): PhraseMatch {
  const first = text.tokens[start];
  const last = text.tokens[end - 1];
  const evidence = first && last ? text.raw.slice(first.start, last.end) : '';
  return { phrase: phrase.source, evidence, start, end };
}

/** Detectors ask the same list about the same text more than once (framing, per topic). */
const cache = new WeakMap<PreparedText, WeakMap<readonly Phrase[], readonly PhraseMatch[]>>();

/** Every match of every phrase, in text order; one phrase does not match overlapping spans. */
export function findAll(text: PreparedText, phrases: readonly Phrase[]): readonly PhraseMatch[] {
  let byList = cache.get(text);
  if (byList === undefined) {
    byList = new WeakMap();
    cache.set(text, byList);
  }
  const cached = byList.get(phrases);
  if (cached !== undefined) return cached;
  const matches = scan(text, phrases);
  byList.set(phrases, matches);
  return matches;
}

/**
 * Which phrases a word can start: a list has hundreds of phrases and a message a dozen words, so
 * each word looks up the phrases whose first slot it fills instead of trying every phrase on it.
 */
interface FirstWordIndex {
  /** Exact first words, to the positions in the list of the phrases they start. */
  readonly byWord: ReadonlyMap<string, readonly number[]>;
  /** First-slot stems by their first letter, with the phrase each starts. */
  readonly byStemInitial: ReadonlyMap<string, readonly { stem: string; phrase: number }[]>;
}

const indexes = new WeakMap<readonly Phrase[], FirstWordIndex>();

function firstWordIndex(phrases: readonly Phrase[]): FirstWordIndex {
  const known = indexes.get(phrases);
  if (known !== undefined) return known;
  const byWord = new Map<string, number[]>();
  const byStemInitial = new Map<string, { stem: string; phrase: number }[]>();
  phrases.forEach((phrase, i) => {
    const first = phrase.slots[0];
    // compile() guarantees a word first
    if (first?.kind !== 'word') return;
    for (const word of first.exact) byWord.set(word, [...(byWord.get(word) ?? []), i]);
    for (const stem of first.stems) {
      const initial = stem.charAt(0);
      byStemInitial.set(initial, [...(byStemInitial.get(initial) ?? []), { stem, phrase: i }]);
    }
  });
  const index = { byWord, byStemInitial };
  indexes.set(phrases, index);
  return index;
}

/** Above any token count, so (phrase, token) fits in one sortable number. */
const TOKEN_SPAN = 2 ** 20;

function scan(text: PreparedText, phrases: readonly Phrase[]): PhraseMatch[] {
  const index = firstWordIndex(phrases);
  // Where each phrase could start, as phrase × TOKEN_SPAN + token: sorted, the phrases in list
  // order and each phrase's starts in text order, as trying every phrase at every word would.
  const starts: number[] = [];
  text.tokens.forEach((token, at) => {
    for (const form of token.forms) {
      for (const i of index.byWord.get(form) ?? []) starts.push(i * TOKEN_SPAN + at);
      for (const { stem, phrase } of index.byStemInitial.get(form.charAt(0)) ?? []) {
        if (form.startsWith(stem)) starts.push(phrase * TOKEN_SPAN + at);
      }
    }
  });
  starts.sort((a, b) => a - b);
  const matches: PhraseMatch[] = [];
  let current = -1;
  // One phrase does not match overlapping spans: where its last match ended.
  let nextStart = 0;
  let previous = -1;
  for (const key of starts) {
    if (key === previous) continue;
    previous = key;
    const i = Math.floor(key / TOKEN_SPAN);
    const at = key % TOKEN_SPAN;
    if (i !== current) {
      current = i;
      nextStart = 0;
    }
    if (at < nextStart) continue;
    const phrase = phrases[i] as Phrase;
    const end = matchFrom(text.tokens, phrase.slots, 1, at + 1);
    if (end < 0) continue;
    matches.push(toMatch(text, phrase, at, end));
    nextStart = end;
  }
  // stable: two phrases matching the same span stay in list order
  return matches.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The earliest match, the longest when two start together. */
export function findFirst(text: PreparedText, phrases: readonly Phrase[]): PhraseMatch | undefined {
  return findAll(text, phrases)[0];
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
