import { and, eq, type SQL } from 'drizzle-orm';
import { priorityRank } from '../policy/reasons.js';
import type { Db } from '../store/db.js';
import { insertWhere } from '../store/insert-where.js';
import { handoffNotes, handoffs, outbox } from '../store/schema/index.js';
import { newId } from '../util/ids.js';
import type { Packet } from './packet.js';
import { handoffSearchText } from './search-text.js';
import type { SinkSettings } from './sinks/config.js';
import { sinkOutboxRows } from './sinks/handlers.js';

/**
 * The one batch that raises a handoff, whatever raised it (its SLA passing, a message while it
 * waits): the priority and the packet that carries it, a note saying why, and the sinks notified
 * again. `guard` is the caller's condition for the raise still to apply; the note and the
 * notifications come first and are written only when it holds, so a raise that does not apply
 * leaves nothing behind, and one that does is never without its note. The last statement is the
 * update: it returns the handoff's id when the raise applied.
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
  const applies = and(eq(handoffs.id, packet.id), input.guard) as SQL;
  const note = { id: newId('note'), handoffId: packet.id, agentId: null, text: input.note, createdAt: now };
  return [
    insertWhere(db, handoffNotes, note, handoffs, applies),
    ...sinkOutboxRows(packet, sinks, now).map((row) => insertWhere(db, outbox, row, handoffs, applies)),
    db
      .update(handoffs)
      .set({
        priority: packet.priority,
        priorityRank: priorityRank[packet.priority],
        packet,
        searchText: handoffSearchText(packet),
        ...input.also,
        updatedAt: now,
      })
      .where(applies)
      .returning({ id: handoffs.id }),
  ] as const;
}

/** Whether the batch of `raiseStatements` raised: its last result, the update's RETURNING, has the row. */
export function raised(results: readonly unknown[]): boolean {
  const update = results.at(-1);
  return Array.isArray(update) && update.length > 0;
}
