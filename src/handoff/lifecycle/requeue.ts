import { and, eq, type SQL } from 'drizzle-orm';
import { BatonError } from '../../http/errors.js';
import { insertWhere } from '../../store/insert-where.js';
import { conversations, handoffNotes, handoffs } from '../../store/schema/index.js';
import { newId } from '../../util/ids.js';
import type { Packet } from '../packet.js';
import type { AgentRow, HandoffRow, LifecycleContext } from './context.js';
import { statusSetAt } from './guards.js';

/**
 * Puts an open handoff back in a queue (its own or another), unassigned, with a note saying who
 * did it and why, in one batch: a transfer and a release. The customer's messages keep waiting for
 * a person; the queue shows the wait since the handoff was raised again, not since the old claim.
 */
export async function requeue(
  ctx: LifecycleContext,
  agent: AgentRow,
  handoff: HandoffRow,
  input: { queue: string; note: string; now: number },
): Promise<void> {
  const { queue, now } = input;
  const [moved] = await ctx.db.batch([
    ctx.db
      .update(handoffs)
      .set({
        queue,
        status: 'queued',
        assignedAgentId: null,
        claimedAt: null,
        // the packet the inbox and the API show says where the handoff is now
        packet: { ...(handoff.packet as Packet), queue },
        updatedAt: now,
      })
      .where(
        and(
          eq(handoffs.id, handoff.id),
          eq(handoffs.status, handoff.status),
          handoff.assignedAgentId === null
            ? undefined
            : eq(handoffs.assignedAgentId, handoff.assignedAgentId),
        ),
      )
      .returning({ id: handoffs.id }),
    ctx.db
      .update(conversations)
      .set({ mode: 'queued', updatedAt: now })
      .where(
        and(
          eq(conversations.id, handoff.conversationId),
          eq(conversations.handoffId, handoff.id),
          statusSetAt(handoff.id, 'queued', now),
        ),
      ),
    // only when the move above applied: a lost race leaves no note of a move that never happened
    insertWhere(
      ctx.db,
      handoffNotes,
      { id: newId('note'), handoffId: handoff.id, agentId: agent.id, text: input.note, createdAt: now },
      handoffs,
      and(eq(handoffs.id, handoff.id), eq(handoffs.status, 'queued'), eq(handoffs.updatedAt, now)) as SQL,
    ),
  ]);
  if (moved.length === 0) throw new BatonError('conflict', 'the handoff changed; reload it');
}
