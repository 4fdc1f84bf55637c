import { and, count, eq, gt, isNotNull, lte } from 'drizzle-orm';
import type { Db } from '../store/db.js';
import type { MessageRow } from '../store/repos/messages.js';
import { messages } from '../store/schema/index.js';

const WINDOW_MS = 60_000;

/**
 * A person types a few messages a minute; the limit (`CUSTOMER_RATE_LIMIT_PER_MINUTE`, 30 by
 * default) only stops floods, scripts and loops, so one sender cannot take the worker (and the
 * model budget) from the others.
 *
 * True when the conversation already had `perMinute` messages handled in the minute before this
 * one was sent. Counted in the database (handled messages carry their turn), so nothing is kept in
 * process memory and a restart changes nothing.
 */
export async function overRateLimit(db: Db, message: MessageRow, perMinute: number): Promise<boolean> {
  if (perMinute <= 0) return false;
  const [row] = await db
    .select({ n: count() })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, message.conversationId),
        eq(messages.direction, 'in'),
        isNotNull(messages.turn),
        gt(messages.sentAt, message.sentAt - WINDOW_MS),
        lte(messages.sentAt, message.sentAt),
      ),
    );
  return (row?.n ?? 0) >= perMinute;
}
