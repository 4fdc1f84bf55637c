import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { raiseStatements } from '../../src/handoff/raise.js';
import { runHandoffTimers, timerContext } from '../../src/handoff/timers.js';
import { addAgent } from '../../src/inbox/agents.js';
import type { InboxEvent } from '../../src/inbox/events.js';
import { silentLogger } from '../../src/log/logger.js';
import { conversations, handoffNotes, handoffs, outbox } from '../../src/store/schema/index.js';
import { FixedClock } from '../../src/util/clock.js';
import { createHarness, type Harness } from '../support/harness.js';

let harness: Harness;
afterEach(() => harness?.close());

const HOUR = 3_600_000;

/** A Baton on a fixed clock with the generic webhook sink, whose rows count the notifications. */
function withWebhookSink(clock: FixedClock) {
  return createHarness({
    clock,
    env: {
      HANDOFF_WEBHOOK_URL: 'https://hooks.example/baton',
      HANDOFF_WEBHOOK_SECRET: 'sixteen-chars-or-more',
    },
  });
}

describe('handoff timers', () => {
  it('raises a handoff still queued past its SLA one step, notifies the sinks again, once', async () => {
    const clock = new FixedClock(Date.parse('2026-11-24T11:00:00+03:00'));
    harness = await withWebhookSink(clock);
    await harness.post({ waId: '966500000971', text: 'agent please' });
    const ctx = timerContext(harness.config, harness.db, silentLogger, harness.baton.agentDeps.events);
    expect((await runHandoffTimers(ctx, clock.now() + 29 * 60_000)).raised).toEqual([]);
    const [packet] = await harness.packets();
    expect((await runHandoffTimers(ctx, clock.now() + 31 * 60_000)).raised).toEqual([packet?.id]);
    expect((await runHandoffTimers(ctx, clock.now() + 90 * 60_000)).raised).toEqual([]);
    const [row] = await harness.db.select().from(handoffs);
    expect(row).toMatchObject({ priority: 'high', priorityRank: 2 });
    expect((row?.packet as { priority: string } | undefined)?.priority).toBe('high');
    const hooks = await harness.db.select().from(outbox).where(eq(outbox.kind, 'sink:webhook'));
    expect(hooks).toHaveLength(2);
    // the raise's notification is a whole outbox row, written in the raise's batch
    expect(hooks[1]).toMatchObject({ status: 'pending', attempts: 0, conversationId: null });
    expect(hooks[1]?.payload).toMatchObject({ packet: { priority: 'high' } });
    const notes = await harness.db.select().from(handoffNotes);
    expect(notes[0]?.text).toMatch(/priority raised from normal to high/);
  });

  it('writes no note and notifies nobody when the raise no longer applies (claimed meanwhile)', async () => {
    const clock = new FixedClock(Date.parse('2026-11-24T11:00:00+03:00'));
    harness = await withWebhookSink(clock);
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: clock.now() });
    await harness.post({ waId: '966500000985', text: 'agent please' });
    const [packet] = await harness.packets();
    if (packet === undefined) throw new Error('no handoff');
    await harness.app.request(`/api/handoffs/${packet.id}/claim`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    const results = await harness.db.batch(
      raiseStatements(harness.db, harness.config.sinks, {
        packet: { ...packet, priority: 'urgent' },
        guard: eq(handoffs.status, 'queued'),
        note: 'raised while waiting',
        now: clock.now(),
      }),
    );
    expect(results.at(-1)).toEqual([]);
    const notes = await harness.db.select().from(handoffNotes);
    expect(notes.map((note) => note.text)).not.toContain('raised while waiting');
    expect(await harness.db.select().from(outbox).where(eq(outbox.kind, 'sink:webhook'))).toHaveLength(1);
    expect((await harness.db.select().from(handoffs))[0]?.priority).toBe(packet.priority);
  });

  it('raises and hands back once when two runs overlap (a slow cron sweep, a slow interval)', async () => {
    const clock = new FixedClock(Date.parse('2026-11-24T11:00:00+03:00'));
    harness = await withWebhookSink(clock);
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: clock.now() });
    await harness.post({ waId: '966500000974', text: 'agent please' });
    await harness.post({ waId: '966500000975', text: 'agent please' });
    const [waiting, held] = await harness.packets();
    await harness.app.request(`/api/handoffs/${held?.id}/claim`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    const ctx = timerContext(harness.config, harness.db, silentLogger, harness.baton.agentDeps.events);
    const heard: InboxEvent[] = [];
    harness.baton.agentDeps.events.subscribe((event) => heard.push(event));
    const at = clock.now() + 25 * HOUR;
    const runs = await Promise.all([runHandoffTimers(ctx, at), runHandoffTimers(ctx, at)]);
    expect(runs.flatMap((run) => run.raised)).toEqual([waiting?.id]);
    expect(runs.flatMap((run) => run.handedBack)).toEqual([held?.id]);
    // an open inbox hears each change once, as it hears an agent's, and reloads that handoff
    expect(heard.filter((event) => event.type === 'handoff.updated')).toEqual([
      { type: 'handoff.updated', handoffId: waiting?.id, queue: waiting?.queue, status: 'queued' },
      { type: 'handoff.updated', handoffId: held?.id, queue: held?.queue, status: 'resolved' },
    ]);
    const notes = await harness.db.select().from(handoffNotes);
    expect(notes.filter((note) => note.handoffId === waiting?.id)).toHaveLength(1);
    expect(notes.filter((note) => note.handoffId === held?.id)).toHaveLength(1);
    // the handoff's first notification and one for the raise
    const hooks = await harness.db.select().from(outbox).where(eq(outbox.kind, 'sink:webhook'));
    expect(hooks.filter((hook) => JSON.stringify(hook.payload).includes(waiting?.id ?? '?'))).toHaveLength(2);
  });

  it('hands an idle agent conversation back to the bot with a note', async () => {
    const clock = new FixedClock(Date.parse('2026-11-24T11:00:00+03:00'));
    harness = await createHarness({ clock });
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: clock.now() });
    await harness.post({ waId: '966500000972', text: 'agent please' });
    const [packet] = await harness.packets();
    await harness.app.request(`/api/handoffs/${packet?.id}/claim`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    const ctx = timerContext(harness.config, harness.db, silentLogger, harness.baton.agentDeps.events);
    expect((await runHandoffTimers(ctx, clock.now() + 23 * HOUR)).handedBack).toEqual([]);
    expect((await runHandoffTimers(ctx, clock.now() + 25 * HOUR)).handedBack).toEqual([packet?.id]);
    const [conversation] = await harness.db.select().from(conversations);
    expect(conversation).toMatchObject({ mode: 'bot', handoffId: null });
    const [row] = await harness.db.select().from(handoffs);
    expect(row).toMatchObject({ status: 'resolved', csatStatus: 'not_asked' });
    const notes = await harness.db.select().from(handoffNotes);
    expect(notes.at(-1)?.text).toBe('No message from either side for 24 h: handed back to the bot.');
    // a short idle time is said in minutes, not rounded to "0 h"
    await harness.post({ waId: '966500000973', text: 'agent please' });
    const [, second] = await harness.packets();
    await harness.app.request(`/api/handoffs/${second?.id}/claim`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    await runHandoffTimers({ ...ctx, idleMs: 90 * 60_000 }, clock.now() + 2 * HOUR);
    expect((await harness.db.select().from(handoffNotes)).at(-1)?.text).toMatch(/for 90 min:/);
    // The bot answers the customer again.
    clock.advance(26 * HOUR);
    await harness.post({ waId: '966500000972', text: 'hello' });
    expect((await harness.replies('966500000972')).at(-1)).toMatch(/How can I help/);
  });
});
