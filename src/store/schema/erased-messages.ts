import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The channel ids of the messages of customers erased on request: Meta redelivers a webhook for
 * days, and a message redelivered after the erase would otherwise be stored, and answered, again.
 * The id alone says nothing of the customer or the message; the timers forget it after 30 days.
 */
export const erasedMessages = sqliteTable('erased_messages', {
  externalId: text('external_id').primaryKey(),
  erasedAt: integer('erased_at').notNull(),
});
