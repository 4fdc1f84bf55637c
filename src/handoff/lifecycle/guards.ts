import { sql } from 'drizzle-orm';

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
