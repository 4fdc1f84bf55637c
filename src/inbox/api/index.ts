import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { requireQueue } from '../../handoff/lifecycle/context.js';
import type { AgentEnv, AppEnv } from '../../http/context.js';
import { BatonError, invalidInput } from '../../http/errors.js';
import { nextDay, startOfLocalDay } from '../../policy/business-hours.js';
import { queueSchema } from '../../policy/reasons.js';
import { agentByToken } from '../agents.js';
import { requireAgent, SESSION_COOKIE } from '../auth.js';
import { endSession, SESSION_TTL_MS, startSession } from '../sessions.js';
import { computeStats } from '../stats.js';
import { conversationRoutes } from './conversations.js';
import { inboxEventStream } from './events.js';
import { handoffRoutes } from './handoffs.js';
import { openApiDocument } from './openapi.js';

/**
 * A moment with its offset ("2026-12-04T09:00:00+03:00") or a day ("2026-12-04", the business's),
 * from the year 2000 on: a year like 0099 is a typo, and Date reads two-digit years as 19xx.
 */
const instant = z
  .string()
  .refine(
    (value) =>
      z.iso.datetime({ offset: true }).safeParse(value).success || z.iso.date().safeParse(value).success,
    'a day (2026-12-04) or a moment with its offset (2026-12-04T09:00:00+03:00)',
  )
  .refine((value) => value >= '2000', 'from the year 2000 on');
const statsQuerySchema = z.strictObject({
  from: instant.optional(),
  to: instant.optional(),
  // a queue that does not exist is a typo, even for an agent who sees every queue
  queue: queueSchema.optional(),
});

/** `/api`: the agent API (bearer tokens), its OpenAPI document and the inbox session. */
export function agentApi(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Answers carry customers' phone numbers, transcripts and orders: no cache along the way keeps
  // them. Set before the handler, so the response is built with them rather than rebuilt.
  app.use('*', async (c, next) => {
    c.header('cache-control', 'no-store');
    c.header('x-content-type-options', 'nosniff');
    await next();
  });
  app.get('/openapi.json', (c) => c.json(openApiDocument(c.var.deps.version)));

  // The inbox page trades a token for a session of its own in an HttpOnly cookie: scripts never
  // hold a secret, and signing out ends the session without touching the agent's token.
  app.post('/session', async (c) => {
    // Only the inbox's own script can set the header: a form on another site posting a token of
    // the attacker's would otherwise sign the agent into the attacker's account (login CSRF).
    if (c.req.header('x-baton-inbox') !== '1') {
      throw new BatonError('forbidden', 'signing in needs the X-Baton-Inbox header');
    }
    const json: unknown = await c.req.json().catch(() => undefined);
    if (json === undefined) throw new BatonError('bad_request', 'the body is not valid JSON');
    const parsed = z.strictObject({ token: z.string().trim().min(1) }).safeParse(json);
    if (!parsed.success) throw new BatonError('bad_request', 'paste your agent token to sign in');
    const { db, clock, config } = c.var.deps;
    const agent = await agentByToken(db, parsed.data.token);
    if (agent === undefined) throw new BatonError('unauthorized', 'unknown token');
    // signing in again in the same browser replaces its session: the old one ends, not lingers
    const replaced = getCookie(c, SESSION_COOKIE);
    if (replaced) await endSession(db, replaced);
    const session = await startSession(db, agent.id, clock.now());
    const secure =
      config.production ||
      new URL(c.req.url).protocol === 'https:' ||
      c.req.header('x-forwarded-proto') === 'https';
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      // Lax, not Strict: a handoff's link in Slack, Teams or an email is a navigation from another
      // site, which must open the handoff, not the sign-in form. Writes need X-Baton-Inbox anyway.
      sameSite: 'Lax',
      // Secure in production, and wherever the inbox is reached over HTTPS (a deploy that forgot
      // NODE_ENV), directly or through a proxy that ends TLS.
      secure,
      path: '/',
      maxAge: SESSION_TTL_MS / 1000,
    });
    // the page says so when its browser will not keep a Secure cookie (plain http, not localhost)
    return c.json({ agent: { id: agent.id, name: agent.name, queues: agent.queues }, secureCookie: secure });
  });
  app.delete('/session', async (c) => {
    if (c.req.header('x-baton-inbox') !== '1') {
      throw new BatonError('forbidden', 'signing out needs the X-Baton-Inbox header');
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) await endSession(c.var.deps.db, cookie);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  const authed = new Hono<AgentEnv>();
  // Only the agent routes: an unknown path stays a 404 rather than becoming a 401.
  for (const path of [
    '/me',
    '/handoffs',
    '/handoffs/*',
    '/conversations',
    '/conversations/*',
    '/events',
    '/stats',
  ]) {
    authed.use(path, requireAgent);
  }
  authed.get('/me', (c) =>
    c.json({ id: c.var.agent.id, name: c.var.agent.name, queues: c.var.agent.queues }),
  );
  authed.route('/handoffs', handoffRoutes());
  authed.route('/conversations', conversationRoutes());
  authed.get('/events', inboxEventStream);
  authed.get('/stats', async (c) => {
    const parsed = statsQuerySchema.safeParse(c.req.query());
    if (!parsed.success) throw invalidInput(parsed.error);
    const now = c.var.deps.clock.now();
    // a day is the business's (BUSINESS_TIMEZONE), and a day as `to` includes that day
    const zone = c.var.deps.config.BUSINESS_TIMEZONE;
    const bound = (value: string, endOfDay: boolean) =>
      value.includes('T') ? Date.parse(value) : startOfLocalDay(endOfDay ? nextDay(value) : value, zone);
    const to = parsed.data.to ? bound(parsed.data.to, true) : now;
    const from = parsed.data.from ? bound(parsed.data.from, false) : to - 7 * 86_400_000;
    if (from >= to) throw new BatonError('bad_request', 'from must be before to');
    const { agent } = c.var;
    const { queue } = parsed.data;
    if (queue !== undefined) requireQueue(agent, queue);
    const queues = queue !== undefined ? [queue] : agent.queues.includes('*') ? null : agent.queues;
    return c.json(await computeStats(c.var.deps.db, { from, to }, queues));
  });
  app.route('/', authed);
  return app;
}
