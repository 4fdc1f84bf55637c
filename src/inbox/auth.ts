import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AgentEnv, AppEnv } from '../http/context.js';
import { BatonError } from '../http/errors.js';
import type { Db } from '../store/db.js';
import { sha256Hex } from '../util/ids.js';
import { agentByTokenHash } from './agents.js';
import { agentBySessionHash } from './sessions.js';

export const SESSION_COOKIE = 'baton_session';

/** What a request signed in with: an agent's bearer token, or an inbox session's cookie. */
export interface Credential {
  kind: 'token' | 'session';
  hash: string;
}

/** The agent a credential belongs to now (a rotated token or an ended session has none). */
export function agentFor(db: Db, credential: Credential, now: number) {
  return credential.kind === 'token'
    ? agentByTokenHash(db, credential.hash)
    : agentBySessionHash(db, credential.hash, now);
}

/** The inbox page's sign-in, if its session cookie is still good. */
export async function agentOfSessionCookie(c: Context<AppEnv>) {
  const cookie = getCookie(c, SESSION_COOKIE);
  if (!cookie) return undefined;
  const { db, clock } = c.var.deps;
  return agentBySessionHash(db, await sha256Hex(cookie), clock.now());
}

/**
 * Agents authenticate with their bearer token. The inbox page trades it for a session of its own
 * (POST /api/session), kept in an HttpOnly, SameSite=Lax cookie so EventSource works;
 * cookie-authenticated writes must also carry `X-Baton-Inbox: 1`, which a cross-site form cannot
 * send.
 */
export const requireAgent: MiddlewareHandler<AgentEnv> = async (c, next) => {
  const header = c.req.header('authorization');
  // the scheme is case-insensitive (RFC 9110): "bearer …" is as good as "Bearer …"
  const bearer = header !== undefined && /^bearer /i.test(header) ? header.slice(7).trim() : undefined;
  const cookie = bearer === undefined ? getCookie(c, SESSION_COOKIE) : undefined;
  const secret = bearer ?? cookie;
  if (!secret) throw new BatonError('unauthorized', 'missing bearer token');
  if (cookie !== undefined && c.req.method !== 'GET' && c.req.header('x-baton-inbox') !== '1') {
    throw new BatonError('forbidden', 'cookie-authenticated writes need the X-Baton-Inbox header');
  }
  const credential: Credential = {
    kind: bearer === undefined ? 'session' : 'token',
    hash: await sha256Hex(secret),
  };
  const agent = await agentFor(c.var.deps.db, credential, c.var.deps.clock.now());
  if (agent === undefined) {
    throw new BatonError('unauthorized', bearer === undefined ? 'session ended' : 'unknown token');
  }
  c.set('agent', agent);
  c.set('credential', credential);
  await next();
};
