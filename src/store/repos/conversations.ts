import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { conversations, customers } from '../schema/index.js';

export type ConversationRow = typeof conversations.$inferSelect;
export type CustomerRow = typeof customers.$inferSelect;

export async function getConversation(db: Db, id: string): Promise<ConversationRow | undefined> {
  return db.query.conversations.findFirst({ where: eq(conversations.id, id) });
}

export async function getCustomer(db: Db, id: string): Promise<CustomerRow | undefined> {
  return db.query.customers.findFirst({ where: eq(customers.id, id) });
}

/** Starts the next turn; the returned number tags the turn's replies for the send-time check. */
export async function beginTurn(db: Db, id: string, now: number): Promise<number> {
  const [row] = await db
    .update(conversations)
    .set({ turn: sql`${conversations.turn} + 1`, updatedAt: now })
    .where(eq(conversations.id, id))
    .returning({ turn: conversations.turn });
  if (row === undefined) throw new Error(`conversation ${id} does not exist`);
  return row.turn;
}

export function setLanguage(db: Db, id: string, language: 'en' | 'ar', now: number) {
  return db
    .update(conversations)
    .set({ language, updatedAt: now })
    .where(and(eq(conversations.id, id)));
}

export function setCustomerProfile(
  db: Db,
  id: string,
  profile: { tier?: 'standard' | 'vip'; language?: 'en' | 'ar'; name?: string },
  now: number,
) {
  return db
    .update(customers)
    .set({ ...profile, updatedAt: now })
    .where(eq(customers.id, id));
}
