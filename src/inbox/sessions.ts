import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../store/db.js';
import { agentSessions, agents } from '../store/schema/index.js';
import { randomToken, sha256Hex } from '../util/ids.js';

/** How long an inbox stays signed in without signing in again: one long working day. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** A sign-in of the inbox: a fresh token for its cookie, kept here only as a hash. */
export async function startSession(db: Db, agentId: string, now: number) {
  const token = randomToken('bs');
  const expiresAt = now + SESSION_TTL_MS;
  await db.batch([
    // An agent's expired sessions are cleared when they sign in again, so the table stays small.
    db
      .delete(agentSessions)
      .where(and(eq(agentSessions.agentId, agentId), lte(agentSessions.expiresAt, now))),
    db
      .insert(agentSessions)
      .values({ tokenHash: await sha256Hex(token), agentId, createdAt: now, expiresAt }),
  ]);
  return { token, expiresAt };
}

export async function agentBySessionHash(db: Db, tokenHash: string, now: number) {
  const [row] = await db
    .select({ agent: agents })
    .from(agentSessions)
    .innerJoin(agents, eq(agents.id, agentSessions.agentId))
    .where(and(eq(agentSessions.tokenHash, tokenHash), gt(agentSessions.expiresAt, now)))
    .limit(1);
  return row?.agent;
}

/** Signing out: the cookie's session ends on the server too, so a copy of the cookie is useless. */
export async function endSession(db: Db, token: string): Promise<void> {
  await db.delete(agentSessions).where(eq(agentSessions.tokenHash, await sha256Hex(token)));
}

/** Every inbox an agent is signed in to, for a removal or a new token. */
export function endSessionsOf(db: Db, agentId: string) {
  return db.delete(agentSessions).where(eq(agentSessions.agentId, agentId));
}
