import { and, count, eq, inArray, like, lt, notExists, or, type SQL, sql } from 'drizzle-orm';
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

type ConversationIds = ReturnType<typeof conversationIdsOf>;

function customerIdsOf(db: Db, customerId: string) {
  return db
    .select({ id: customers.id })
    .from(customers)
    .where(
      or(
        eq(customers.waId, customerId),
        eq(customers.userId, customerId),
        eq(customers.parentUserId, customerId),
      ),
    );
}

function conversationIdsOf(db: Db, where: SQL) {
  return db.select({ id: conversations.id }).from(conversations).where(where);
}

/**
 * What Baton keeps about some conversations: their messages, the agent's checkpoints, handoffs
 * with their notes and packets, and every outbox row that holds any of it (replies waiting to be
 * sent, sink notifications carrying the packet).
 */
function conversationScope(db: Db, conversationIds: ConversationIds) {
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
  return { conversationIds, handoffIds, outboxRows };
}

/**
 * What Baton keeps about one customer, found by any id a delivery carries (phone number, user id,
 * parent user id): the customer and everything their conversations hold.
 */
function scope(db: Db, customerId: string) {
  const customerIds = customerIdsOf(db, customerId);
  return {
    customerIds,
    ...conversationScope(db, conversationIdsOf(db, inArray(conversations.customerId, customerIds))),
  };
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

/** The deletes of everything the conversations hold, then of the conversations, children first. */
function conversationDeletes(db: Db, conversationIds: ConversationIds) {
  const s = conversationScope(db, conversationIds);
  return [
    db.delete(checkpointWrites).where(inArray(checkpointWrites.threadId, s.conversationIds)),
    db.delete(checkpointBlobs).where(inArray(checkpointBlobs.threadId, s.conversationIds)),
    db.delete(checkpoints).where(inArray(checkpoints.threadId, s.conversationIds)),
    db.delete(outbox).where(s.outboxRows),
    db.delete(handoffNotes).where(inArray(handoffNotes.handoffId, s.handoffIds)),
    db.delete(handoffs).where(inArray(handoffs.id, s.handoffIds)),
    db.delete(messages).where(inArray(messages.conversationId, s.conversationIds)),
    db.delete(conversations).where(inArray(conversations.id, s.conversationIds)),
  ] as const;
}

/**
 * The deletes that erase the customer, children first: each finds its rows through the parents
 * still there, so the statements work as one batch on libSQL and as a script on D1.
 */
export function eraseCustomerStatements(db: Db, customerId: string) {
  const customerIds = customerIdsOf(db, customerId);
  return [
    ...conversationDeletes(db, conversationIdsOf(db, inArray(conversations.customerId, customerIds))),
    db.delete(customers).where(inArray(customers.id, customerIds)),
  ] as const;
}

/** Conversations erased per run at most: a first run on a large, old database stays short. */
const EXPIRED_PER_RUN = 200;

/**
 * Erases the conversations no one has written in since `before`, with the bot (never one a person
 * has or is waiting for), and then the customers left with none (VIPs stay: their tier is the
 * operator's). Each delete re-checks the conversation is still expired inside the batch, so a
 * customer who writes meanwhile keeps theirs. Returns how many conversations it erased.
 */
export async function eraseExpiredConversations(db: Db, before: number): Promise<number> {
  const expired = and(eq(conversations.mode, 'bot'), lt(conversations.lastMessageAt, before)) as SQL;
  const candidates = await conversationIdsOf(db, expired).limit(EXPIRED_PER_RUN);
  if (candidates.length === 0) return 0;
  const ids = conversationIdsOf(
    db,
    and(
      expired,
      inArray(
        conversations.id,
        candidates.map((row) => row.id),
      ),
    ) as SQL,
  );
  const [erased] = await db.batch([
    db.select({ n: count() }).from(conversations).where(inArray(conversations.id, ids)),
    ...conversationDeletes(db, ids),
    db
      .delete(customers)
      .where(
        and(
          eq(customers.tier, 'standard'),
          lt(customers.updatedAt, before),
          notExists(
            db
              .select({ id: conversations.id })
              .from(conversations)
              .where(eq(conversations.customerId, customers.id)),
          ),
        ),
      ),
  ]);
  return erased[0]?.n ?? 0;
}

/** Erases everything Baton keeps about the customer, in one atomic batch. */
export async function eraseCustomer(db: Db, customerId: string): Promise<void> {
  await db.batch(eraseCustomerStatements(db, customerId));
}
