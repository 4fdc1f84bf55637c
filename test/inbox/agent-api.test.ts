import { afterEach, describe, expect, it } from 'vitest';
import { twilioSignature } from '../../src/channel/twilio/signature.js';
import { runHandoffTimers, timerContext } from '../../src/handoff/timers.js';
import { addAgent, listAgents, removeAgent, rotateAgentToken } from '../../src/inbox/agents.js';
import { silentLogger } from '../../src/log/logger.js';
import { conversations, handoffs, outbox } from '../../src/store/schema/index.js';
import { FixedClock } from '../../src/util/clock.js';
import { startFakeTwilio } from '../support/fake-twilio.js';
import { createHarness, type Harness } from '../support/harness.js';

let harness: Harness;
afterEach(() => harness?.close());

async function setup(options: Parameters<typeof createHarness>[0] = {}) {
  harness = await createHarness(options);
  const general = await addAgent(harness.db, { name: 'Layla', queues: ['general'], now: Date.now() });
  const billing = await addAgent(harness.db, { name: 'Omar', queues: ['billing'], now: Date.now() });
  const call = (token: string | undefined) => async (method: string, path: string, body?: unknown) => {
    const response = await harness.app.request(path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    await harness.baton.settled();
    return {
      status: response.status,
      // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
      body: (await response.json().catch(() => null)) as Record<string, any>,
    };
  };
  return {
    layla: call(general.token),
    omar: call(billing.token),
    anonymous: call(undefined),
    wrong: call('bt_nope'),
  };
}

async function escalate(waId: string, text = 'I want to talk to a human') {
  await harness.post({ waId, name: 'Sara', text });
  const [packet] = await harness.packets();
  if (!packet) throw new Error('no handoff');
  return packet.id;
}

describe('agent API authentication', () => {
  it("answers 401 without a token or with a wrong one, and 403 outside the agent's queues", async () => {
    const { anonymous, wrong, omar, layla } = await setup();
    const id = await escalate('966500000901');
    expect((await anonymous('GET', '/api/handoffs')).status).toBe(401);
    expect((await wrong('GET', '/api/handoffs')).status).toBe(401);
    expect((await omar('GET', `/api/handoffs/${id}`)).status).toBe(403);
    expect((await omar('POST', `/api/handoffs/${id}/claim`)).status).toBe(403);
    expect((await omar('GET', '/api/handoffs?queue=general')).status).toBe(403);
    expect((await omar('GET', '/api/handoffs')).body.handoffs).toEqual([]);
    expect((await layla('GET', '/api/handoffs')).body.handoffs.map((h: { id: string }) => h.id)).toEqual([
      id,
    ]);
  });

  it("stops a removed or re-issued token at once, and puts a removed agent's handoffs back in the queue", async () => {
    harness = await createHarness();
    const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    const ask = (token: string, path: string, method = 'GET') =>
      harness.app.request(path, { method, ...bearer(token) });
    const leaving = await addAgent(harness.db, { name: 'Sami', queues: ['general'], now: 0 });
    const staying = await addAgent(harness.db, { name: 'Layla', queues: ['general'], now: 0 });
    const id = await escalate('966500000905');
    expect((await ask(leaving.token, `/api/handoffs/${id}/claim`, 'POST')).status).toBe(200);
    expect((await listAgents(harness.db)).map((a) => [a.name, a.assigned])).toEqual([
      ['Sami', 1],
      ['Layla', 0],
    ]);

    const removed = await removeAgent(harness.db, leaving.agent.id, Date.now(), { windowMarginMs: 0 });
    expect(removed).toEqual({ name: 'Sami', requeued: [id] });
    // the customer is not left waiting on someone who is gone
    expect((await harness.replies('966500000905')).at(-1)).toMatch(
      /^The colleague who was helping you is no longer available/,
    );
    expect((await ask(leaving.token, '/api/handoffs')).status).toBe(401);
    const detail = await (await ask(staying.token, `/api/handoffs/${id}`)).json();
    expect(detail.handoff).toMatchObject({ status: 'queued', assignedAgentId: null, claimedAt: null });
    expect(detail.notes.at(-1).text).toBe('Back in the queue: Sami is no longer an agent.');
    expect((await ask(staying.token, `/api/handoffs/${id}/claim`, 'POST')).status).toBe(200);

    const fresh = await rotateAgentToken(harness.db, staying.agent.id);
    expect((await ask(staying.token, '/api/me')).status).toBe(401);
    expect((await ask(fresh ?? '', '/api/me')).status).toBe(200);
    expect(await rotateAgentToken(harness.db, 'agent_nobody')).toBeUndefined();
  });

  it("tells a removed agent's customer in Arabic, and no one whose 24-hour window has closed", async () => {
    harness = await createHarness();
    const leaving = await addAgent(harness.db, { name: 'Sami', queues: ['general'], now: 0 });
    const claim = (id: string) =>
      harness.app.request(`/api/handoffs/${id}/claim`, {
        method: 'POST',
        headers: { authorization: `Bearer ${leaving.token}` },
      });
    await harness.post({ waId: '966500000907', text: 'ابي اكلم موظف' });
    const [arabic] = await harness.packets();
    expect((await claim(arabic?.id ?? '')).status).toBe(200);
    await removeAgent(harness.db, leaving.agent.id, Date.now(), { windowMarginMs: 0 });
    expect((await harness.replies('966500000907')).at(-1)).toMatch(/^الزميل اللي كان يساعدك ما عاد متاح/);

    const later = await addAgent(harness.db, { name: 'Omar', queues: ['general'], now: 0 });
    await harness.post({ waId: '966500000908', text: 'I want to talk to a human' });
    const quiet = (await harness.packets()).at(-1)?.id ?? '';
    await harness.app.request(`/api/handoffs/${quiet}/claim`, {
      method: 'POST',
      headers: { authorization: `Bearer ${later.token}` },
    });
    const before = await harness.replies('966500000908');
    const dayLater = Date.now() + 25 * 60 * 60 * 1000;
    expect(await removeAgent(harness.db, later.agent.id, dayLater, { windowMarginMs: 0 })).toMatchObject({
      requeued: [quiet],
    });
    expect(await harness.replies('966500000908')).toEqual(before);
  });

  it('keeps what each agent has read on the server: a customer message after it is unread for them', async () => {
    const clock = new FixedClock(Date.parse('2026-11-24T10:00:00+03:00'));
    harness = await createHarness({ clock });
    const layla = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: 0 });
    const omar = await addAgent(harness.db, { name: 'Omar', queues: ['*'], now: 0 });
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const response = await harness.app.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: await response.json() };
    };
    const unread = async (token: string) =>
      (await call(token, 'GET', '/api/handoffs')).body.handoffs.map((h: { unread: boolean }) => h.unread);
    const id = await escalate('966500000909');
    // never opened: nothing is unread, the queue itself is the news…
    expect(await unread(layla.token)).toEqual([false]);
    // …until the customer writes again: after a reload too, and for every agent who has not read it
    clock.advance(60_000);
    await harness.post({ waId: '966500000909', text: 'anyone there?' });
    expect(await unread(layla.token)).toEqual([true]);
    expect(await unread(omar.token)).toEqual([true]);
    const detail = (await call(layla.token, 'GET', `/api/handoffs/${id}`)).body;
    const shown = detail.transcript.at(-1).id;
    expect((await call(layla.token, 'POST', `/api/handoffs/${id}/read`, { messageId: shown })).status).toBe(
      200,
    );
    clock.advance(60_000);
    await harness.post({ waId: '966500000909', text: 'hello? my order is still not here' });
    expect(await unread(layla.token)).toEqual([true]);
    expect(await unread(omar.token)).toEqual([true]);
    expect((await call(omar.token, 'POST', `/api/handoffs/${id}/read`)).status).toBe(200);
    expect(await unread(omar.token)).toEqual([false]);
    // reading an older line again never moves the mark back
    clock.advance(60_000);
    // no body at all is "up to now" too
    expect((await call(layla.token, 'POST', `/api/handoffs/${id}/read`)).status).toBe(200);
    expect((await call(layla.token, 'POST', `/api/handoffs/${id}/read`, { messageId: shown })).status).toBe(
      200,
    );
    expect(await unread(layla.token)).toEqual([false]);
    // once Layla has it, what her customer writes is her news, not Omar's
    expect((await call(layla.token, 'POST', `/api/handoffs/${id}/claim`)).status).toBe(200);
    clock.advance(60_000);
    await harness.post({ waId: '966500000909', text: 'thanks, waiting for the refund' });
    expect(await unread(layla.token)).toEqual([true]);
    expect(await unread(omar.token)).toEqual([false]);
    expect(
      (await call(layla.token, 'POST', `/api/handoffs/${id}/read`, { messageId: 'msg_other' })).status,
    ).toBe(400);
    expect((await call(layla.token, 'POST', `/api/handoffs/${id}/read`, { at: 1 })).status).toBe(400);
  });

  it("ends a removed agent's live event stream before it carries anything more", async () => {
    harness = await createHarness();
    const leaving = await addAgent(harness.db, { name: 'Sami', queues: ['*'], now: 0 });
    const response = await harness.app.request('/api/events', {
      headers: { authorization: `Bearer ${leaving.token}` },
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toContain('event: ready');
    await removeAgent(harness.db, leaving.agent.id, Date.now(), { windowMarginMs: 0 });
    await harness.post({ waId: '966500000906', text: 'I want to talk to a human' });
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += decoder.decode(chunk.value);
    }
    expect(rest).not.toContain('handoff.created');
  });

  it('stores only a hash of the token', async () => {
    harness = await createHarness();
    const { token, agent } = await addAgent(harness.db, { name: 'A', queues: ['*'], now: 0 });
    expect(agent.tokenHash).not.toContain(token);
    expect(agent.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the claim → reply → resolve → CSAT cycle', () => {
  it('works end to end over the sandbox', async () => {
    const { layla } = await setup();
    const id = await escalate('966500000902');
    const list = await layla('GET', '/api/handoffs?status=queued');
    expect(list.body.handoffs[0]).toMatchObject({
      id,
      queue: 'general',
      priority: 'normal',
      reasons: ['human_requested'],
    });

    expect((await layla('POST', `/api/handoffs/${id}/claim`)).status).toBe(200);
    expect(
      (await layla('POST', `/api/handoffs/${id}/reply`, { text: 'Hi Sara, Layla here. How can I help?' }))
        .status,
    ).toBe(202);
    await harness.post({ waId: '966500000902', text: 'my charger stopped working' });
    const detail = await layla('GET', `/api/handoffs/${id}`);
    expect(detail.body.handoff.status).toBe('assigned');
    expect(detail.body.newMessages.map((m: { text: string }) => m.text)).toEqual([
      'my charger stopped working',
    ]);
    expect(detail.body.window.open).toBe(true);
    // free text stops WHATSAPP_WINDOW_MARGIN_MINUTES (10) before the window closes: the inbox says that time
    expect(Date.parse(detail.body.window.closesAt) - Date.parse(detail.body.window.freeTextUntil)).toBe(
      10 * 60_000,
    );
    expect(detail.body.packet.id).toBe(id);

    const seen = await harness.messages('966500000902');
    // the join notice is the system's, not an answer from the agent
    expect(seen.filter((m) => m.author === 'agent').map((m) => m.text)).toEqual([
      'Hi Sara, Layla here. How can I help?',
    ]);
    expect(seen.filter((m) => m.author === 'system').map((m) => m.text)).toContain(
      'Layla from our team has joined the chat and will help you from here.',
    );
    // The bot stayed silent after the handoff.
    expect(seen.at(-1)?.text).toBe('my charger stopped working');

    expect((await layla('POST', `/api/handoffs/${id}/notes`, { text: 'warranty case' })).status).toBe(201);
    const resolved = await layla('POST', `/api/handoffs/${id}/resolve`);
    expect(resolved.body).toEqual({ status: 'resolved', csat: 'asked' });
    const csat = (await harness.messages('966500000902')).at(-1);
    expect(csat?.type).toBe('list');
    expect(csat?.text).toMatch(/from 1 \(poor\) to 5/);

    await harness.post({ waId: '966500000902', button: 'csat_5' });
    expect((await harness.replies('966500000902')).at(-1)).toMatch(/Thank you for your rating/);
    const after = await layla('GET', `/api/handoffs/${id}`);
    expect(after.body.handoff.csat).toEqual({ status: 'answered', score: 5 });
    expect(after.body.notes.map((n: { text: string }) => n.text)).toEqual(['warranty case']);

    // Back with the bot: it answers again, and a "thanks" does not open a new handoff.
    await harness.post({ waId: '966500000902', text: 'thanks' });
    expect((await harness.replies('966500000902')).at(-1)).toMatch(/welcome/i);
    expect(await harness.packets()).toHaveLength(1);
  });

  it('keeps the reason a customer gives with a rating as a note, and apologises for a low one (en, ar)', async () => {
    const { layla } = await setup();
    for (const [waId, answer, thanks] of [
      [
        '966500000912',
        '2/5, took too long to answer',
        /^Thank you for your rating, and I am sorry we fell short/,
      ],
      ['966500000913', '٢ من ٥ ما حلوا مشكلتي', /^شكراً على تقييمك، ونعتذر/],
      ['966500000914', 'ميه ميه', /^شكراً على تقييمك!/],
    ] as const) {
      await harness.post({
        waId,
        name: 'Sara',
        text: answer.startsWith('2') ? 'I want a human' : 'ابي موظف',
      });
      const id = (await harness.packets()).at(-1)?.id ?? '';
      await layla('POST', `/api/handoffs/${id}/reply`, { text: 'Done, Sara.' });
      await layla('POST', `/api/handoffs/${id}/resolve`);
      await harness.post({ waId, text: answer });
      expect((await harness.replies(waId)).at(-1)).toMatch(thanks);
      const detail = await layla('GET', `/api/handoffs/${id}`);
      const notes = detail.body.notes.map((n: { text: string; agentId: string | null }) => [
        n.agentId,
        n.text,
      ]);
      if (answer === 'ميه ميه') {
        expect(detail.body.handoff.csat).toEqual({ status: 'answered', score: 5 });
        expect(notes).toEqual([]);
      } else {
        expect(detail.body.handoff.csat).toEqual({ status: 'answered', score: 2 });
        const words = answer.startsWith('2') ? 'took too long to answer' : 'ما حلوا مشكلتي';
        expect(notes).toEqual([[null, `The customer rated 2/5 and wrote: "${words}"`]]);
      }
    }
    // the rating and its words are the handoff's: no new handoff, no fallback answer
    expect(await harness.packets()).toHaveLength(3);
  });

  it('keeps a remark sent after a bare score as a note on the rated handoff, and a question as a turn (en, ar)', async () => {
    const { layla } = await setup();
    const rate = async (waId: string, text: string, score: string, after: string) => {
      await harness.post({ waId, name: 'Sara', text });
      const id = (await harness.packets()).at(-1)?.id ?? '';
      await layla('POST', `/api/handoffs/${id}/reply`, { text: 'Done, Sara.' });
      await layla('POST', `/api/handoffs/${id}/resolve`);
      await harness.post({ waId, text: score });
      await harness.post({ waId, text: after });
      const detail = await layla('GET', `/api/handoffs/${id}`);
      return {
        notes: detail.body.notes.map((n: { text: string }) => n.text),
        reply: (await harness.replies(waId)).at(-1),
      };
    };
    const en = await rate('966500000916', 'I want a human', '3', 'the agent was helpful but slow');
    expect(en.notes).toEqual(['After rating, the customer wrote: "the agent was helpful but slow"']);
    expect(en.reply).toBe('Thank you, I have passed your comment on to the team.');
    const ar = await rate('966500000917', 'ابي موظف', '٢', 'الموظف كان بطيء شوي');
    expect(ar.notes).toEqual(['After rating, the customer wrote: "الموظف كان بطيء شوي"']);
    expect(ar.reply).toBe('شكراً لك، وصلت ملاحظتك للفريق.');
    // a question after the score is answered, not filed
    const question = await rate('966500000918', 'I want a human', '5', 'how long do refunds take?');
    expect(question.notes).toEqual([]);
    expect(question.reply).toMatch(/refund/i);
    // only the message right after the score: later remarks are turns of their own
    await harness.post({ waId: '966500000916', text: 'also the courier was late' });
    expect((await harness.replies('966500000916')).at(-1)).not.toMatch(/passed your comment/);
    expect(await harness.packets()).toHaveLength(3);
  });

  it('keeps a score followed by a new request, and takes the request as a turn of its own', async () => {
    const { layla } = await setup();
    await harness.post({ waId: '966500000915', name: 'Sara', text: 'I want a human' });
    const id = (await harness.packets())[0]?.id ?? '';
    await layla('POST', `/api/handoffs/${id}/reply`, { text: 'Done, Sara.' });
    await layla('POST', `/api/handoffs/${id}/resolve`);
    await harness.post({
      waId: '966500000915',
      text: '1/5 I still need a refund, I want to talk to an agent',
    });
    const detail = await layla('GET', `/api/handoffs/${id}`);
    expect(detail.body.handoff.csat).toEqual({ status: 'answered', score: 1 });
    expect(detail.body.notes).toHaveLength(1);
    // not thanked and left: the request for a person opened a new handoff
    const packets = await harness.packets();
    expect(packets).toHaveLength(2);
    expect(packets[1]?.reasons.map((r) => r.code)).toContain('human_requested');
    expect((await harness.replies('966500000915')).at(-1)).not.toMatch(/Thank you for your rating/);
  });

  it('refuses to resolve twice or to reply to a resolved handoff with 409', async () => {
    const { layla } = await setup();
    const id = await escalate('966500000903');
    expect((await layla('POST', `/api/handoffs/${id}/resolve`)).status).toBe(200);
    expect((await layla('POST', `/api/handoffs/${id}/resolve`)).status).toBe(409);
    expect((await layla('POST', `/api/handoffs/${id}/reply`, { text: 'hello?' })).status).toBe(409);
  });

  it('links a new handoff to the previous one after a hand-back', async () => {
    const { layla } = await setup();
    const first = await escalate('966500000904');
    await layla('POST', `/api/handoffs/${first}/resolve`);
    await harness.post({ waId: '966500000904', text: 'agent please' });
    const packets = await harness.packets();
    expect(packets).toHaveLength(2);
    expect(packets[1]?.previousHandoffId).toBe(first);
  });

  it('transfers to another queue, out of sight of the first agent', async () => {
    const { layla, omar } = await setup();
    const id = await escalate('966500000905');
    const moved = await layla('POST', `/api/handoffs/${id}/transfer`, {
      queue: 'billing',
      note: 'about a charge',
    });
    expect(moved.body).toEqual({ queue: 'billing', status: 'queued' });
    expect((await layla('GET', `/api/handoffs/${id}`)).status).toBe(403);
    const detail = await omar('GET', `/api/handoffs/${id}`);
    expect(detail.body.notes[0].text).toBe('Transferred from general to billing by Layla: about a charge');
    expect(detail.body.packet.queue).toBe('billing');
    expect((await harness.replies('966500000905')).at(-1)).toBe(
      'I have passed your conversation to our billing team. They will reply here as soon as they can.',
    );
  });

  it('releases a claimed handoff to its own queue, unassigned, the customer waiting for the next agent', async () => {
    const { layla, omar } = await setup();
    const nadia = await addAgent(harness.db, { name: 'Nadia', queues: ['general'], now: Date.now() });
    const asNadia = async (path: string, body?: unknown) =>
      (
        await harness.app.request(path, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${nadia.token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        })
      ).status;
    const id = await escalate('966500000917');
    // nobody has it yet: there is nothing to release
    expect(await layla('POST', `/api/handoffs/${id}/release`)).toMatchObject({
      status: 409,
      body: { message: 'nobody has this handoff; it is already queued' },
    });
    expect((await layla('POST', `/api/handoffs/${id}/reply`, { text: 'Hi Sara, one moment.' })).status).toBe(
      202,
    );
    expect(await layla('POST', `/api/handoffs/${id}/release`, { note: 'end of my shift' })).toMatchObject({
      status: 200,
      body: { queue: 'general', status: 'queued' },
    });
    const detail = (await layla('GET', `/api/handoffs/${id}`)).body;
    expect(detail.handoff).toMatchObject({ status: 'queued', assignedAgentId: null, claimedAt: null });
    expect(detail.notes.map((note: { text: string }) => note.text)).toEqual([
      'Released to the queue by Layla: end of my shift',
    ]);
    const [conversation] = await harness.db.select().from(conversations);
    expect(conversation?.mode).toBe('queued');
    // still a person's: the customer hears nothing of the release, and chasing is told the queue's
    // notice, as in any queued handoff, not a bot answer
    expect((await harness.replies('966500000917')).at(-1)).toBe('Hi Sara, one moment.');
    await harness.post({ waId: '966500000917', text: 'hello?' });
    expect((await harness.replies('966500000917')).slice(-2)).toEqual([
      'Hi Sara, one moment.',
      'You are in the queue — an agent will reply here as soon as possible.',
    ]);
    // out of the agent's queues, and the wrong body, are refused like every action
    expect((await omar('POST', `/api/handoffs/${id}/release`)).status).toBe(403);
    expect((await layla('POST', `/api/handoffs/${id}/claim`)).body).toEqual({
      status: 'assigned',
      announced: false,
    });
    // claiming it back is no new person joining: the customer heard of Layla once
    const joined = 'Layla from our team has joined the chat and will help you from here.';
    expect((await harness.replies('966500000917')).filter((text) => text === joined)).toHaveLength(1);
    expect(await asNadia(`/api/handoffs/${id}/release`, { queue: 'billing' })).toBe(400);
    // a colleague who went home with it: anyone in the queue may release it, and the note says whose it was
    expect(await asNadia(`/api/handoffs/${id}/release`)).toBe(200);
    expect((await layla('GET', `/api/handoffs/${id}`)).body.notes.at(-1).text).toBe(
      'Released to the queue by Nadia (it was with Layla)',
    );
    // back after a colleague had it, Layla joins anew: the customer last heard of Nadia
    expect(await asNadia(`/api/handoffs/${id}/claim`)).toBe(200);
    expect(await asNadia(`/api/handoffs/${id}/release`)).toBe(200);
    expect((await layla('POST', `/api/handoffs/${id}/claim`)).body).toEqual({
      status: 'assigned',
      announced: true,
    });
    expect((await harness.replies('966500000917')).slice(-2)).toEqual([
      'Nadia from our team has joined the chat and will help you from here.',
      joined,
    ]);
    expect((await layla('POST', `/api/handoffs/${id}/resolve`)).status).toBe(200);
    expect((await layla('POST', `/api/handoffs/${id}/release`)).body.message).toBe(
      'this handoff is already resolved',
    );
  });

  it('finds handoffs by name in any Arabic spelling, phone number as written, order number, summary or id', async () => {
    await setup();
    const { token } = await addAgent(harness.db, { name: 'Nadia', queues: ['*'], now: Date.now() });
    const nadia = async (path: string) => {
      const response = await harness.app.request(path, { headers: { authorization: `Bearer ${token}` } });
      return { status: response.status, body: await response.json() };
    };
    await harness.post({ waId: '966500000931', name: 'أحمد الغامدي', text: 'I want to talk to a human' });
    await harness.post({ waId: '966500000932', name: 'Sara', text: 'order A3001 is late' });
    await harness.post({ waId: '966500000932', text: 'I want to talk to a human' });
    await harness.post({
      waId: '971500000933',
      name: 'Fatima',
      text: 'my card was charged twice, I want a person',
    });
    const found = async (q: string) =>
      (await nadia(`/api/handoffs?status=open&q=${encodeURIComponent(q)}`)).body as {
        handoffs: { customer: { name: string } }[];
        total: number;
      };
    const names = async (q: string) => (await found(q)).handoffs.map((h) => h.customer.name).sort();
    expect(await names('احمد')).toEqual(['أحمد الغامدي']);
    expect(await names('الغامدى')).toEqual(['أحمد الغامدي']);
    expect(await names('SARA')).toEqual(['Sara']);
    // the phone as a customer gives it: local with a 0, spaced, with + or in Arabic digits
    expect(await names('050 000 0931')).toEqual(['أحمد الغامدي']);
    expect(await names('+971 50')).toEqual(['Fatima']);
    expect(await names('٩٣٢')).toEqual(['Sara']);
    expect(await names('a3001')).toEqual(['Sara']);
    const fatima = (await harness.packets()).find((p) => p.customer.name === 'Fatima');
    expect(await names(fatima?.id.slice(-6) ?? '')).toEqual(['Fatima']);
    expect(await names('charged')).toEqual(['Fatima']);
    // LIKE's wildcards are letters like any other; nothing found says so in its total
    expect(await found('%')).toEqual({ handoffs: [], total: 0 });
    expect(await found('a_d')).toEqual({ handoffs: [], total: 0 });
    // an empty search is no search; one of 101 characters is refused
    expect((await found('')).total).toBe(3);
    expect((await nadia(`/api/handoffs?q=${'x'.repeat(101)}`)).status).toBe(400);
    // what every handoff shares finds nothing in particular: the day's id prefix, the summary's wording
    const sara = (await harness.packets()).find((p) => p.customer.name === 'Sara');
    expect((await found(sara?.id.slice(0, 8) ?? '')).total).toBe(0);
    expect((await found('needs a person')).total).toBe(0);
    // a whole id pasted in finds its handoff; a query with nothing left once folded finds nothing
    expect(await names(sara?.id ?? '')).toEqual(['Sara']);
    expect((await found('ـ')).total).toBe(0);

    // any case in any script, diacritics and Persian letters as the name was typed or not
    await harness.post({ waId: '966500000934', name: '\u202eÉLODIE', text: 'I want to talk to a human' });
    await harness.post({ waId: '966500000935', name: 'محمّد علی', text: 'ابي اكلم موظف' });
    expect(await names('élodie')).toEqual(['ÉLODIE']);
    expect(await names('Élo')).toEqual(['ÉLODIE']);
    expect(await names('محمد علي')).toEqual(['محمّد علی']);
    expect(await names('مُحمّد')).toEqual(['محمّد علی']);
  });

  it('gives handoffs stored before search existed their search text at the first search', async () => {
    await setup();
    const { token } = await addAgent(harness.db, { name: 'Nadia', queues: ['*'], now: Date.now() });
    await harness.post({ waId: '966500000936', name: 'Reem', text: 'I want to talk to a human' });
    const total = async (q: string) => {
      const response = await harness.app.request(`/api/handoffs?q=${q}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await response.json()) as { total: number }).total;
    };
    // a row restored from an older backup, after searches have run: each search fills some in
    for (let round = 0; round < 2; round++) {
      await harness.db.update(handoffs).set({ searchText: null });
      expect(await total('reem')).toBe(1);
      const [row] = await harness.db.select().from(handoffs);
      expect(row?.searchText).toContain('reem');
    }
    // a whole id as pasted from a ticket, in capitals
    const [row] = await harness.db.select().from(handoffs);
    expect(await total(row?.id.toUpperCase() ?? '')).toBe(1);
  });

  it("leaves a colleague's claimed handoff for them to resolve, and counts the wait again after a transfer", async () => {
    const clock = new FixedClock(Date.parse('2026-11-24T11:00:00+03:00'));
    const { layla } = await setup({ clock });
    const nadia = await addAgent(harness.db, {
      name: 'Nadia',
      queues: ['general', 'billing'],
      now: clock.now(),
    });
    const asNadia = (method: string, path: string, body?: unknown) =>
      harness.app.request(path, {
        method,
        headers: { authorization: `Bearer ${nadia.token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const id = await escalate('966500000908');
    clock.advance(60_000);
    expect((await layla('POST', `/api/handoffs/${id}/claim`)).status).toBe(200);
    const refused = await asNadia('POST', `/api/handoffs/${id}/resolve`);
    expect(refused.status).toBe(409);
    // a colleague's claim and reply are told the same: whose it is, and what is left to do
    for (const action of ['claim', 'reply']) {
      const other = await asNadia(
        'POST',
        `/api/handoffs/${id}/${action}`,
        action === 'reply' ? { text: 'hi' } : undefined,
      );
      expect(((await other.json()) as { message: string }).message).toBe(
        'Layla has this handoff; release or transfer it, or add a note',
      );
    }
    // everyone sees whose it is, and who wrote a note
    await asNadia('POST', `/api/handoffs/${id}/notes`, { text: 'I know this customer' });
    const seen = (await (await asNadia('GET', `/api/handoffs/${id}`)).json()) as {
      handoff: { assignedAgentName: string };
      notes: { agentName: string }[];
    };
    expect(seen.handoff.assignedAgentName).toBe('Layla');
    expect(seen.notes.map((note) => note.agentName)).toEqual(['Nadia']);
    const assigned = (await (await asNadia('GET', '/api/handoffs?status=assigned')).json()) as {
      handoffs: { assignedAgentName: string }[];
    };
    expect(assigned.handoffs.map((h) => h.assignedAgentName)).toEqual(['Layla']);
    expect(((await refused.json()) as { message: string }).message).toBe(
      'Layla has this handoff; release or transfer it, or add a note',
    );

    clock.advance(10 * 60_000);
    expect((await asNadia('POST', `/api/handoffs/${id}/transfer`, { queue: 'billing' })).status).toBe(200);
    clock.advance(5 * 60_000);
    const listed = (await (await asNadia('GET', '/api/handoffs?status=queued')).json()) as {
      handoffs: { id: string; waitingMs: number }[];
    };
    // 16 minutes since the handoff, not the minute it waited before the first claim
    expect(listed.handoffs.find((h) => h.id === id)?.waitingMs).toBe(16 * 60_000);
  });

  it('claims a queued handoff on the first reply, telling the customer who joined first', async () => {
    const { layla } = await setup();
    const id = await escalate('966500000914');
    expect((await layla('POST', `/api/handoffs/${id}/reply`, { text: 'Hi Sara, on it.' })).status).toBe(202);
    const detail = await layla('GET', `/api/handoffs/${id}`);
    expect(detail.body.handoff).toMatchObject({ status: 'assigned', assignedAgentName: 'Layla' });
    const [joined, answer] = (await harness.messages('966500000914')).slice(-2);
    expect(joined).toMatchObject({
      author: 'system',
      text: expect.stringMatching(/^Layla from our team has joined/),
    });
    expect(answer).toMatchObject({ author: 'agent', text: 'Hi Sara, on it.' });
  });

  it('lists resolved handoffs newest first', async () => {
    const clock = new FixedClock(Date.parse('2026-11-24T11:00:00+03:00'));
    const { layla } = await setup({ clock });
    const first = await escalate('966500000909');
    await harness.post({ waId: '966500000910', text: 'I want to talk to a human' });
    const second = (await harness.packets())[1]?.id ?? '';
    await layla('POST', `/api/handoffs/${first}/resolve`);
    clock.advance(60_000);
    await layla('POST', `/api/handoffs/${second}/resolve`);
    const resolved = await layla('GET', '/api/handoffs?status=resolved');
    expect(resolved.body.handoffs.map((h: { id: string }) => h.id)).toEqual([second, first]);
    expect(resolved.body.handoffs[0].resolvedAt).toBe(new Date(clock.now()).toISOString());
  });

  it('says how many handoffs match, of which it lists the first `limit`, in the language the customer writes now', async () => {
    const { layla } = await setup();
    await harness.post({ waId: '966500000911', text: 'ابي اكلم موظف' });
    await harness.post({ waId: '966500000912', text: 'I want to talk to a human' });
    await harness.post({ waId: '966500000913', text: 'I want to talk to a human' });
    const firstTwo = await layla('GET', '/api/handoffs?status=queued&limit=2');
    expect(firstTwo.body.handoffs).toHaveLength(2);
    expect(firstTwo.body.total).toBe(3);
    // escalated in Arabic, writing in English while queued: the tag follows the latest message
    await harness.post({ waId: '966500000911', text: 'hello? is anyone there' });
    const all = await layla('GET', '/api/handoffs?status=queued');
    const arabic = (all.body.handoffs as { id: string; customer: { language: string } }[])[0];
    expect(arabic?.customer.language).toBe('en');
    const detail = await layla('GET', `/api/handoffs/${arabic?.id}`);
    expect(detail.body).toMatchObject({ language: 'en', packet: { customer: { language: 'ar' } } });
    expect((await layla('GET', '/api/handoffs?limit=1001')).status).toBe(400);
  });

  it('refuses an empty template parameter', async () => {
    const { layla } = await setup({
      env: { WHATSAPP_TEMPLATES: JSON.stringify([{ name: 'follow_up', language: 'en', parameters: 1 }]) },
    });
    const id = await escalate('966500000911');
    const bad = await layla('POST', `/api/handoffs/${id}/reply`, {
      template: { name: 'follow_up', parameters: ['  '] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/template parameter is empty/);
    const none = await layla('POST', `/api/handoffs/${id}/reply`, { template: { name: 'follow_up' } });
    expect(none.body.message).toBe('template "follow_up" takes 1 parameter');
  });

  it('validates bodies and names the field', async () => {
    const { layla } = await setup();
    const id = await escalate('966500000906');
    const bad = await layla('POST', `/api/handoffs/${id}/transfer`, { queue: 'nowhere' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^queue: /);
    // in plain words, the reply's own problem rather than every form a reply may take
    const long = await layla('POST', `/api/handoffs/${id}/reply`, { text: 'x'.repeat(5000) });
    expect(long.status).toBe(400);
    expect(long.body.message).toBe("text: a reply is at most 4096 characters (WhatsApp's limit)");
    expect(long.body.message).not.toMatch(/✖|→/);
    const note = await layla('POST', `/api/handoffs/${id}/notes`, { text: 'x'.repeat(4001) });
    expect(note.body.message).toBe('text: a note is at most 4000 characters');
  });

  it('says when a body is not JSON, takes "bearer" in any case, answers times in ISO and a day as a period bound', async () => {
    await setup();
    const id = await escalate('966500000912');
    const { token } = await addAgent(harness.db, { name: 'Huda', queues: ['general'], now: Date.now() });
    const as = (init: RequestInit, path = `/api/handoffs/${id}/notes`) =>
      harness.app.request(path, {
        ...init,
        headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
      });
    const malformed = await as({ method: 'POST', body: '{"text": "half' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { message: string }).message).toBe('the body is not valid JSON');
    const note = await as({ method: 'POST', body: JSON.stringify({ text: 'called the courier' }) });
    expect(note.status).toBe(201);
    expect(await note.json()).toMatchObject({
      agentName: 'Huda',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const stats = await as({ method: 'GET' }, '/api/stats?from=2020-01-01&to=2099-12-31');
    expect(stats.status).toBe(200);
    // a day is the business's (Asia/Riyadh by default, UTC+3): 4 December begins at 21:00 UTC on
    // the 3rd, and a day as `to` runs to its end
    const days = await as({ method: 'GET' }, '/api/stats?from=2026-12-04&to=2026-12-05');
    expect(((await days.json()) as { period: unknown }).period).toEqual({
      from: '2026-12-03T21:00:00.000Z',
      to: '2026-12-05T21:00:00.000Z',
    });
  });
});

describe('the 24-hour window', () => {
  it('refuses free text after it closed, and sends a configured template instead', async () => {
    const clock = new FixedClock(Date.parse('2026-11-24T11:00:00+03:00'));
    const { layla } = await setup({
      clock,
      env: { WHATSAPP_TEMPLATES: '[{"name":"follow_up","language":"en","parameters":1}]' },
    });
    const id = await escalate('966500000907');
    clock.advance(25 * 60 * 60 * 1000);
    const refused = await layla('POST', `/api/handoffs/${id}/reply`, { text: 'Sorry for the wait' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'window_closed' });
    expect(refused.body.message).toMatch(/follow_up/);
    const sent = await layla('POST', `/api/handoffs/${id}/reply`, {
      template: { name: 'follow_up', parameters: ['Sara'] },
    });
    expect(sent.status).toBe(202);
    const last = (await harness.messages('966500000907')).at(-1);
    expect(last).toMatchObject({ type: 'template', author: 'agent' });
    expect((await layla('GET', `/api/handoffs/${id}`)).body.window.open).toBe(false);
    // CSAT is not asked outside the window; the handoff says so.
    expect((await layla('POST', `/api/handoffs/${id}/resolve`)).body).toEqual({
      status: 'resolved',
      csat: 'not_asked',
    });
  });
  it("is the channel's own: a message through Twilio opens no window for the conversation on Meta", async () => {
    const clock = new FixedClock(Date.parse('2026-11-24T11:00:00+03:00'));
    const twilio = await startFakeTwilio();
    const { layla } = await setup({
      clock,
      env: {
        SANDBOX_ENABLED: 'true',
        PUBLIC_BASE_URL: 'https://baton.example',
        TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
        TWILIO_AUTH_TOKEN: 'twilio-auth-token-for-tests',
        TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
        TWILIO_API_BASE_URL: twilio.url,
      },
    });
    try {
      const id = await escalate('966500000909');
      clock.advance(25 * 60 * 60 * 1000);
      const params = {
        From: 'whatsapp:+966500000909',
        To: 'whatsapp:+14155238886',
        Body: 'how long does shipping take to Jeddah?',
        MessageSid: 'SM0f0e0d0c0b0a09080706050403020109',
        NumMedia: '0',
        WaId: '966500000909',
      };
      const signature = await twilioSignature(
        'https://baton.example/webhooks/twilio',
        params,
        'twilio-auth-token-for-tests',
      );
      const posted = await harness.app.request('/webhooks/twilio', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(params).toString(),
      });
      expect(posted.status).toBe(200);
      await harness.baton.settled();
      // the same customer, a second conversation: answered through Twilio, in its own window
      const rows = await harness.db.select().from(conversations);
      expect(rows.map((row) => row.channel).sort()).toEqual(['twilio', 'whatsapp']);
      expect(twilio.calls).toHaveLength(1);

      expect((await layla('GET', `/api/handoffs/${id}`)).body.window).toMatchObject({
        open: false,
        freeTextUntil: null,
      });
      const refused = await layla('POST', `/api/handoffs/${id}/reply`, { text: 'Sorry for the wait' });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'window_closed' });
    } finally {
      await twilio.close();
    }
  });
});

describe('templates in two languages', () => {
  it("sends the customer's language's version unless the agent names one", async () => {
    const clock = new FixedClock(Date.parse('2026-11-24T11:00:00+03:00'));
    const { layla } = await setup({
      clock,
      env: {
        WHATSAPP_TEMPLATES: JSON.stringify([
          { name: 'follow_up', language: 'en_US', parameters: 0 },
          { name: 'follow_up', language: 'ar', parameters: 0 },
        ]),
      },
    });
    const id = await escalate('966500000908', 'ابي اكلم موظف');
    clock.advance(25 * 60 * 60 * 1000);
    const sentLanguages = async () =>
      (await harness.db.select().from(outbox))
        .map((row) => (row.payload as { message: { kind: string; language?: string } }).message)
        .filter((message) => message.kind === 'template')
        .map((message) => message.language);
    expect(
      (await layla('POST', `/api/handoffs/${id}/reply`, { template: { name: 'follow_up' } })).status,
    ).toBe(202);
    const named = { template: { name: 'follow_up', language: 'en_US' } };
    expect((await layla('POST', `/api/handoffs/${id}/reply`, named)).status).toBe(202);
    const free = await layla('POST', `/api/handoffs/${id}/reply`, { text: 'Hello' });
    expect(free.body.message).toMatch(/Send a template instead \(follow_up\)\.$/);
    const missing = { template: { name: 'follow_up', language: 'fr' } };
    expect((await layla('POST', `/api/handoffs/${id}/reply`, missing)).body.message).toBe(
      'unknown template "follow_up" in fr',
    );
    expect(await sentLanguages()).toEqual(['ar', 'en_US']);
  });
});

describe('the last minutes of the 24-hour window', () => {
  it('says free text stops before the window closes, not that it closed at a time still to come', async () => {
    const clock = new FixedClock(Date.parse('2026-11-24T11:00:00+03:00'));
    const { layla } = await setup({ clock });
    const id = await escalate('966500000913');
    clock.advance(24 * 60 * 60 * 1000 - 5 * 60 * 1000);
    const refused = await layla('POST', `/api/handoffs/${id}/reply`, { text: 'Still there?' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(
      /^The 24-hour window closes at .*, and free text stops 10 minutes before/,
    );
  });
});

describe('KPIs, OpenAPI and metrics', () => {
  it('computes stats over a seeded history', async () => {
    const clock = new FixedClock(Date.parse('2026-11-24T11:00:00+03:00'));
    const { layla } = await setup({ clock });
    await harness.post({ waId: '966500000911', text: 'how long does shipping take?' });
    await harness.post({ waId: '966500000912', text: 'what is your return policy?' });
    const a = await escalate('966500000913');
    clock.advance(60_000);
    await layla('POST', `/api/handoffs/${a}/reply`, { text: 'Hello!' });
    clock.advance(120_000);
    await layla('POST', `/api/handoffs/${a}/resolve`);
    await harness.post({ waId: '966500000913', text: '4' });
    const stats = await layla('GET', '/api/stats?from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z');
    expect(stats.body).toMatchObject({
      conversations: 3,
      escalated: 1,
      kept: 2,
      containmentRate: 2 / 3,
      escalationRate: 1 / 3,
      handoffs: 1,
      byReason: { human_requested: 1 },
      byQueue: { general: 1 },
      resolved: 1,
      timeToFirstReplyMs: { median: 60_000 },
      resolutionTimeMs: { median: 180_000 },
      csat: { answered: 1, average: 4, distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 } },
    });
  });

  it("counts withdrawn and idle handoffs apart from an agent's resolutions, in the agent's queues", async () => {
    const clock = new FixedClock(Date.parse('2026-11-24T11:00:00+03:00'));
    const { layla, omar } = await setup({ clock });
    const latest = async () => (await harness.packets()).at(-1)?.id ?? '';
    await harness.post({ waId: '966500000915', text: 'I want to talk to a human' });
    const resolved = await latest();
    await layla('POST', `/api/handoffs/${resolved}/reply`, { text: 'Hello!' });
    clock.advance(10 * 60_000);
    await layla('POST', `/api/handoffs/${resolved}/resolve`);
    await harness.post({ waId: '966500000916', text: 'I want to talk to a human' });
    await harness.post({ waId: '966500000916', text: 'never mind, I found it' });
    await harness.post({ waId: '966500000917', text: 'I want to talk to a human' });
    const idle = await latest();
    await layla('POST', `/api/handoffs/${idle}/reply`, { text: 'Hello!' });
    const timers = {
      ...timerContext(harness.config, harness.db, silentLogger, harness.baton.agentDeps.events),
      idleMs: 90 * 60_000,
    };
    await runHandoffTimers(timers, clock.now() + 4 * 60 * 60_000);
    await harness.post({ waId: '966500000918', text: 'I was charged twice for my order' });

    const period = 'from=2026-11-24&to=2026-11-24';
    const general = (await layla('GET', `/api/stats?${period}`)).body;
    expect(general).toMatchObject({
      queues: ['general'],
      handoffs: 3,
      byQueue: { general: 3 },
      resolved: 1,
      withdrawn: 1,
      handedBackIdle: 1,
      // only the handoff an agent resolved, after 10 minutes
      resolutionTimeMs: { median: 10 * 60_000 },
    });
    expect((await omar('GET', `/api/stats?${period}`)).body).toMatchObject({
      queues: ['billing'],
      handoffs: 1,
      byQueue: { billing: 1 },
      resolved: 0,
      // every one of the four conversations went to a person, if not to billing: none was kept
      conversations: 4,
      escalated: 1,
      escalationRate: 1 / 4,
      kept: 0,
      containmentRate: 0,
    });
    expect((await layla('GET', `/api/stats?${period}&queue=billing`)).status).toBe(403);
    expect((await omar('GET', `/api/stats?${period}&queue=billing`)).body.handoffs).toBe(1);
    // a queue that does not exist, and a year no shop kept data in, are typos: 400 saying so
    const nope = await omar('GET', `/api/stats?${period}&queue=nope`);
    expect(nope.status).toBe(400);
    expect(nope.body.message).toMatch(/^queue: /);
    const ancient = await omar('GET', '/api/stats?from=0099-01-01&to=2026-11-24');
    expect(ancient.status).toBe(400);
    expect(ancient.body.message).toBe('from: from the year 2000 on');
    const offsetless = await omar('GET', '/api/stats?from=2026-12-04T00:00:00');
    expect(offsetless.body.message).toMatch(/^from: a day \(2026-12-04\) or a moment with its offset/);

    const list = (await layla('GET', '/api/handoffs?status=resolved')).body.handoffs;
    expect(list.map((h: { resolution: string }) => h.resolution).sort()).toEqual([
      'agent',
      'idle',
      'withdrawn',
    ]);
  });

  it('asks for the metrics token when one is configured', async () => {
    harness = await createHarness({ env: { METRICS_TOKEN: 'scrape-me-0123456789' } });
    const metrics = (authorization?: string) =>
      harness.app.request('/metrics', authorization ? { headers: { authorization } } : {});
    expect((await metrics()).status).toBe(401);
    expect((await metrics('Bearer wrong')).status).toBe(401);
    const ok = await metrics('Bearer scrape-me-0123456789');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('# TYPE baton_outbox_jobs gauge');
  });

  it('publishes the API as OpenAPI and the counts as Prometheus text', async () => {
    await setup();
    await escalate('966500000914');
    const doc = await (await harness.app.request('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/handoffs/{id}/reply');
    const metrics = await (await harness.app.request('/metrics')).text();
    expect(metrics).toContain('baton_handoffs{queue="general",status="queued"} 1');
    expect(metrics).toContain('# TYPE baton_outbox_jobs gauge');
  });
});
