import { and, eq, type SQL } from 'drizzle-orm';
import type { Area } from '../llm/classification.js';
import type { Db } from '../store/db.js';
import { insertWhere } from '../store/insert-where.js';
import { handoffNotes, handoffs } from '../store/schema/index.js';
import { newId } from '../util/ids.js';
import type { Packet } from './packet.js';

/**
 * "agent please", then what it is about ("I was charged twice"): a handoff waiting in the general
 * queue moves to the team the customer's words name, with a note, while nobody has claimed it. A
 * handoff already with a team, or with the VIP queue, stays where it is: a second topic is for its
 * agent to judge. Returns whether it moved.
 */
export async function rerouteWaitingHandoff(
  db: Db,
  input: { handoffId: string; area: Area; now: number },
): Promise<boolean> {
  if (input.area === 'general') return false;
  const row = await db.query.handoffs.findFirst({ where: eq(handoffs.id, input.handoffId) });
  if (row === undefined || row.status !== 'queued' || row.queue !== 'general') return false;
  const [moved] = await db.batch([
    db
      .update(handoffs)
      .set({
        queue: input.area,
        packet: { ...(row.packet as Packet), queue: input.area },
        updatedAt: input.now,
      })
      .where(
        and(eq(handoffs.id, input.handoffId), eq(handoffs.status, 'queued'), eq(handoffs.queue, 'general')),
      )
      .returning({ id: handoffs.id }),
    insertWhere(
      db,
      handoffNotes,
      {
        id: newId('note'),
        handoffId: input.handoffId,
        agentId: null,
        text: `Moved from general to ${input.area}: the customer wrote about it while waiting.`,
        createdAt: input.now,
      },
      handoffs,
      and(
        eq(handoffs.id, input.handoffId),
        eq(handoffs.queue, input.area),
        eq(handoffs.updatedAt, input.now),
      ) as SQL,
    ),
  ]);
  // nothing when an agent claimed it since it was read
  return moved.length > 0;
}
