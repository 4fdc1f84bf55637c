import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { accountProblem, isWindowClosedCode } from '../channel/outbound.js';
import type { AgentRow } from '../handoff/lifecycle/context.js';
import type { Packet } from '../handoff/packet.js';
import { BatonError } from '../http/errors.js';
import type { Db } from '../store/db.js';
import {
  agents,
  conversations,
  handoffNotes,
  handoffReads,
  handoffs,
  messages,
} from '../store/schema/index.js';
import { fillSearchText, handoffSearch } from './search.js';

/** Each agent's name by id, for assignments and notes; null for none (a team is small, read whole). */
async function agentNames(db: Db): Promise<(id: string | null) => string | null> {
  const rows = await db.select({ id: agents.id, name: agents.name }).from(agents);
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return (id) => (id === null ? null : (names.get(id) ?? null));
}

export interface HandoffFilter {
  status?: 'queued' | 'assigned' | 'resolved' | 'open';
  queue?: string;
  priority?: string;
  /** Part of a name, phone number, order number, summary or handoff id (`handoffSearch`). */
  q?: string;
  limit: number;
}

/**
 * The queue as an agent sees it: their queues only, most urgent first, then oldest first; resolved
 * handoffs newest first, the history an agent looks back through.
 */
export async function listHandoffs(db: Db, agent: AgentRow, filter: HandoffFilter, now: number) {
  const conditions: SQL[] = [];
  const status = filter.status ?? 'open';
  conditions.push(
    status === 'open' ? inArray(handoffs.status, ['queued', 'assigned']) : eq(handoffs.status, status),
  );
  if (filter.queue) conditions.push(eq(handoffs.queue, filter.queue));
  if (!agent.queues.includes('*')) conditions.push(inArray(handoffs.queue, agent.queues));
  if (filter.priority) conditions.push(eq(handoffs.priority, filter.priority));
  if (filter.q) {
    conditions.push(handoffSearch(filter.q, { unfilled: await fillSearchText(db) }));
  }
  const nameOf = await agentNames(db);
  const [counted] = await db
    .select({ total: sql<number>`count(*)` })
    .from(handoffs)
    .where(and(...conditions));
  const rows = await db
    .select({
      handoff: handoffs,
      readAt: handoffReads.readAt,
      // the language the customer writes in now, which the packet's may no longer be
      language: conversations.language,
      // through the conversation's index: the newest customer message of this handoff
      lastInboundAt: sql<number | null>`(select max(${messages.createdAt}) from ${messages}
        where ${messages.conversationId} = ${handoffs.conversationId}
          and ${messages.handoffId} = ${handoffs.id} and ${messages.direction} = 'in')`,
    })
    .from(handoffs)
    .innerJoin(conversations, eq(conversations.id, handoffs.conversationId))
    .leftJoin(handoffReads, and(eq(handoffReads.handoffId, handoffs.id), eq(handoffReads.agentId, agent.id)))
    .where(and(...conditions))
    .orderBy(
      ...(status === 'resolved'
        ? [desc(handoffs.resolvedAt)]
        : [desc(handoffs.priorityRank), asc(handoffs.createdAt)]),
    )
    .limit(filter.limit);
  const listed = rows.map(({ handoff: row, readAt, lastInboundAt, language }) => {
    const packet = row.packet as Packet;
    return {
      id: row.id,
      status: row.status,
      queue: row.queue,
      priority: row.priority,
      afterHours: row.afterHours,
      createdAt: new Date(row.createdAt).toISOString(),
      slaDueAt: new Date(row.slaDueAt).toISOString(),
      resolvedAt: row.resolvedAt === null ? null : new Date(row.resolvedAt).toISOString(),
      resolution: row.resolution,
      waitingMs:
        (row.claimedAt ?? (row.status === 'resolved' ? (row.resolvedAt ?? now) : now)) - row.createdAt,
      assignedAgentId: row.assignedAgentId,
      assignedAgentName: nameOf(row.assignedAgentId),
      customer: {
        name: packet.customer.name,
        language,
        tier: packet.customer.tier,
      },
      // a handoff raised while waiting keeps each reason it was raised for: two `frustration`s
      reasons: [...new Set(packet.reasons.map((reason) => reason.code))],
      /** Which sensitive topics: fraud, safety, a refund… */
      topics: [...new Set(packet.reasons.flatMap((reason) => reason.topics ?? []))],
      summary: packet.summary,
      /**
       * The customer wrote since this agent last had it open, or, for one they have never opened,
       * since the handoff was raised (the packet holds what came before); only in one that is
       * theirs or waiting for anyone: a colleague's conversation is the colleague's news.
       */
      unread:
        (row.status === 'queued' || row.assignedAgentId === agent.id) &&
        lastInboundAt !== null &&
        lastInboundAt > (readAt ?? row.createdAt),
    };
  });
  /** How many match, of which the first `limit` are listed. */
  return { handoffs: listed, total: Number(counted?.total ?? listed.length) };
}

/** The newest line of the transcript the agent was shown; without it, everything until now. */
export const readInputSchema = z.strictObject({ messageId: z.string().min(1).max(100).optional() });

/**
 * The agent has seen the handoff up to `messageId` (a line of its transcript), or up to now:
 * what the customer writes after it is unread for them. Never moves back.
 */
export async function markHandoffRead(
  db: Db,
  input: {
    agentId: string;
    handoff: { id: string; conversationId: string };
    messageId?: string;
    now: number;
  },
): Promise<number> {
  const seen =
    input.messageId === undefined
      ? undefined
      : await db.query.messages.findFirst({
          where: and(
            eq(messages.id, input.messageId),
            eq(messages.conversationId, input.handoff.conversationId),
          ),
          columns: { createdAt: true },
        });
  if (input.messageId !== undefined && seen === undefined)
    throw new BatonError('bad_request', 'messageId is not a line of this handoff');
  const readAt = seen?.createdAt ?? input.now;
  await db
    .insert(handoffReads)
    .values({ agentId: input.agentId, handoffId: input.handoff.id, readAt })
    .onConflictDoUpdate({
      target: [handoffReads.agentId, handoffReads.handoffId],
      set: { readAt: sql`max(${handoffReads.readAt}, excluded.read_at)` },
    });
  return readAt;
}

export async function handoffActivity(
  db: Db,
  handoff: { id: string; conversationId: string; createdAt: number; assignedAgentId: string | null },
) {
  const [transcript, notes, nameOf] = await Promise.all([
    db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, handoff.conversationId))
      .orderBy(asc(messages.createdAt), sql`rowid`),
    db
      .select()
      .from(handoffNotes)
      .where(eq(handoffNotes.handoffId, handoff.id))
      .orderBy(asc(handoffNotes.createdAt)),
    agentNames(db),
  ]);
  const line = (row: (typeof transcript)[number]) => ({
    id: row.id,
    direction: row.direction,
    author: row.author,
    /** Who of the team wrote an agent's line. */
    agentId: row.author === 'agent' ? row.agentId : null,
    agentName: row.author === 'agent' ? nameOf(row.agentId) : null,
    type: row.type,
    text: row.text,
    /** The customer sent a file the agent can open (`GET …/media/:messageId`). */
    media: row.direction === 'in' && (row.payload as { media?: unknown } | null)?.media !== undefined,
    status: row.status,
    error: row.error,
    errorCode: row.errorCode,
    /** What an undelivered message needs: a template (`window_closed`) or the operator (`account`). */
    fix: isWindowClosedCode(row.errorCode)
      ? 'window_closed'
      : accountProblem(row.errorCode) !== undefined
        ? 'account'
        : null,
    at: new Date(row.sentAt).toISOString(),
  });
  return {
    transcript: transcript.map(line),
    newMessages: transcript
      .filter(
        (row) => row.direction === 'in' && row.handoffId === handoff.id && row.createdAt > handoff.createdAt,
      )
      .map(line),
    notes: notes.map((note) => ({
      ...note,
      agentName: nameOf(note.agentId),
      createdAt: new Date(note.createdAt).toISOString(),
    })),
    /** Who has the handoff (or resolved it). */
    assignedAgentName: nameOf(handoff.assignedAgentId),
  };
}
