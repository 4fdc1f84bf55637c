import {
  and,
  count,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  notExists,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../db.js';
import {
  checkpointBlobs,
  checkpoints,
  checkpointWrites,
  conversations,
  customers,
  erasedMessages,
  handoffNotes,
  handoffReads,
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
        eq(customers.id, customerId),
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
  /** Handoffs still queued or with an agent: erasing them takes them from the agents too. */
  openHandoffs: number;
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
    openHandoffs: await rows(
      db
        .select({ n: count() })
        .from(handoffs)
        .where(and(inArray(handoffs.id, s.handoffIds), inArray(handoffs.status, ['queued', 'assigned']))),
    ),
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
    db.delete(handoffReads).where(inArray(handoffReads.handoffId, s.handoffIds)),
    db.delete(handoffs).where(inArray(handoffs.id, s.handoffIds)),
    db.delete(messages).where(inArray(messages.conversationId, s.conversationIds)),
    db.delete(conversations).where(inArray(conversations.id, s.conversationIds)),
  ] as const;
}

/**
 * The deletes that erase the customer, children first: each finds its rows through the parents
 * still there, so the statements work as one batch on libSQL and as a script on D1. First, the
 * channel ids of the customer's messages are kept (see `erasedMessages`), so a webhook redelivered
 * after the erase is not stored and answered again.
 */
export function eraseCustomerStatements(db: Db, customerId: string, now: number) {
  const customerIds = customerIdsOf(db, customerId);
  const conversationIds = conversationIdsOf(db, inArray(conversations.customerId, customerIds));
  return [
    db
      .insert(erasedMessages)
      .select(
        db
          .select({ externalId: messages.externalId, erasedAt: sql<number>`${now}`.as('erased_at') })
          .from(messages)
          .where(
            and(
              inArray(messages.conversationId, conversationIds),
              eq(messages.direction, 'in'),
              isNotNull(messages.externalId),
            ),
          ),
      )
      .onConflictDoNothing(),
    ...conversationDeletes(db, conversationIds),
    db.delete(customers).where(inArray(customers.id, customerIds)),
  ] as const;
}

/** Conversations erased per run at most: a first run on a large, old database stays short. */
const EXPIRED_PER_RUN = 200;

/**
 * A conversation nothing has happened in since `before`: with the bot (never one a person has or is
 * waiting for, nor a rating question still open), no message written, sent or received since (an
 * agent's reply and a webhook Meta redelivers days late count, as the customer's own do), none
 * still waiting for its turn, and no handoff of it touched since (a resolution counts).
 */
function expiredBefore(db: Db, before: number): SQL {
  return and(
    eq(conversations.mode, 'bot'),
    isNull(conversations.csatHandoffId),
    lt(conversations.lastMessageAt, before),
    lt(conversations.updatedAt, before),
    notExists(
      db
        .select({ id: messages.id })
        .from(messages)
        .where(
          and(
            eq(messages.conversationId, conversations.id),
            or(
              gte(messages.createdAt, before),
              gte(messages.updatedAt, before),
              eq(messages.status, 'received'),
            ),
          ),
        ),
    ),
    notExists(
      db
        .select({ id: handoffs.id })
        .from(handoffs)
        .where(and(eq(handoffs.conversationId, conversations.id), gte(handoffs.updatedAt, before))),
    ),
  ) as SQL;
}

/**
 * Erases the conversations nothing has happened in since `before` (see `expiredBefore`), and then
 * the customers left with none (VIPs stay: their tier is the operator's). Each delete checks the
 * conversation again inside the batch, so one that comes alive meanwhile is kept. Returns how
 * many conversations it erased.
 */
export async function eraseExpiredConversations(db: Db, before: number): Promise<number> {
  const expired = expiredBefore(db, before);
  const candidates = await conversationIdsOf(db, expired).limit(EXPIRED_PER_RUN);
  if (candidates.length === 0) return 0;
  // one JSON parameter, not one per id: D1 binds at most 100 parameters to a statement
  const listed = JSON.stringify(candidates.map((row) => row.id));
  const ids = conversationIdsOf(
    db,
    and(expired, sql`${conversations.id} IN (SELECT value FROM json_each(${listed}))`) as SQL,
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
export async function eraseCustomer(db: Db, customerId: string, now: number): Promise<void> {
  await db.batch(eraseCustomerStatements(db, customerId, now));
}

/** Long past any redelivery: Meta retries a webhook for up to 7 days. */
const ERASED_IDS_KEPT_MS = 30 * 86_400_000;

/** Forgets the ids of erased messages once no redelivery can bring them back; returns how many. */
export async function forgetErasedMessageIds(db: Db, now: number): Promise<number> {
  const forgotten = await db
    .delete(erasedMessages)
    .where(lt(erasedMessages.erasedAt, now - ERASED_IDS_KEPT_MS))
    .returning({ externalId: erasedMessages.externalId });
  return forgotten.length;
}
