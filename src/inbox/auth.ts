import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AgentEnv } from '../http/context.js';
import { BatonError } from '../http/errors.js';
import { agentByToken } from './agents.js';

export const SESSION_COOKIE = 'baton_session';

/**
 * Agents authenticate with their bearer token; the inbox page keeps it in an HttpOnly,
 * SameSite=Strict cookie so EventSource works. Cookie-authenticated writes must also carry
 * `X-Baton-Inbox: 1`, which a cross-site form cannot send.
 */
export const requireAgent: MiddlewareHandler<AgentEnv> = async (c, next) => {
  const header = c.req.header('authorization');
  // the scheme is case-insensitive (RFC 9110): "bearer …" is as good as "Bearer …"
  const bearer = header !== undefined && /^bearer /i.test(header) ? header.slice(7).trim() : undefined;
  const cookie = bearer === undefined ? getCookie(c, SESSION_COOKIE) : undefined;
  const token = bearer ?? cookie;
  if (!token) throw new BatonError('unauthorized', 'missing bearer token');
  if (cookie !== undefined && c.req.method !== 'GET' && c.req.header('x-baton-inbox') !== '1') {
    throw new BatonError('forbidden', 'cookie-authenticated writes need the X-Baton-Inbox header');
  }
  const agent = await agentByToken(c.var.deps.db, token);
  if (agent === undefined) throw new BatonError('unauthorized', 'unknown token');
  c.set('agent', agent);
  await next();
};
