import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const outboxStatuses = ['pending', 'sending', 'done', 'failed', 'dropped'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/** Every side effect that leaves the process: retried with backoff, visible when it fails. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    /** Sends of one conversation leave in order; sink rows have none, so they never wait behind a send. */
    conversationId: text('conversation_id'),
    messageId: text('message_id'),
    payload: text('payload', { mode: 'json' }).notNull(),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    /** A claimed row whose lease ran out (a crash while sending) is claimed again. */
    leaseUntil: integer('lease_until'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('outbox_status_next').on(t.status, t.nextAttemptAt)],
);
