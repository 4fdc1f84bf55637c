import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Channels whose provider refuses the account itself (an expired token, a locked account): every
 * send fails until the operator acts. A row is written when a send fails that way and removed by
 * the channel's next successful send; `/health` lists them.
 */
export const channelRefusals = sqliteTable('channel_refusals', {
  channel: text('channel').primaryKey(),
  /** The provider's error code (Meta's 190, Twilio's 20003…). */
  code: integer('code').notNull(),
  /** What the operator should do, in words. */
  action: text('action').notNull(),
  /** The first refused send since the channel last worked. */
  since: integer('since').notNull(),
  /** The latest refused send. */
  lastAt: integer('last_at').notNull(),
});
