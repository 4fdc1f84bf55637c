import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { recipientOf, windowFor } from '../handoff/lifecycle/context.js';
import { outboundStatements } from '../outbox/enqueue.js';
import { say } from '../replies/messages.js';
import type { Db } from '../store/db.js';
import {
  agents,
  conversations,
  customers,
  handoffNotes,
  handoffReads,
  handoffs,
} from '../store/schema/index.js';
import { withoutBidiControls } from '../util/bidi.js';
import { newId, randomToken, sha256Hex } from '../util/ids.js';
import { endSessionsOf } from './sessions.js';

const AGENT_NAME_MAX = 60;

/**
 * A name as customers and colleagues read it ("Layla from our team has joined the chat", "Assigned
 * to Layla"): without direction marks, which would turn the customer's line around it, or control
 * characters, its spaces collapsed. Throws for a name left blank or too long to read.
 */
export function agentName(raw: string): string {
  const name = withoutBidiControls(raw)
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (name === '')
    throw new Error('a name is required: customers read "<name> from our team has joined the chat"');
  if ([...name].length > AGENT_NAME_MAX) throw new Error(`a name of at most ${AGENT_NAME_MAX} characters`);
  return name;
}

/** Stores an agent with the SHA-256 of a fresh token; the token is returned once and never kept. */
export async function addAgent(db: Db, input: { name: string; queues: string[]; now: number }) {
  const token = randomToken('bt');
  const agent = {
    id: newId('agent'),
    name: agentName(input.name),
    queues: input.queues,
    tokenHash: await sha256Hex(token),
    createdAt: input.now,
  };
  await db.insert(agents).values(agent);
  return { agent, token };
}

export async function agentByToken(db: Db, token: string) {
  return agentByTokenHash(db, await sha256Hex(token));
}

export async function agentByTokenHash(db: Db, tokenHash: string) {
  return db.query.agents.findFirst({ where: eq(agents.tokenHash, tokenHash) });
}

/** Every agent with the number of handoffs they hold now, for `npm run agent:list`. */
export async function listAgents(db: Db) {
  const rows = await db.select().from(agents).orderBy(asc(agents.createdAt));
  const holding = await db
    .select({ agentId: handoffs.assignedAgentId, n: count() })
    .from(handoffs)
    .where(eq(handoffs.status, 'assigned'))
    .groupBy(handoffs.assignedAgentId);
  const held = new Map(holding.map((row) => [row.agentId, row.n]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    queues: row.queues,
    createdAt: row.createdAt,
    assigned: held.get(row.id) ?? 0,
  }));
}

/**
 * A new token for an agent: the old one stops working, and so does every inbox signed in (with
 * the old token or not: a leaked token may have been used to sign in).
 */
export async function rotateAgentToken(db: Db, agentId: string): Promise<string | undefined> {
  const token = randomToken('bt');
  const [updated] = await db.batch([
    db
      .update(agents)
      .set({ tokenHash: await sha256Hex(token) })
      .where(eq(agents.id, agentId))
      .returning({ id: agents.id }),
    endSessionsOf(db, agentId),
  ]);
  return updated.length === 0 ? undefined : token;
}

/**
 * Removes an agent: their token and their signed-in inboxes stop working at once, and the
 * handoffs they held go back to their queue with a note, for a colleague to claim. Their customers
 * are told (where WhatsApp's 24-hour window still lets a message through), or they would wait on
 * someone who is gone.
 */
export async function removeAgent(db: Db, agentId: string, now: number, options: { windowMarginMs: number }) {
  const agent = await db.query.agents.findFirst({ where: eq(agents.id, agentId) });
  if (agent === undefined) return undefined;
  const held = await db
    .select({ id: handoffs.id, conversationId: handoffs.conversationId })
    .from(handoffs)
    .where(and(eq(handoffs.assignedAgentId, agentId), eq(handoffs.status, 'assigned')));
  const ids = held.map((row) => row.id);
  const notices = await Promise.all(
    held.map((handoff) => noticeOfReturn(db, handoff, now, options.windowMarginMs)),
  );
  await db.batch([
    db.delete(agents).where(eq(agents.id, agentId)),
    endSessionsOf(db, agentId),
    db.delete(handoffReads).where(eq(handoffReads.agentId, agentId)),
    db
      .update(handoffs)
      .set({ status: 'queued', assignedAgentId: null, claimedAt: null, updatedAt: now })
      .where(and(eq(handoffs.assignedAgentId, agentId), eq(handoffs.status, 'assigned'))),
    db
      .update(conversations)
      .set({ mode: 'queued', updatedAt: now })
      .where(and(inArray(conversations.handoffId, ids), eq(conversations.mode, 'agent'))),
    ...ids.map((handoffId) =>
      db.insert(handoffNotes).values({
        id: newId('note'),
        handoffId,
        agentId: null,
        text: `Back in the queue: ${agent.name} is no longer an agent.`,
        createdAt: now,
      }),
    ),
    ...notices.flat(),
  ]);
  return { name: agent.name, requeued: ids };
}

/** "Your conversation is back with our team", queued for the outbox, if the window is open. */
async function noticeOfReturn(
  db: Db,
  handoff: { id: string; conversationId: string },
  now: number,
  windowMarginMs: number,
) {
  const conversation = await db.query.conversations.findFirst({
    where: eq(conversations.id, handoff.conversationId),
  });
  const customer =
    conversation &&
    (await db.query.customers.findFirst({ where: eq(customers.id, conversation.customerId) }));
  if (!conversation || !customer) return [];
  if (!(await windowFor({ db, windowMarginMs }, conversation, now)).open) return [];
  return outboundStatements(
    db,
    {
      conversationId: conversation.id,
      channel: conversation.channel,
      to: recipientOf(customer),
      message: { kind: 'text', text: say('backWithTeam', conversation.language) },
      author: 'system',
      handoffId: handoff.id,
    },
    now,
  );
}
