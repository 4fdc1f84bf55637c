import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { messages, outbox } from '../../src/store/schema/index.js';
import { createHarness, type Harness } from '../support/harness.js';
import { deliveryBody, groupBy, openWork, pool, postWebhook, storm, until } from './support.js';

const SECRET = 'reliability-storm-secret';
const CONVERSATIONS = 500;
const PER_CONVERSATION = 7;
const DUPLICATES = 1_500; // 30 % of the 5,000 deliveries

let harness: Harness | undefined;
afterAll(() => harness?.close());

describe('storm: 5,000 deliveries for 500 conversations, 30 % duplicated, shuffled', () => {
  it('processes every message exactly once, in per-conversation order, with one reply each', async () => {
    harness = await createHarness({
      env: { WHATSAPP_APP_SECRET: SECRET, CONVERSATION_SETTLE_MS: '40', WORKER_CONCURRENCY: '16' },
    });
    const { app, db, baton } = harness;
    const deliveries = storm({
      conversations: CONVERSATIONS,
      perConversation: PER_CONVERSATION,
      duplicates: DUPLICATES,
      seed: 20_261_125,
      prefix: 'storm',
    });
    expect(deliveries).toHaveLength(5_000);

    const statuses = new Map<number, number>();
    await pool(deliveries, 16, async (delivery) => {
      const body = deliveryBody(delivery);
      const response = await postWebhook(app, body, SECRET);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    });
    expect(Object.fromEntries(statuses)).toEqual({ 200: 5_000 });

    const settled = await until(async () => {
      await baton.settled();
      return (await openWork(db)) === 0;
    }, 90_000);
    expect(settled).toBe(true);

    // Exactly once: one row per wamid, every one handled by one turn, no failure.
    const inbound = await db
      .select()
      .from(messages)
      .where(eq(messages.direction, 'in'))
      .orderBy(asc(messages.conversationId), asc(messages.sentAt));
    expect(inbound).toHaveLength(CONVERSATIONS * PER_CONVERSATION);
    expect(inbound.filter((m) => m.status !== 'done' || m.turn === null || m.error !== null)).toEqual([]);

    // Per-conversation order: turns 1..n follow the WhatsApp timestamps.
    const byConversation = groupBy(inbound, (m) => m.conversationId);
    expect(byConversation.size).toBe(CONVERSATIONS);
    for (const rows of byConversation.values()) {
      expect(rows.map((m) => m.turn)).toEqual(Array.from({ length: PER_CONVERSATION }, (_, i) => i + 1));
    }

    // One reply each, sent in turn order: the outbox rows of a conversation carry turns 1..n.
    const sends = await db
      .select({ conversationId: outbox.conversationId, payload: outbox.payload, status: outbox.status })
      .from(outbox)
      .where(eq(outbox.kind, 'send'))
      .orderBy(asc(outbox.id));
    expect(sends.filter((s) => s.status !== 'done')).toEqual([]);
    const turnsSent = groupBy(sends, (s) => s.conversationId ?? '');
    for (const [conversationId, rows] of turnsSent) {
      expect({ conversationId, turns: rows.map((r) => (r.payload as { turn?: number }).turn) }).toEqual({
        conversationId,
        turns: Array.from({ length: PER_CONVERSATION }, (_, i) => i + 1),
      });
    }
    expect(turnsSent.size).toBe(CONVERSATIONS);
    const outbound = await db
      .select({ n: sql<number>`count(*)` })
      .from(messages)
      .where(and(eq(messages.direction, 'out'), eq(messages.status, 'sent')));
    expect(outbound[0]?.n).toBe(CONVERSATIONS * PER_CONVERSATION);
  });
});
