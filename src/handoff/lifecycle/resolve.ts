import { and, eq, isNull } from 'drizzle-orm';
import { BatonError } from '../../http/errors.js';
import { csatQuestion } from '../../replies/csat.js';
import { conversations, handoffs } from '../../store/schema/index.js';
import { announceClosed, messageCustomer } from './announce.js';
import { type AgentRow, type LifecycleContext, loadHandoffFor, windowFor } from './context.js';
import { heldByColleague, statusSetAt } from './guards.js';

/**
 * Hands the conversation back to the bot: the handoff is resolved and the conversation returns to
 * `bot` in one batch; the customer is asked for a CSAT score when an agent replied to them and the
 * window is open, and the handoff records that it was not asked otherwise (nobody to rate); a
 * customer no agent wrote to is told their request was closed.
 */
export async function resolveHandoff(ctx: LifecycleContext, agent: AgentRow, handoffId: string) {
  const { handoff, conversation, customer, packet } = await loadHandoffFor(ctx, agent, handoffId);
  if (handoff.status === 'resolved') throw new BatonError('conflict', 'this handoff is already resolved');
  // A colleague's conversation is theirs to close: the customer is talking to them.
  if (handoff.status === 'assigned' && handoff.assignedAgentId !== agent.id) {
    throw await heldByColleague(ctx.db, handoff.assignedAgentId);
  }
  const now = ctx.clock.now();
  const askCsat = handoff.firstAgentReplyAt !== null && (await windowFor(ctx, conversation, now)).open;
  const [resolved] = await ctx.db.batch([
    ctx.db
      .update(handoffs)
      .set({
        status: 'resolved',
        resolvedAt: now,
        resolution: 'agent',
        assignedAgentId: agent.id,
        csatStatus: askCsat ? 'asked' : 'not_asked',
        updatedAt: now,
      })
      // as it was read, holder included: released and claimed by a colleague meanwhile, it is theirs
      .where(
        and(
          eq(handoffs.id, handoffId),
          eq(handoffs.status, handoff.status),
          handoff.assignedAgentId === null
            ? isNull(handoffs.assignedAgentId)
            : eq(handoffs.assignedAgentId, handoff.assignedAgentId),
        ),
      )
      .returning({ id: handoffs.id }),
    ctx.db
      .update(conversations)
      .set({ mode: 'bot', handoffId: null, csatHandoffId: askCsat ? handoffId : null, updatedAt: now })
      .where(
        and(
          eq(conversations.id, conversation.id),
          eq(conversations.handoffId, handoffId),
          statusSetAt(handoffId, 'resolved', now),
        ),
      ),
  ]);
  if (resolved.length === 0) throw new BatonError('conflict', 'the handoff changed; reload it');
  // taken over from the bot, the customer asked nobody for a person: nothing to close for them
  const askedForPerson = !packet.reasons.every((reason) => reason.code === 'agent_initiated');
  if (handoff.firstAgentReplyAt === null && askedForPerson) {
    await announceClosed(ctx, { conversation, customer, agent, handoffId, now });
  } else if (askCsat) {
    await messageCustomer(ctx, {
      conversation,
      customer,
      message: csatQuestion(conversation.language),
      author: 'bot',
      handoffId,
      now,
    });
  }
  ctx.events.publish({ type: 'handoff.updated', handoffId, queue: handoff.queue, status: 'resolved' });
  return { status: 'resolved' as const, csat: askCsat ? ('asked' as const) : ('not_asked' as const) };
}
