import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { conversations } from './conversations.js';

export const messageDirections = ['in', 'out'] as const;
export const messageAuthors = ['customer', 'bot', 'agent', 'system'] as const;
export type MessageAuthor = (typeof messageAuthors)[number];

/** Inbound: received → done (or failed). Outbound: queued → sent → delivered → read, or failed. */
export const messageStatuses = [
  'received',
  'done',
  'queued',
  'sent',
  'delivered',
  'read',
  'played',
  'failed',
  'dropped',
] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    direction: text('direction', { enum: messageDirections }).notNull(),
    author: text('author', { enum: messageAuthors }).notNull(),
    /** The channel's message id (wamid); unique so a redelivery cannot create a second row. */
    externalId: text('external_id'),
    type: text('type').notNull(),
    text: text('text'),
    /** Inbound: the parsed message (button id, media…); outbound: the OutboundMessage. JSON. */
    payload: text('payload', { mode: 'json' }),
    status: text('status', { enum: messageStatuses }).notNull(),
    errorCode: integer('error_code'),
    error: text('error'),
    /** The channel's own timestamp (inbound: when the customer sent it), ms. */
    sentAt: integer('sent_at').notNull(),
    handoffId: text('handoff_id'),
    /** Outbound: the knowledge document a bot answer was grounded in. */
    knowledgeDocId: text('knowledge_doc_id'),
    agentId: text('agent_id'),
    /** Inbound only: the conversation turn that handled it. */
    turn: integer('turn'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('messages_external_id').on(t.externalId),
    index('messages_conversation_sent').on(t.conversationId, t.sentAt),
    index('messages_pending').on(t.direction, t.status),
  ],
);
