import { z } from 'zod';
import { BatonError } from '../../http/errors.js';
import { type AgentRow, assertOpen, type LifecycleContext, loadHandoffFor } from './context.js';
import { agentName } from './guards.js';
import { requeue } from './requeue.js';

export const releaseInputSchema = z.strictObject({
  note: z.string().trim().max(1000).optional(),
});

/**
 * Hands a claimed handoff back to its own queue, unassigned, for the next agent to claim: the end
 * of a shift, or a workflow that drafted the first answer. A colleague's may be released too (they
 * went home with it), and the note names whose it was. The customer is not told: whoever claims it
 * next introduces themselves.
 */
export async function releaseHandoff(
  ctx: LifecycleContext,
  agent: AgentRow,
  handoffId: string,
  input: z.infer<typeof releaseInputSchema>,
) {
  const { handoff } = await loadHandoffFor(ctx, agent, handoffId);
  assertOpen(handoff);
  if (handoff.status !== 'assigned')
    throw new BatonError('conflict', 'nobody has this handoff; it is already queued');
  const colleague =
    handoff.assignedAgentId === agent.id
      ? null
      : ((await agentName(ctx.db, handoff.assignedAgentId)) ?? 'a removed agent');
  await requeue(ctx, agent, handoff, {
    queue: handoff.queue,
    note: `Released to the queue by ${agent.name}${colleague ? ` (it was with ${colleague})` : ''}${input.note ? `: ${input.note}` : ''}`,
    now: ctx.clock.now(),
  });
  ctx.events.publish({ type: 'handoff.updated', handoffId, queue: handoff.queue, status: 'queued' });
  return { queue: handoff.queue, status: 'queued' as const };
}
