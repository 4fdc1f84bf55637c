import { eq, sql } from 'drizzle-orm';
import { BatonError } from '../../http/errors.js';
import type { Db } from '../../store/db.js';
import { agents } from '../../store/schema/index.js';

/**
 * Conditions that make the second statement of a batch depend on the first one having happened:
 * D1 has no interactive transactions, so a batch cannot read and branch.
 */
export function claimedBy(handoffId: string, agentId: string, at: number) {
  return sql`exists (select 1 from handoffs where id = ${handoffId} and assigned_agent_id = ${agentId} and claimed_at = ${at})`;
}

export function statusSetAt(handoffId: string, status: string, at: number) {
  return sql`exists (select 1 from handoffs where id = ${handoffId} and status = ${status} and updated_at = ${at})`;
}

/** An agent's name by id, or null for none or one removed since. */
export async function agentName(db: Db, agentId: string | null): Promise<string | null> {
  if (agentId === null) return null;
  const row = await db.query.agents.findFirst({ where: eq(agents.id, agentId), columns: { name: true } });
  return row?.name ?? null;
}

/**
 * "Omar has this handoff; release or transfer it, or add a note": the colleague's name, so the agent knows
 * whom to ask, and what they may still do.
 */
export async function heldByColleague(db: Db, agentId: string | null): Promise<BatonError> {
  const holder = await agentName(db, agentId);
  return new BatonError(
    'conflict',
    `${holder ?? 'another agent'} has this handoff; release or transfer it, or add a note`,
  );
}
