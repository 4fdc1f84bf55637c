import { and, asc, eq, lt, or } from 'drizzle-orm';
import type { Db } from '../db.js';
import { outbox } from '../schema/index.js';

export type OutboxRow = typeof outbox.$inferSelect;

/** Rows still to deliver, in creation order, including claims whose lease ran out. */
export function openOutboxRows(db: Db, now: number, limit = 500): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(or(eq(outbox.status, 'pending'), and(eq(outbox.status, 'sending'), lt(outbox.leaseUntil, now))))
    .orderBy(asc(outbox.id))
    .limit(limit);
}

/** Takes a row for this process only; a concurrent dispatcher gets nothing back. */
export async function claimOutboxRow(db: Db, row: OutboxRow, now: number, leaseMs: number): Promise<boolean> {
  const claimed = await db
    .update(outbox)
    .set({ status: 'sending', leaseUntil: now + leaseMs, updatedAt: now })
    .where(
      and(
        eq(outbox.id, row.id),
        or(eq(outbox.status, 'pending'), and(eq(outbox.status, 'sending'), lt(outbox.leaseUntil, now))),
      ),
    )
    .returning({ id: outbox.id });
  return claimed.length === 1;
}

export function finishOutboxRow(
  db: Db,
  id: number,
  status: 'done' | 'failed' | 'dropped',
  now: number,
  error?: string,
) {
  return db
    .update(outbox)
    .set({ status, leaseUntil: null, lastError: error ?? null, updatedAt: now })
    .where(eq(outbox.id, id));
}

export function rescheduleOutboxRow(
  db: Db,
  id: number,
  attempts: number,
  nextAttemptAt: number,
  error: string,
  now: number,
) {
  return db
    .update(outbox)
    .set({
      status: 'pending',
      attempts,
      nextAttemptAt,
      leaseUntil: null,
      lastError: error,
      updatedAt: now,
    })
    .where(eq(outbox.id, id));
}
