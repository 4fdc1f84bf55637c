import { and, gte, lt } from 'drizzle-orm';
import type { Packet } from '../handoff/packet.js';
import type { Db } from '../store/db.js';
import { conversations, handoffs } from '../store/schema/index.js';

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * KPIs over a period: conversations active in it, how many a person had to join, why and where,
 * how fast agents answered and resolved, and CSAT. Handoff figures count only the given queues
 * (`null`: all of them); conversations the bot kept belong to no queue, so they and containment
 * are counted service-wide: a conversation escalated to another queue was not kept by the bot.
 * A handoff the customer withdrew or that went idle is not counted as resolved by an agent, nor
 * in the resolution time.
 */
export async function computeStats(db: Db, period: { from: number; to: number }, queues: string[] | null) {
  const active = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(gte(conversations.lastMessageAt, period.from), lt(conversations.lastMessageAt, period.to)));
  const everyQueue = await db
    .select()
    .from(handoffs)
    .where(and(gte(handoffs.createdAt, period.from), lt(handoffs.createdAt, period.to)));
  const created = queues === null ? everyQueue : everyQueue.filter((h) => queues.includes(h.queue));
  const byAgent = created.filter((h) => h.resolution === 'agent');
  const escalated = new Set(created.map((h) => h.conversationId));
  const escalatedAnywhere = new Set(everyQueue.map((h) => h.conversationId));
  const conversationsCount = new Set([...active.map((c) => c.id), ...escalatedAnywhere]).size;
  const kept = conversationsCount - escalatedAnywhere.size;
  const byReason: Record<string, number> = {};
  const byQueue: Record<string, number> = {};
  for (const handoff of created) {
    byQueue[handoff.queue] = (byQueue[handoff.queue] ?? 0) + 1;
    for (const reason of (handoff.packet as Packet).reasons)
      byReason[reason.code] = (byReason[reason.code] ?? 0) + 1;
  }
  const scores = created.flatMap((h) => (h.csatScore === null ? [] : [h.csatScore]));
  const distribution = Object.fromEntries(
    [1, 2, 3, 4, 5].map((s) => [String(s), scores.filter((x) => x === s).length]),
  );
  return {
    period: { from: new Date(period.from).toISOString(), to: new Date(period.to).toISOString() },
    queues: queues ?? 'all',
    conversations: conversationsCount,
    escalated: escalated.size,
    kept,
    containmentRate: rate(kept, conversationsCount),
    escalationRate: rate(escalated.size, conversationsCount),
    handoffs: created.length,
    byReason,
    byQueue,
    resolved: byAgent.length,
    withdrawn: created.filter((h) => h.resolution === 'withdrawn').length,
    handedBackIdle: created.filter((h) => h.resolution === 'idle').length,
    timeToFirstReplyMs: {
      median: median(
        created.flatMap((h) => (h.firstAgentReplyAt ? [h.firstAgentReplyAt - h.createdAt] : [])),
      ),
    },
    resolutionTimeMs: {
      median: median(byAgent.flatMap((h) => (h.resolvedAt ? [h.resolvedAt - h.createdAt] : []))),
    },
    csat: {
      answered: scores.length,
      average: scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length,
      distribution,
    },
  };
}
