import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { type MessageStatus, messages } from '../schema/index.js';

export type MessageRow = typeof messages.$inferSelect;

/** Inbound messages not yet handled, oldest WhatsApp timestamp first. */
export function pendingInbound(db: Db, conversationId: string): Promise<MessageRow[]> {
  return db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.direction, 'in'),
        eq(messages.status, 'received'),
      ),
    )
    .orderBy(asc(messages.sentAt), sql`rowid`);
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
    .returning({ id: messages.id });
}

export async function applyDeliveryStatus(
  db: Db,
  update: DeliveryStatusUpdate,
  now: number,
): Promise<boolean> {
  const rows = await deliveryStatusStatement(db, update, now);
  return rows.length > 0;
}
