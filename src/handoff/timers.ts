import { and, eq, isNull, lt, max } from 'drizzle-orm';
import type { Logger } from '../log/logger.js';
import type { Priority } from '../policy/reasons.js';
import type { Db } from '../store/db.js';
import { conversations, handoffNotes, handoffs, messages } from '../store/schema/index.js';
import { newId } from '../util/ids.js';
import type { Packet } from './packet.js';
import { raiseStatements } from './raise.js';
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
  for (const row of overdue) {
    const priority = nextPriority[row.priority as Priority] ?? 'urgent';
    const packet: Packet = { ...(row.packet as Packet), priority };
    await ctx.db.batch(
      raiseStatements(ctx.db, ctx.sinks, {
        packet,
        guard: isNull(handoffs.slaRaisedAt),
        note: `Waited past its SLA (${new Date(row.slaDueAt).toISOString()}): priority raised from ${row.priority} to ${priority} and sinks notified again.`,
        now,
        also: { slaRaisedAt: now },
      }),
    );
    ctx.logger.info('handoff raised after its SLA', { handoffId: row.id, priority });
  }
  return overdue.map((row) => row.id);
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
  for (const row of idle) {
    const handoffId = row.handoffId as string;
    await ctx.db.batch([
      ctx.db
        .update(handoffs)
        .set({
          status: 'resolved',
          resolvedAt: now,
          resolution: 'idle',
          csatStatus: 'not_asked',
          updatedAt: now,
        })
        .where(and(eq(handoffs.id, handoffId), eq(handoffs.status, 'assigned'))),
      ctx.db
        .update(conversations)
        .set({ mode: 'bot', handoffId: null, updatedAt: now })
        .where(and(eq(conversations.id, row.conversationId), eq(conversations.handoffId, handoffId))),
      ctx.db.insert(handoffNotes).values({
        id: newId('note'),
        handoffId,
        agentId: null,
        text: `No message from either side for ${idleFor(ctx.idleMs)}: handed back to the bot.`,
        createdAt: now,
      }),
    ]);
    ctx.logger.info('idle conversation handed back to the bot', { handoffId });
  }
  return idle.map((row) => row.handoffId as string);
}

export async function runHandoffTimers(ctx: TimerContext, now: number) {
  return {
    raised: await raiseOverdueHandoffs(ctx, now),
    handedBack: await handBackIdleConversations(ctx, now),
  };
}
