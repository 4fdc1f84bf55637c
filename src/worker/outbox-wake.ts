import type { OutboxRow } from '../store/repos/outbox.js';

/**
 * When the outbox object should wake next, from the open rows in id order: the earliest time the
 * first row of any line is due (a conversation's sends form one line, as the dispatcher delivers
 * them; a row waiting for its retry holds back the rows behind it). At least `minGapMs` away, so
 * a row that stays due (a failing pass) cannot spin the object.
 */
export function nextOutboxWake(
  rows: readonly OutboxRow[],
  now: number,
  minGapMs: number,
): number | undefined {
  const heads = new Map<string, OutboxRow>();
  for (const row of rows) {
    const line = row.conversationId ?? `row:${row.id}`;
    if (!heads.has(line)) heads.set(line, row);
  }
  let next: number | undefined;
  for (const row of heads.values()) {
    const due = row.status === 'sending' ? (row.leaseUntil ?? now) : row.nextAttemptAt;
    next = next === undefined ? due : Math.min(next, due);
  }
  return next === undefined ? undefined : Math.max(next, now + minGapMs);
}
