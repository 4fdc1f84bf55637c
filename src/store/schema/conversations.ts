import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { customers } from './customers.js';

export const conversationModes = ['bot', 'queued', 'agent'] as const;
export type ConversationMode = (typeof conversationModes)[number];

export const conversations = sqliteTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    /** The channel the conversation came in on; replies leave through the same one. */
    channel: text('channel', { enum: ['whatsapp', 'twilio', 'infobip'] }).notNull(),
    mode: text('mode', { enum: conversationModes }).notNull().default('bot'),
    language: text('language', { enum: ['en', 'ar'] })
      .notNull()
      .default('en'),
    /** The open handoff while mode is `queued` or `agent`. */
    handoffId: text('handoff_id'),
    /** The latest handoff of the conversation, open or not; the bot starts clean after it. */
    lastHandoffId: text('last_handoff_id'),
    /** The classifier's latest frustration score and intent, for agents watching live conversations. */
    frustration: real('frustration').notNull().default(0),
    lastIntent: text('last_intent'),
    /** A resolved handoff whose CSAT question waits for the customer's answer. */
    csatHandoffId: text('csat_handoff_id'),
    /** Counts processed customer turns; a send checks it to drop replies of a stale turn. */
    turn: integer('turn').notNull().default(0),
    /**
     * The channel's timestamp of the customer's latest message here. The 24-hour window is counted
     * from it: per conversation, since a message on one channel opens no window on another.
     */
    lastMessageAt: integer('last_message_at').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('conversations_customer_channel').on(t.customerId, t.channel),
    index('conversations_mode').on(t.mode),
  ],
);
