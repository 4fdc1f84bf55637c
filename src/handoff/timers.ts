import { and, eq, isNull, lt, max, type SQL } from 'drizzle-orm';
import type { Config } from '../config/config.js';
import type { InboxEvents } from '../inbox/events.js';
import type { Logger } from '../log/logger.js';
import type { Priority } from '../policy/reasons.js';
import type { Db } from '../store/db.js';
import { insertWhere } from '../store/insert-where.js';
import { eraseExpiredConversations, forgetErasedMessageIds } from '../store/repos/erase-customer.js';
import { conversations, handoffNotes, handoffs, messages } from '../store/schema/index.js';
import { newId } from '../util/ids.js';
import type { Packet } from './packet.js';
import { raised, raiseStatements } from './raise.js';
import type { SinkSettings } from './sinks/config.js';

const nextPriority: Record<Priority, Priority> = {
  low: 'normal',
  normal: 'high',
  high: 'urgent',
  urgent: 'urgent',
};

/** "24 h", "90 min": the idle time as set, without rounding a short one to "0 h". */
function idleFor(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}

export interface TimerContext {
  db: Db;
  logger: Logger;
  sinks: SinkSettings;
  idleMs: number;
  /** How long a conversation no one writes in is kept; 0 keeps it for ever. */
  retentionMs: number;
  /** An open inbox hears what the timers changed, as it hears an agent's actions. */
  events: InboxEvents;
}

/** The timers' context from the configuration, for Node's interval and the Workers cron alike. */
export function timerContext(
  config: Pick<Config, 'sinks' | 'HANDOFF_IDLE_HOURS' | 'RETENTION_DAYS'>,
  db: Db,
  logger: Logger,
  events: InboxEvents,
): TimerContext {
  return {
    db,
    logger,
    events,
    sinks: config.sinks,
    idleMs: config.HANDOFF_IDLE_HOURS * 3_600_000,
    retentionMs: config.RETENTION_DAYS * 86_400_000,
  };
}

/**
 * A handoff still queued past its SLA is raised one priority step and notified again, once.
 * Returns the handoffs it raised.
 */
export async function raiseOverdueHandoffs(ctx: TimerContext, now: number): Promise<string[]> {
  const overdue = await ctx.db
    .select()
    .from(handoffs)
    .where(and(eq(handoffs.status, 'queued'), lt(handoffs.slaDueAt, now), isNull(handoffs.slaRaisedAt)));
  const raisedIds: string[] = [];
  for (const row of overdue) {
    const priority = nextPriority[row.priority as Priority] ?? 'urgent';
    const packet: Packet = { ...(row.packet as Packet), priority };
    // Two runs can overlap (a slow cron sweep on Workers, a slow interval on Node): the guard lets
    // only one raise, note and notify; the other's batch writes nothing.
    const results = await ctx.db.batch(
      raiseStatements(ctx.db, ctx.sinks, {
        packet,
        guard: isNull(handoffs.slaRaisedAt),
        note: `Waited past its SLA (${new Date(row.slaDueAt).toISOString()}): priority raised from ${row.priority} to ${priority} and sinks notified again.`,
        now,
        also: { slaRaisedAt: now },
      }),
    );
    if (!raised(results)) continue;
    raisedIds.push(row.id);
    ctx.logger.info('handoff raised after its SLA', { handoffId: row.id, priority });
    ctx.events.publish({ type: 'handoff.updated', handoffId: row.id, queue: row.queue, status: 'queued' });
  }
  return raisedIds;
}

/**
 * An agent-mode conversation with no message from either side for the idle time goes back to the
 * bot; the handoff is resolved with a note saying why (and CSAT is not asked).
 */
export async function handBackIdleConversations(ctx: TimerContext, now: number): Promise<string[]> {
  const open = await ctx.db
    .select({
      conversationId: conversations.id,
      handoffId: conversations.handoffId,
      last: max(messages.createdAt),
    })
    .from(conversations)
    .leftJoin(messages, eq(messages.conversationId, conversations.id))
    .where(eq(conversations.mode, 'agent'))
    .groupBy(conversations.id);
  const idle = open.filter((row) => row.handoffId !== null && (row.last ?? 0) < now - ctx.idleMs);
  const handedBack: string[] = [];
  for (const row of idle) {
    const handoffId = row.handoffId as string;
    const assigned = and(eq(handoffs.id, handoffId), eq(handoffs.status, 'assigned')) as SQL;
    const note = {
      id: newId('note'),
      handoffId,
      agentId: null,
      text: `No message from either side for ${idleFor(ctx.idleMs)}: handed back to the bot.`,
      createdAt: now,
    };
    // the note first, while the handoff is still assigned: one batch, and an overlapping run that
    // handed it back already writes nothing
    const [, resolved] = await ctx.db.batch([
      insertWhere(ctx.db, handoffNotes, note, handoffs, assigned),
      ctx.db
        .update(handoffs)
        .set({
          status: 'resolved',
          resolvedAt: now,
          resolution: 'idle',
          csatStatus: 'not_asked',
          updatedAt: now,
        })
        .where(assigned)
        .returning({ queue: handoffs.queue }),
      ctx.db
        .update(conversations)
        .set({ mode: 'bot', handoffId: null, updatedAt: now })
        .where(and(eq(conversations.id, row.conversationId), eq(conversations.handoffId, handoffId))),
    ]);
    const [handedBackFrom] = resolved;
    if (handedBackFrom === undefined) continue;
    handedBack.push(handoffId);
    ctx.logger.info('idle conversation handed back to the bot', { handoffId });
    ctx.events.publish({
      type: 'handoff.updated',
      handoffId,
      queue: handedBackFrom.queue,
      status: 'resolved',
    });
  }
  return handedBack;
}

/** Conversations past `RETENTION_DAYS` are erased (see `eraseExpiredConversations`). */
async function expireConversations(ctx: TimerContext, now: number): Promise<number> {
  if (ctx.retentionMs === 0) return 0;
  const erased = await eraseExpiredConversations(ctx.db, now - ctx.retentionMs);
  if (erased > 0) ctx.logger.info('conversations past their retention erased', { erased });
  return erased;
}

export async function runHandoffTimers(ctx: TimerContext, now: number) {
  return {
    raised: await raiseOverdueHandoffs(ctx, now),
    handedBack: await handBackIdleConversations(ctx, now),
    expired: await expireConversations(ctx, now),
    forgotten: await forgetErasedMessageIds(ctx.db, now),
  };
}
