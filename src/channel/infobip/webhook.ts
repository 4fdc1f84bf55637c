/**
 * `/webhooks/infobip`: Infobip's inbound WhatsApp messages, delivery reports and seen reports.
 *
 * Infobip does not sign, so the shared secret is checked first (401 without it), then the body is
 * parsed and stored through the pipeline before the 200. Ignored items are acknowledged too:
 * Infobip retries anything but a 2xx.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../http/context.js';
import { BatonError } from '../../http/errors.js';
import type { InfobipSettings } from './config.js';
import { parseInfobipWebhook } from './parse.js';
import { verifyInfobipSecret } from './signature.js';

/** What the route needs of the Infobip settings. */
export type InfobipWebhookSettings = Pick<InfobipSettings, 'webhookSecret'>;

export function infobipWebhook(settings: InfobipWebhookSettings): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post(
    '/',
    async (c, next) =>
      bodyLimit({
        maxSize: c.var.deps.config.WEBHOOK_BODY_LIMIT_BYTES,
        onError: () => {
          throw new BatonError('payload_too_large', 'webhook body too large');
        },
      })(c, next),
    async (c) => {
      const { deps } = c.var;
      // Authenticate before reading the body: a stranger's JSON is not even parsed.
      if (!(await verifyInfobipSecret(c.req.raw.headers, settings.webhookSecret))) {
        c.var.logger.warn('infobip webhook secret rejected');
        throw new BatonError('unauthorized', 'invalid webhook credentials');
      }
      const raw = await c.req.text();
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        c.var.logger.warn('webhook body is not JSON', { bytes: raw.length });
        throw new BatonError('bad_request', 'body is not JSON');
      }
      const parsed = parseInfobipWebhook(body, deps.clock.now());
      for (const item of parsed.ignored) {
        c.var.logger.info('webhook item ignored', { reason: item.reason, detail: item.detail });
      }
      const summary = await deps.pipeline.accept(parsed);
      c.var.logger.info('infobip webhook accepted', {
        stored: summary.stored,
        duplicates: summary.duplicates,
        statuses: summary.statuses,
        ignored: parsed.ignored.length,
      });
      return c.json({ ok: true }, 200);
    },
  );

  return app;
}
