/**
 * Typo tolerance for the lexicon: "reufnd", "compesation", "cancell" are read as the lexicon words
 * a customer meant, so one slip of the thumb does not hide a refund request from the policy.
 *
 * A word is corrected only when it is one edit (a letter added, dropped, changed, or two swapped)
 * from exactly one lexicon word, both are at least five letters long, and it is not a real word of
 * its own: "cancer" is never read as "cancel", "debate" never as "rebate". Short words are left
 * alone because at four letters one edit reaches too many others ("form" and "from").
 *
 * Latin script only: Arabic spellings vary by design (normalize.ts folds them), and with clitics
 * and root patterns one Arabic letter apart is too often a different word.
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

  return {
    correct(word) {
      if (word.length < MIN_CORRECTED_LENGTH || !LATIN_WORD.test(word)) return undefined;
      if (matchesAsTyped(word) || realWords.has(word)) return undefined;
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
