import { and, eq, type SQL } from 'drizzle-orm';
import { priorityRank } from '../policy/reasons.js';
import type { Db } from '../store/db.js';
import { handoffNotes, handoffs } from '../store/schema/index.js';
import { newId } from '../util/ids.js';
import type { Packet } from './packet.js';
import type { SinkSettings } from './sinks/config.js';
import { sinkOutboxStatements } from './sinks/handlers.js';

/**
 * The one batch that raises a handoff, whatever raised it (its SLA passing, a message while it
 * waits): the priority and the packet that carries it, a note saying why, and the sinks notified
 * again. `guard` is the caller's condition for the raise still to apply.
 */
export function raiseStatements(
  db: Db,
  sinks: SinkSettings,
  input: {
    packet: Packet;
    guard: SQL;
    note: string;
    now: number;
    /** Set with the raise, such as when an SLA raise happened. */
    also?: { slaRaisedAt: number };
  },
) {
  const { packet, now } = input;
  return [
    db
      .update(handoffs)
      .set({
        priority: packet.priority,
        priorityRank: priorityRank[packet.priority],
        packet,
        ...input.also,
        updatedAt: now,
      })
      .where(and(eq(handoffs.id, packet.id), input.guard))
      .returning({ id: handoffs.id }),
    db.insert(handoffNotes).values({
      id: newId('note'),
      handoffId: packet.id,
      agentId: null,
      text: input.note,
      createdAt: now,
    }),
    ...sinkOutboxStatements(db, packet, sinks, now),
  ] as const;
}
