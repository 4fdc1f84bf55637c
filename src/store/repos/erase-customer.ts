import { and, count, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import {
  checkpointBlobs,
  checkpoints,
  checkpointWrites,
  conversations,
  customers,
  handoffNotes,
  handoffs,
  messages,
  outbox,
} from '../schema/index.js';

/**
 * What Baton keeps about one customer, found by any id a delivery carries (phone number, user id,
 * parent user id): their conversations, messages, the agent's checkpoints, handoffs with their
 * notes and packets, and every outbox row that holds any of it (replies waiting to be sent, sink
 * notifications carrying the packet).
 */
function scope(db: Db, customerId: string) {
  const customerIds = db
    .select({ id: customers.id })
    .from(customers)
    .where(
      or(
        eq(customers.waId, customerId),
        eq(customers.userId, customerId),
        eq(customers.parentUserId, customerId),
      ),
    );
  const conversationIds = db
    .select({ id: conversations.id })
    .from(conversations)
    .where(inArray(conversations.customerId, customerIds));
  const handoffIds = db
    .select({ id: handoffs.id })
    .from(handoffs)
    .where(inArray(handoffs.conversationId, conversationIds));
  const outboxRows: SQL = or(
    inArray(outbox.conversationId, conversationIds),
    // a sink row has no conversation of its own (it must not hold up the customer's sends); its
    // packet names it
    and(
      like(outbox.kind, 'sink:%'),
      inArray(sql`json_extract(${outbox.payload}, '$.packet.conversationId')`, conversationIds),
    ),
  ) as SQL;
  return { customerIds, conversationIds, handoffIds, outboxRows };
}

export interface CustomerFootprint {
  customers: number;
  conversations: number;
  messages: number;
  handoffs: number;
  notes: number;
  outbox: number;
}

/** How many rows of each kind `eraseCustomer` would delete for the customer. */
export async function customerFootprint(db: Db, customerId: string): Promise<CustomerFootprint> {
  const s = scope(db, customerId);
  const rows = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;
  return {
    customers: await rows(
      db.select({ n: count() }).from(customers).where(inArray(customers.id, s.customerIds)),
    ),
    conversations: await rows(
      db.select({ n: count() }).from(conversations).where(inArray(conversations.id, s.conversationIds)),
    ),
    messages: await rows(
      db.select({ n: count() }).from(messages).where(inArray(messages.conversationId, s.conversationIds)),
    ),
    handoffs: await rows(db.select({ n: count() }).from(handoffs).where(inArray(handoffs.id, s.handoffIds))),
    notes: await rows(
      db.select({ n: count() }).from(handoffNotes).where(inArray(handoffNotes.handoffId, s.handoffIds)),
    ),
    outbox: await rows(db.select({ n: count() }).from(outbox).where(s.outboxRows)),
  };
}

/**
 * The deletes that erase the customer, children first: each finds its rows through the parents
 * still there, so the statements work as one batch on libSQL and as a script on D1.
 */
export function eraseCustomerStatements(db: Db, customerId: string) {
  const s = scope(db, customerId);
  return [
    db.delete(checkpointWrites).where(inArray(checkpointWrites.threadId, s.conversationIds)),
    db.delete(checkpointBlobs).where(inArray(checkpointBlobs.threadId, s.conversationIds)),
    db.delete(checkpoints).where(inArray(checkpoints.threadId, s.conversationIds)),
    db.delete(outbox).where(s.outboxRows),
    db.delete(handoffNotes).where(inArray(handoffNotes.handoffId, s.handoffIds)),
    db.delete(handoffs).where(inArray(handoffs.id, s.handoffIds)),
    db.delete(messages).where(inArray(messages.conversationId, s.conversationIds)),
    db.delete(conversations).where(inArray(conversations.id, s.conversationIds)),
    db.delete(customers).where(inArray(customers.id, s.customerIds)),
  ] as const;
}

/** Erases everything Baton keeps about the customer, in one atomic batch. */
export async function eraseCustomer(db: Db, customerId: string): Promise<void> {
  await db.batch(eraseCustomerStatements(db, customerId));
}
