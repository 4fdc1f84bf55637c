import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { infobipWebhook } from './channel/infobip/webhook.js';
import { twilioWebhook } from './channel/twilio/webhook.js';
import { whatsappWebhook } from './channel/whatsapp/webhook.js';
import type { Deps } from './deps.js';
import { apiBodyLimit } from './http/body-limit.js';
import type { AppEnv } from './http/context.js';
import { BatonError } from './http/errors.js';
import { onError } from './http/on-error.js';
import { agentApi } from './inbox/api/index.js';
import { inboxPages } from './inbox/pages/index.js';
import { sandboxApi } from './sandbox/api.js';
import { sandboxPages } from './sandbox/pages/index.js';
import { listRefusals } from './store/repos/channel-refusals.js';
import { sameSecret } from './util/same-secret.js';

const WEBHOOK_CHANNELS = ['whatsapp', 'twilio', 'infobip'] as const;

/**
 * A proxy's request id is kept when it looks like one: anything else (15 KB of it, quotes, spaces)
 * would go into every log line of the request, so it is replaced.
 */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Builds the HTTP app from its dependencies; the same app runs on Node and on Workers. */
export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming !== undefined && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    const logger = deps.logger.child({ requestId });
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('logger', logger);
    const started = Date.now();
    // Set before the handler, so the response is built with it: setting a header on a finished
    // response makes Node's adapter rebuild it as a web Response with a body stream.
    c.header('x-request-id', requestId);
    await next();
    // A handler that returned its own Response object did not take the prepared header.
    if (!c.res.headers.has('x-request-id')) c.header('x-request-id', requestId);
    // One line per request, with what the handler added: a webhook's outcome is read next to
    // its status and time, and a flood costs one log line per POST, not two.
    logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Date.now() - started,
      ...c.var.logFields,
    });
  });
  app.onError(onError);
  app.notFound((c) =>
    c.json({ code: 'not_found', message: 'no such route', requestId: c.var.requestId }, 404),
  );

  // `ok` is false when Baton cannot do its job. Only an unreachable database is a 503: a channel
  // that refuses the account is not fixed by a restart, and taking Baton out of traffic would stop
  // the webhooks and agent replies that must go on meanwhile.
  app.get('/health', async (c) => {
    try {
      const refused = await listRefusals(deps.db);
      if (refused.length === 0)
        return c.json({ ok: true, version: deps.version, database: 'ok', sending: 'ok' });
      return c.json({
        ok: false,
        version: deps.version,
        database: 'ok',
        sending: 'refused',
        refused: refused.map(({ channel, code, action, since }) => ({
          channel,
          code,
          action,
          since: new Date(since).toISOString(),
        })),
      });
    } catch (error) {
      // A database that answers but cannot be read is most likely missing a migration.
      const answers = await deps.db.run(sql`select 1`).then(
        () => true,
        () => false,
      );
      c.var.logger.error('health check failed', {
        error,
        ...(answers ? { hint: 'the database answers: are its migrations applied?' } : {}),
      });
      return c.json({ ok: false, version: deps.version, database: answers ? 'error' : 'unreachable' }, 503);
    }
  });

  app.get('/metrics', async (c) => {
    const token = deps.config.METRICS_TOKEN;
    const given = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (token !== undefined && (given === undefined || !(await sameSecret(given, token)))) {
      throw new BatonError('unauthorized', 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>');
    }
    c.header('content-type', 'text/plain; version=0.0.4');
    return c.body(await deps.metrics.render(deps.db));
  });

  app.get('/', (c) => c.redirect(deps.config.sandboxEnabled ? '/sandbox' : '/inbox'));
  // Rejections (401 bad signature, 413, 400) are answered by onError, so they are counted here,
  // after it ran; only the channels that exist become labels.
  for (const channel of WEBHOOK_CHANNELS) {
    app.post(`/webhooks/${channel}`, async (c, next) => {
      await next();
      deps.metrics.inc('baton_webhook_requests_total', 'Webhook POSTs by channel and HTTP status.', {
        channel,
        status: String(c.res.status),
      });
    });
  }
  // Webhooks exist only when configured: an unconfigured one is a 404, not an open door.
  if (deps.config.metaWebhook !== 'off') app.route('/webhooks/whatsapp', whatsappWebhook());
  if (deps.config.twilio) app.route('/webhooks/twilio', twilioWebhook(deps.config.twilio));
  if (deps.config.infobip) app.route('/webhooks/infobip', infobipWebhook(deps.config.infobip));
  app.use('/api/*', apiBodyLimit);
  if (deps.config.sandboxEnabled) {
    app.route(
      '/api/sandbox',
      sandboxApi((request) => app.fetch(request)),
    );
    app.route('/sandbox', sandboxPages());
  }
  app.route('/api', agentApi());
  app.route('/inbox', inboxPages());
  return app;
}
