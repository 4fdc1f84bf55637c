import { Hono } from 'hono';
import { startServer } from './fake-server.js';

export interface TwilioCall {
  path: string;
  /** Decoded `Authorization: Basic` credentials. */
  auth: { user: string; password: string } | undefined;
  contentType: string | undefined;
  form: Record<string, string>;
}

export type TwilioScripted = { status: number; body: unknown; headers?: Record<string, string> } | 'hang';

function decodeBasic(header: string | undefined): TwilioCall['auth'] {
  const match = /^Basic (.+)$/.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * A local stand-in for Twilio's Messages API (`/2010-04-01/Accounts/{sid}/Messages.json`). Answers
 * from a script in order, then succeeds with 201 and a fresh `SM…` sid; records every call's form.
 */
export async function startFakeTwilio(script: TwilioScripted[] = [], options: { hangMs?: number } = {}) {
  const calls: TwilioCall[] = [];
  const queue = [...script];
  let sent = 0;
  const app = new Hono();
  app.post('/2010-04-01/Accounts/:sid/Messages.json', async (c) => {
    const form = Object.fromEntries(new URLSearchParams(await c.req.text()));
    calls.push({
      path: c.req.path,
      auth: decodeBasic(c.req.header('authorization')),
      contentType: c.req.header('content-type'),
      form,
    });
    const next = queue.shift();
    if (next === 'hang') {
      await new Promise((resolve) => setTimeout(resolve, options.hangMs ?? 1_000));
      return c.json({}, 504);
    }
    if (next !== undefined) {
      return c.json(next.body as object, next.status as 400, next.headers);
    }
    sent++;
    return c.json(
      {
        sid: `SM${String(sent).padStart(32, '0')}`,
        account_sid: c.req.param('sid'),
        from: form.From,
        to: form.To,
        body: form.Body ?? '',
        status: 'queued',
        error_code: null,
        error_message: null,
      },
      201,
    );
  });
  const server = await startServer(app);
  return { ...server, calls, script: (...items: TwilioScripted[]) => queue.push(...items) };
}

/** Twilio's JSON error body: `{code, message, more_info, status}`. */
export const twilioError = (
  status: number,
  code: number,
  message = 'error',
  headers?: Record<string, string>,
) => ({
  status,
  body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
  ...(headers ? { headers } : {}),
});
