import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compile,
  compileAll,
  findAll,
  findFirst,
  type Phrase,
  type PhraseMatch,
  type PreparedText,
  prepare,
} from '../../src/nlu/phrases.js';

function first(text: string, ...phrases: string[]) {
  return findFirst(prepare(text), compileAll(phrases));
}

describe('phrase matching', () => {
  it('matches whole words, never part of one', () => {
    expect(first('is the warranty useful?', 'useless')).toBeUndefined();
    expect(first('your service is useless', 'useless')?.evidence).toBe('useless');
  });

  it('matches alternatives and stems', () => {
    expect(first('I got refunded twice', 'refund*')?.evidence).toBe('refunded');
    expect(first('please cancel it', 'cancel|terminate')?.evidence).toBe('cancel');
  });

  it('skips up to two words with .. and up to four with ...', () => {
    expect(first('talk to a real person', 'talk to .. person')?.evidence).toBe('talk to a real person');
    expect(first('talk to a very real live person', 'talk to .. person')).toBeUndefined();
    expect(first('talk to a very real live person', 'talk to ... person')).toBeDefined();
  });

  it('quotes the customer’s own spelling as evidence', () => {
    expect(first('خدمتكم سيّئة جداً', 'سيئه')?.evidence).toBe('سيّئة');
    expect(first("I CAN'T LOG IN", 'cant log')?.evidence).toBe("CAN'T LOG");
  });

  it('lets Arabic words carry the proclitics customers attach', () => {
    expect(first('حولني لخدمة العملاء', 'خدمه عملاء')?.evidence).toBe('لخدمة العملاء');
    expect(first('ابي اكلم الموظف', 'موظف')?.evidence).toBe('الموظف');
    expect(first('وبالطلب', 'طلب')?.evidence).toBe('وبالطلب');
    // …but لما is "when", not ل + ما ("not")
    expect(first('ادفع لما يوصل', 'ما يوصل')).toBeUndefined();
    expect(first('ولما يوصل', 'لما يوصل')?.evidence).toBe('ولما يوصل');
    // …and لكم is "to you", not ل + كم ("how much")
    expect(first('شكرا لكم', 'كم')).toBeUndefined();
  });

  it('finds every match in text order', () => {
    const matches = findAll(prepare('still waiting, still nothing'), compileAll(['still']));
    expect(matches.map((match) => match.start)).toEqual([0, 2]);
  });

  it('finds what trying every phrase at every word finds, in the same order', () => {
    // the plain reading of the phrase language: each phrase from each word, its matches not
    // overlapping, then by start, longest first, ties in list order
    const words = ['refund', 'refunded', 'my', 'order', 'still', 'not', 'here', 'طلب', 'الطلب', 'وصل', 'ما'];
    const slot = fc.oneof(
      fc.constantFrom(...words, 'refund*', 'طلب|order', 'وص*', 'still|not'),
      fc.constantFrom('..', '...'),
    );
    const source = fc
      .tuple(
        fc.constantFrom(...words, 'refund*', 'وص*'),
        fc.array(slot, { maxLength: 3 }),
        fc.constantFrom(...words),
      )
      .map(([head, middle, tail]) => [head, ...middle, tail].join(' '));
    const reference = (text: PreparedText, phrases: readonly Phrase[]): PhraseMatch[] => {
      const found: PhraseMatch[] = [];
      for (const phrase of phrases) {
        for (let start = 0; start < text.tokens.length; start++) {
          const end = endOf(text, phrase, 0, start);
          if (end < 0) continue;
          const evidence = text.raw.slice(text.tokens[start]?.start, text.tokens[end - 1]?.end);
          found.push({ phrase: phrase.source, evidence, start, end });
          start = end - 1;
        }
      }
      return found.sort((a, b) => a.start - b.start || b.end - a.end);
    };
    fc.assert(
      fc.property(
        fc.array(source, { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom(...words), { maxLength: 12 }),
        (sources, text) => {
          const phrases = compileAll(sources);
          const prepared = prepare(text.join(' '));
          expect(findAll(prepared, phrases)).toEqual(reference(prepared, phrases));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rejects entries that cannot match a token', () => {
    expect(() => compile('.. agent')).toThrow();
    expect(() => compile('ر.س')).toThrow();
  });
});

/** The end of the shortest match of the phrase's slots from `from` at token `at`, or -1. */
function endOf(text: PreparedText, phrase: Phrase, from: number, at: number): number {
  const slot = phrase.slots[from];
  if (slot === undefined) return at;
  if (slot.kind === 'gap') {
    for (let skip = 0; skip <= slot.max && at + skip <= text.tokens.length; skip++) {
      const end = endOf(text, phrase, from + 1, at + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  const token = text.tokens[at];
  const fits = token?.forms.some(
    (form) => slot.exact.has(form) || slot.stems.some((stem) => form.startsWith(stem)),
  );
  return fits ? endOf(text, phrase, from + 1, at + 1) : -1;
}
