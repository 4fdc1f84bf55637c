import type { SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { ChannelName } from '../channel/inbound.js';
import type { OutboundMessage, Recipient } from '../channel/outbound.js';
import { outboundText } from '../channel/outbound.js';
import type { Db } from '../store/db.js';
import { insertWhere } from '../store/insert-where.js';
import { type MessageAuthor, messages, outbox } from '../store/schema/index.js';
import { newId } from '../util/ids.js';

export interface SendPayload {
  /** The channel the conversation came in on; replies leave through it. */
  channel: ChannelName;
  to: Recipient;
  message: OutboundMessage;
  author: MessageAuthor;
  /** The conversation turn a bot reply belongs to; a newer turn or a handoff makes it stale. */
  turn?: number;
}

export interface OutboundDraft {
  conversationId: string;
  channel: ChannelName;
  to: Recipient;
  message: OutboundMessage;
  author: MessageAuthor;
  turn?: number;
  handoffId?: string;
  agentId?: string;
  knowledgeDocId?: string;
  /** A message the channel would refuse: kept as failed with this error, dated `at`, never queued. */
  undeliverable?: { errorCode: number; error: string; at: number };
  /**
   * Stored and queued only while `from` has a row matching `where`, decided by the statements
   * themselves: an agent's reply goes out only while the handoff is still theirs, even when a
   * resolve or a transfer lands between the reply's read and its batch.
   */
  onlyWhile?: { from: SQLiteTable; where: SQL };
}

/**
 * The statements that record an outbound message and its delivery job; callers put them in
 * the same batch as the state change they belong to.
 */
export function outboundStatements(db: Db, draft: OutboundDraft, now: number) {
  const messageId = newId('msg');
  const payload: SendPayload = {
    channel: draft.channel,
    to: draft.to,
    message: draft.message,
    author: draft.author,
    ...(draft.turn === undefined ? {} : { turn: draft.turn }),
  };
  const insert = <T extends SQLiteTable>(table: T, row: T['$inferInsert']) =>
    draft.onlyWhile === undefined
      ? db.insert(table).values(row)
      : insertWhere(db, table, row, draft.onlyWhile.from, draft.onlyWhile.where);
  const stored = insert(messages, {
    id: messageId,
    conversationId: draft.conversationId,
    direction: 'out',
    author: draft.author,
    type: draft.message.kind,
    text: outboundText(draft.message),
    payload: draft.message,
    status: draft.undeliverable ? 'failed' : 'queued',
    error: draft.undeliverable?.error ?? null,
    errorCode: draft.undeliverable?.errorCode ?? null,
    sentAt: draft.undeliverable?.at ?? now,
    handoffId: draft.handoffId ?? null,
    knowledgeDocId: draft.knowledgeDocId ?? null,
    agentId: draft.agentId ?? null,
    createdAt: now,
    updatedAt: now,
  });
  if (draft.undeliverable) return [stored] as const;
  return [
    stored,
    insert(outbox, {
      kind: 'send',
      conversationId: draft.conversationId,
      messageId,
      payload,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    }),
  ] as const;
}
