import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { accountProblem, isWindowClosedCode } from '../channel/outbound.js';
import type { AgentRow } from '../handoff/lifecycle/context.js';
import type { Packet } from '../handoff/packet.js';
import type { Db } from '../store/db.js';
import { agents, handoffNotes, handoffs, messages } from '../store/schema/index.js';

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
  const nameOf = await agentNames(db);
  const rows = await db
    .select()
    .from(handoffs)
    .where(and(...conditions))
    .orderBy(
      ...(status === 'resolved'
        ? [desc(handoffs.resolvedAt)]
        : [desc(handoffs.priorityRank), asc(handoffs.createdAt)]),
    )
    .limit(filter.limit);
  return rows.map((row) => {
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
        language: packet.customer.language,
        tier: packet.customer.tier,
      },
      reasons: packet.reasons.map((reason) => reason.code),
      /** Which sensitive topics: fraud, safety, a refund… */
      topics: [...new Set(packet.reasons.flatMap((reason) => reason.topics ?? []))],
      summary: packet.summary,
    };
  });
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
