import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { BatonError } from '../../http/errors.js';
import { sameSecret } from '../../util/same-secret.js';
import { acceptParsed, forOurNumber, parseJsonBody, webhookBodyLimit } from '../webhook-common.js';
import { parseWhatsAppWebhook } from './parse.js';
import { verifySignature } from './signature.js';

/** `/webhooks/whatsapp`: Meta's handshake and deliveries (WHATSAPP.md, Receiving). */
export function whatsappWebhook(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // The handshake carries no signature; only the verify token is checked.
  app.get('/', async (c) => {
    const { config } = c.var.deps;
    const mode = c.req.query('hub.mode');
    const token = c.req.query('hub.verify_token');
    const challenge = c.req.query('hub.challenge');
    if (
      mode === 'subscribe' &&
      config.WHATSAPP_VERIFY_TOKEN !== undefined &&
      token !== undefined &&
      // compared as digests: timing tells nothing of the token's length or prefix
      (await sameSecret(token, config.WHATSAPP_VERIFY_TOKEN)) &&
      challenge !== undefined
    ) {
      return c.text(challenge, 200);
    }
    // why, never the token: the usual cause is a verify token that differs from Meta's setting
    const why =
      config.WHATSAPP_VERIFY_TOKEN === undefined
        ? 'WHATSAPP_VERIFY_TOKEN is not set'
        : mode !== 'subscribe'
          ? 'hub.mode is not subscribe'
          : challenge === undefined
            ? 'no hub.challenge'
            : 'hub.verify_token does not match WHATSAPP_VERIFY_TOKEN';
    c.var.logger.warn('webhook verification refused', { reason: why });
    throw new BatonError('forbidden', `webhook verification refused: ${why}`);
  });

  app.post('/', webhookBodyLimit, async (c) => {
    const { deps } = c.var;
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const secret = deps.config.WHATSAPP_APP_SECRET;
    if (secret !== undefined) {
      const valid = await verifySignature(raw, c.req.header('x-hub-signature-256'), secret);
      if (!valid) {
        c.var.logger.warn('webhook signature rejected');
        throw new BatonError('unauthorized', 'invalid signature');
      }
    }
    const body = parseJsonBody(c, new TextDecoder().decode(raw));
    const parsed = forOurNumber(parseWhatsAppWebhook(body), deps.config.WHATSAPP_PHONE_NUMBER_ID, {
      field: 'phone_number_id',
      setting: 'WHATSAPP_PHONE_NUMBER_ID',
    });
    await acceptParsed(c, 'whatsapp', parsed);
    // Meta redelivers anything but a 200: ignored items are acknowledged too.
    return c.json({ ok: true }, 200);
  });

  return app;
}
