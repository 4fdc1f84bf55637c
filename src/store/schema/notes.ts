import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Internal notes agents leave on a handoff; never sent to the customer. */
export const handoffNotes = sqliteTable(
  'handoff_notes',
  {
    id: text('id').primaryKey(),
    handoffId: text('handoff_id').notNull(),
    /** Null for notes Baton itself writes (an idle hand-back, a failed sink). */
    agentId: text('agent_id'),
    text: text('text').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('handoff_notes_handoff').on(t.handoffId)],
);
