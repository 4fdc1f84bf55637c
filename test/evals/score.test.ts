import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreCase } from '../../evals/lib/score.js';
import { evalCase, outcome } from './fixtures.js';

function checks(replies: string[], expect: { replyContains?: string[]; replyExcludes?: string[] }) {
  const score = scoreCase(outcome(evalCase({ id: 'x', lang: 'ar', expect }), [{ replies }]));
  return Object.fromEntries(score.checks.map((item) => [item.name, item]));
}

/** Spellings of one Arabic letter that the NLU's normalisation folds together. */
const variants: Record<string, string[]> = {
  ا: ['ا', 'أ', 'إ', 'آ', 'ٱ'],
  ه: ['ه', 'ة'],
  ي: ['ي', 'ى', 'ی'],
  ك: ['ك', 'ک'],
  '3': ['3', '٣', '۳'],
  '7': ['7', '٧', '۷'],
  ',': [',', '،'],
  '?': ['?', '؟'],
};
const marks = ['', '', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B', '\u0670', '\u0640'];
const letters = [..."abcdefxyz AZ'’-.:/@بتجدرسعلمنو", ...Object.keys(variants)];

/** A needle and another spelling of it: letters swapped for their variants, tashkeel and tatweel added. */
const respelled = fc
  .array(
    fc.record({
      char: fc.constantFrom(...letters),
      pick: fc.nat(4),
      mark: fc.constantFrom(...marks),
      upper: fc.boolean(),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => ({
    needle: parts.map((part) => part.char).join(''),
    spelt: parts
      .map((part) => {
        const options = variants[part.char] ?? [part.upper ? part.char.toUpperCase() : part.char];
        const char = options[part.pick % options.length] ?? part.char;
        return /[\u0600-\u06FF]/.test(char) ? char + part.mark : char;
      })
      .join(''),
  }));

describe('replyContains / replyExcludes', () => {
  it('compare Arabic after the NLU normalisation: tashkeel, alef forms, ta marbuta, ya, tatweel, digits', () => {
    const reply = 'غيّر كلمة المرور من «إعادة التعيين»؛ يصلك الرابط خلال ٣ دقائق، عبر البريـــد';
    const result = checks([reply], {
      replyContains: ['غير كلمة المرور', 'اعادة التعيين', 'كلمه المرور', 'خلال 3 دقائق,', 'البريد'],
      replyExcludes: ['A1001'],
    });
    expect(result.replyContains).toEqual({ name: 'replyContains', passed: true });
    expect(result.replyExcludes?.passed).toBe(true);
    // Both sides are folded: a needle with tashkeel matches a reply without it.
    expect(
      checks(['اضغط على نسيت كلمة المرور'], { replyContains: ['نسيتُ كلمةَ المرور'] }).replyContains?.passed,
    ).toBe(true);
    // A different word is still a different word.
    expect(checks([reply], { replyContains: ['غيار كلمة المرور'] }).replyContains).toEqual({
      name: 'replyContains',
      passed: false,
      why: 'no reply contains "غيار كلمة المرور"',
    });
  });

  it('catch a leak in Arabic-Indic digits or with tashkeel, and every English one as before', () => {
    const result = checks(['طلبك A١٠٠١ في الطريق', 'رقم البطاقة ٤١١١'], {
      replyExcludes: ['a1001', '4111', 'طَلَبك'],
    });
    expect(result.replyExcludes).toEqual({
      name: 'replyExcludes',
      passed: false,
      why: 'a reply contains "a1001", "4111", "طَلَبك"',
    });
    // English stays case-insensitive, and apostrophes, spaces and punctuation stay as they are:
    // "'s" is still found in "it's" (the NLU's normalizeForMatching would drop that apostrophe).
    expect(
      checks(["It's ORDER A1001 —  shipped"], { replyExcludes: ["'s", 'a1001', 'order a1001 —  s'] }),
    ).toMatchObject({
      replyExcludes: { passed: false, why: `a reply contains "'s", "a1001", "order a1001 —  s"` },
    });
    expect(
      checks(['Reset it under Account > Password'], { replyContains: ['account > password'] }).replyContains
        ?.passed,
    ).toBe(true);
  });

  it('find whatever a plain case-insensitive match finds, and every spelling the normalisation folds together', () => {
    // Any text, weighted towards what could trip a normaliser: Arabic, marks, apostrophes, ligatures.
    const char = fc.oneof(
      fc.constantFrom(...letters, ...marks.filter(Boolean), 'Σ', 'İ', 'ß', 'ﬁ', 'e\u0301', '\u00A0', '  '),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    const text = (maxLength: number) => fc.string({ unit: char, maxLength });
    fc.assert(
      fc.property(
        text(10),
        fc.string({ unit: char, minLength: 1, maxLength: 10 }),
        text(10),
        (before, needle, after) => {
          const reply = `${before}${needle}${after}`;
          // Lower-casing alone can depend on context (a final Σ): only what the plain match found counts.
          fc.pre(reply.toLowerCase().includes(needle.toLowerCase()));
          const result = checks([reply], { replyContains: [needle], replyExcludes: [needle] });
          expect(result.replyContains?.passed, `${needle} in ${reply}`).toBe(true);
          expect(result.replyExcludes?.passed, `${needle} in ${reply}`).toBe(false);
        },
      ),
    );
    // The other spelling on either side: in the reply or in the label.
    fc.assert(
      fc.property(respelled, fc.string({ maxLength: 5 }), ({ needle, spelt }, around) => {
        for (const [reply, text] of [
          [`${around}${spelt}${around}`, needle],
          [`${around}${needle}${around}`, spelt],
        ] as const) {
          const result = checks([reply], { replyContains: [text], replyExcludes: [text] });
          expect(result.replyContains?.passed, `${text} in ${reply}`).toBe(true);
          expect(result.replyExcludes?.passed, `${text} in ${reply}`).toBe(false);
        }
      }),
    );
  });
});
