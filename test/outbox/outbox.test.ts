import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { addAgent } from '../../src/inbox/agents.js';
import { createLogger } from '../../src/log/logger.js';
import { messages, outbox } from '../../src/store/schema/index.js';
import { graphError, startFakeGraph } from '../support/fake-graph.js';
import { createHarness, type Harness } from '../support/harness.js';
import { metaJson, signedRequest } from '../support/meta.js';
import { waitFor } from '../support/wait-for.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function withGraph(script: Parameters<typeof startFakeGraph>[0], logLines: string[] = []) {
  const graph = await startFakeGraph(script);
  const harness: Harness = await createHarness({
    logger: createLogger({ level: 'info', write: (line) => logLines.push(line) }),
    env: {
      WHATSAPP_ACCESS_TOKEN: 'test-access-token',
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      WHATSAPP_API_BASE_URL: graph.url,
      OUTBOX_MAX_ATTEMPTS: '4',
      OUTBOX_BASE_DELAY_MS: '10',
    },
  });
  cleanups.push(
    () => harness.close(),
    () => graph.close(),
  );
  return { graph, harness };
}

/** Posts a Meta webhook for the configured number, with these fields beside its metadata. */
async function postWebhook(harness: Harness, value: Record<string, unknown>) {
  const body = metaJson({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'w',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '1', phone_number_id: '106540352242922' },
              ...value,
            },
          },
        ],
      },
    ],
  });
  expect((await harness.app.fetch(await signedRequest(body, undefined))).status).toBe(200);
}

async function deliver(harness: Harness, waId: string, id: string, text = 'hello', laterBySeconds = 0) {
  await postWebhook(harness, {
    contacts: [{ profile: { name: 'Sara' }, wa_id: waId }],
    messages: [
      {
        from: waId,
        id,
        timestamp: String(Math.floor(Date.now() / 1000) + laterBySeconds),
        type: 'text',
        text: { body: text },
      },
    ],
  });
}

async function postStatuses(
  harness: Harness,
  waId: string,
  list: { id: string; status: string; errors?: unknown[] }[],
) {
  await postWebhook(harness, {
    statuses: list.map((s) => ({
      ...s,
      timestamp: String(Math.floor(Date.now() / 1000)),
      recipient_id: waId,
    })),
  });
}

describe('outbox delivery through the Graph API', () => {
  it('retries a 500 with backoff, then records the message id the Graph API returned', async () => {
    const { graph, harness } = await withGraph([graphError(500, 131000, 'Something went wrong')]);
    await deliver(harness, '966500000501', 'wamid.in.1');
    await waitFor(async () => graph.sends().length === 2);
    await harness.baton.settled();
    const [reply] = await harness.db.select().from(messages).where(eq(messages.direction, 'out'));
    expect(reply).toMatchObject({ status: 'sent', externalId: 'wamid.fake.1' });
    expect(graph.sends()[0]?.authorization).toBe('Bearer test-access-token');
    expect(graph.sends()[0]?.path).toMatch(/^\/v\d+\.\d+\/106540352242922\/messages$/);
    expect(graph.sends()[0]?.body).toMatchObject({ messaging_product: 'whatsapp', to: '966500000501' });
    const [job] = await harness.db.select().from(outbox);
    expect(job).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('never sends twice when the provider took the message but its id cannot be stored', async () => {
    const { graph, harness } = await withGraph([]);
    // The inbound message already holds the id the fake returns for the first send: storing it on
    // the reply breaks the unique index, after the Graph API has accepted the reply.
    await deliver(harness, '966500000509', 'wamid.fake.1');
    await waitFor(async () => graph.sends().length === 1);
    await harness.baton.settled();
    await harness.baton.outbox.kick();
    expect(graph.sends()).toHaveLength(1);
    const [reply] = await harness.db.select().from(messages).where(eq(messages.direction, 'out'));
    expect(reply).toMatchObject({
      status: 'sent',
      externalId: null,
      error: 'provider id wamid.fake.1 not stored',
    });
    const [job] = await harness.db.select().from(outbox);
    expect(job).toMatchObject({ status: 'done', attempts: 0 });
  });

  it('never sends again a message recorded as sent when its job runs again (its done mark was lost)', async () => {
    const { graph, harness } = await withGraph([]);
    await deliver(harness, '966500000510', 'wamid.in.10');
    await waitFor(async () => graph.sends().length === 1);
    await harness.baton.settled();
    // the process died after the send was recorded, before the job was marked done
    await harness.db.update(outbox).set({ status: 'pending', nextAttemptAt: 0, leaseUntil: null });
    await harness.baton.outbox.kick();
    await harness.baton.settled();
    expect(graph.sends()).toHaveLength(1);
    const [job] = await harness.db.select().from(outbox);
    expect(job?.status).toBe('done');
  });

  it('stops on a permanent error (131047, outside the 24-hour window) and keeps it on the message', async () => {
    const { graph, harness } = await withGraph([graphError(400, 131047, 'Re-engagement message')]);
    await deliver(harness, '966500000502', 'wamid.in.2');
    await harness.baton.settled();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await harness.baton.settled();
    expect(graph.sends()).toHaveLength(1);
    const [reply] = await harness.db.select().from(messages).where(eq(messages.direction, 'out'));
    expect(reply).toMatchObject({ status: 'failed', errorCode: 131047 });
    const [job] = await harness.db.select().from(outbox);
    expect(job?.status).toBe('failed');
    // the live list of bot conversations shows that the reply never arrived
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: 0 });
    const live = await harness.app.request('/api/conversations', {
      headers: { authorization: `Bearer ${token}` },
    });
    const [conversation] = (await live.json()).conversations;
    expect(conversation.lastMessages.at(-1)).toMatchObject({ direction: 'out', status: 'failed' });
  });

  it('takes the channel at its word: after a 131047 the handoff shows the window closed until the customer writes', async () => {
    const { harness } = await withGraph([graphError(400, 131047, 'Re-engagement message')]);
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: 0 });
    const api = async (method: string, path: string, body?: unknown) => {
      const response = await harness.app.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: await response.json() };
    };
    const live: string[] = [];
    harness.baton.agentDeps.events.subscribe((event) => live.push(event.type));
    await deliver(harness, '966500000505', 'wamid.in.5', 'I want to talk to a human');
    await waitFor(async () =>
      (await harness.db.select().from(outbox)).some((job) => job.status === 'failed'),
    );
    // an open inbox hears of the failure at once
    await waitFor(async () => live.includes('message.failed'));
    const [packet] = await harness.packets();
    const detail = await api('GET', `/api/handoffs/${packet?.id}`);
    expect(detail.body.window.open).toBe(false);
    expect(detail.body.transcript.find((line: { fix: string | null }) => line.fix !== null)).toMatchObject({
      status: 'failed',
      fix: 'window_closed',
    });
    const refused = await api('POST', `/api/handoffs/${packet?.id}/reply`, { text: 'Hello Sara' });
    expect(refused).toMatchObject({ status: 422, body: { code: 'window_closed' } });

    // WhatsApp's timestamps are whole seconds: the customer's next message, a moment later
    await deliver(harness, '966500000505', 'wamid.in.6', 'hello? anyone?', 2);
    await harness.baton.settled();
    expect((await api('GET', `/api/handoffs/${packet?.id}`)).body.window.open).toBe(true);
  });

  it('gives up after the configured attempts and marks the message failed, visible to an agent', async () => {
    const { graph, harness } = await withGraph(Array(4).fill(graphError(503, 1, 'unavailable')));
    await deliver(harness, '966500000503', 'wamid.in.3');
    await waitFor(async () => {
      const [job] = await harness.db.select().from(outbox);
      return job?.status === 'failed';
    });
    expect(graph.sends()).toHaveLength(4);
    const [reply] = await harness.db.select().from(messages).where(eq(messages.direction, 'out'));
    expect(reply?.status).toBe('failed');
    const metrics = await (await harness.app.request('/metrics')).text();
    expect(metrics).toContain('baton_outbox_attempts_total{kind="send",outcome="retried",code="1"} 3');
    expect(metrics).toContain('baton_outbox_attempts_total{kind="send",outcome="failed",code="1"} 1');
  });

  it('says what to do when the channel refuses the account (an expired token), by code in the metrics too', async () => {
    const logLines: string[] = [];
    const { harness } = await withGraph([graphError(401, 190, 'Error validating access token')], logLines);
    await deliver(harness, '966500000504', 'wamid.in.4');
    await waitFor(async () => {
      const [job] = await harness.db.select().from(outbox);
      return job?.status === 'failed';
    });
    const alert = logLines
      .map((line) => JSON.parse(line))
      .find((entry) => entry.code === 190 && entry.action);
    expect(alert).toMatchObject({ level: 'error', action: expect.stringMatching(/WHATSAPP_ACCESS_TOKEN/) });
    expect(logLines.join('\n')).not.toContain('test-access-token');
    const metrics = await (await harness.app.request('/metrics')).text();
    expect(metrics).toContain('baton_outbox_attempts_total{kind="send",outcome="failed",code="190"} 1');
    const [reply] = await harness.db.select().from(messages).where(eq(messages.direction, 'out'));
    expect(reply).toMatchObject({ status: 'failed', errorCode: 190 });
  });

  it('shows the refused channel in /health until a send goes through again', async () => {
    const logLines: string[] = [];
    const { harness } = await withGraph([graphError(401, 190, 'Error validating access token')], logLines);
    expect(await (await harness.app.request('/health')).json()).toMatchObject({ ok: true, sending: 'ok' });
    await deliver(harness, '966500000507', 'wamid.in.refused');
    await waitFor(async () =>
      (await harness.db.select().from(outbox)).some((job) => job.status === 'failed'),
    );
    const refused = await harness.app.request('/health');
    // still 200: a restart cannot fix a token, and the webhooks must keep coming in meanwhile
    expect(refused.status).toBe(200);
    expect(await refused.json()).toEqual({
      ok: false,
      version: 'test',
      database: 'ok',
      sending: 'refused',
      refused: [
        {
          channel: 'whatsapp',
          code: 190,
          action: expect.stringMatching(/WHATSAPP_ACCESS_TOKEN/),
          since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        },
      ],
    });

    // the token was replaced: the fake now accepts, and the next send clears the mark
    await deliver(harness, '966500000507', 'wamid.in.fixed', 'hello again', 1);
    await harness.baton.settled();
    expect(await (await harness.app.request('/health')).json()).toMatchObject({ ok: true, sending: 'ok' });
    expect(logLines.some((line) => line.includes('the channel accepts sends again'))).toBe(true);
  });

  it('applies status webhooks in order of progress only, and ignores unknown message ids', async () => {
    const { harness } = await withGraph([]);
    await deliver(harness, '966500000504', 'wamid.in.4');
    await harness.baton.settled();
    const [reply] = await harness.db.select().from(messages).where(eq(messages.direction, 'out'));
    const id = reply?.externalId ?? '';
    for (const list of [
      [
        { id, status: 'read' },
        { id: 'wamid.unknown', status: 'delivered' },
      ],
      [{ id, status: 'delivered' }],
      [{ id, status: 'sent' }],
    ]) {
      await postStatuses(harness, '966500000504', list);
    }
    const [after] = await harness.db
      .select()
      .from(messages)
      .where(eq(messages.id, reply?.id ?? ''));
    expect(after?.status).toBe('read');
    // the unknown id and the two steps back are counted, not lost
    const metrics = await (await harness.app.request('/metrics')).text();
    expect(metrics).toContain('baton_webhook_items_total{channel="whatsapp",result="status"} 1');
    expect(metrics).toContain('baton_webhook_items_total{channel="whatsapp",result="stale_status"} 3');
  });
  it('tells an open inbox at once when the channel reports a failure after accepting the message', async () => {
    const { harness } = await withGraph([]);
    const live: unknown[] = [];
    harness.baton.agentDeps.events.subscribe((event) => live.push(event));
    await deliver(harness, '966500000506', 'wamid.in.7', 'I want to talk to a human');
    await deliver(harness, '966500000507', 'wamid.in.8', 'hello');
    await harness.baton.settled();
    await waitFor(async () =>
      (await harness.db.select().from(messages)).every((m) => m.direction === 'in' || m.status === 'sent'),
    );
    const [packet] = await harness.packets();
    const sent = await harness.db.select().from(messages).where(eq(messages.direction, 'out'));
    const failure = { code: 131047, title: 'Re-engagement message' };
    const notice = sent.find((m) => m.conversationId === packet?.conversationId);
    const botReply = sent.find((m) => m.conversationId !== packet?.conversationId);
    // Meta took both messages, then reports each failed in a status webhook
    await postStatuses(harness, '966500000506', [
      { id: notice?.externalId ?? '', status: 'failed', errors: [failure] },
    ]);
    await postStatuses(harness, '966500000507', [
      { id: botReply?.externalId ?? '', status: 'failed', errors: [failure] },
    ]);
    // the handoff's queue hears of its failure; the conversation the bot kept has no one to tell
    expect(live.filter((event) => (event as { type: string }).type === 'message.failed')).toEqual([
      { type: 'message.failed', handoffId: packet?.id, queue: packet?.queue },
    ]);
  });
  it("tells the handoff's queue how far an agent's reply got: sent by the outbox, then delivered and read", async () => {
    const { harness } = await withGraph([]);
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: 0 });
    await deliver(harness, '966500000508', 'wamid.in.9', 'I want to talk to a human');
    await deliver(harness, '966500000509', 'wamid.in.10', 'hello');
    await harness.baton.settled();
    const [packet] = await harness.packets();
    const live: { type: string; status?: string }[] = [];
    harness.baton.agentDeps.events.subscribe((event) => live.push(event));
    const replied = await harness.app.request(`/api/handoffs/${packet?.id}/reply`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Hi Sara, Layla here' }),
    });
    expect(replied.status).toBe(202);
    const sentReply = async () =>
      (await harness.db.select().from(messages).where(eq(messages.text, 'Hi Sara, Layla here'))).find(
        (m) => m.status === 'sent',
      );
    await waitFor(async () => (await sentReply()) !== undefined);
    const reply = await sentReply();
    const botReply = (await harness.db.select().from(messages)).find(
      (m) => m.direction === 'out' && m.conversationId !== packet?.conversationId,
    );
    await postStatuses(harness, '966500000508', [{ id: reply?.externalId ?? '', status: 'delivered' }]);
    await postStatuses(harness, '966500000508', [{ id: reply?.externalId ?? '', status: 'read' }]);
    // a receipt for the bot's own conversation, and one that changes nothing, tell nobody
    await postStatuses(harness, '966500000509', [{ id: botReply?.externalId ?? '', status: 'read' }]);
    await postStatuses(harness, '966500000508', [{ id: reply?.externalId ?? '', status: 'delivered' }]);
    const ticks = live.filter((event) => event.type === 'message.status');
    // the join notice and the reply are each sent; only the reply had receipts here
    expect(ticks.map((event) => event.status)).toEqual(['sent', 'sent', 'delivered', 'read']);
    expect(ticks[0]).toEqual({
      type: 'message.status',
      handoffId: packet?.id,
      queue: packet?.queue,
      status: 'sent',
    });
  });

  it('answers a message delivered after its 24-hour window without sending what the channel would refuse', async () => {
    const logLines: string[] = [];
    const { graph, harness } = await withGraph([], logLines);
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: 0 });
    // Meta redelivers after an outage: the customer asked for a person 25 hours ago
    await deliver(harness, '966500000508', 'wamid.in.9', 'I want to talk to a human', -25 * 3600);
    await harness.baton.settled();
    await harness.baton.outbox.kick();
    expect(graph.sends()).toHaveLength(0);
    expect(await harness.db.select().from(outbox)).toHaveLength(0);
    const replies = await harness.db.select().from(messages).where(eq(messages.direction, 'out'));
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) {
      expect(reply).toMatchObject({
        status: 'failed',
        errorCode: 131047,
        error: 'not sent: the 24-hour window had closed when the message arrived',
      });
    }
    expect(logLines.join('\n')).toContain('message answered after the 24-hour window');
    // the handoff still reaches an agent, who sees the window closed and can send a template
    const [packet] = await harness.packets();
    expect(packet?.reasons.map((reason) => reason.code)).toContain('human_requested');
    const detail = await harness.app.request(`/api/handoffs/${packet?.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await detail.json();
    expect(body.window.open).toBe(false);
    expect(body.transcript.find((line: { fix: string | null }) => line.fix !== null)).toMatchObject({
      fix: 'window_closed',
    });

    // a message inside its window is answered and sent as ever
    await deliver(harness, '966500000510', 'wamid.in.10', 'hello', -23 * 3600);
    await harness.baton.settled();
    await waitFor(async () => graph.sends().length === 1);
  });

  it('reopens the window for a newer message delivered after a late one, and owes the customer the notice they never got', async () => {
    const { graph, harness } = await withGraph([]);
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: 0 });
    const waId = '966500000511';
    // two messages of the outage, delivered after the window closed: a handoff, a chase
    await deliver(harness, waId, 'wamid.in.11', 'I want to talk to a human', -25 * 3600);
    await deliver(harness, waId, 'wamid.in.12', 'hello? I want an agent please', -25 * 3600 + 60);
    await harness.baton.settled();
    await harness.baton.outbox.kick();
    expect(graph.sends()).toHaveLength(0);
    // then one the customer sent a minute ago
    await deliver(harness, waId, 'wamid.in.13', 'still waiting for an agent', -60);
    await harness.baton.settled();
    // the queue notice they never received is sent now
    await waitFor(async () => graph.sends().length === 1);
    const [packet] = await harness.packets();
    const detail = await harness.app.request(`/api/handoffs/${packet?.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect((await detail.json()).window.open).toBe(true);
    const reply = await harness.app.request(`/api/handoffs/${packet?.id}/reply`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Hello, Layla here' }),
    });
    expect(reply.status).toBe(202);
  });
});
