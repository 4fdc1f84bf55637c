import { and, eq } from 'drizzle-orm';
import { BatonError } from '../../http/errors.js';
import { conversations, handoffs } from '../../store/schema/index.js';
import { announceAgent } from './announce.js';
import { type AgentRow, assertOpen, type LifecycleContext, loadHandoffFor } from './context.js';
import { claimedBy, heldByColleague } from './guards.js';

/**
 * An agent takes a queued handoff: the handoff is assigned and the conversation moves to `agent`
 * in one batch, and the customer is told a person has joined (when the window allows).
 */
export async function claimHandoff(ctx: LifecycleContext, agent: AgentRow, handoffId: string) {
  return claimLoaded(ctx, agent, await loadHandoffFor(ctx, agent, handoffId));
}

/** The claim of a handoff the caller has already loaded for this agent (a reply claims this way). */
export async function claimLoaded(
  ctx: LifecycleContext,
  agent: AgentRow,
  loaded: Awaited<ReturnType<typeof loadHandoffFor>>,
  known: { windowOpen?: boolean } = {},
) {
  const { handoff, conversation, customer } = loaded;
  const handoffId = handoff.id;
  assertOpen(handoff);
  if (handoff.status === 'assigned') {
    if (handoff.assignedAgentId === agent.id) return { status: 'assigned' as const, announced: false };
    throw await heldByColleague(ctx.db, handoff.assignedAgentId);
  }
  const now = ctx.clock.now();
  const [claimed] = await ctx.db.batch([
    ctx.db
      .update(handoffs)
      .set({ status: 'assigned', assignedAgentId: agent.id, claimedAt: now, updatedAt: now })
      .where(and(eq(handoffs.id, handoffId), eq(handoffs.status, 'queued')))
      .returning({ id: handoffs.id }),
    // Conditional on the claim above having happened in this same batch.
    ctx.db
      .update(conversations)
      .set({ mode: 'agent', updatedAt: now })
      .where(
        and(
          eq(conversations.id, conversation.id),
          eq(conversations.handoffId, handoffId),
          claimedBy(handoffId, agent.id, now),
        ),
      ),
  ]);
  if (claimed.length === 0) throw new BatonError('conflict', 'the handoff changed; reload it');
  const announced = await announceAgent(ctx, { conversation, customer, agent, handoffId, now, ...known });

  ctx.events.publish({ type: 'handoff.updated', handoffId, queue: handoff.queue, status: 'assigned' });
  /** Whether the customer was told the agent joined: not with the window closed, nor an agent back. */
  return { status: 'assigned' as const, announced };
}
