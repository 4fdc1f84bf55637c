import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { preparedPerDb } from '../prepared.js';
import { conversations, customers } from '../schema/index.js';

export type ConversationRow = typeof conversations.$inferSelect;
export type CustomerRow = typeof customers.$inferSelect;

const conversationQuery = preparedPerDb((db) =>
  db.query.conversations.findFirst({ where: eq(conversations.id, sql.placeholder('id')) }).prepare(),
);
const customerQuery = preparedPerDb((db) =>
  db.query.customers.findFirst({ where: eq(customers.id, sql.placeholder('id')) }).prepare(),
);

export async function getConversation(db: Db, id: string): Promise<ConversationRow | undefined> {
  return conversationQuery(db).execute({ id });
}

export async function getCustomer(db: Db, id: string): Promise<CustomerRow | undefined> {
  return customerQuery(db).execute({ id });
}

/**
 * Records that the conversation's turn `turn` was handled, in the batch that closes it. One
 * conversation is handled by one drain at a time (the Node worker, a Durable Object on Workers),
 * so the next number is the stored one plus one; `max` keeps it from ever going back.
 */
export function completeTurnStatement(
  db: Db,
  id: string,
  turn: number,
  after: { signals?: { frustration: number; intent: string }; language?: 'en' | 'ar' },
  now: number,
) {
  return db
    .update(conversations)
    .set({
      turn: sql`max(${conversations.turn}, ${turn})`,
      ...(after.signals ? { frustration: after.signals.frustration, lastIntent: after.signals.intent } : {}),
      ...(after.language ? { language: after.language } : {}),
      updatedAt: now,
    })
    .where(eq(conversations.id, id));
}
