import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { messages } from '../../src/store/schema/index.js';
import { createHarness, type Harness } from '../support/harness.js';
import { metaJson, signedRequest, textEnvelope } from '../support/meta.js';

let harness: Harness | undefined;
afterEach(() => harness?.close());

const WA_ID = '966500000777';

/** Delivers texts sent at the given WhatsApp timestamps, then lets the worker handle them all. */
async function deliver(h: Harness, sentAt: number[], texts: string[] = []) {
  for (const [i, timestamp] of sentAt.entries()) {
    const text = texts[i] ?? `hello ${i}`;
    const body = metaJson(
      textEnvelope([{ waId: WA_ID, id: `wamid.rate.${timestamp}.${i}`, text, timestamp }]),
    );
    expect((await h.app.fetch(await signedRequest(body, undefined))).status).toBe(200);
  }
  h.baton.worker.flush();
  await h.baton.settled();
}

async function inbound(h: Harness) {
  return h.db
    .select({ turn: messages.turn, error: messages.error, status: messages.status })
    .from(messages)
    .where(eq(messages.direction, 'in'))
    .orderBy(messages.sentAt);
}

describe('per-customer rate limit (CUSTOMER_RATE_LIMIT_PER_MINUTE)', () => {
  it('answers the configured number of messages a minute, keeps the rest unanswered, and lifts after the minute', async () => {
    harness = await createHarness({
      env: { CONVERSATION_SETTLE_MS: '60000', CUSTOMER_RATE_LIMIT_PER_MINUTE: '3' },
    });
    const start = Math.floor(Date.now() / 1000) - 300;
    await deliver(harness, [start, start + 1, start + 2, start + 3, start + 4, start + 70]);
    const rows = await inbound(harness);
    expect(rows.map((r) => r.status)).toEqual(Array(6).fill('done'));
    expect(rows.map((r) => (r.turn === null ? r.error : 'answered'))).toEqual([
      'answered',
      'answered',
      'answered',
      'rate_limited',
      'rate_limited',
      // Sent 70 s after the first: none of the others falls in the minute before it.
      'answered',
    ]);
    expect(await harness.replies(WA_ID)).toHaveLength(4);
  });

  it('keeps what a flooding customer writes while waiting for a person on the handoff, for the agent', async () => {
    harness = await createHarness({
      env: { CONVERSATION_SETTLE_MS: '60000', CUSTOMER_RATE_LIMIT_PER_MINUTE: '2' },
    });
    const start = Math.floor(Date.now() / 1000) - 300;
    await deliver(
      harness,
      [start, start + 1, start + 2, start + 3],
      ['I want to talk to a human', 'hello?', 'my order is A1001', 'it is the blue one'],
    );
    const [packet] = await harness.packets();
    const kept = await harness.db
      .select({ text: messages.text, error: messages.error })
      .from(messages)
      .where(eq(messages.handoffId, packet?.id ?? ''))
      .orderBy(messages.sentAt);
    expect(kept).toEqual([
      { text: 'I want to talk to a human', error: null },
      { text: 'hello?', error: null },
      { text: 'my order is A1001', error: 'rate_limited' },
      { text: 'it is the blue one', error: 'rate_limited' },
    ]);
  });

  it('0 turns the limit off', async () => {
    harness = await createHarness({
      env: { CONVERSATION_SETTLE_MS: '60000', CUSTOMER_RATE_LIMIT_PER_MINUTE: '0' },
    });
    const start = Math.floor(Date.now() / 1000) - 300;
    await deliver(
      harness,
      Array.from({ length: 40 }, (_, i) => start + i),
    );
    const rows = await inbound(harness);
    expect(rows.filter((r) => r.turn === null)).toEqual([]);
    expect(rows).toHaveLength(40);
  });
});
