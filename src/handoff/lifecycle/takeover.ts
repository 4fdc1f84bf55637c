import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { BatonError } from '../../http/errors.js';
import type { Language } from '../../llm/classification.js';
import { summariseOffline } from '../../llm/offline/summarise.js';
import { isWithinBusinessHours } from '../../policy/business-hours.js';
import { priorityRank, queueSchema, type Reason } from '../../policy/reasons.js';
import { routePriority } from '../../policy/routing.js';
import { listConversationMessages } from '../../store/repos/messages.js';
import { conversations, customers, handoffs } from '../../store/schema/index.js';
import { newId } from '../../util/ids.js';
import { buildPacket } from '../build-packet.js';
import { handoffSearchText } from '../search-text.js';
import type { SinkSettings } from '../sinks/config.js';
import { sinkOutboxStatements } from '../sinks/handlers.js';
import { announceAgent } from './announce.js';
import { type AgentRow, type LifecycleContext, liveConversationsVisibleTo, requireQueue } from './context.js';

export const takeoverInputSchema = z.strictObject({ queue: queueSchema.optional() });

/**
 * An agent takes a live bot conversation over: a handoff with reason `agent_initiated` and the
 * same packet as any other, assigned to them at once; the conversation moves to `agent` in the
 * same batch, and the customer is told a person has joined.
 */
export async function takeOverConversation(
  ctx: LifecycleContext & { sinks: SinkSettings; publicBaseUrl?: string },
  agent: AgentRow,
  conversationId: string,
  input: z.infer<typeof takeoverInputSchema>,
) {
  const conversation = await ctx.db.query.conversations.findFirst({
    where: eq(conversations.id, conversationId),
  });
  if (conversation === undefined) throw new BatonError('not_found', 'no such conversation');
  if (conversation.mode !== 'bot')
    throw new BatonError('conflict', `a person already has this conversation (${conversation.mode})`);
  const customer = await ctx.db.query.customers.findFirst({
    where: eq(customers.id, conversation.customerId),
  });
  if (customer === undefined) throw new BatonError('internal', 'conversation without customer');
  const [visible] = await ctx.db
    .select({ id: conversations.id })
    .from(conversations)
    .innerJoin(customers, eq(customers.id, conversations.customerId))
    .leftJoin(handoffs, eq(handoffs.id, conversations.lastHandoffId))
    .where(and(eq(conversations.id, conversation.id), liveConversationsVisibleTo(agent)));
  if (visible === undefined) {
    throw new BatonError(
      'forbidden',
      'this conversation is not for your queues (a VIP, or last handled in another queue)',
    );
  }
  // A VIP customer is the vip queue's whatever the matter, as the bot's own handoffs route them.
  if (customer.tier === 'vip' && input.queue !== undefined && input.queue !== 'vip') {
    throw new BatonError('forbidden', "a VIP customer's conversation goes to the vip queue");
  }
  const previous = conversation.lastHandoffId
    ? await ctx.db.query.handoffs.findFirst({ where: eq(handoffs.id, conversation.lastHandoffId) })
    : undefined;
  // Without a queue named, the one that handled the conversation last, which the agent is in (or
  // they could not see it): the agent's first queue would route a billing matter to orders and
  // show its messages to a queue that could not read them.
  const queue = queueSchema.parse(
    input.queue ??
      (customer.tier === 'vip'
        ? 'vip'
        : (previous?.queue ?? agent.queues.find((q) => q !== '*') ?? 'general')),
  );
  requireQueue(agent, queue);

  const now = ctx.clock.now();
  const afterHours = !isWithinBusinessHours(now, ctx.businessHours);
  const reasons: Reason[] = [
    { code: 'agent_initiated', evidence: `${agent.name} took the conversation over from the bot` },
  ];
  const rows = await listConversationMessages(ctx.db, conversation.id);
  // The summary is about this matter: what was said since the last handoff was resolved (its
  // rating included) is the conversation the agent is stepping into.
  const since = previous?.resolvedAt ?? 0;
  const matter = rows.filter(
    (row) => row.createdAt > since && (previous === undefined || row.handoffId !== previous.id),
  );
  const transcript = matter.map((row) => ({
    from: row.author,
    text: row.text ?? '',
    at: new Date(row.sentAt).toISOString(),
  }));
  const botAttempts = botAttemptsIn(matter);
  const packet = buildPacket({
    id: newId('ho'),
    now,
    conversation,
    customer,
    language: conversation.language as Language,
    reasons,
    classification: null,
    routing: {
      queue,
      priority: routePriority({ reasons, sensitiveTopics: [], tier: customer.tier }),
      afterHours,
      slaDueAt: now,
      opensAt: now,
    },
    summary: summariseOffline({
      transcript,
      reasons,
      customerName: customer.name,
      facts: { orderIds: [], amounts: [] },
      botAttempts,
    }),
    facts: { orderIds: [], amounts: [], media: [] },
    botAttempts,
    rows,
    frustration: conversation.frustration,
    ...(ctx.publicBaseUrl ? { publicBaseUrl: ctx.publicBaseUrl } : {}),
    ...(conversation.lastHandoffId ? { previousHandoffId: conversation.lastHandoffId } : {}),
  });
  const [taken] = await ctx.db.batch([
    ctx.db
      .update(conversations)
      .set({ mode: 'agent', handoffId: packet.id, lastHandoffId: packet.id, updatedAt: now })
      .where(and(eq(conversations.id, conversation.id), eq(conversations.mode, 'bot')))
      .returning({ id: conversations.id }),
    ctx.db.insert(handoffs).values({
      id: packet.id,
      conversationId: conversation.id,
      status: 'assigned',
      queue,
      priority: packet.priority,
      priorityRank: priorityRank[packet.priority],
      afterHours,
      packet,
      searchText: handoffSearchText(packet),
      assignedAgentId: agent.id,
      slaDueAt: now,
      createdAt: now,
      claimedAt: now,
      updatedAt: now,
    }),
  ]);
  if (taken.length === 0) {
    // The bot handed off in the meantime; the handoff row above must not stand alone.
    await ctx.db.delete(handoffs).where(eq(handoffs.id, packet.id));
    throw new BatonError('conflict', 'the conversation changed; reload it');
  }
  const sinkRows = sinkOutboxStatements(ctx.db, packet, ctx.sinks, now);
  if (sinkRows.length > 0) await ctx.db.batch(sinkRows as [(typeof sinkRows)[number]]);
  await announceAgent(ctx, { conversation, customer, agent, handoffId: packet.id, now });

  ctx.kickOutbox();
  ctx.events.publish({ type: 'handoff.created', handoffId: packet.id, queue, priority: packet.priority });
  return { handoffId: packet.id, queue, status: 'assigned' as const };
}

/**
 * What the bot did in this matter, read from its messages: the graph keeps its own list in the
 * conversation's checkpoint, which a takeover from the inbox does not run the graph to read.
 */
function botAttemptsIn(rows: readonly { author: string; knowledgeDocId: string | null }[]): string[] {
  const replies = rows.filter((row) => row.author === 'bot');
  const pages = new Set(replies.flatMap((row) => (row.knowledgeDocId ? [row.knowledgeDocId] : [])));
  const others = replies.filter((row) => !row.knowledgeDocId).length;
  return [
    ...[...pages].map((page) => `answered from knowledge "${page}"`),
    ...(others > 0
      ? [`sent ${others} ${others === 1 ? 'reply' : 'replies'} not from the knowledge base`]
      : []),
  ];
}
