import { describe, expect, it } from 'vitest';
import type { OutboxRow } from '../../src/store/repos/outbox.js';
import { nextOutboxWake } from '../../src/worker/outbox-wake.js';

const now = 1_000_000;
let id = 0;
function row(fields: Partial<OutboxRow>): OutboxRow {
  id += 1;
  return {
    id,
    kind: 'send',
    conversationId: 'conv-1',
    messageId: null,
    payload: {},
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    leaseUntil: null,
    lastError: null,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

describe('nextOutboxWake (when the outbox object sets its alarm)', () => {
  it('sleeps when nothing is open', () => {
    expect(nextOutboxWake([], now, 1_000)).toBeUndefined();
  });

  it('wakes for the earliest retry at the head of a line', () => {
    const rows = [
      row({ conversationId: 'a', nextAttemptAt: now + 30_000 }),
      row({ conversationId: 'b', nextAttemptAt: now + 5_000 }),
    ];
    expect(nextOutboxWake(rows, now, 1_000)).toBe(now + 5_000);
  });

  it('ignores rows held back behind a retry in their own line', () => {
    const rows = [
      row({ conversationId: 'a', nextAttemptAt: now + 30_000 }),
      row({ conversationId: 'a', nextAttemptAt: now - 10 }),
    ];
    expect(nextOutboxWake(rows, now, 1_000)).toBe(now + 30_000);
  });

  it('treats sink rows (no conversation) as lines of their own', () => {
    const rows = [
      row({ conversationId: 'a', nextAttemptAt: now + 30_000 }),
      row({ conversationId: null, kind: 'slack', nextAttemptAt: now + 2_000 }),
    ];
    expect(nextOutboxWake(rows, now, 1_000)).toBe(now + 2_000);
  });

  it('comes back for a claim whose lease runs out, and never sooner than the minimum gap', () => {
    expect(nextOutboxWake([row({ status: 'sending', leaseUntil: now + 60_000 })], now, 1_000)).toBe(
      now + 60_000,
    );
    expect(nextOutboxWake([row({ nextAttemptAt: now - 5_000 })], now, 1_000)).toBe(now + 1_000);
  });
});
