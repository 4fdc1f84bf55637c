import { eq } from 'drizzle-orm';
import type { Logger } from '../log/logger.js';
import type { Db } from '../store/db.js';
import { conversations, handoffs, type MessageStatus } from '../store/schema/index.js';
import type { InboxEvents } from './events.js';

/** A message to the customer that moved on (sent, delivered, read), failed or was dropped, as the messages table has it. */
export interface DeliveryChange {
  conversationId: string;
  handoffId: string | null;
  status: MessageStatus;
}

/**
 * Tells the inboxes of the handoff's queue how far a message to the customer got: a failure,
 * whether the send failed or the channel reported it later (Meta accepts a message, then reports
 * 131047), so the agent sees why at once; a tick (sent, delivered, read) so the open conversation
 * shows it. A message of a conversation the bot kept has no one to tell.
 */
export async function publishDeliveryChange(
  db: Db,
  events: InboxEvents,
  change: DeliveryChange,
): Promise<void> {
  const columns = { handoffId: handoffs.id, queue: handoffs.queue };
  const lost = change.status === 'failed' || change.status === 'dropped';
  // a tick is news only where an agent may be looking: the handoff the message was part of
  if (change.handoffId === null && !lost) return;
  // a handoff notice, or a bot reply dropped because a person took over, is the bot's, written
  // before the handoff is on the message: the conversation's open handoff is where it shows
  const [handoff] =
    change.handoffId !== null
      ? await db.select(columns).from(handoffs).where(eq(handoffs.id, change.handoffId))
      : await db
          .select(columns)
          .from(conversations)
          .innerJoin(handoffs, eq(handoffs.id, conversations.handoffId))
          .where(eq(conversations.id, change.conversationId));
  if (handoff === undefined) return;
  events.publish(
    change.status === 'failed'
      ? { type: 'message.failed', ...handoff }
      : { type: 'message.status', ...handoff, status: change.status },
  );
}

/** `publishDeliveryChange` where the inbox hearing late is no reason to fail what was done: logged. */
export async function tellInboxOfDelivery(
  deps: { db: Db; events: InboxEvents; logger: Logger },
  change: DeliveryChange,
): Promise<void> {
  await publishDeliveryChange(deps.db, deps.events, change).catch((error: unknown) =>
    deps.logger.warn('could not tell the inbox how far a message got', { error }),
  );
}
