import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const agents = sqliteTable(
  'agents',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** SHA-256 of the bearer token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull(),
    queues: text('queues', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('agents_token_hash').on(t.tokenHash)],
);
