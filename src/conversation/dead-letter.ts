import { eq } from 'drizzle-orm';
import type { Db } from '../store/db.js';
import { pendingInbound } from '../store/repos/messages.js';
import { messages } from '../store/schema/index.js';

/**
 * The dead-letter path: the conversation's oldest pending message becomes `failed` with the
 * error, as a turn that throws does. It then shows in the handoff transcript the inbox
 * renders (status and error) and in the `baton_messages_failed` gauge of `/metrics`.
 */
export async function deadLetterOldest(
  db: Db,
  conversationId: string,
  error: string,
  attempts: number,
  now: number,
): Promise<string | undefined> {
  const [message] = await pendingInbound(db, conversationId);
  if (message === undefined) return undefined;
  await db
    .update(messages)
    .set({
      status: 'failed',
      error: `processing failed ${attempts} times: ${error}`.slice(0, 500),
      updatedAt: now,
    })
    .where(eq(messages.id, message.id));
  return message.id;
}
