import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../store/db.js';
import { conversations, handoffNotes, handoffs } from '../store/schema/index.js';
import { newId } from '../util/ids.js';
import { statusSetAt } from './lifecycle/guards.js';

/**
 * The customer takes back a request nobody has claimed yet ("never mind, I found it"): the handoff
 * is resolved with a note quoting them, nothing to rate, and the conversation goes back to the bot,
 * in one batch. Returns false when an agent got there first; the request then stands.
 */
export async function withdrawHandoff(
  db: Db,
  input: { handoffId: string; conversationId: string; customerWords: string; now: number },
): Promise<boolean> {
  const { handoffId, now } = input;
  const note = `Withdrawn by the customer before anyone claimed it: "${input.customerWords.slice(0, 300)}"`;
  const [withdrawn] = await db.batch([
    db
      .update(handoffs)
      .set({
        status: 'resolved',
        resolvedAt: now,
        resolution: 'withdrawn',
        csatStatus: 'not_asked',
        updatedAt: now,
      })
      .where(and(eq(handoffs.id, handoffId), eq(handoffs.status, 'queued')))
      .returning({ id: handoffs.id }),
    db
      .update(conversations)
      .set({ mode: 'bot', handoffId: null, updatedAt: now })
      .where(
        and(
          eq(conversations.id, input.conversationId),
          eq(conversations.handoffId, handoffId),
          statusSetAt(handoffId, 'resolved', now),
        ),
      ),
    // only when the withdrawal above happened in this same batch
    db.run(
      sql`insert into ${handoffNotes} (id, handoff_id, agent_id, text, created_at) select ${newId('note')}, ${handoffId}, null, ${note}, ${now} where ${statusSetAt(handoffId, 'resolved', now)}`,
    ),
  ]);
  return withdrawn.length > 0;
}
