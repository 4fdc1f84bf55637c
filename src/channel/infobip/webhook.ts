/**
 * `/webhooks/infobip`: Infobip's inbound WhatsApp messages, delivery reports and seen reports.
 *
 * Infobip does not sign, so the shared secret is checked first (401 without it), then the body is
 * parsed and stored through the pipeline before the 200. Ignored items are acknowledged too:
 * Infobip retries anything but a 2xx.
 */

import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { BatonError } from '../../http/errors.js';
import { acceptParsed, forOurNumber, parseJsonBody, webhookBodyLimit } from '../webhook-common.js';
import type { InfobipSettings } from './config.js';
import { parseInfobipWebhook } from './parse.js';
import { verifyInfobipSecret } from './signature.js';

/** What the route needs of the Infobip settings. */
export type InfobipWebhookSettings = Pick<InfobipSettings, 'webhookSecret' | 'sender'>;

export function infobipWebhook(settings: InfobipWebhookSettings): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/', webhookBodyLimit, async (c) => {
    const { deps } = c.var;
    // Authenticate before reading the body: a stranger's JSON is not even parsed.
    if (!(await verifyInfobipSecret(c.req.raw.headers, settings.webhookSecret))) {
      c.var.logger.warn('infobip webhook secret rejected');
      throw new BatonError('unauthorized', 'invalid webhook credentials');
    }
    const raw = await c.req.text();
    const body = parseJsonBody(c, raw);
    const parsed = forOurNumber(parseInfobipWebhook(body, deps.clock.now()), settings.sender, {
      field: 'to',
      setting: 'INFOBIP_SENDER',
    });
    await acceptParsed(c, 'infobip', parsed);
    return c.json({ ok: true }, 200);
  });

  return app;
}
