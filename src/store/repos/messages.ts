import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { preparedPerDb } from '../prepared.js';
import { type MessageStatus, messages } from '../schema/index.js';

export type MessageRow = typeof messages.$inferSelect;

const pendingInboundQuery = preparedPerDb((db) =>
  db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, sql.placeholder('conversationId')),
        eq(messages.direction, 'in'),
        eq(messages.status, 'received'),
      ),
    )
    .orderBy(asc(messages.sentAt), sql`rowid`)
    .prepare(),
);

/** Inbound messages not yet handled, oldest WhatsApp timestamp first. */
export function pendingInbound(db: Db, conversationId: string): Promise<MessageRow[]> {
  return pendingInboundQuery(db).all({ conversationId });
}

/** Conversations with unhandled messages: what a restart must pick up again. */
export async function conversationsWithPendingInbound(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ conversationId: messages.conversationId })
    .from(messages)
    .where(and(eq(messages.direction, 'in'), eq(messages.status, 'received')));
  return rows.map((r) => r.conversationId);
}

export function markInboundDone(db: Db, id: string, turn: number, now: number) {
  return db.update(messages).set({ status: 'done', turn, updatedAt: now }).where(eq(messages.id, id));
}

/**
 * The conversation as people saw it, in the order Baton stored the messages: WhatsApp stamps
 * whole seconds, so its timestamps cannot order a reply and the next message within a second.
 */
export function listConversationMessages(db: Db, conversationId: string): Promise<MessageRow[]> {
  return db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.createdAt), sql`rowid`);
}

/** Statuses only move forward (sent < delivered < read); `failed` ends the line. */
const earlierThan: Record<'sent' | 'delivered' | 'read' | 'played' | 'failed', MessageStatus[]> = {
  sent: ['queued'],
  delivered: ['queued', 'sent'],
  read: ['queued', 'sent', 'delivered'],
  played: ['queued', 'sent', 'delivered', 'read'],
  failed: ['queued', 'sent', 'delivered'],
};

export interface DeliveryStatusUpdate {
  externalId: string;
  status: keyof typeof earlierThan;
  errorCode?: number;
  error?: string;
}

/** The guarded update of one delivery status, for callers that batch several. */
export function deliveryStatusStatement(db: Db, update: DeliveryStatusUpdate, now: number) {
  return db
    .update(messages)
    .set({
      status: update.status,
      errorCode: update.errorCode ?? null,
      error: update.error ?? null,
      updatedAt: now,
    })
    .where(
      and(
        eq(messages.externalId, update.externalId),
        eq(messages.direction, 'out'),
        inArray(messages.status, earlierThan[update.status]),
      ),
    )
    .returning({ id: messages.id, conversationId: messages.conversationId, handoffId: messages.handoffId });
}

export async function applyDeliveryStatus(
  db: Db,
  update: DeliveryStatusUpdate,
  now: number,
): Promise<boolean> {
  const rows = await deliveryStatusStatement(db, update, now);
  return rows.length > 0;
}

export interface LastMessage {
  direction: string;
  author: string;
  text: string | null;
  /** `failed` for a reply that never reached the customer: the live list says so. */
  status: string;
  at: string;
}

/**
 * The last `count` messages of each conversation, oldest first, in one query for the whole list (a
 * query per conversation cost up to 200 round trips, each a network hop on D1 or Turso).
 */
export async function lastMessagesOf(
  db: Db,
  conversationIds: string[],
  count: number,
): Promise<Map<string, LastMessage[]>> {
  const byConversation = new Map<string, LastMessage[]>();
  if (conversationIds.length === 0) return byConversation;
  const rows = await db.all<{
    conversationId: string;
    direction: string;
    author: string;
    text: string | null;
    status: string;
    at: number;
  }>(sql`
    SELECT conversation_id AS conversationId, direction, author, text, status, created_at AS at FROM (
      SELECT conversation_id, direction, author, text, status, created_at,
             row_number() OVER (PARTITION BY conversation_id ORDER BY created_at DESC, rowid DESC) AS position
      FROM messages
      WHERE conversation_id IN (SELECT value FROM json_each(${JSON.stringify(conversationIds)}))
    )
    WHERE position <= ${count}
    ORDER BY conversation_id, position DESC`);
  for (const { conversationId, at, ...message } of rows) {
    const list = byConversation.get(conversationId) ?? [];
    list.push({ ...message, at: new Date(at).toISOString() });
    byConversation.set(conversationId, list);
  }
  return byConversation;
}
