import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * When each agent last had a handoff open: a customer message after it is unread for them, on any
 * device and after a reload.
 */
export const handoffReads = sqliteTable(
  'handoff_reads',
  {
    agentId: text('agent_id').notNull(),
    handoffId: text('handoff_id').notNull(),
    readAt: integer('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.handoffId] })],
);
