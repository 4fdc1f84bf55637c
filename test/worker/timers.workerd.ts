import { createScheduledController, env, SELF } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addAgent } from '../../src/inbox/agents.js';
import {
  customerFootprint,
  eraseCustomer,
  eraseExpiredConversations,
} from '../../src/store/repos/erase-customer.js';
import {
  conversations,
  customers,
  handoffNotes,
  handoffs,
  messages,
  outbox,
} from '../../src/store/schema/index.js';
import { conversationIdFor } from '../../src/util/ids.js';
import { openD1 } from '../../src/worker/d1.js';
import worker from '../../src/worker.js';
import { client, nextWaId, type WorkerTarget, waitFor } from './scenarios.js';

// In its own file, so its own D1: the cron's sweep touches every handoff in the database (and the
// erase below shares the deletes retention runs).

const db = openD1(env.DB);
const target: WorkerTarget = {
  fetch: (path, init) => SELF.fetch(`http://localhost${path}`, init),
  appSecret: env.WHATSAPP_APP_SECRET,
  agentToken: async () => '',
};
const { say } = client(() => target);

async function handoffOf(waId: string) {
  const conversationId = await conversationIdFor('whatsapp', waId);
  return waitFor(
    () => db.query.handoffs.findFirst({ where: eq(handoffs.conversationId, conversationId) }),
    (row) => row !== undefined,
  );
}

const cron = (at: number) =>
  worker.scheduled(createScheduledController({ scheduledTime: at, cron: '* * * * *' }), env);

describe("the cron's handoff timers on Workers", () => {
  it('raises a handoff waiting past its SLA and hands an idle conversation back to the bot', async () => {
    const waiting = nextWaId();
    const idle = nextWaId();
    await say(waiting, 'I want to talk to a human');
    await say(idle, 'I want to talk to a human');
    const overdue = await handoffOf(waiting);
    const claimed = await handoffOf(idle);
    const { token } = await addAgent(db, { name: 'Noura', queues: ['*'], now: Date.now() });
    const claim = await target.fetch(`/api/handoffs/${claimed?.id}/claim`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(claim.status).toBe(200);
    const now = Date.now();
    await db
      .update(handoffs)
      .set({ slaDueAt: now - 60_000 })
      .where(eq(handoffs.id, overdue?.id ?? ''));
    // nothing from either side for longer than HANDOFF_IDLE_HOURS (24 by default)
    await db
      .update(messages)
      .set({ createdAt: now - 25 * 3_600_000 })
      .where(eq(messages.conversationId, claimed?.conversationId ?? ''));

    await cron(now);

    const raised = await db.query.handoffs.findFirst({ where: eq(handoffs.id, overdue?.id ?? '') });
    expect(raised?.slaRaisedAt).toBe(now);
    expect(raised?.priority).not.toBe(overdue?.priority);
    // the note is written by an INSERT … SELECT in the raise's batch: D1 runs it too
    const notes = await db
      .select()
      .from(handoffNotes)
      .where(eq(handoffNotes.handoffId, overdue?.id ?? ''));
    expect(notes.map((note) => note.text)).toEqual([expect.stringMatching(/^Waited past its SLA/)]);
    const handedBack = await db.query.handoffs.findFirst({ where: eq(handoffs.id, claimed?.id ?? '') });
    expect(handedBack).toMatchObject({ status: 'resolved', resolution: 'idle' });
    const conversation = await db.query.conversations.findFirst({
      where: eq(conversations.id, claimed?.conversationId ?? ''),
    });
    expect(conversation?.mode).toBe('bot');
    // The objects' alarms still sending the replies and notices must finish inside the test: an
    // alarm cut off by the runtime's teardown fails the run after it.
    await waitFor(
      () => db.select({ status: outbox.status }).from(outbox),
      (rows) => rows.every((row) => row.status !== 'pending' && row.status !== 'sending'),
    );
  });
});

describe('erasing a customer on D1', () => {
  it('runs the same batch of deletes', async () => {
    const waId = nextWaId();
    await say(waId, 'I want to talk to a human');
    const conversationId = await conversationIdFor('whatsapp', waId);
    await waitFor(
      () => db.select().from(outbox).where(eq(outbox.conversationId, conversationId)),
      (rows) => rows.length > 0 && rows.every((row) => row.status !== 'pending' && row.status !== 'sending'),
    );
    expect((await customerFootprint(db, waId)).customers).toBe(1);
    await eraseCustomer(db, waId, Date.now());
    expect(await customerFootprint(db, waId)).toMatchObject({ customers: 0, conversations: 0, messages: 0 });
    expect(await db.select().from(customers).where(eq(customers.waId, waId))).toEqual([]);
    expect(await db.select().from(messages).where(eq(messages.conversationId, conversationId))).toEqual([]);
  });
});

describe('RETENTION_DAYS on D1', () => {
  it('erases more expired conversations at once than D1 binds parameters to a statement', async () => {
    const old = Date.parse('2025-01-01T00:00:00Z');
    const ids = Array.from({ length: 150 }, (_, i) => `9665200${String(i).padStart(5, '0')}`);
    // seeded 5 rows at a time: an insert binds every column of every row, and hits the same limit
    for (let at = 0; at < ids.length; at += 5) {
      const chunk = ids.slice(at, at + 5);
      await db.batch([
        db.insert(customers).values(chunk.map((id) => ({ id, waId: id, createdAt: old, updatedAt: old }))),
        db.insert(conversations).values(
          chunk.map((id) => ({
            id: `conv_${id}`,
            customerId: id,
            channel: 'whatsapp' as const,
            lastMessageAt: old,
            createdAt: old,
            updatedAt: old,
          })),
        ),
      ]);
    }
    expect(await eraseExpiredConversations(db, Date.parse('2026-01-01T00:00:00Z'))).toBe(150);
    expect(
      await db
        .select()
        .from(conversations)
        .where(eq(conversations.id, `conv_${ids[0]}`)),
    ).toEqual([]);
  });
});
