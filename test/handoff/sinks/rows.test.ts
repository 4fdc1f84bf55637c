import { afterEach, describe, expect, it } from 'vitest';
import type { Packet } from '../../../src/handoff/packet.js';
import { sinkSettingsSchema } from '../../../src/handoff/sinks/config.js';
import { sinkHandlers, sinkOutboxRows, sinkOutboxStatements } from '../../../src/handoff/sinks/handlers.js';
import type { OutboxRow } from '../../../src/store/repos/outbox.js';
import { outbox } from '../../../src/store/schema/index.js';
import { arabicPacket } from './packet-fixture.js';
import { allSinks, type SinkHarness, sinkHarness } from './sink-harness.js';

const harnesses: SinkHarness[] = [];
afterEach(async () => {
  for (const harness of harnesses.splice(0)) await harness.close();
});

async function start(...args: Parameters<typeof sinkHarness>) {
  const harness = await sinkHarness(...args);
  harnesses.push(harness);
  return harness;
}

describe('sinkOutboxRows', () => {
  it('schedules one row per enabled sink, outside any conversation, due now', () => {
    const packet = arabicPacket();
    const settings = sinkSettingsSchema.parse({
      slack: { webhookUrl: 'https://hooks.slack.com/services/T0/B0/X' },
      teams: { webhookUrl: 'https://prod.logic.azure.com/workflows/1?sig=abc' },
    });
    expect(sinkOutboxRows(packet, settings, 1_000)).toEqual([
      {
        kind: 'sink:slack',
        conversationId: null,
        messageId: null,
        payload: { packet },
        nextAttemptAt: 1_000,
        createdAt: 1_000,
        updatedAt: 1_000,
      },
      {
        kind: 'sink:teams',
        conversationId: null,
        messageId: null,
        payload: { packet },
        nextAttemptAt: 1_000,
        createdAt: 1_000,
        updatedAt: 1_000,
      },
    ]);
  });

  it('gives no statement when no sink is enabled, so a batch can spread it', async () => {
    const h = await start();
    expect(sinkOutboxStatements(h.db, arabicPacket(), sinkSettingsSchema.parse({}), 0)).toEqual([]);
  });

  it('is not held back by a WhatsApp send of the same conversation waiting for its retry', async () => {
    const h = await start();
    const packet = arabicPacket();
    const now = h.clock.now();
    await h.db.insert(outbox).values({
      kind: 'send',
      conversationId: packet.conversationId,
      payload: {},
      attempts: 2,
      nextAttemptAt: now + 3_600_000,
      createdAt: now,
      updatedAt: now,
    });
    await h.enqueue(packet);
    await h.dispatcher.kick();
    const rows = await h.rows();
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['send', 'pending'],
      ['sink:slack', 'done'],
      ['sink:webhook', 'done'],
      ['sink:zendesk', 'done'],
      ['sink:teams', 'done'],
    ]);
  });
});

describe('sinkHandlers', () => {
  it('drops rows of a sink that is no longer configured', async () => {
    const h = await start((r) => allSinks(r, { slack: undefined }));
    await h.db.insert(outbox).values({
      kind: 'sink:slack',
      payload: { packet: arabicPacket() },
      nextAttemptAt: h.clock.now(),
      createdAt: h.clock.now(),
      updatedAt: h.clock.now(),
    });
    const [row] = await h.settle();
    expect(row).toMatchObject({ status: 'dropped', lastError: 'sink slack is not configured' });
  });

  it('fails a payload that is not a packet at once, without a retry', async () => {
    const h = await start();
    await h.db.insert(outbox).values({
      kind: 'sink:webhook',
      payload: { packet: { id: 'ho_1' } },
      nextAttemptAt: h.clock.now(),
      createdAt: h.clock.now(),
      updatedAt: h.clock.now(),
    });
    const [row] = await h.settle();
    expect(row).toMatchObject({ status: 'failed', attempts: 0 });
    expect(row?.lastError).toMatch(/^bad webhook sink payload/);
    expect(h.receivers.requests()).toHaveLength(0);
  });
});

/** A row as the dispatcher hands it over after claiming it. */
function zendeskRow(packet: Packet): OutboxRow {
  return {
    id: 1,
    kind: 'sink:zendesk',
    conversationId: null,
    messageId: null,
    payload: { packet },
    status: 'sending',
    attempts: 0,
    nextAttemptAt: 0,
    leaseUntil: null,
    lastError: null,
    createdAt: 0,
    updatedAt: 0,
  };
}

describe('the Zendesk sink never makes a second ticket', () => {
  it('finds the ticket by external_id when the response to the create was lost', async () => {
    const h = await start();
    h.receivers.script('zendesk', 'create-then-500');
    await h.enqueue(arabicPacket());
    const rows = await h.settle();
    expect(rows.find((r) => r.kind === 'sink:zendesk')).toMatchObject({ status: 'done', attempts: 1 });
    expect(h.receivers.tickets()).toHaveLength(1);
    const [, lookup] = h.receivers.requests('zendesk');
    expect(lookup).toMatchObject({ method: 'GET', query: { external_id: arabicPacket().id } });
  });

  it('relies on the idempotency key when a crashed attempt is claimed again', async () => {
    const h = await start();
    const handler = sinkHandlers(allSinks(h.receivers))['sink:zendesk'];
    const row = zendeskRow(arabicPacket());
    expect(await handler?.deliver(row)).toEqual({ ok: true });
    expect(await handler?.deliver(row)).toEqual({ ok: true });
    expect(h.receivers.tickets()).toHaveLength(1);
    expect(h.receivers.requests('zendesk').map((r) => r.method)).toEqual(['POST', 'POST']);
  });

  it('counts an idempotency-key conflict as already created', async () => {
    const h = await start();
    const packet = arabicPacket();
    const first = sinkHandlers(allSinks(h.receivers))['sink:zendesk'];
    // The same key with a different body, as after a settings change between attempts.
    const second = sinkHandlers(allSinks(h.receivers, { publicBaseUrl: 'https://other.example' }))[
      'sink:zendesk'
    ];
    const row = zendeskRow(packet);
    expect(await first?.deliver(row)).toEqual({ ok: true });
    expect(await second?.deliver(row)).toEqual({ ok: true });
    expect(h.receivers.tickets()).toHaveLength(1);
  });
});
