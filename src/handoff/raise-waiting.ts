import { eq } from 'drizzle-orm';
import { type Priority, priorityRank, type Reason } from '../policy/reasons.js';
import type { Db } from '../store/db.js';
import { handoffs } from '../store/schema/index.js';
import type { Packet } from './packet.js';
import { raised, raiseStatements } from './raise.js';
import type { SinkSettings } from './sinks/config.js';

/**
 * A customer who writes while waiting can make the wait more urgent: a charger that starts to burn,
 * or a code given away, after an after-hours handoff must not keep its place until the next opening.
 * Raises a queued handoff (never lowers one, never touches one a person has), adds the new reasons
 * to its packet, leaves a note saying why and notifies the sinks again, in one batch. Returns the
 * raised packet, or undefined when nothing changed (also when an agent claimed it meanwhile).
 */
export async function raiseWaitingHandoff(
  db: Db,
  sinks: SinkSettings,
  input: {
    handoffId: string;
    priority: Priority;
    reasons: readonly Reason[];
    /** How upset the customer is now: the packet's meter shows the highest seen. */
    frustration: number;
    now: number;
  },
): Promise<Packet | undefined> {
  const row = await db.query.handoffs.findFirst({ where: eq(handoffs.id, input.handoffId) });
  if (row === undefined || row.status !== 'queued') return undefined;
  if (priorityRank[input.priority] <= row.priorityRank) return undefined;
  const stored = row.packet as Packet;
  const isNew = (reason: Reason) =>
    !stored.reasons.some((known) => known.code === reason.code && known.evidence === reason.evidence);
  const packet: Packet = {
    ...stored,
    priority: input.priority,
    reasons: [...stored.reasons, ...input.reasons.filter(isNew)],
    // beside a "Frustrated, score 1.00" reason the meter read what it was when the handoff began
    frustration: Math.max(stored.frustration, input.frustration),
  };
  const why = input.reasons.map((reason) => `${reason.code} (${reason.evidence})`).join('; ');
  const results = await db.batch(
    raiseStatements(db, sinks, {
      packet,
      guard: eq(handoffs.status, 'queued'),
      note: `The customer wrote while waiting: ${why}. Priority raised from ${row.priority} to ${input.priority} and sinks notified again.`,
      now: input.now,
    }),
  );
  // undefined when an agent claimed it since it was read
  return raised(results) ? packet : undefined;
}
