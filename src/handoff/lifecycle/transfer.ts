import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { BatonError } from '../../http/errors.js';
import { queueSchema } from '../../policy/reasons.js';
import { conversations, handoffNotes, handoffs } from '../../store/schema/index.js';
import { newId } from '../../util/ids.js';
import type { Packet } from '../packet.js';
import { announceTransfer } from './announce.js';
import { type AgentRow, assertOpen, type LifecycleContext, loadHandoffFor } from './context.js';
import { statusSetAt } from './guards.js';

export const transferInputSchema = z.strictObject({
  queue: queueSchema,
  note: z.string().trim().max(1000).optional(),
});

/**
 * Moves a handoff to another queue, unassigned, with a note saying who moved it and why, and tells
 * the customer which team has it now.
 */
export async function transferHandoff(
  ctx: LifecycleContext,
  agent: AgentRow,
  handoffId: string,
  input: z.infer<typeof transferInputSchema>,
) {
  const { handoff, conversation, customer } = await loadHandoffFor(ctx, agent, handoffId);
  assertOpen(handoff);
  if (handoff.queue === input.queue)
    throw new BatonError('conflict', `the handoff is already in ${input.queue}`);
  const now = ctx.clock.now();
  const [moved] = await ctx.db.batch([
    ctx.db
      .update(handoffs)
      .set({
        queue: input.queue,
        status: 'queued',
        assignedAgentId: null,
        // waiting again: the queue shows the time since the handoff, not the old claim's
        claimedAt: null,
        // the packet the inbox and the API show says where the handoff is now
        packet: { ...(handoff.packet as Packet), queue: input.queue },
        updatedAt: now,
      })
      .where(and(eq(handoffs.id, handoffId), eq(handoffs.status, handoff.status)))
      .returning({ id: handoffs.id }),
    ctx.db
      .update(conversations)
      .set({ mode: 'queued', updatedAt: now })
      .where(
        and(
          eq(conversations.id, conversation.id),
          eq(conversations.handoffId, handoffId),
          statusSetAt(handoffId, 'queued', now),
        ),
      ),
    ctx.db.insert(handoffNotes).values({
      id: newId('note'),
      handoffId,
      agentId: agent.id,
      text: `Transferred from ${handoff.queue} to ${input.queue} by ${agent.name}${input.note ? `: ${input.note}` : ''}`,
      createdAt: now,
    }),
  ]);
  if (moved.length === 0) throw new BatonError('conflict', 'the handoff changed; reload it');
  await announceTransfer(ctx, { conversation, customer, agent, handoffId, queue: input.queue, now });
  // both queues: the agent who had it sees it leave, the new team sees it arrive
  for (const queue of [handoff.queue, input.queue]) {
    ctx.events.publish({ type: 'handoff.updated', handoffId, queue, status: 'queued' });
  }
  return { queue: input.queue, status: 'queued' as const };
}
