import { asc, or, type SQL, sql } from 'drizzle-orm';
import type { InboundMessage } from '../../channel/inbound.js';
import { withoutBidiControls } from '../../util/bidi.js';
import { conversationIdFor, newId } from '../../util/ids.js';
import type { Db } from '../db.js';
import { customers, erasedMessages } from '../schema/index.js';

export interface IngestResult {
  conversationId: string;
  messageId: string;
  /** False when the channel redelivered a message that is already stored. */
  inserted: boolean;
  /** The message belongs to a customer erased on request: not stored again. */
  erased?: boolean;
}

/**
 * JSON text for a json_each parameter, with every string made well-formed UTF-16 first. A lone
 * surrogate (`"\ud800"` in a webhook) would otherwise be escaped by JSON.stringify and decoded by
 * SQLite's JSON functions into invalid UTF-8, which the libSQL driver cannot read back (it panics
 * and takes the process down). Bound as a plain string, the driver would have replaced it with
 * U+FFFD; this does the same.
 */
function jsonParam(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'string' ? item.replace(LONE_SURROGATE, '\ufffd') : item,
  );
}
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Conversation ids are a hash of channel and customer; hashing is a thread-pool job on Web Crypto,
 * so recent ones are remembered. A pure function's cache, bounded: it is cleared when full.
 */
const conversationIdCache = new Map<string, string>();
const CONVERSATION_ID_CACHE_MAX = 5_000;

async function cachedConversationId(key: string, channel: string, customerId: string): Promise<string> {
  const known = conversationIdCache.get(key);
  if (known !== undefined) return known;
  const id = await conversationIdFor(channel, customerId);
  if (conversationIdCache.size >= CONVERSATION_ID_CACHE_MAX) conversationIdCache.clear();
  conversationIdCache.set(key, id);
  return id;
}

/**
 * Stores one inbound message with its customer and conversation in one atomic batch, keyed on
 * the channel's message id so a redelivery changes nothing (insert-or-ignore, no check-then-insert).
 */
export async function ingestInbound(db: Db, message: InboundMessage, now: number): Promise<IngestResult> {
  const [result] = await ingestInboundBatch(db, [message], now);
  if (result === undefined) throw new Error('ingestInboundBatch returned no result');
  return result;
}

/**
 * Stores several inbound messages (of one webhook or of several concurrent ones) in ONE atomic
 * batch: one lookup of the customers they name, then multi-row upserts of customers and
 * conversations and one multi-row insert-or-ignore of the messages. The outcome is the same as
 * storing them one after the other in this order — a redelivered or repeated wamid is stored once,
 * and a customer first seen in the batch keeps one id for all its messages — but it costs one
 * commit (one fsync) instead of one per message. Results come back in the input order.
 */
export async function ingestInboundBatch(
  db: Db,
  batch: readonly InboundMessage[],
  now: number,
): Promise<IngestResult[]> {
  if (batch.length === 0) return [];
  const erased = await erasedAmong(db, batch);
  if (erased.size === 0) return storeInboundBatch(db, batch, now);
  // a message of a customer erased on request, redelivered: neither stored nor answered again
  const kept = batch.filter((message) => !erased.has(message.externalId));
  const stored = await storeInboundBatch(db, kept, now);
  let k = 0;
  return batch.map((message) =>
    erased.has(message.externalId)
      ? { conversationId: '', messageId: '', inserted: false, erased: true }
      : (stored[k++] as IngestResult),
  );
}

/** Which of the batch's messages belong to a customer erased on request (see `erasedMessages`). */
async function erasedAmong(db: Db, batch: readonly InboundMessage[]): Promise<ReadonlySet<string>> {
  const ids = jsonParam(batch.map((message) => message.externalId));
  const rows = await db
    .select({ externalId: erasedMessages.externalId })
    .from(erasedMessages)
    .where(sql`${erasedMessages.externalId} IN (SELECT value FROM json_each(${ids}))`);
  return new Set(rows.map((row) => row.externalId));
}

async function storeInboundBatch(
  db: Db,
  batch: readonly InboundMessage[],
  now: number,
): Promise<IngestResult[]> {
  if (batch.length === 0) return [];
  const customerIds = await knownCustomerIds(db, batch);
  // Stable per customer and channel; one hash per distinct customer of the batch.
  const conversationIds = new Map<string, string>();
  await Promise.all(
    [
      ...new Set(batch.map((message, i) => `${message.channel}:${customerIds[i] ?? message.customer.key}`)),
    ].map(async (key) => {
      const colon = key.indexOf(':');
      conversationIds.set(key, await cachedConversationId(key, key.slice(0, colon), key.slice(colon + 1)));
    }),
  );

  const planned = batch.map((message, i) => {
    const customerId = customerIds[i] ?? message.customer.key;
    const conversationId = conversationIds.get(`${message.channel}:${customerId}`) ?? '';
    return { message, customerId, conversationId, messageId: newId('msg') };
  });

  // One JSON parameter per statement, read back with json_each: constant SQL, so the statement
  // is cheap to build and to prepare whatever the batch size, and D1's cap of 100 bound values
  // per statement never applies.
  const customerRows = jsonParam(
    planned.map(({ message, customerId }) => ({
      id: customerId,
      wa_id: message.customer.waId ?? null,
      user_id: message.customer.userId ?? null,
      parent_user_id: message.customer.parentUserId ?? null,
      // a profile name is shown to agents: no direction overrides, and blank is none
      name: withoutBidiControls(message.customer.name ?? '').trim() || null,
    })),
  );
  const identityRows = jsonParam(latestIdentities(planned));
  const conversationRows = jsonParam(
    planned.map(({ message, customerId, conversationId }) => ({
      id: conversationId,
      customer_id: customerId,
      channel: message.channel,
      last_message_at: message.timestamp,
    })),
  );
  const messageRows = jsonParam(
    planned.map(({ message, conversationId, messageId }) => ({
      id: messageId,
      conversation_id: conversationId,
      external_id: message.externalId,
      type: message.type,
      text: message.text ?? null,
      // Stored as drizzle's JSON mode stores it: the JSON text of the object.
      payload: jsonParam({
        buttonId: message.buttonId,
        media: message.media,
        location: message.location,
        reaction: message.reaction,
        contextId: message.contextId,
        referral: message.referral,
        changedNumberTo: message.changedNumberTo,
      }),
      sent_at: message.timestamp,
    })),
  );
  // Rows apply in input order, so repeated customers and conversations upsert like one-by-one
  // writes would. `WHERE true` tells SQLite's parser the ON CONFLICT belongs to the INSERT.
  const [, , , inserted] = await db.batch([
    db.run(sql`
      INSERT INTO customers (id, wa_id, user_id, parent_user_id, name, created_at, updated_at)
      SELECT value ->> 'id', value ->> 'wa_id', value ->> 'user_id', value ->> 'parent_user_id',
             value ->> 'name', ${now}, ${now}
      FROM json_each(${customerRows}) WHERE true
      ON CONFLICT (id) DO UPDATE SET
        name = coalesce(excluded.name, customers.name),
        updated_at = ${now}`),
    // Identities apart, and only on the rows where one changes: SQLite rewrites the entries of
    // every index whose column an UPDATE assigns, even to the same value, and a returning
    // customer's phone and user ids rarely change.
    db.run(sql`
      UPDATE customers SET
        wa_id = coalesce(j.value ->> 'wa_id', customers.wa_id),
        user_id = coalesce(j.value ->> 'user_id', customers.user_id),
        parent_user_id = coalesce(j.value ->> 'parent_user_id', customers.parent_user_id),
        updated_at = ${now}
      FROM json_each(${identityRows}) AS j
      WHERE customers.id = j.value ->> 'id'
        AND ((j.value ->> 'wa_id') IS NOT customers.wa_id AND (j.value ->> 'wa_id') IS NOT NULL
          OR (j.value ->> 'user_id') IS NOT customers.user_id AND (j.value ->> 'user_id') IS NOT NULL
          OR (j.value ->> 'parent_user_id') IS NOT customers.parent_user_id
            AND (j.value ->> 'parent_user_id') IS NOT NULL)`),
    db.run(sql`
      INSERT INTO conversations (id, customer_id, channel, last_message_at, created_at, updated_at)
      SELECT value ->> 'id', value ->> 'customer_id', value ->> 'channel', value ->> 'last_message_at',
             ${now}, ${now}
      FROM json_each(${conversationRows}) WHERE true
      ON CONFLICT (id) DO UPDATE SET
        last_message_at = max(conversations.last_message_at, excluded.last_message_at)`),
    db.all<{ id: string }>(sql`
      INSERT INTO messages (id, conversation_id, direction, author, external_id, type, text, payload,
                            status, sent_at, created_at, updated_at)
      SELECT value ->> 'id', value ->> 'conversation_id', 'in', 'customer', value ->> 'external_id',
             value ->> 'type', value ->> 'text', value ->> 'payload', 'received', value ->> 'sent_at',
             ${now}, ${now}
      FROM json_each(${messageRows}) WHERE true
      ON CONFLICT (external_id) DO NOTHING
      RETURNING id`),
  ]);
  const insertedIds = new Set(inserted.map((row) => row.id));
  return planned.map(({ conversationId, messageId }) => ({
    conversationId,
    messageId,
    inserted: insertedIds.has(messageId),
  }));
}

/**
 * Per customer, the identity the batch leaves it with: each of phone, user id and parent user id
 * is its last non-empty value in input order, as one-by-one upserts would leave it.
 */
function latestIdentities(planned: readonly { message: InboundMessage; customerId: string }[]) {
  const latest = new Map<string, { id: string; wa_id?: string; user_id?: string; parent_user_id?: string }>();
  for (const { message, customerId } of planned) {
    const { waId, userId, parentUserId } = message.customer;
    if (!waId && !userId && !parentUserId) continue;
    const row = latest.get(customerId) ?? { id: customerId };
    if (waId) row.wa_id = waId;
    if (userId) row.user_id = userId;
    if (parentUserId) row.parent_user_id = parentUserId;
    latest.set(customerId, row);
  }
  return [...latest.values()];
}

/** The identities a customer row or a message can be matched on. */
function identityKeys(customer: {
  id: string;
  waId?: string | null;
  userId?: string | null;
  parentUserId?: string | null;
}): string[] {
  const keys = [`id:${customer.id}`];
  if (customer.parentUserId) keys.push(`parent:${customer.parentUserId}`);
  if (customer.userId) keys.push(`user:${customer.userId}`);
  if (customer.waId) keys.push(`wa:${customer.waId}`);
  return keys;
}

/**
 * The id each message's customer already has, in input order. WhatsApp may start sending a user id
 * for someone Baton knew by phone (or the reverse), and the conversation must stay the same: the
 * oldest stored customer matching any identity wins. A customer first seen in this batch gets its
 * key, and later messages of the batch that match it by any identity get the same id, exactly as
 * if the messages had been stored one by one.
 */
async function knownCustomerIds(db: Db, batch: readonly InboundMessage[]): Promise<string[]> {
  const ids = new Set<string>();
  const parents = new Set<string>();
  const users = new Set<string>();
  const phones = new Set<string>();
  for (const { customer } of batch) {
    ids.add(customer.key);
    if (customer.parentUserId) parents.add(customer.parentUserId);
    if (customer.userId) users.add(customer.userId);
    if (customer.waId) phones.add(customer.waId);
  }
  // JSON lists rather than IN (?, ?, …): constant SQL whatever the batch size.
  const list = (values: Set<string>) => jsonParam([...values]);
  const matches: SQL[] = [sql`${customers.id} IN (SELECT value FROM json_each(${list(ids)}))`];
  if (parents.size > 0)
    matches.push(sql`${customers.parentUserId} IN (SELECT value FROM json_each(${list(parents)}))`);
  if (users.size > 0) matches.push(sql`${customers.userId} IN (SELECT value FROM json_each(${list(users)}))`);
  if (phones.size > 0) matches.push(sql`${customers.waId} IN (SELECT value FROM json_each(${list(phones)}))`);
  const stored = await db
    .select({
      id: customers.id,
      waId: customers.waId,
      userId: customers.userId,
      parentUserId: customers.parentUserId,
    })
    .from(customers)
    .where(or(...matches))
    .orderBy(asc(customers.createdAt), sql`rowid`);

  // Each identity points at the oldest customer holding it: stored ones by creation, then the
  // ones this batch creates, in input order.
  const owner = new Map<string, { id: string; rank: number }>();
  const claim = (keys: readonly string[], id: string, rank: number) => {
    for (const key of keys) if (!owner.has(key)) owner.set(key, { id, rank });
  };
  for (const [rank, row] of stored.entries()) claim(identityKeys(row), row.id, rank);
  return batch.map(({ customer }, i) => {
    const keys = identityKeys({ ...customer, id: customer.key });
    let best: { id: string; rank: number } | undefined;
    for (const key of keys) {
      const match = owner.get(key);
      if (match !== undefined && (best === undefined || match.rank < best.rank)) best = match;
    }
    const id = best?.id ?? customer.key;
    claim(keys, id, best?.rank ?? stored.length + i);
    return id;
  });
}
