import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { type Child, freePort, startNode } from '../../bench/lib/processes.js';
import { openLibsql } from '../../src/store/libsql.js';
import { startServer } from '../support/fake-server.js';
import { type Delivery, deliveryBody, groupBy, openWork, pool, signature, storm, until } from './support.js';

const SECRET = 'reliability-crash-secret';
// The storm's size: 5,000 deliveries (3,500 messages and 1,500 redeliveries) for 500 conversations.
const CONVERSATIONS = 500;
const PER_CONVERSATION = 7;
const DUPLICATES = 1_500;

/** A Graph API stand-in that takes 30 ms per send (so sends are in flight when the kill lands). */
async function slowGraph() {
  const sends: { to: string; text: string }[] = [];
  const app = new Hono();
  app.post('/:version/:phone/messages', async (c) => {
    const body = (await c.req.json()) as { status?: string; to?: string; text?: { body?: string } };
    if (body.status === 'read') return c.json({ success: true });
    await new Promise((resolve) => setTimeout(resolve, 30));
    sends.push({ to: body.to ?? '', text: body.text?.body ?? '' });
    return c.json({ messaging_product: 'whatsapp', messages: [{ id: `wamid.crash.out.${sends.length}` }] });
  });
  return { ...(await startServer(app)), sends };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('crash: SIGKILL in the middle of a storm, restart on the same database', () => {
  it('loses no inbound message, answers every one, duplicates at most one reply per conversation, leaves none stuck', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-crash-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const graph = await slowGraph();
    cleanups.push(() => graph.close());
    const port = await freePort();
    const env = {
      DATABASE_URL: `file:${join(dir, 'baton.db')}`,
      WHATSAPP_APP_SECRET: SECRET,
      WHATSAPP_VERIFY_TOKEN: 'crash-verify',
      WHATSAPP_ACCESS_TOKEN: 'crash-access-token',
      // the number the storm's deliveries are addressed to (support.ts)
      WHATSAPP_PHONE_NUMBER_ID: '100000000000001',
      WHATSAPP_API_BASE_URL: graph.url,
      CONVERSATION_SETTLE_MS: '50',
      OUTBOX_POLL_MS: '200',
      OUTBOX_BASE_DELAY_MS: '100',
      // A send takes 30 ms here; a short lease frees the ones the kill interrupted sooner.
      OUTBOX_LEASE_MS: '5000',
      LOG_LEVEL: 'warn',
    };
    const start = () => startNode({ entry: 'src/server.ts', env, port, quiet: true, timeoutMs: 60_000 });
    let server: Child = await start();
    cleanups.push(() => server.stop('SIGKILL'));

    const deliveries = storm({
      conversations: CONVERSATIONS,
      perConversation: PER_CONVERSATION,
      duplicates: DUPLICATES,
      seed: 7,
      prefix: 'crash',
    });
    const acknowledged = new Set<string>();
    const unacknowledged: Delivery[] = [];
    const deliver = async (delivery: Delivery) => {
      const body = deliveryBody(delivery);
      try {
        const response = await fetch(`${server.url}/webhooks/whatsapp`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature(body, SECRET) },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        if (response.status === 200) acknowledged.add(delivery.wamid);
        else unacknowledged.push(delivery);
      } catch {
        // The process died with this request open: Meta would deliver it again.
        unacknowledged.push(delivery);
      }
    };

    // The first 40 % of the storm, then SIGKILL while deliveries, turns and sends are in flight.
    const cut = Math.floor(deliveries.length * 0.4);
    let killed = false;
    await pool(deliveries.slice(0, cut + 64), 16, async (delivery, i) => {
      if (i === cut && !killed) {
        killed = true;
        server.process.kill('SIGKILL');
      }
      await deliver(delivery);
    });
    expect(killed).toBe(true);
    const sendsBeforeKill = graph.sends.length;

    // Restart on the same file; the rest of the storm, then Meta's redeliveries of what got no 200.
    server = await start();
    await pool(deliveries.slice(cut + 64), 16, deliver);
    const redeliver = unacknowledged.splice(0);
    await pool(redeliver, 16, deliver);
    expect(unacknowledged).toEqual([]);

    const uniqueWamids = new Set(deliveries.map((d) => d.wamid));
    expect(acknowledged.size).toBe(uniqueWamids.size);

    // A send in flight at the kill is retried once its lease runs out: wait for that.
    const { db, close } = openLibsql(env.DATABASE_URL);
    cleanups.push(close);
    const done = await until(
      async () => {
        return (await openWork(db)) === 0;
      },
      100_000,
      500,
    );
    expect(done).toBe(true);

    // Zero inbound lost: every acknowledged wamid is stored, once, and handled.
    const inbound = await db.all<{
      external_id: string;
      status: string;
      turn: number | null;
      conversation_id: string;
    }>(sql`SELECT external_id, status, turn, conversation_id FROM messages WHERE direction = 'in'`);
    expect(inbound).toHaveLength(uniqueWamids.size);
    expect(new Set(inbound.map((m) => m.external_id))).toEqual(uniqueWamids);
    expect(inbound.filter((m) => m.status !== 'done' || m.turn === null)).toEqual([]);

    // Every one answered: one reply per message, all delivered to the Graph API.
    const outbound = await db.all<{ conversation_id: string; status: string; wa_id: string }>(
      sql`SELECT m.conversation_id, m.status, c.wa_id FROM messages m
         JOIN conversations v ON v.id = m.conversation_id JOIN customers c ON c.id = v.customer_id
        WHERE m.direction = 'out'`,
    );
    expect(outbound.filter((m) => m.status !== 'sent')).toEqual([]);
    const inboundPer = groupBy(inbound, (m) => m.conversation_id);
    const outboundPer = groupBy(outbound, (m) => m.wa_id);
    expect(outboundPer.size).toBe(CONVERSATIONS);
    for (const [conversationId, rows] of inboundPer) {
      const replies = outbound.filter((m) => m.conversation_id === conversationId).length;
      expect({ conversationId, replies }).toEqual({ conversationId, replies: rows.length });
    }

    // At most one duplicate reply per conversation (a send that reached Meta just before the kill).
    const sentPer = groupBy(graph.sends, (s) => s.to);
    const duplicates = [...outboundPer].map(([waId, rows]) => (sentPer.get(waId)?.length ?? 0) - rows.length);
    expect(duplicates.filter((d) => d < 0 || d > 1)).toEqual([]);
    console.info(
      `crash: killed after ${cut} of ${deliveries.length} deliveries; ${redeliver.length} redelivered; ` +
        `${sendsBeforeKill} sends before the kill; ${duplicates.filter((d) => d === 1).length} conversations got one duplicate reply`,
    );

    // No stuck conversation: no handoff was due, so every conversation is with the bot again.
    const modes = await db.all<{ mode: string; n: number }>(
      sql`SELECT mode, count(*) AS n FROM conversations GROUP BY mode`,
    );
    expect(modes).toEqual([{ mode: 'bot', n: CONVERSATIONS }]);
    // The whole storm through a child process, twice started: about a minute here.
  }, 300_000);
});
