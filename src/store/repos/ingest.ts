import { asc, eq, or, sql } from 'drizzle-orm';
import type { InboundMessage } from '../../channel/inbound.js';
import { conversationIdFor, newId } from '../../util/ids.js';
import type { Db } from '../db.js';
import { conversations, customers, messages } from '../schema/index.js';

export interface IngestResult {
  conversationId: string;
  messageId: string;
  /** False when the channel redelivered a message that is already stored. */
  inserted: boolean;
}

/**
 * Stores one inbound message with its customer and conversation in one atomic batch, keyed on
 * the channel's message id so a redelivery changes nothing (insert-or-ignore, no check-then-insert).
 */
export async function ingestInbound(db: Db, message: InboundMessage, now: number): Promise<IngestResult> {
  const { customer } = message;
  const customerId = await knownCustomerId(db, customer);
  const conversationId = await conversationIdFor(message.channel, customerId);
  const messageId = newId('msg');
  const [, , inserted] = await db.batch([
    db
      .insert(customers)
      .values({
        id: customerId,
        waId: customer.waId ?? null,
        userId: customer.userId ?? null,
        parentUserId: customer.parentUserId ?? null,
        name: customer.name ?? null,
        lastInboundAt: message.timestamp,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: customers.id,
        set: {
          waId: sql`coalesce(excluded.wa_id, ${customers.waId})`,
          userId: sql`coalesce(excluded.user_id, ${customers.userId})`,
          parentUserId: sql`coalesce(excluded.parent_user_id, ${customers.parentUserId})`,
          name: sql`coalesce(excluded.name, ${customers.name})`,
          lastInboundAt: sql`max(coalesce(${customers.lastInboundAt}, 0), excluded.last_inbound_at)`,
          updatedAt: now,
        },
      }),
    db
      .insert(conversations)
      .values({
        id: conversationId,
        customerId,
        channel: message.channel,
        lastMessageAt: message.timestamp,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: conversations.id,
        set: { lastMessageAt: sql`max(${conversations.lastMessageAt}, excluded.last_message_at)` },
      }),
    db
      .insert(messages)
      .values({
        id: messageId,
        conversationId,
        direction: 'in',
        author: 'customer',
        externalId: message.externalId,
        type: message.type,
        text: message.text ?? null,
        payload: {
          buttonId: message.buttonId,
          media: message.media,
          location: message.location,
          reaction: message.reaction,
          contextId: message.contextId,
        },
        status: 'received',
        sentAt: message.timestamp,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: messages.externalId })
      .returning({ id: messages.id }),
  ]);
  return { conversationId, messageId, inserted: inserted.length === 1 };
}

/**
 * The id a customer already has: WhatsApp may start sending a user id for someone Baton knew by
 * phone (or the reverse), and the conversation must stay the same. New customers get their key.
 */
async function knownCustomerId(db: Db, customer: InboundMessage['customer']): Promise<string> {
  const matches = [eq(customers.id, customer.key)];
  if (customer.parentUserId) matches.push(eq(customers.parentUserId, customer.parentUserId));
  if (customer.userId) matches.push(eq(customers.userId, customer.userId));
  if (customer.waId) matches.push(eq(customers.waId, customer.waId));
  const [known] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(or(...matches))
    .orderBy(asc(customers.createdAt))
    .limit(1);
  return known?.id ?? customer.key;
}
