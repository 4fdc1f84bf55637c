import { and, asc, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { preparedPerDb } from '../prepared.js';
import { outbox } from '../schema/index.js';

export type OutboxRow = typeof outbox.$inferSelect;

/** Due to be delivered: not yet taken, or taken by a claim whose lease ran out. */
const open = () =>
  or(
    eq(outbox.status, 'pending'),
    and(eq(outbox.status, 'sending'), lt(outbox.leaseUntil, sql.placeholder('now'))),
  );

const openRowsQuery = preparedPerDb((db) =>
  db.select().from(outbox).where(open()).orderBy(asc(outbox.id)).limit(sql.placeholder('limit')).prepare(),
);

const claimQuery = preparedPerDb((db) =>
  db
    .update(outbox)
    .set({
      status: 'sending',
      // set() takes SQL, not a bare placeholder
      leaseUntil: sql`${sql.placeholder('leaseUntil')}`,
      updatedAt: sql`${sql.placeholder('now')}`,
    })
    .where(and(eq(outbox.id, sql.placeholder('id')), open()))
    .returning({ id: outbox.id })
    .prepare(),
);

/** Rows still to deliver, in creation order, including claims whose lease ran out. */
export function openOutboxRows(db: Db, now: number, limit = 500): Promise<OutboxRow[]> {
  return openRowsQuery(db).all({ now, limit });
}

/** Takes a row for this process only; a concurrent dispatcher gets nothing back. */
export async function claimOutboxRow(db: Db, row: OutboxRow, now: number, leaseMs: number): Promise<boolean> {
  const claimed = await claimQuery(db).all({ id: row.id, now, leaseUntil: now + leaseMs });
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
