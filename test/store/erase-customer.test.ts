import { eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/channel/inbound.js';
import { runHandoffTimers, timerContext } from '../../src/handoff/timers.js';
import { addAgent } from '../../src/inbox/agents.js';
import { silentLogger } from '../../src/log/logger.js';
import { customerFootprint, eraseCustomer } from '../../src/store/repos/erase-customer.js';
import { ingestInboundBatch } from '../../src/store/repos/ingest.js';
import {
  checkpointBlobs,
  checkpoints,
  checkpointWrites,
  conversations,
  customers,
  erasedMessages,
  handoffNotes,
  handoffs,
  messages,
  outbox,
} from '../../src/store/schema/index.js';
import { FixedClock } from '../../src/util/clock.js';
import { createHarness, type Harness } from '../support/harness.js';

let harness: Harness;
afterEach(() => harness?.close());

const DAY = 86_400_000;
const erased = '966500000987';
const kept = '966500000988';

/** Every row that belongs to the customer's conversations, by table. */
async function rowsOf(waId: string) {
  const db = harness.db;
  const ids = (await db.select().from(conversations).where(eq(conversations.customerId, waId))).map(
    (row) => row.id,
  );
  const handoffIds = (await db.select().from(handoffs).where(inArray(handoffs.conversationId, ids))).map(
    (row) => row.id,
  );
  const sinkRows = (await db.select().from(outbox).where(eq(outbox.kind, 'sink:webhook'))).filter((row) =>
    ids.some((id) => JSON.stringify(row.payload).includes(id)),
  );
  return {
    customers: (await db.select().from(customers).where(eq(customers.id, waId))).length,
    conversations: ids.length,
    messages: (await db.select().from(messages).where(inArray(messages.conversationId, ids))).length,
    handoffs: handoffIds.length,
    notes: (await db.select().from(handoffNotes).where(inArray(handoffNotes.handoffId, handoffIds))).length,
    sends: (await db.select().from(outbox).where(inArray(outbox.conversationId, ids))).length,
    sinkRows: sinkRows.length,
    checkpoints: (await db.select().from(checkpoints).where(inArray(checkpoints.threadId, ids))).length,
    blobs: (await db.select().from(checkpointBlobs).where(inArray(checkpointBlobs.threadId, ids))).length,
    writes: (await db.select().from(checkpointWrites).where(inArray(checkpointWrites.threadId, ids))).length,
  };
}

describe('erasing a customer (a deletion request)', () => {
  it('deletes everything kept about them, in one batch, and nothing of anyone else', async () => {
    harness = await createHarness({
      clock: new FixedClock(Date.parse('2026-11-24T11:00:00+03:00')),
      env: {
        HANDOFF_WEBHOOK_URL: 'https://hooks.example/baton',
        HANDOFF_WEBHOOK_SECRET: 'sixteen-chars-or-more',
      },
    });
    for (const waId of [erased, kept]) {
      await harness.post({ waId, text: 'where is my order?' });
      await harness.post({ waId, text: 'I want to talk to a human' });
    }
    const before = await rowsOf(erased);
    // the conversation, its messages, the handoff with its packet, the sink's copy, the agent's state
    expect(before).toMatchObject({ customers: 1, conversations: 1, handoffs: 1, sinkRows: 1 });
    expect(before.messages).toBeGreaterThanOrEqual(4);
    expect(before.notes + before.sends + before.checkpoints + before.blobs).toBeGreaterThan(0);
    const keptBefore = await rowsOf(kept);

    expect(await customerFootprint(harness.db, erased)).toEqual({
      customers: 1,
      conversations: 1,
      messages: before.messages,
      handoffs: 1,
      openHandoffs: 1,
      notes: before.notes,
      outbox: before.sends + before.sinkRows,
    });
    await eraseCustomer(harness.db, erased, Date.now());

    expect(Object.values(await rowsOf(erased)).every((n) => n === 0)).toBe(true);
    expect(await rowsOf(kept)).toEqual(keptBefore);
  });

  it('finds the customer by their WhatsApp user id too, and erasing nobody changes nothing', async () => {
    harness = await createHarness();
    await harness.post({ waId: erased, text: 'hello' });
    await harness.db.update(customers).set({ userId: 'SA.1a2b3c' }).where(eq(customers.id, erased));
    expect((await customerFootprint(harness.db, 'nobody')).customers).toBe(0);
    await eraseCustomer(harness.db, 'nobody', Date.now());
    expect((await rowsOf(erased)).customers).toBe(1);
    await eraseCustomer(harness.db, 'SA.1a2b3c', Date.now());
    expect(await rowsOf(erased)).toMatchObject({ customers: 0, conversations: 0, messages: 0 });
  });
});

describe('a message redelivered after its customer was erased', () => {
  it('is neither stored nor answered again, until its id is forgotten 30 days later', async () => {
    harness = await createHarness();
    await harness.post({ waId: erased, text: 'my address is 12 King Fahd Rd', id: 'wamid.erased.1' });
    await harness.post({ waId: kept, text: 'hello', id: 'wamid.kept.1' });
    const now = Date.now();
    await eraseCustomer(harness.db, erased, now);
    // Meta redelivers the webhook days later
    await harness.post({ waId: erased, text: 'my address is 12 King Fahd Rd', id: 'wamid.erased.1' });
    expect(await rowsOf(erased)).toMatchObject({ customers: 0, conversations: 0, messages: 0 });
    expect(await harness.db.select().from(erasedMessages)).toEqual([
      { externalId: 'wamid.erased.1', erasedAt: now },
    ]);
    // the customer writing anew is a new conversation, answered as any
    await harness.post({ waId: erased, text: 'hello again' });
    expect(await harness.replies(erased)).toHaveLength(1);
    const ctx = timerContext(harness.config, harness.db, silentLogger, harness.baton.agentDeps.events);
    expect((await runHandoffTimers(ctx, now + 29 * 86_400_000)).forgotten).toBe(0);
    expect((await runHandoffTimers(ctx, now + 31 * 86_400_000)).forgotten).toBe(1);
  });
});

describe('a webhook batch with an erased customer message among others', () => {
  it("skips that one and stores the rest, each result in its message's place", async () => {
    harness = await createHarness({ start: false });
    const message = (externalId: string, waId: string, text: string): InboundMessage => ({
      channel: 'whatsapp',
      externalId,
      phoneNumberId: '1',
      customer: { key: waId, waId },
      timestamp: Date.now(),
      type: 'text',
      text,
      raw: {},
    });
    const now = Date.now();
    await ingestInboundBatch(harness.db, [message('wamid.e.1', erased, 'عنواني حي النخيل')], now);
    await eraseCustomer(harness.db, erased, now);
    const results = await ingestInboundBatch(
      harness.db,
      [
        message('wamid.k.1', kept, 'مرحبا'),
        message('wamid.e.1', erased, 'عنواني حي النخيل'),
        message('wamid.k.2', kept, 'وين طلبي؟'),
        message('wamid.k.1', kept, 'مرحبا'),
      ],
      now,
    );
    expect(results.map((result) => [result.inserted, result.erased ?? false])).toEqual([
      [true, false],
      [false, true],
      [true, false],
      [false, false],
    ]);
    expect(await rowsOf(erased)).toMatchObject({ customers: 0, conversations: 0, messages: 0 });
    const stored = await harness.db.select().from(messages).orderBy(messages.externalId);
    expect(stored.map((row) => row.externalId)).toEqual(['wamid.k.1', 'wamid.k.2']);
  });
});

describe('a conversation erased while its turn ran', () => {
  it('leaves no state for the next conversation of the same number (its id is the same)', async () => {
    harness = await createHarness();
    await harness.post({ waId: erased, text: 'my secret is 4242, how much is shipping?' });
    // the turn's last write landing after the erase: its checkpoints outlive the conversation
    const [stateRows, blobRows] = [
      await harness.db.select().from(checkpoints),
      await harness.db.select().from(checkpointBlobs),
    ];
    await eraseCustomer(harness.db, erased, Date.now());
    await harness.db.insert(checkpoints).values(stateRows);
    await harness.db.insert(checkpointBlobs).values(blobRows);

    await harness.post({ waId: erased, text: 'I want to talk to a human' });
    const [packet] = await harness.packets();
    expect(JSON.stringify(packet)).not.toContain('4242');
    expect(packet?.summary).not.toMatch(/shipping/);
  });
});

describe('RETENTION_DAYS', () => {
  it('erases conversations no one wrote in for that long, with the bot only, and customers left with none', async () => {
    const clock = new FixedClock(Date.parse('2026-11-01T11:00:00+03:00'));
    harness = await createHarness({
      clock,
      env: { RETENTION_DAYS: '30' },
      customers: [{ waId: '966500000995', name: 'Huda', tier: 'vip' }],
    });
    const [old, waiting, vip, recent] = ['966500000993', '966500000994', '966500000995', '966500000996'];
    await harness.post({ waId: old, text: 'how much is shipping?' });
    await harness.post({ waId: waiting, text: 'I want to talk to a human' });
    await harness.post({ waId: vip, text: 'hello' });
    clock.advance(20 * DAY);
    await harness.post({ waId: recent, text: 'hello' });
    const ctx = timerContext(harness.config, harness.db, silentLogger, harness.baton.agentDeps.events);

    expect((await runHandoffTimers(ctx, Date.parse('2026-11-30T11:00:00+03:00'))).expired).toBe(0);
    expect((await runHandoffTimers(ctx, Date.parse('2026-12-02T11:00:00+03:00'))).expired).toBe(2);

    expect(await rowsOf(old)).toMatchObject({ customers: 0, conversations: 0, messages: 0 });
    // a VIP's tier is the operator's: the row stays, the conversation goes
    expect(await rowsOf(vip)).toMatchObject({ customers: 1, conversations: 0, messages: 0 });
    // a person is still to answer this one
    expect(await rowsOf(waiting)).toMatchObject({ customers: 1, conversations: 1, handoffs: 1 });
    expect((await rowsOf(recent)).messages).toBeGreaterThan(0);
    expect((await runHandoffTimers(ctx, Date.parse('2026-12-02T11:00:00+03:00'))).expired).toBe(0);
  });

  it('counts from the last thing that happened: an agent resolving, a rating, a message delivered late', async () => {
    const clock = new FixedClock(Date.parse('2026-11-01T11:00:00+03:00'));
    harness = await createHarness({ clock, env: { RETENTION_DAYS: '30' } });
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: clock.now() });
    const [helped, late] = ['966500000981', '966500000982'];
    await harness.post({ waId: helped, text: 'I want to talk to a human' });
    await harness.post({ waId: late, text: 'hello' });
    clock.advance(40 * DAY);
    // the customer waited over a long closure: an agent answers and resolves 40 days on
    const [packet] = await harness.packets();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    await harness.app.request(`/api/handoffs/${packet?.id}/reply`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ text: 'Sorry for the wait, sorted.' }),
    });
    await harness.app.request(`/api/handoffs/${packet?.id}/resolve`, { method: 'POST', headers, body: '{}' });
    await harness.baton.settled();
    // a message written 40 days ago, delivered now (a webhook redelivered after an outage)
    await harness.post({ waId: late, text: 'are you there?' });
    await harness.db
      .update(messages)
      .set({ sentAt: Date.parse('2026-11-01T11:05:00+03:00') })
      .where(eq(messages.text, 'are you there?'));
    await harness.db
      .update(conversations)
      .set({ lastMessageAt: Date.parse('2026-11-01T11:05:00+03:00') })
      .where(eq(conversations.customerId, late));
    const ctx = timerContext(harness.config, harness.db, silentLogger, harness.baton.agentDeps.events);

    expect((await runHandoffTimers(ctx, clock.now() + DAY)).expired).toBe(0);
    expect(await rowsOf(helped)).toMatchObject({ conversations: 1, handoffs: 1 });
    await harness.post({ waId: helped, text: '5' });
    expect((await runHandoffTimers(ctx, clock.now() + 31 * DAY)).expired).toBe(2);
  });

  it('keeps everything when it is 0, the default', async () => {
    const clock = new FixedClock(Date.parse('2026-01-01T11:00:00+03:00'));
    harness = await createHarness({ clock });
    await harness.post({ waId: '966500000997', text: 'hello' });
    const ctx = timerContext(harness.config, harness.db, silentLogger, harness.baton.agentDeps.events);
    expect((await runHandoffTimers(ctx, clock.now() + 3650 * DAY)).expired).toBe(0);
    expect((await rowsOf('966500000997')).messages).toBeGreaterThan(0);
  });
});
