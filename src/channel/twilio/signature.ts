/**
 * Twilio's request signature: `X-Twilio-Signature` is the base64 HMAC-SHA1, keyed with the account
 * auth token, of the full URL Twilio called followed by every POST parameter, sorted by name, as
 * name + value with no separators.
 *
 * The URL must be the one configured in Twilio (scheme, host, port, path and query exactly); behind
 * a proxy that is `PUBLIC_BASE_URL`, not what the app sees. Web Crypto only, so it runs on Workers.
 */

export type TwilioParams = Readonly<Record<string, string | readonly string[]>>;

const encoder = new TextEncoder();

/** The string Twilio signs. Repeated parameters contribute every value, sorted, as twilio-node does. */
export function twilioSignedString(url: string, params: TwilioParams): string {
  let data = url;
  // Default sort compares UTF-16 code units: Twilio's "case-sensitive Unix sort" for ASCII names.
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    const values = typeof value === 'string' ? [value] : [...(value ?? [])].sort();
    for (const v of values) data += name + v;
  }
  return data;
}

async function hmacSha1(data: string, key: string): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    encoder.encode(key),
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    ['sign'],
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(data)));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The `X-Twilio-Signature` value Twilio would send for this URL and these parameters. */
export async function twilioSignature(url: string, params: TwilioParams, authToken: string): Promise<string> {
  if (!authToken) throw new Error('twilioSignature: the auth token is empty');
  return toBase64(await hmacSha1(twilioSignedString(url, params), authToken));
}

/** Compares two strings without an early exit, so timing reveals nothing about the expected value. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * The URL as configured and its twin with or without the default port: some proxies and
 * frameworks add or drop `:443`, and Twilio's own SDKs accept either form for the same reason.
 */
function urlVariants(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const defaultPort = parsed.protocol === 'https:' ? '443' : parsed.protocol === 'http:' ? '80' : '';
  if (!defaultPort) return [url];
  const rest = `${parsed.pathname}${parsed.search}`;
  const withPort = `${parsed.protocol}//${parsed.hostname}:${parsed.port || defaultPort}${rest}`;
  const withoutPort = parsed.port ? url : `${parsed.protocol}//${parsed.hostname}${rest}`;
  return [...new Set([url, withPort, withoutPort])];
}

/**
 * True only when `header` is Twilio's signature of `url` + `params` under `authToken`. Fails closed
 * (false) on a missing header or token and on any unexpected error; never throws, so the route can
 * answer 403 without a try/catch. Every URL variant is checked, with no early exit.
 */
export async function verifyTwilioSignature(
  url: string,
  params: TwilioParams,
  header: string | null | undefined,
  authToken: string,
): Promise<boolean> {
  try {
    if (!authToken || typeof header !== 'string' || header.trim() === '') return false;
    const given = header.trim();
    let valid = false;
    for (const candidate of urlVariants(url)) {
      const expected = await twilioSignature(candidate, params, authToken);
      valid = constantTimeEqual(expected, given) || valid;
    }
    return valid;
  } catch {
    return false;
  }
}
