import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboundMessage, Recipient, SendResult, Transport } from '../../src/channel/outbound.js';
import { requeue } from '../../src/handoff/lifecycle/requeue.js';
import { addAgent } from '../../src/inbox/agents.js';
import {
  conversations,
  customers,
  handoffNotes,
  handoffs,
  messages,
  outbox,
} from '../../src/store/schema/index.js';
import { FixedClock } from '../../src/util/clock.js';
import { createHarness, type Harness } from '../support/harness.js';

let harness: Harness;
afterEach(() => harness?.close());

async function agentCall(token: string) {
  return async (method: string, path: string, body?: unknown) => {
    const response = await harness.app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    await harness.baton.settled();
    return {
      status: response.status,
      body: (await response.json().catch(() => null)) as Record<string, unknown>,
    };
  };
}

/** A transport that holds sends until released, to let the conversation change in between. */
class GatedTransport implements Transport {
  readonly name = 'gated';
  readonly sent: OutboundMessage[] = [];
  readonly reads: string[] = [];
  open = false;
  async send(_to: Recipient, message: OutboundMessage): Promise<SendResult> {
    if (!this.open) return { ok: false, retryable: true, error: 'gate closed', retryAfterMs: 10 };
    this.sent.push(message);
    return { ok: true, externalId: `wamid.gated.${this.sent.length}` };
  }
  async markRead(externalId: string): Promise<void> {
    this.reads.push(externalId);
  }
}

describe('agent takeover', () => {
  it('lists live bot conversations and takes one over with an agent_initiated packet', async () => {
    harness = await createHarness();
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['orders'], now: Date.now() });
    const layla = await agentCall(token);
    await harness.post({ waId: '966500000961', name: 'Sara', text: 'where is my order??' });
    const live = await layla('GET', '/api/conversations');
    const [conversation] = live.body.conversations as {
      id: string;
      language: string;
      frustration: number;
      lastMessages: unknown[];
    }[];
    expect(conversation).toMatchObject({ language: 'en' });
    expect(conversation?.lastMessages).toHaveLength(2);
    expect(typeof conversation?.frustration).toBe('number');

    await harness.post({ waId: '966500000961', text: 'and how long does shipping take to Jeddah?' });

    const taken = await layla('POST', `/api/conversations/${conversation?.id}/takeover`, {});
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({ queue: 'orders', status: 'assigned' });
    const [packet] = await harness.packets();
    expect(packet?.reasons).toEqual([
      { code: 'agent_initiated', evidence: 'Layla took the conversation over from the bot' },
    ]);
    expect(packet?.summary).toMatch(
      /^Layla took the conversation over from the bot \(Sara\)\. Said: "where is my order\?\?"/,
    );
    // the bot asked for the order number and answered from a page: the agent is told so, not that
    // it tried nothing
    expect(packet?.botAttempts).toEqual([
      'answered from knowledge "shipping"',
      'sent 1 reply not from the knowledge base',
    ]);
    expect(packet?.summary).toMatch(/Bot tried: answered from knowledge "shipping"; sent 1 reply not/);
    expect((await harness.replies('966500000961')).at(-1)).toMatch(/Layla from our team has joined/);
    // The bot is silent now, and a second takeover is a conflict.
    await harness.post({ waId: '966500000961', text: 'hello?' });
    expect((await harness.messages('966500000961')).at(-1)?.text).toBe('hello?');
    expect((await layla('POST', `/api/conversations/${conversation?.id}/takeover`, {})).status).toBe(409);
  });

  it('says a takeover outside business hours happened after hours', async () => {
    // Saturday 01:13 in Riyadh: outside the default hours (Sunday to Thursday)
    const clock = new FixedClock(Date.parse('2026-11-28T01:13:00+03:00'));
    harness = await createHarness({ clock });
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: clock.now() });
    const layla = await agentCall(token);
    await harness.post({ waId: '966500000962', text: 'hello' });
    const [conversation] = (await layla('GET', '/api/conversations')).body.conversations as { id: string }[];
    expect((await layla('POST', `/api/conversations/${conversation?.id}/takeover`, {})).status).toBe(201);
    expect((await harness.packets())[0]?.afterHours).toBe(true);
    // the customer asked nobody for a person: resolving without a word tells them nothing
    const before = (await harness.replies('966500000962')).length;
    const [taken] = await harness.packets();
    await layla('POST', `/api/handoffs/${taken?.id}/resolve`);
    expect(await harness.replies('966500000962')).toHaveLength(before);
  });
});

describe('who may watch and take over a live conversation', () => {
  it("not an agent outside the queue it was last handled in, nor outside vip for a VIP's", async () => {
    harness = await createHarness({ customers: [{ waId: '966500000968', name: 'Reem', tier: 'vip' }] });
    const admin = await agentCall(
      (await addAgent(harness.db, { name: 'Admin', queues: ['*'], now: 0 })).token,
    );
    const billing = await agentCall(
      (await addAgent(harness.db, { name: 'Omar', queues: ['billing'], now: 0 })).token,
    );
    const orders = await agentCall(
      (await addAgent(harness.db, { name: 'Layla', queues: ['orders'], now: 0 })).token,
    );
    const vipDesk = await agentCall(
      (await addAgent(harness.db, { name: 'Noura', queues: ['vip'], now: 0 })).token,
    );
    // a billing matter, handled and resolved, then back with the bot
    await harness.post({ waId: '966500000967', name: 'Sara', text: 'I was charged twice for my order' });
    const [charged] = await harness.packets();
    expect(charged?.queue).toBe('billing');
    await billing('POST', `/api/handoffs/${charged?.id}/reply`, { text: 'Your recovery code is 778812' });
    await billing('POST', `/api/handoffs/${charged?.id}/resolve`);
    await harness.post({ waId: '966500000967', text: 'thanks' });
    await harness.post({ waId: '966500000968', text: 'hello' });
    await harness.post({ waId: '966500000969', name: 'Huda', text: 'do you deliver to Abha?' });

    const names = async (call: typeof admin) =>
      ((await call('GET', '/api/conversations')).body.conversations as { customer: { name: string } }[])
        .map((c) => c.customer.name)
        .sort();
    expect(await names(admin)).toEqual(['Huda', 'Reem', 'Sara']);
    expect(await names(billing)).toEqual(['Huda', 'Sara']);
    expect(await names(orders)).toEqual(['Huda']);
    expect(await names(vipDesk)).toEqual(['Huda', 'Reem']);

    const idOf = async (waId: string) =>
      (await harness.db.query.customers.findFirst({ where: eq(customers.waId, waId) }))?.id ?? '';
    const conversationOf = async (waId: string) =>
      (
        await harness.db.query.conversations.findFirst({
          where: eq(conversations.customerId, await idOf(waId)),
        })
      )?.id ?? '';
    const sara = await conversationOf('966500000967');
    const reem = await conversationOf('966500000968');
    // a takeover into one's own queue would show the billing handoff's messages
    expect((await orders('POST', `/api/conversations/${sara}/takeover`, { queue: 'orders' })).status).toBe(
      403,
    );
    // a VIP is the vip queue's, whichever queue an agent names
    expect((await orders('POST', `/api/conversations/${reem}/takeover`, { queue: 'orders' })).status).toBe(
      403,
    );
    expect((await admin('POST', `/api/conversations/${reem}/takeover`, { queue: 'orders' })).status).toBe(
      403,
    );
    const taken = await vipDesk('POST', `/api/conversations/${reem}/takeover`, {});
    expect(taken).toMatchObject({ status: 201, body: { queue: 'vip' } });
    // an agent in several queues takes it over in the one that handled it, not in their first
    const desk = await agentCall(
      (await addAgent(harness.db, { name: 'Nadia', queues: ['general', 'billing'], now: 0 })).token,
    );
    expect(await desk('POST', `/api/conversations/${sara}/takeover`, {})).toMatchObject({
      status: 201,
      body: { queue: 'billing' },
    });
    // a VIP stays the vip queue's after a handoff of theirs went to billing
    const reemsHandoff = (taken.body as { handoffId: string }).handoffId;
    expect(
      (await vipDesk('POST', `/api/handoffs/${reemsHandoff}/transfer`, { queue: 'billing' })).status,
    ).toBe(200);
    await billing('POST', `/api/handoffs/${reemsHandoff}/claim`);
    await billing('POST', `/api/handoffs/${reemsHandoff}/reply`, { text: 'Sorted, Reem' });
    expect((await billing('POST', `/api/handoffs/${reemsHandoff}/resolve`)).status).toBe(200);
    expect(await names(vipDesk)).toEqual(['Huda', 'Reem']);
    expect(await names(billing)).toEqual(['Huda']);
  });
});

describe('a takeover after a hand-back', () => {
  it('summarises what was said since, not the matter already resolved nor its rating', async () => {
    harness = await createHarness();
    const { token } = await addAgent(harness.db, { name: 'Omar', queues: ['*'], now: Date.now() });
    const omar = await agentCall(token);
    await harness.post({
      waId: '966500000966',
      name: 'Khalid',
      text: 'This is ridiculous!!! WORST service ever',
    });
    const [first] = await harness.packets();
    await omar('POST', `/api/handoffs/${first?.id}/reply`, { text: 'Sorry Khalid, sorting it now.' });
    await omar('POST', `/api/handoffs/${first?.id}/resolve`);
    await harness.post({ waId: '966500000966', text: '4 من 5' });
    await harness.post({ waId: '966500000966', text: 'do you deliver to Abha?' });
    const live = await omar('GET', '/api/conversations');
    const [conversation] = live.body.conversations as { id: string }[];
    await omar('POST', `/api/conversations/${conversation?.id}/takeover`, {});
    const [, taken] = await harness.packets();
    expect(taken?.summary).toMatch(/Said: "do you deliver to Abha\?"/);
    expect(taken?.summary).not.toMatch(/ridiculous|4 من 5/);
  });
});

describe("the customer's language", () => {
  it('is what the join notice and the rating question are sent in, and what the inbox shows', async () => {
    harness = await createHarness();
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['general'], now: Date.now() });
    const layla = await agentCall(token);
    await harness.post({ waId: '966500000964', name: 'نورة', text: 'مرحبا' });
    const [conversation] = (await layla('GET', '/api/conversations')).body.conversations as {
      language: string;
    }[];
    expect(conversation).toMatchObject({ language: 'ar' });
    await harness.post({ waId: '966500000964', text: 'ابي اكلم موظف' });
    const [handoff] = (await layla('GET', '/api/handoffs')).body.handoffs as { id: string }[];
    expect((await layla('POST', `/api/handoffs/${handoff?.id}/claim`)).status).toBe(200);
    expect((await harness.replies('966500000964')).at(-1)).toBe(
      'معك الآن Layla من فريقنا في هذه المحادثة، وتقدر تكمل كلامك هنا.',
    );
    await layla('POST', `/api/handoffs/${handoff?.id}/reply`, { text: 'أبشري، تم.' });
    expect((await layla('POST', `/api/handoffs/${handoff?.id}/resolve`)).status).toBe(200);
    expect((await harness.replies('966500000964')).at(-1)).toMatch(/^شكراً لصبرك! كيف تقيّم المساعدة/);
    // the list's own label, typed, is a score
    await harness.post({ waId: '966500000964', text: 'ممتاز' });
    expect(await harness.db.query.handoffs.findFirst()).toMatchObject({
      csatStatus: 'answered',
      csatScore: 5,
    });
  });
});

describe('live conversations list', () => {
  it("shows each conversation's last five messages, oldest first, and only its own", async () => {
    harness = await createHarness();
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['orders'], now: Date.now() });
    const layla = await agentCall(token);
    for (const text of ['hello', 'what are your opening hours', 'do you ship to jeddah']) {
      await harness.post({ waId: '966500000962', text });
    }
    await harness.post({ waId: '966500000963', text: 'مرحبا' });
    const live = await layla('GET', '/api/conversations');
    expect(live.status).toBe(200);
    const listed = live.body.conversations as { id: string; lastMessages: { text: string | null }[] }[];
    expect(listed).toHaveLength(2);
    for (const waId of ['966500000962', '966500000963']) {
      const stored = await harness.messages(waId);
      const [owner] = await harness.db
        .select({ id: conversations.id })
        .from(conversations)
        .innerJoin(customers, eq(customers.id, conversations.customerId))
        .where(eq(customers.waId, waId));
      const conversation = listed.find((c) => c.id === owner?.id);
      expect(stored.length).toBeGreaterThan(waId === '966500000962' ? 5 : 0);
      expect(conversation?.lastMessages.map((m) => m.text)).toEqual(stored.slice(-5).map((m) => m.text));
    }
  });
});

describe('no bot message after a handoff', () => {
  it('drops a queued bot reply at send time once the conversation left bot mode, and never sends it', async () => {
    const transport = new GatedTransport();
    harness = await createHarness({ transport });
    const live: unknown[] = [];
    harness.baton.agentDeps.events.subscribe((event) => live.push(event));
    await harness.post({ waId: '966500000962', text: 'how long does shipping take?' });
    // The answer waits in the outbox (the gate is closed); the customer asks for a person.
    await harness.post({ waId: '966500000962', text: 'actually, agent please' });
    transport.open = true;
    await harness.baton.outbox.kick();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await harness.baton.outbox.kick();
    const rows = await harness.db.select().from(messages).where(eq(messages.direction, 'out'));
    const answer = rows.find((row) => row.knowledgeDocId === 'shipping');
    expect(answer?.status).toBe('dropped');
    expect(transport.sent.map((m) => ('text' in m ? m.text : ''))).not.toContain(answer?.text);
    expect(transport.sent.some((m) => 'text' in m && /connecting you/.test(m.text))).toBe(true);
    const jobs = await harness.db
      .select()
      .from(outbox)
      .where(eq(outbox.messageId, answer?.id ?? ''));
    expect(jobs[0]?.status).toBe('dropped');
    // the handoff's open conversation hears of it at once
    const [packet] = await harness.packets();
    expect(live).toContainEqual({
      type: 'message.status',
      handoffId: packet?.id,
      queue: packet?.queue,
      status: 'dropped',
    });
  });

  it('marks messages read (typing indicator) while the bot works, never once a person has the conversation', async () => {
    const transport = new GatedTransport();
    transport.open = true;
    harness = await createHarness({ transport });
    await harness.post({ waId: '966500000963', text: 'hi', id: 'wamid.read.1' });
    await harness.post({ waId: '966500000963', text: 'agent please', id: 'wamid.read.2' });
    await harness.post({ waId: '966500000963', text: 'are you there?', id: 'wamid.read.3' });
    expect(transport.reads).toEqual(['wamid.read.1', 'wamid.read.2']);
  });
});

describe('the rating question', () => {
  it('is not asked when no agent wrote to the customer: they are told their request was closed (en, ar)', async () => {
    harness = await createHarness();
    const { token } = await addAgent(harness.db, { name: 'Omar', queues: ['*'], now: Date.now() });
    const omar = await agentCall(token);
    await harness.post({ waId: '966500000966', text: 'agent please' });
    await harness.post({ waId: '966500000967', text: 'ابي موظف' });
    const [english, arabic] = await harness.packets();
    const before = (await harness.replies('966500000966')).length;
    expect((await omar('POST', `/api/handoffs/${english?.id}/resolve`)).body).toMatchObject({
      csat: 'not_asked',
    });
    // claimed ("Omar has joined") but never answered is no answer either
    await omar('POST', `/api/handoffs/${arabic?.id}/claim`);
    await omar('POST', `/api/handoffs/${arabic?.id}/resolve`);
    const replies = await harness.replies('966500000966');
    expect(replies).toHaveLength(before + 1);
    expect(replies.at(-1)).toMatch(/^Our team has closed your request\. If you still need help, write here/);
    expect((await harness.replies('966500000967')).at(-1)).toMatch(/^فريقنا أغلق طلبك/);
    const seen = await harness.messages('966500000966');
    expect(seen.at(-1)?.author).toBe('system');
  });
});

describe('clean hand-back', () => {
  it('starts the bot clean after a resolve: no silence, no instant re-escalation', async () => {
    harness = await createHarness();
    const { token } = await addAgent(harness.db, { name: 'Omar', queues: ['*'], now: Date.now() });
    const omar = await agentCall(token);
    await harness.post({ waId: '966500000964', text: 'blorp zint' });
    await harness.post({ waId: '966500000964', text: 'qwx vvv' });
    await harness.post({ waId: '966500000964', text: 'agent' });
    const [packet] = await harness.packets();
    await omar('POST', `/api/handoffs/${packet?.id}/resolve`);
    await harness.post({ waId: '966500000964', text: 'ok' }); // not a CSAT score: closes the question
    await harness.post({ waId: '966500000964', text: 'zzz yyy' });
    await harness.post({ waId: '966500000964', text: 'شكرا' });
    expect(await harness.packets()).toHaveLength(1);
    const replies = await harness.replies('966500000964');
    // thanked in one Arabic word within an English conversation: answered, in English
    expect(replies.at(-1)).toMatch(/You are welcome/);
  });

  it('takes "ok" after an agent helped as thanks, though the bot\'s memory started over', async () => {
    harness = await createHarness();
    const { token } = await addAgent(harness.db, { name: 'Omar', queues: ['*'], now: Date.now() });
    const omar = await agentCall(token);
    await harness.post({ waId: '966500000999', text: 'agent please' });
    const [packet] = await harness.packets();
    await omar('POST', `/api/handoffs/${packet?.id}/reply`, { text: 'Your refund is done.' });
    await omar('POST', `/api/handoffs/${packet?.id}/resolve`);
    await harness.post({ waId: '966500000999', text: 'ok' });
    const replies = await harness.replies('966500000999');
    expect(replies.at(-2)).toMatch(/How would you rate/);
    expect(replies.at(-1)).toBe('You are welcome! Is there anything else I can help with?');
  });

  it("starts the next packet's summary, facts and attempts after the hand-back", async () => {
    harness = await createHarness({ orders: [{ id: 'A7001', phone: '966500000965', status: 'shipped' }] });
    const { token } = await addAgent(harness.db, { name: 'Omar', queues: ['*'], now: Date.now() });
    const omar = await agentCall(token);
    await harness.post({ waId: '966500000965', text: 'where is my order A7001?' });
    await harness.post({ waId: '966500000965', text: 'I paid 250 SAR, I want to talk to an agent' });
    const [first] = await harness.packets();
    expect(first?.facts.orderIds).toEqual(['A7001']);
    await omar('POST', `/api/handoffs/${first?.id}/reply`, { text: 'It is on its way.' });
    await omar('POST', `/api/handoffs/${first?.id}/resolve`);
    await harness.post({ waId: '966500000965', text: '5' });
    await harness.post({ waId: '966500000965', text: 'my new charger is smoking!!' });
    const [, second] = await harness.packets();
    expect(second?.facts).toMatchObject({ orderIds: [], amounts: [] });
    // nothing from the first matter; the safety advice just sent is the one thing tried
    expect(second?.botAttempts).toEqual([expect.stringMatching(/^sent the safety advice/)]);
    expect(second?.summary).not.toMatch(/A7001|250 SAR|where is my order/);
    expect(second?.summary).toMatch(
      /needs a person \(safety\)[\s\S]*charger is smoking[\s\S]*Bot tried: sent the safety advice/,
    );
    // the agent still sees the whole conversation
    expect(second?.transcript.map((line) => line.text)).toContain('where is my order A7001?');
    expect(second?.previousHandoffId).toBe(first?.id);
  });
});

describe('a move back to a queue that lost a race', () => {
  it('changes nothing and leaves no note of a move that never happened', async () => {
    harness = await createHarness();
    const layla = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: Date.now() });
    const omar = await addAgent(harness.db, { name: 'Omar', queues: ['*'], now: Date.now() });
    await harness.post({ waId: '966500000975', text: 'I want to talk to a human' });
    const [seen] = await harness.db.select().from(handoffs);
    if (!seen) throw new Error('no handoff');
    // Omar claims it after Layla's request read it as queued
    expect((await (await agentCall(omar.token))('POST', `/api/handoffs/${seen.id}/claim`)).status).toBe(200);
    await expect(
      requeue(harness.baton.deps.lifecycle, layla.agent, seen, {
        queue: 'billing',
        note: 'Transferred from general to billing by Layla',
        now: Date.now(),
      }),
    ).rejects.toThrow('the handoff changed; reload it');
    expect(await harness.db.select().from(handoffNotes)).toEqual([]);
    const [after] = await harness.db.select().from(handoffs);
    expect(after).toMatchObject({ status: 'assigned', queue: 'general', assignedAgentId: omar.agent.id });
  });
});
