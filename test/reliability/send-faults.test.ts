import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { graphError } from '../support/fake-graph.js';
import { startServer } from '../support/fake-server.js';
import { createHarness, type Harness } from '../support/harness.js';
import {
  deliveryBody,
  groupBy,
  ONE_REPLY_TEXTS,
  openWork,
  pool,
  postWebhook,
  rng,
  until,
} from './support.js';

const SECRET = 'reliability-send-secret';
const CONVERSATIONS = 100;
const PER_CONVERSATION = 3;

/**
 * A Graph API that fails at random: 429 (throughput, with Retry-After), 500, a hang longer than the
 * client's timeout that ends in a 504 (never accepted), and a permanent 131026. It records only
 * the sends it accepted.
 */
async function flakyGraph(random: () => number) {
  const accepted: { to: string; text: string }[] = [];
  const outcomes: Record<string, number> = {};
  const app = new Hono();
  app.post('/:version/:phone/messages', async (c) => {
    const body = (await c.req.json()) as {
      status?: string;
      to?: string;
      text?: { body?: string };
      interactive?: { body?: { text?: string } };
    };
    if (body.status === 'read') return c.json({ success: true });
    const roll = random();
    const outcome =
      roll < 0.5 ? 'ok' : roll < 0.65 ? '429' : roll < 0.8 ? '500' : roll < 0.9 ? 'hang' : '131026';
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    if (outcome === '429') {
      const { status, body: error } = graphError(429, 130429, 'throughput');
      return c.json(error, status as 429, { 'retry-after': '0' });
    }
    if (outcome === '500') return c.json(graphError(500, 131000, 'unknown').body, 500);
    if (outcome === 'hang') {
      await new Promise((resolve) => setTimeout(resolve, 3_500));
      return c.json(graphError(504, 131000, 'late').body, 504);
    }
    if (outcome === '131026') return c.json(graphError(400, 131026, 'undeliverable').body, 400);
    accepted.push({ to: body.to ?? '', text: body.text?.body ?? body.interactive?.body?.text ?? '' });
    return c.json({ messaging_product: 'whatsapp', messages: [{ id: `wamid.send.${accepted.length}` }] });
  });
  return { ...(await startServer(app)), accepted, outcomes };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('send faults: the Graph API answers 429, 500 or times out at random', () => {
  it('delivers every message eventually or marks it failed where agents see it, and never sends one twice', async () => {
    const graph = await flakyGraph(rng(99));
    // What the client saw of each send attempt, so a resend can be told from an ambiguous timeout.
    const attempts: { to: string; text: string; start: number; end: number; ok: boolean }[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const payload = JSON.parse(String(init?.body ?? '{}')) as {
        status?: string;
        to?: string;
        text?: { body?: string };
        interactive?: { body?: { text?: string } };
      };
      const start = performance.now();
      const record = (ok: boolean) => {
        if (payload.status === 'read') return;
        const text = payload.text?.body ?? payload.interactive?.body?.text ?? '';
        attempts.push({ to: payload.to ?? '', text, start, end: performance.now(), ok });
      };
      try {
        const response = await realFetch(input, init);
        const body = await response.clone().text();
        record(response.ok && body.includes('"messages"'));
        return response;
      } catch (error) {
        record(false);
        throw error;
      }
    };
    cleanups.push(() => {
      globalThis.fetch = realFetch;
    });

    cleanups.push(() => graph.close());
    const harness: Harness = await createHarness({
      env: {
        WHATSAPP_APP_SECRET: SECRET,
        WHATSAPP_ACCESS_TOKEN: 'send-faults-token',
        // the number the deliveries are addressed to (support.ts)
        WHATSAPP_PHONE_NUMBER_ID: '100000000000001',
        // read back through the sandbox API, beside a real (fake Graph API) transport: on purpose
        SANDBOX_ENABLED: 'true',
        WHATSAPP_API_BASE_URL: graph.url,
        WHATSAPP_SEND_TIMEOUT_MS: '3000',
        OUTBOX_MAX_ATTEMPTS: '6',
        OUTBOX_BASE_DELAY_MS: '20',
        OUTBOX_POLL_MS: '50',
        CONVERSATION_SETTLE_MS: '5',
      },
    });
    cleanups.push(() => harness.close());
    const { app, db, baton } = harness;

    const deliveries = Array.from({ length: CONVERSATIONS }, (_, c) =>
      Array.from({ length: PER_CONVERSATION }, (_, i) => ({
        waId: `9665${String(60_000_000 + c).slice(-8)}`,
        wamid: `wamid.sendfaults.${c}.${i}`,
        text: ONE_REPLY_TEXTS[(c + i) % ONE_REPLY_TEXTS.length] ?? 'hello',
        timestamp: Math.floor(Date.now() / 1000) - 600 + i * 10,
      })),
    );
    await pool(deliveries, 10, async (conversation) => {
      for (const delivery of conversation) {
        const body = deliveryBody(delivery);
        const response = await postWebhook(app, body, SECRET);
        expect(response.status).toBe(200);
      }
    });
    const finished = await until(async () => {
      await baton.settled();
      return (await openWork(db)) === 0;
    }, 90_000);
    expect(finished).toBe(true);

    const outbound = await db.all<{ wa_id: string; text: string; status: string; error: string | null }>(
      sql`SELECT c.wa_id, m.text, m.status, m.error FROM messages m
            JOIN conversations v ON v.id = m.conversation_id JOIN customers c ON c.id = v.customer_id
           WHERE m.direction = 'out'`,
    );
    expect(outbound).toHaveLength(CONVERSATIONS * PER_CONVERSATION);
    // Delivered or failed for good, nothing in between; a failure says why.
    expect(outbound.filter((m) => m.status !== 'sent' && m.status !== 'failed')).toEqual([]);
    const failed = outbound.filter((m) => m.status === 'failed');
    expect(failed.filter((m) => !m.error)).toEqual([]);
    expect(failed.length).toBeGreaterThan(0);

    // Never sent twice by the retry logic: a message whose send the client saw succeed is never
    // sent again, two attempts of one message never overlap, and what the client saw succeed is
    // exactly what is marked sent. A send the fake accepted but whose answer came after the client's
    // timeout is resent — the at-least-once ambiguity of any timeout (the Graph API has no
    // idempotency key); those are counted and reported, not failed.
    let ambiguous = 0;
    for (const [key, tries] of groupBy(attempts, (a) => `${a.to}\u0000${a.text}`)) {
      const ordered = tries.sort((a, b) => a.start - b.start);
      const firstOk = ordered.findIndex((a) => a.ok);
      expect({ key, sentAfterSuccess: firstOk === -1 ? 0 : ordered.length - 1 - firstOk }).toEqual({
        key,
        sentAfterSuccess: 0,
      });
      for (let i = 1; i < ordered.length; i++) {
        expect((ordered[i]?.start ?? 0) >= (ordered[i - 1]?.end ?? 0)).toBe(true);
      }
    }
    const acceptedPer = groupBy(graph.accepted, (s) => s.to);
    for (const [waId, rows] of groupBy(outbound, (m) => m.wa_id)) {
      const sent = rows
        .filter((m) => m.status === 'sent')
        .map((m) => m.text ?? '')
        .sort();
      const seenOk = attempts
        .filter((a) => a.to === waId && a.ok)
        .map((a) => a.text)
        .sort();
      expect({ waId, seenOk }).toEqual({ waId, seenOk: sent });
      ambiguous += (acceptedPer.get(waId)?.length ?? 0) - sent.length;
    }

    // Visible where people look: the failed-messages gauge and the conversation's message list.
    const metrics = await (await app.request('/metrics')).text();
    expect(metrics).toContain(`baton_messages_failed ${failed.length}`);
    const [one] = failed;
    const listed = await harness.messages(one?.wa_id ?? '');
    expect(listed.some((m) => m.direction === 'out' && m.status === 'failed')).toBe(true);
    console.info(
      `send faults: ${JSON.stringify(graph.outcomes)}; ${outbound.length - failed.length} delivered, ${failed.length} failed; ` +
        `${ambiguous} accepted by the fake after the client had timed out (resent or marked failed)`,
    );
  });
});
