/**
 * Infobip does not sign its webhooks; the endpoint is protected by a shared secret configured on
 * both sides (`INFOBIP_WEBHOOK_SECRET`). Accepted, in this order:
 *
 * - `Authorization: Basic base64(<any user>:<secret>)` — Infobip's "basic" security config on a
 *   subscription or forwarding URL; the username is not checked, the password is the secret;
 * - `X-Webhook-Secret: <secret>` — for a custom header set in Infobip's webhook settings.
 *
 * Both values are compared as SHA-256 digests: fixed length and no early exit, so neither the
 * secret's length nor its prefix leaks through timing. Web Crypto only, so it runs on Workers.
 */

import { sameSecret } from '../../util/same-secret.js';

export const INFOBIP_SECRET_HEADER = 'x-webhook-secret';

type HeaderSource = Headers | Readonly<Record<string, string | undefined>>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(source)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** The password of a `Basic` credential, decoded as UTF-8; undefined when malformed. */
export function basicPassword(authorization: string | undefined): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return undefined;
  try {
    const binary = atob(match[1].replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const colon = decoded.indexOf(':');
    return colon < 0 ? undefined : decoded.slice(colon + 1);
  } catch {
    return undefined;
  }
}

/**
 * True only when the request carries the shared secret as a Basic password or in the secret header.
 * Fails closed on an empty secret, missing or malformed headers and any unexpected error; never throws.
 */
export async function verifyInfobipSecret(headers: HeaderSource, secret: string): Promise<boolean> {
  try {
    if (!secret) return false;
    const password = basicPassword(header(headers, 'authorization'));
    if (password !== undefined && (await sameSecret(password, secret))) return true;
    const custom = header(headers, INFOBIP_SECRET_HEADER);
    return custom !== undefined && custom !== '' && (await sameSecret(custom, secret));
  } catch {
    return false;
  }
}
