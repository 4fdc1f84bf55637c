/**
 * `/webhooks/twilio`: Twilio's inbound WhatsApp messages and status callbacks, form-encoded.
 *
 * Same discipline as the Meta route: verify before parsing (403 on a bad signature), store through
 * the pipeline before answering, and answer 200 to anything ignored so Twilio does not report
 * errors. The answer is an empty TwiML `<Response/>`, so Twilio itself sends nothing back.
 */

import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { BatonError } from '../../http/errors.js';
import { acceptParsed, forOurNumber, webhookBodyLimit } from '../webhook-common.js';
import type { TwilioSettings } from './config.js';
import { parseTwilioForm } from './parse.js';
import { verifyTwilioSignature } from './signature.js';

export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/** What the route needs of the Twilio settings. */
export type TwilioWebhookSettings = Pick<TwilioSettings, 'authToken' | 'publicBaseUrl' | 'from'>;

/** Every value of every parameter: the signature covers repeated parameters too. */
export function readForm(raw: string): { all: Record<string, string[]>; params: Record<string, string> } {
  const all: Record<string, string[]> = {};
  for (const [name, value] of new URLSearchParams(raw)) {
    const values = all[name];
    if (values) values.push(value);
    else all[name] = [value];
  }
  const params = Object.fromEntries(Object.entries(all).map(([name, values]) => [name, values[0] ?? '']));
  return { all, params };
}

/**
 * The URL Twilio called: behind a proxy or tunnel the app sees another host (and maybe scheme),
 * so with `PUBLIC_BASE_URL` the signed URL is that base plus this request's path and query.
 */
export function signedUrl(requestUrl: string, publicBaseUrl: string | undefined): string {
  if (!publicBaseUrl) return requestUrl;
  const url = new URL(requestUrl);
  return `${publicBaseUrl.replace(/\/+$/, '')}${url.pathname}${url.search}`;
}

export function twilioWebhook(settings: TwilioWebhookSettings): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // TWILIO_WHATSAPP_FROM is normalised to whatsapp:+<digits>
  const ourNumber = settings.from.replace(/^whatsapp:\+/, '');

  app.post('/', webhookBodyLimit, async (c) => {
    const { deps } = c.var;
    const { all, params } = readForm(await c.req.text());
    const url = signedUrl(c.req.url, settings.publicBaseUrl);
    const valid = await verifyTwilioSignature(
      url,
      all,
      c.req.header('x-twilio-signature'),
      settings.authToken,
    );
    if (!valid) {
      // Where it was signed for is logged, because a wrong PUBLIC_BASE_URL is the usual cause; not
      // the query, which is the caller's to fill (a token, a customer's number).
      const signedFor = new URL(url);
      c.var.logger.warn('twilio signature rejected', { url: signedFor.origin + signedFor.pathname });
      throw new BatonError('forbidden', 'invalid signature');
    }

    const parsed = forOurNumber(parseTwilioForm(params, deps.clock.now()), ourNumber, {
      field: 'To',
      setting: 'TWILIO_WHATSAPP_FROM',
    });
    await acceptParsed(c, 'twilio', parsed);
    return c.body(EMPTY_TWIML, 200, { 'content-type': 'text/xml; charset=utf-8' });
  });

  return app;
}
