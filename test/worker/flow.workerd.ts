import { env, SELF } from 'cloudflare:test';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addAgent } from '../../src/inbox/agents.js';
import { messages } from '../../src/store/schema/index.js';
import { conversationIdFor } from '../../src/util/ids.js';
import { openD1 } from '../../src/worker/d1.js';
import { metaJson, textEnvelope } from '../support/meta.js';
import { client, nextWaId, type WorkerTarget, waitFor, workerScenarios } from './scenarios.js';

// Runs in workerd: SELF is src/worker.ts with wrangler.toml's bindings (a local D1, the two
// Durable Object classes and their alarms), configured by vitest.worker.config.ts.

const db = openD1(env.DB);
const target: WorkerTarget = {
  fetch: (path, init) => SELF.fetch(`http://localhost${path}`, init),
  appSecret: env.WHATSAPP_APP_SECRET,
  agentToken: async () => (await addAgent(db, { name: 'Noura', queues: ['*'], now: Date.now() })).token,
};

describe('Baton on Workers, in workerd (D1, Durable Objects)', () => {
  workerScenarios(() => target);

  it('handles a burst delivered out of order in WhatsApp timestamp order', async () => {
    const { deliver } = client(() => target);
    const waId = nextWaId();
    const base = Math.floor(Date.now() / 1000);
    const texts = ['hi', 'where is my order A1001?', 'thanks'];
    // Delivered newest first; the settle wait (CONVERSATION_SETTLE_MS) lets the object see all three.
    for (const i of [2, 0, 1]) {
      const body = metaJson(
        textEnvelope([{ waId, id: `wamid.burst.${waId}.${i}`, text: texts[i] ?? '', timestamp: base + i }]),
      );
      expect((await deliver(body, 'valid')).status).toBe(200);
    }
    const conversationId = await conversationIdFor('whatsapp', waId);
    const inbound = () =>
      db
        .select({ text: messages.text, turn: messages.turn, status: messages.status })
        .from(messages)
        .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'in')));
    const handled = await waitFor(
      inbound,
      (rows) => rows.length === 3 && rows.every((r) => r.status === 'done'),
    );
    const byTurn = [...handled].sort((a, b) => (a.turn ?? 0) - (b.turn ?? 0));
    expect(byTurn.map((row) => row.text)).toEqual(texts);
  });
});
