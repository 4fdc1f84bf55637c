/**
 * Typo tolerance for the lexicon: "reufnd", "compesation", "cancell" are read as the lexicon words
 * a customer meant, so one slip of the thumb does not hide a refund request from the policy.
 *
 * A word is corrected only when it is one edit (a letter added, dropped, changed, or two swapped)
 * from exactly one lexicon word, both are at least five letters long, and it is not a real word of
 * its own: "cancer" is never read as "cancel", "debate" never as "rebate". Shorter words are left
 * alone because at four letters one edit reaches too many others ("form" and "from"); only a
 * five-letter word with a letter dropped ("ordr", "wher") is read from four.
 *
 * Arabic gets a narrower rule: with clitics and root patterns one letter apart is too often a
 * different word, so only letters customers confuse by sound are swapped (ض for ظ in "موضف", س for
 * ص in "تقصيط", غ for ع in "الاسترجاغ"), and only to a word the lexicon has (or a stem of four
 * letters or more).
 */

export interface Spelling {
  /** The lexicon word or stem a typo stands for, or undefined when the word is left as typed. */
  correct(word: string): string | undefined;
}

export interface SpellingVocabulary {
  /** Whole lexicon words ("refund"). */
  readonly words: Iterable<string>;
  /** Lexicon stems ("reimburs" of `reimburs*`): a typo in the stem part of a longer word counts. */
  readonly stems: Iterable<string>;
}

const MIN_CORRECTED_LENGTH = 5;
const LATIN_WORD = /^[a-z]+$/;
const ARABIC_WORD = /^\p{Script=Arabic}+$/u;
/** An Arabic word this short is too close to too many others to correct. */
const MIN_ARABIC_CORRECTED_LENGTH = 4;

/** Letters one is written for the other by sound (after normalizeArabic). */
const SOUNDS_ALIKE: Readonly<Record<string, string>> = {
  ض: 'ظ',
  ظ: 'ضذز',
  ص: 'س',
  س: 'صث',
  ث: 'س',
  ذ: 'زظ',
  ز: 'ذظ',
  ت: 'ط',
  ط: 'ت',
  ع: 'غ',
  غ: 'ع',
};
/** What may be written onto an Arabic word before the word itself: "الموضف", "للموضف". */
const ARABIC_CLITICS = /^(?:وال|بال|فال|لل|ال|و|ب|ل|ف)/u;

/**
 * The Arabic word spelt with one letter swapped for one that sounds alike, each way it can be:
 * "موضف" → "موظف". What is written onto it ("الموضف") stays as it is.
 */
export function soundsAlikeVariants(word: string): string[] {
  if (!ARABIC_WORD.test(word) || word.length < MIN_ARABIC_CORRECTED_LENGTH) return [];
  const from = ARABIC_CLITICS.exec(word)?.[0].length ?? 0;
  const variants: string[] = [];
  for (let i = from; i < word.length; i++) {
    for (const other of SOUNDS_ALIKE[word[i] ?? ''] ?? '') {
      variants.push(word.slice(0, i) + other + word.slice(i + 1));
    }
  }
  return variants;
}

/** The word without what is written onto it, and as written: the forms the lexicon may know. */
function arabicForms(word: string): string[] {
  const bare = word.replace(ARABIC_CLITICS, '');
  return bare.length >= 2 && bare !== word ? [word, bare] : [word];
}

/** True when `a` becomes `b` by one insertion, deletion, substitution or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  if (short.length === long.length) {
    if (short.slice(i + 1) === long.slice(i + 1)) return true;
    return short[i] === long[i + 1] && short[i + 1] === long[i] && short.slice(i + 2) === long.slice(i + 2);
  }
  return short.slice(i) === long.slice(i + 1);
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * `realWords` are words that look like typos of a lexicon word but are words in their own right;
 * src/cli/generate-real-words.ts lists them from an English dictionary.
 */
export function createSpelling(vocabulary: SpellingVocabulary, realWords: ReadonlySet<string>): Spelling {
  const words = new Set([...vocabulary.words].filter((w) => LATIN_WORD.test(w)));
  const allStems = [...vocabulary.stems].filter((s) => LATIN_WORD.test(s));
  const stems = allStems.filter((s) => s.length >= MIN_CORRECTED_LENGTH);
  // Every lexicon word under each of its one-letter deletions: a typo's deletions, or the typo
  // itself, meet the word there whatever the edit was (the symmetric-delete idea behind SymSpell).
  const byDeletion = new Map<string, string[]>();
  for (const word of words) {
    if (word.length < MIN_CORRECTED_LENGTH) continue;
    for (const key of [word, ...deletions(word)]) {
      const list = byDeletion.get(key);
      if (list === undefined) byDeletion.set(key, [word]);
      else if (!list.includes(word)) list.push(word);
    }
  }

  // A word longer than this is no typo of a whole lexicon word: its deletions (as many as its
  // letters, each as long) need not be built, which on a 16,000-letter "word" took half a second.
  const longestWord = Math.max(0, ...[...words].map((word) => word.length)) + 1;

  const matchesAsTyped = (word: string) => words.has(word) || allStems.some((stem) => word.startsWith(stem));

  const arabicWords = new Set([...vocabulary.words].filter((w) => ARABIC_WORD.test(w)));
  const arabicStems = [...vocabulary.stems].filter((s) => ARABIC_WORD.test(s));
  const knownArabic = (word: string) =>
    arabicForms(word).some(
      (form) => arabicWords.has(form) || arabicStems.some((stem) => form.startsWith(stem)),
    );
  // with its clitics, no longer than the longest lexicon word: a 16,000-letter "word" is no typo
  const longestArabic = Math.max(0, ...[...arabicWords, ...arabicStems].map((word) => word.length)) + 3;
  const correctArabic = (word: string) => {
    if (word.length > longestArabic || knownArabic(word)) return undefined;
    const found = new Set(
      soundsAlikeVariants(word).filter((variant) =>
        arabicForms(variant).some(
          (form) =>
            arabicWords.has(form) ||
            arabicStems.some((stem) => stem.length >= MIN_ARABIC_CORRECTED_LENGTH && form.startsWith(stem)),
        ),
      ),
    );
    return found.size === 1 ? [...found][0] : undefined;
  };

  return {
    correct(word) {
      if (ARABIC_WORD.test(word)) return correctArabic(word);
      if (word.length < MIN_CORRECTED_LENGTH - 1 || !LATIN_WORD.test(word)) return undefined;
      if (matchesAsTyped(word) || realWords.has(word)) return undefined;
      // four letters: only a five-letter word with one letter dropped ("ordr", "wher")
      if (word.length < MIN_CORRECTED_LENGTH) {
        const [only, ...more] = (byDeletion.get(word) ?? []).filter(
          (candidate) => candidate.length === MIN_CORRECTED_LENGTH,
        );
        return more.length === 0 ? only : undefined;
      }
      const foundStems = stems.filter((stem) => {
        // The stem's letters as typed: one letter more or fewer than the stem itself. They must
        // end as the stem does, or any word that starts like it would do ("freemium", `freez*`).
        for (let length = stem.length - 1; length <= stem.length + 1 && length <= word.length; length++) {
          const typed = word.slice(0, length);
          if (typed.at(-1) === stem.at(-1) && withinOneEdit(typed, stem)) return true;
        }
        return false;
      });
      const found = new Set(foundStems);
      for (const key of word.length > longestWord ? [] : [word, ...deletions(word)]) {
        for (const candidate of byDeletion.get(key) ?? []) {
          // "reimbursment" is one edit from "reimbursement" and from the stem "reimburs": one word.
          const underStem = foundStems.some((stem) => candidate.startsWith(stem));
          if (!underStem && withinOneEdit(word, candidate)) found.add(candidate);
        }
      }
      // Two lexicon words one edit away: a guess either way, so neither.
      return found.size === 1 ? [...found][0] : undefined;
    },
  };
}
