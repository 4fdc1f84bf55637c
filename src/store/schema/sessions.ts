import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Inbox sign-ins. The inbox's cookie holds a session token of its own, not the agent's bearer
 * token, so signing out ends that session on the server and a stolen cookie dies with it.
 */
export const agentSessions = sqliteTable(
  'agent_sessions',
  {
    /** SHA-256 of the session token; the token itself lives only in the cookie. */
    tokenHash: text('token_hash').primaryKey(),
    agentId: text('agent_id').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('agent_sessions_agent').on(t.agentId)],
);
