import { afterEach, describe, expect, it } from 'vitest';
import type { Order } from '../../src/orders/order.js';
import { FixedClock } from '../../src/util/clock.js';
import { createHarness, type Harness } from '../support/harness.js';

let harness: Harness;
afterEach(() => harness?.close());
const tuesday = () => new FixedClock(Date.parse('2026-11-24T11:00:00+03:00'));

async function conversation(
  waId: string,
  texts: string[],
  options: Parameters<typeof createHarness>[0] = {},
) {
  harness = await createHarness({ clock: tuesday(), ...options });
  for (const text of texts) await harness.post({ waId, text });
  return { replies: await harness.replies(waId), packets: await harness.packets() };
}

describe('escalation triggers, through the webhook path', () => {
  it('human_requested: an explicit request, with the words as evidence', async () => {
    const { replies, packets } = await conversation('966500000701', [
      'hi',
      'I want to talk to a human please',
    ]);
    expect(packets).toHaveLength(1);
    expect(packets[0]?.reasons[0]?.code).toBe('human_requested');
    expect(packets[0]?.reasons[0]?.evidence).toMatch(/human/i);
    expect(replies.at(-1)).toMatch(/connecting you/i);
  });

  it('does not take a mention of an agent for a request', async () => {
    const { packets } = await conversation('966500000702', ['your delivery agent was very polite, thanks']);
    expect(packets).toEqual([]);
  });

  it('frustration: shouting and wording, with the score as evidence', async () => {
    const { packets } = await conversation('966500000703', [
      'where is my order A3001',
      'THIS IS RIDICULOUS!!! IT WAS SUPPOSED TO ARRIVE A WEEK AGO',
    ]);
    expect(packets[0]?.reasons.map((r) => r.code)).toContain('frustration');
    expect(packets[0]?.reasons.find((r) => r.code === 'frustration')?.evidence).toMatch(
      /score (0\.[7-9]\d|1\.00) ≥ 0\.7/,
    );
    expect(packets[0]).toMatchObject({ priority: 'high' });
  });

  it('frustration that builds up: upset three turns running, in words, none enough alone (en, ar)', async () => {
    const english = await conversation('966500000713', [
      'where is my order A3001',
      'still not here',
      'this is annoying',
      'seriously',
    ]);
    expect(english.packets).toHaveLength(1);
    expect(english.packets[0]?.reasons).toEqual([
      { code: 'frustration', evidence: 'upset 3 turns running (0.30, 0.30, 0.30): seriously' },
    ]);
    expect(english.packets[0]).toMatchObject({ priority: 'high', queue: 'orders' });
    harness.close();
    const arabic = await conversation('966500000714', [
      'وين طلبي A3001',
      'للحين ما وصل',
      'صراحة شي مزعج',
      'والله تعبت منكم',
    ]);
    expect(arabic.packets[0]?.reasons.map((r) => r.code)).toEqual(['frustration']);
    harness.close();
    // capitals are how some customers write, not a mood: three turns of them are no handoff
    const capitals = await conversation('966500000715', [
      'WHERE IS MY ORDER A3001',
      'OK THANKS A LOT FRIEND',
      'WHAT ABOUT THE CHARGER WARRANTY',
    ]);
    expect(capitals.packets).toEqual([]);
    harness.close();
    // "still" asks, it is no mood: three polite questions with it are no handoff
    const polite = await conversation('966500000717', [
      'Hi, is order 1002 still processing?',
      'Thanks! Will it still arrive before Friday?',
      'Great, and can I still change the address?',
    ]);
    expect(polite.packets).toEqual([]);
    harness.close();
    // a question asked again is a failed answer, not a mood
    const again = await conversation('966500000716', [
      'how long is the return window?',
      'how long is the return window?',
      'how long is the return window??',
      'how long is the return window?',
    ]);
    expect(again.packets[0]?.reasons.map((r) => r.code)).toEqual(['failed_attempts']);
  });

  it('sensitive_topic: a refund request goes to billing with high priority', async () => {
    const { packets } = await conversation('966500000704', ['I want a refund for my headphones']);
    expect(packets[0]).toMatchObject({ queue: 'billing', priority: 'high' });
    expect(packets[0]?.reasons[0]).toMatchObject({ code: 'sensitive_topic' });
  });

  it('sensitive_topic: fraud is urgent', async () => {
    const { packets } = await conversation('966500000705', ['someone used my card for fraud on your site']);
    expect(packets[0]?.priority).toBe('urgent');
  });

  it('complex_query: a damaged item goes to orders', async () => {
    const { packets } = await conversation('966500000706', ['the screen arrived cracked']);
    expect(packets[0]).toMatchObject({ queue: 'orders' });
    expect(packets[0]?.reasons[0]?.code).toBe('complex_query');
  });

  it('complex_query: the answer from a page did not help, in the area of the question it answered (en, ar)', async () => {
    const english = await conversation('966500000714', ['i forgot my password', 'i tried, it didnt work']);
    expect(english.replies[0]).toMatch(/Forgot password/);
    expect(english.packets).toHaveLength(1);
    expect(english.packets[0]).toMatchObject({ queue: 'technical' });
    expect(english.packets[0]?.reasons).toEqual([
      {
        code: 'complex_query',
        evidence: 'the answer from the "account" page did not help: "i tried, it didnt work"',
      },
    ]);
    harness.close();
    const arabic = await conversation('966500000715', ['نسيت كلمة المرور', 'جربتها وما زبطت']);
    expect(arabic.packets[0]).toMatchObject({ queue: 'technical' });
    expect(arabic.replies.at(-1)).toMatch(/الدعم الفني/);
  });

  it('complex_query: "never arrived" after the card of an order that says delivered (en, ar)', async () => {
    const orders: Order[] = [
      {
        id: '1001',
        phone: '966500000718',
        status: 'delivered',
        items: [{ name: 'Volta phone case', qty: 2 }],
      },
      {
        id: '1101',
        phone: '966500000719',
        status: 'delivered',
        items: [{ name: 'Volta phone case', qty: 2 }],
      },
      {
        id: 'A3001',
        phone: '966500000720',
        status: 'shipped',
        items: [{ name: 'Volta Book 14 laptop', qty: 1 }],
      },
    ];
    harness = await createHarness({ clock: tuesday(), orders });
    for (const [waId, text] of [
      ['966500000718', 'where are my cases'],
      ['966500000718', 'no they never arrived'],
      ['966500000719', 'وين الكفرات'],
      ['966500000719', 'لا ما وصلتني'],
      // on its way, "it never arrived" asks after it: no one to call yet
      ['966500000720', 'where is my laptop'],
      ['966500000720', 'it never arrived'],
    ] as const) {
      await harness.post({ waId, text });
    }
    const packets = await harness.packets();
    expect(packets.map((packet) => packet.customer.waId)).toEqual(['966500000718', '966500000719']);
    expect(packets[0]).toMatchObject({ queue: 'orders' });
    expect(packets[0]?.reasons).toEqual([
      {
        code: 'complex_query',
        evidence: 'order 1001 shows delivered, and the customer says "never arrived"',
      },
    ]);
    expect((await harness.replies('966500000720')).at(-1)).toMatch(/^Order A3001: shipped/);
  });

  it('complex_query: "mazbatsh" (Arabizi) after a page did not help', async () => {
    const { packets } = await conversation('966500000721', ['how do i reset my password', 'mazbatsh']);
    expect(packets[0]).toMatchObject({ queue: 'technical' });
  });

  it('complex_query: "still not working" after a page is the page failing, not an item (its team)', async () => {
    const { packets } = await conversation('966500000722', ['i forgot my password', 'still not working']);
    expect(packets[0]).toMatchObject({ queue: 'technical' });
    expect(packets[0]?.reasons[0]?.evidence).toMatch(/^the answer from the "account" page did not help/);
    harness.close();
    // a product named is the product's fault
    const item = await conversation('966500000723', [
      'i forgot my password',
      'the charger is still not working',
    ]);
    expect(item.packets[0]).toMatchObject({ queue: 'orders' });
  });

  it('does not take "it worked" or a new question after a page for a failure', async () => {
    const { packets } = await conversation('966500000716', [
      'i forgot my password',
      'did that and it worked, thanks',
      'how much is shipping to riyadh',
      'and the same thing for jeddah?',
    ]);
    expect(packets).toEqual([]);
  });

  it('does not take "didnt work" for a failure when no page answered before', async () => {
    const { packets } = await conversation('966500000717', ['hi', 'didnt work']);
    expect(packets).toEqual([]);
  });

  it('failed_attempts: three unhandled turns escalate on the third, with the promised words', async () => {
    const { replies, packets } = await conversation('966500000707', [
      'blorp zint',
      'what is the weather on mars',
      'qwx vvv',
    ]);
    expect(packets).toHaveLength(1);
    expect(packets[0]?.reasons).toEqual([
      { code: 'failed_attempts', evidence: '3 consecutive turns the bot could not handle' },
    ]);
    expect(replies[0]).toMatch(/agent/i);
    // one message on the third turn: the apology opens the transfer notice
    expect(replies).toHaveLength(3);
    expect(replies[2]).toMatch(
      /^I'm sorry, I can't help with that\. I am connecting you with a member of our /,
    );
  });

  it('a handled turn resets the failure count', async () => {
    const { packets } = await conversation('966500000708', [
      'blorp zint',
      'what is the weather on mars',
      'how long does shipping take?',
      'qwx vvv',
      'zzz yyy',
    ]);
    expect(packets).toEqual([]);
  });

  it('tells the customer when an agent will answer outside business hours', async () => {
    harness = await createHarness({ clock: new FixedClock(Date.parse('2026-11-27T22:00:00+03:00')) });
    await harness.post({ waId: '966500000709', text: 'agent please' });
    const [packet] = await harness.packets();
    expect(packet?.afterHours).toBe(true);
    const replies = await harness.replies('966500000709');
    expect(replies.at(-1)).toMatch(/offline now/);
    expect(replies.at(-1)).toMatch(/support@volta\.example/);
    expect(replies.at(-1)).toMatch(/Sunday/);
    expect(replies.at(-1)).toMatch(/hours: Sunday to Thursday, 09:00–18:00/);
    expect(replies.at(-1)).not.toMatch(/sun-thu/);
  });

  it.each([
    ['966500000711', 'my phone caught fire', /stop using it now, unplug it/],
    ['966500000712', 'البطارية منتفخة وطالع منها دخان', /توقف عن استخدامه الآن وافصله/],
    [
      '966500000713',
      'someone called me from your support asking for my OTP',
      /do not share any code \(OTP\)/,
    ],
    ['966500000714', 'واحد اتصل علي يقول انه منكم وطلب رمز التحقق', /لا تشارك أي رمز تحقق/],
    // a part swallowed needs a doctor, not "unplug it"
    [
      '966500000715',
      'my kid almost swallowed a part of the phone case, is it safe for kids?',
      /^For your safety: if a part, a battery or a magnet may have been swallowed, get medical help now/,
    ],
    ['966500000716', 'ولدي بلع قطعة من الكفر', /^لسلامتك: إذا احتمال انبلعت قطعة/],
  ])('%s: "%s" gets what to do now before the handoff notice', async (waId, text, advice) => {
    harness = await createHarness({ clock: new FixedClock(Date.parse('2026-11-27T22:00:00+03:00')) });
    await harness.post({ waId, text });
    const replies = await harness.replies(waId);
    expect(replies.at(-2)).toMatch(advice);
    expect(replies.at(-1)).toMatch(/offline now|غير متواجد/);
  });

  it('names the date the team is back after a holiday (BUSINESS_CLOSED_DATES)', async () => {
    harness = await createHarness({
      clock: new FixedClock(Date.parse('2026-03-18T20:00:00+03:00')),
      env: { BUSINESS_CLOSED_DATES: '2026-03-19..2026-03-24' },
    });
    await harness.post({ waId: '966500000986', text: 'agent please' });
    const [packet] = await harness.packets();
    expect(new Date(packet?.slaDueAt ?? 0).toISOString()).toBe('2026-03-25T06:30:00.000Z');
    expect((await harness.replies('966500000986')).at(-1)).toMatch(
      /An agent will answer you Wednesday 25 March at 09:00/,
    );
  });

  it('says the team is off today on a holiday during the usual hours, not that it keeps them (en, ar)', async () => {
    // Thursday 19 March 11:00, a working day and hour, closed for the holiday
    harness = await createHarness({
      clock: new FixedClock(Date.parse('2026-03-19T11:00:00+03:00')),
      env: { BUSINESS_CLOSED_DATES: '2026-03-19..2026-03-24' },
    });
    await harness.post({ waId: '966500000987', text: 'agent please' });
    await harness.post({ waId: '966500000988', text: 'ابي اكلم موظف' });
    const english = (await harness.replies('966500000987')).at(-1);
    expect(english).toMatch(/^Our team is off today\. An agent will answer you Wednesday 09:00\./);
    expect(english).not.toMatch(/hours:/);
    expect((await harness.replies('966500000988')).at(-1)).toMatch(/^فريقنا في إجازة اليوم\. بيرد عليك/);
  });

  it('tells the hours in Arabic words, not the configured spec', async () => {
    harness = await createHarness({ clock: new FixedClock(Date.parse('2026-11-27T22:00:00+03:00')) });
    await harness.post({ waId: '966500000710', text: 'ابي اكلم موظف' });
    const replies = await harness.replies('966500000710');
    expect(replies.at(-1)).toMatch(/أوقات العمل: من الأحد إلى الخميس، 09:00–18:00/);
    expect(replies.at(-1)).not.toMatch(/sun-thu/);
  });

  it('sends a VIP to the VIP queue one priority step up', async () => {
    const { packets } = await conversation('966500000710', ['I want to speak to a manager'], {
      customers: [{ waId: '966500000710', name: 'Nora', tier: 'vip' }],
    });
    expect(packets[0]).toMatchObject({
      queue: 'vip',
      priority: 'high',
      customer: { tier: 'vip', name: 'Nora' },
    });
  });

  it('escalates in Arabic and tells the customer in Arabic', async () => {
    const { replies, packets } = await conversation('966500000711', ['ابي اكلم موظف']);
    expect(packets[0]?.reasons[0]?.code).toBe('human_requested');
    expect(packets[0]?.customer.language).toBe('ar');
    expect(replies.at(-1)).toMatch(/جاري تحويلك/);
  });
});
