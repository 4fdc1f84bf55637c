import { and, count, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../store/db.js';
import { preparedPerDb } from '../store/prepared.js';
import type { MessageRow } from '../store/repos/messages.js';
import { messages } from '../store/schema/index.js';

const WINDOW_MS = 60_000;

const handledInWindowQuery = preparedPerDb((db) =>
  db
    .select({ n: count() })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, sql.placeholder('conversationId')),
        eq(messages.direction, 'in'),
        isNotNull(messages.turn),
        gt(messages.sentAt, sql.placeholder('after')),
        lte(messages.sentAt, sql.placeholder('until')),
      ),
    )
    .prepare(),
);

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
  const [row] = await handledInWindowQuery(db).all({
    conversationId: message.conversationId,
    after: message.sentAt - WINDOW_MS,
    until: message.sentAt,
  });
  return (row?.n ?? 0) >= perMinute;
}
