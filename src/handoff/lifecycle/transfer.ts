import { z } from 'zod';
import { BatonError } from '../../http/errors.js';
import { queueSchema } from '../../policy/reasons.js';
import { announceTransfer } from './announce.js';
import { type AgentRow, assertOpen, type LifecycleContext, loadHandoffFor } from './context.js';
import { requeue } from './requeue.js';

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
  await requeue(ctx, agent, handoff, {
    queue: input.queue,
    note: `Transferred from ${handoff.queue} to ${input.queue} by ${agent.name}${input.note ? `: ${input.note}` : ''}`,
    now,
  });
  await announceTransfer(ctx, { conversation, customer, agent, handoffId, queue: input.queue, now });
  // both queues: the agent who had it sees it leave, the new team sees it arrive
  for (const queue of [handoff.queue, input.queue]) {
    ctx.events.publish({ type: 'handoff.updated', handoffId, queue, status: 'queued' });
  }
  return { queue: input.queue, status: 'queued' as const };
}
