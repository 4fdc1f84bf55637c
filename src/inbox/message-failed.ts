import { eq } from 'drizzle-orm';
import type { Db } from '../store/db.js';
import { conversations, handoffs } from '../store/schema/index.js';
import type { InboxEvents } from './events.js';

/** A message to the customer that failed for good, as the messages table has it. */
export interface FailedMessage {
  conversationId: string;
  handoffId: string | null;
}

/**
 * Tells the inboxes of the handoff's queue that a message to the customer failed, whether the
 * send failed or the channel reported the failure later (Meta accepts a message, then reports
 * 131047): the agent sees it at once, not at the next refresh. A message of a conversation the
 * bot kept has no one to tell.
 */
export async function publishMessageFailed(
  db: Db,
  events: InboxEvents,
  failed: FailedMessage,
): Promise<void> {
  const columns = { handoffId: handoffs.id, queue: handoffs.queue };
  // a handoff notice is the bot's, sent before the handoff it announces is on the message
  const [handoff] =
    failed.handoffId !== null
      ? await db.select(columns).from(handoffs).where(eq(handoffs.id, failed.handoffId))
      : await db
          .select(columns)
          .from(conversations)
          .innerJoin(handoffs, eq(handoffs.id, conversations.handoffId))
          .where(eq(conversations.id, failed.conversationId));
  if (handoff) events.publish({ type: 'message.failed', ...handoff });
}
