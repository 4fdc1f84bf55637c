import { afterEach, describe, expect, it } from 'vitest';
import { knowledgeBundle } from '../../src/generated/knowledge.js';
import { parseKnowledgeDocument } from '../../src/knowledge/document.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { FixedClock } from '../../src/util/clock.js';
import { createHarness, type Harness, repoKnowledge } from '../support/harness.js';

/**
 * The courier's delivery code has a section of its own, at the end of the shipping page in both
 * languages: questions about it used to get the account-safety page ("never share a code") or the
 * discount codes, which told a customer not to give the courier the code he needs at the door.
 */

const HEADING = { en: 'Delivery code', ar: 'رمز الاستلام' } as const;
/** The section's first and last words about giving it: only at the door, never a bank's code. */
const SECTION = {
  en: /^When your order is out for delivery[^\n]*face to face[^\n]*never give anyone a code from your bank/,
  ar: /^عندما يخرج طلبك للتوصيل[^\n]*وجهاً لوجه[^\n]*لا تعطِ أحداً رمزاً وصلك من البنك/,
} as const;

const QUESTIONS = [
  ['en', 'what is the delivery code?'],
  ['en', 'what is the delivery code for?'],
  ['en', 'the driver asked for the delivery OTP'],
  ['en', 'the courier is asking for the delivery code, where do I find it?'],
  ['en', 'delivery guy asking for code'],
  ['ar', 'وش رمز الاستلام؟'],
  ['ar', 'المندوب يبي كود التسليم وين القاه؟'],
  ['ar', 'كابتن طلب الكود'],
  // the code that did not come: the section says to write "agent"
  ['en', "I didn't get the delivery code"],
  ['ar', 'ما وصلني كود الاستلام'],
  // the code named first: it, not the order, is what did not come
  ['en', 'the delivery code never arrived'],
  ['ar', 'رمز الاستلام ما وصلني'],
  // someone else at the door: the code goes to the phone on the order
  ['ar', 'اخوي بيستلم الطلب عني'],
] as const;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
async function open(): Promise<Harness> {
  const harness = await createHarness({ clock: new FixedClock(Date.parse('2026-11-24T11:00:00+03:00')) });
  cleanups.push(() => harness.close());
  return harness;
}

describe('the delivery-code section (the shipped knowledge base)', () => {
  const base = repoKnowledge().then((documents) => new KnowledgeBase(documents));

  it('sits at the same place on the shipping page in both languages, so the pages stay aligned', async () => {
    const shipping = (await repoKnowledge()).filter((doc) => doc.id === 'shipping');
    const en = shipping.find((doc) => doc.language === 'en');
    const ar = shipping.find((doc) => doc.language === 'ar');
    expect(en?.sections.length).toBe(ar?.sections.length);
    const at = en?.sections.findIndex((section) => section.heading === HEADING.en) ?? -1;
    expect(at).toBeGreaterThan(0);
    expect(ar?.sections[at]?.heading).toBe(HEADING.ar);
    expect(en?.sections[at - 1]?.heading).toBe('Missed deliveries');
    expect(ar?.sections[at - 1]?.heading).toBe('إذا فاتك المندوب');
  });

  it('is in the bundle the Workers read', () => {
    for (const language of ['en', 'ar'] as const) {
      const source = knowledgeBundle[`${language}/shipping`] ?? '';
      const doc = parseKnowledgeDocument(source, language, `${language}/shipping.md`);
      expect(doc.sections.map((section) => section.heading)).toContain(HEADING[language]);
    }
  });

  it.each(QUESTIONS)('%s "%s" → the delivery-code section', async (language, question) => {
    const [hit] = (await base).search(question, language);
    expect(hit?.docId).toBe('shipping');
    expect(hit?.heading).toBe(HEADING[language]);
  });

  it.each([
    ['ar', 'what is the delivery code?'],
    ['en', 'وش رمز الاستلام؟'],
  ] as const)(
    'in %s, "%s" is answered with the same section of the other page',
    async (language, question) => {
      const [hit] = (await base).search(question, language);
      expect(hit?.heading).toBe(HEADING[language]);
    },
  );

  it('leaves the discount codes to their own section', async () => {
    expect((await base).search('any discount codes?', 'en')[0]?.heading).toBe('Discount codes');
  });

  it('is the one exception the account-safety section names (en, ar)', async () => {
    const account = (await repoKnowledge()).filter((doc) => doc.id === 'account');
    const safety = (language: 'en' | 'ar', heading: string) =>
      account.find((doc) => doc.language === language)?.sections.find((s) => s.heading === heading)?.text;
    expect(safety('en', 'Keeping your account safe')).toMatch(
      /only code you give anyone is the delivery code/,
    );
    expect(safety('ar', 'حماية حسابك')).toMatch(/الرمز الوحيد الذي تعطيه لأحد هو رمز الاستلام/);
  });
});

describe('a conversation about the delivery code', () => {
  it.each(QUESTIONS)('%s "%s" is answered with the section, no handoff', async (language, text) => {
    const harness = await open();
    await harness.post({ waId: '966500000990', text });
    const replies = await harness.replies('966500000990');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(SECTION[language]);
    expect(await harness.packets()).toEqual([]);
  });

  it.each([
    'the courier asked for my bank code',
    'the courier asked for my card number',
    'the driver wants the code from my bank SMS',
    'delivery guy asked for my PIN',
    'المندوب يبي الكود اللي وصلني من البنك',
    'الكابتن طلب رقم البطاقة',
  ])('"%s" is still fraud, not the delivery code', async (text) => {
    const harness = await open();
    await harness.post({ waId: '966500000991', text });
    const [packet] = await harness.packets();
    expect(packet?.reasons[0]).toMatchObject({ code: 'sensitive_topic', topics: ['fraud'] });
    for (const reply of await harness.replies('966500000991')) {
      expect(reply).not.toMatch(SECTION.en);
      expect(reply).not.toMatch(SECTION.ar);
    }
  });

  it.each([
    "I gave the courier the code but he didn't give me the parcel",
    'عطيت المندوب الكود وما سلمني الطلب',
  ])('"%s" goes to the orders team', async (text) => {
    const harness = await open();
    await harness.post({ waId: '966500000992', text });
    const packets = await harness.packets();
    expect(packets.map((packet) => packet.queue)).toEqual(['orders']);
  });
});
