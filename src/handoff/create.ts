import { eq } from 'drizzle-orm';
import { priorityRank } from '../policy/reasons.js';
import type { Db } from '../store/db.js';
import { conversations, handoffs, messages } from '../store/schema/index.js';
import type { Packet } from './packet.js';
import { handoffSearchText } from './search-text.js';
import type { SinkSettings } from './sinks/config.js';
import { sinkOutboxStatements } from './sinks/handlers.js';

/**
 * Stores a handoff and moves the conversation to `queued` in one atomic batch, and attaches the
 * message that triggered it. Mode and handoff status never disagree.
 */
export async function storeHandoff(
  db: Db,
  packet: Packet,
  input: { triggerMessageId: string; now: number; sinks: SinkSettings },
): Promise<void> {
  await db.batch([
    db.insert(handoffs).values({
      id: packet.id,
      conversationId: packet.conversationId,
      status: 'queued',
      queue: packet.queue,
      priority: packet.priority,
      priorityRank: priorityRank[packet.priority],
      afterHours: packet.afterHours,
      packet,
      searchText: handoffSearchText(packet),
      slaDueAt: Date.parse(packet.slaDueAt),
      createdAt: input.now,
      updatedAt: input.now,
    }),
    db
      .update(conversations)
      .set({ mode: 'queued', handoffId: packet.id, lastHandoffId: packet.id, updatedAt: input.now })
      .where(eq(conversations.id, packet.conversationId)),
    db
      .update(messages)
      .set({ handoffId: packet.id, updatedAt: input.now })
      .where(eq(messages.id, input.triggerMessageId)),
    // Sink notifications are stored with the handoff: never a handoff without them.
    ...sinkOutboxStatements(db, packet, input.sinks, input.now),
  ]);
}

/** A customer message that arrives while a person has the conversation is kept on the handoff. */
export function attachToHandoff(db: Db, messageId: string, handoffId: string, now: number) {
  return db.update(messages).set({ handoffId, updatedAt: now }).where(eq(messages.id, messageId));
}
