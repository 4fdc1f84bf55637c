/**
 * Meta's webhook signature: `X-Hub-Signature-256: sha256=<lowercase hex>`, an HMAC-SHA256 of the
 * raw request body keyed with the app secret.
 *
 * Always sign and verify the bytes exactly as received. Meta escapes non-ASCII as `\uXXXX` when it
 * serialises, so re-serialising parsed JSON changes Arabic, emoji and accented text and the HMAC no
 * longer matches (WHATSAPP.md, "Mistakes others made" #1). Web Crypto only, so it runs on Workers.
 */

const PREFIX = 'sha256=';
/** SHA-256 is 32 bytes, 64 hex characters. */
const DIGEST_BYTES = 32;
const HEX_RE = /^[0-9a-f]{64}$/;

const encoder = new TextEncoder();

function toBytes(body: Uint8Array | string): Uint8Array<ArrayBuffer> {
  // Copy so the value is backed by a plain ArrayBuffer, which is what BufferSource requires
  // (a view over a SharedArrayBuffer, or a Node Buffer slice, is not accepted everywhere).
  return typeof body === 'string' ? encoder.encode(body) : new Uint8Array(body);
}

async function hmacSha256(body: Uint8Array | string, secret: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, toBytes(body)));
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Compares two equal-length byte arrays without an early exit, so timing reveals nothing. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** The header value Meta would send for `rawBody`: `sha256=<lowercase hex>`. */
export async function signBody(rawBody: Uint8Array | string, secret: string): Promise<string> {
  if (!secret) throw new Error('signBody: the app secret is empty');
  return PREFIX + toHex(await hmacSha256(rawBody, secret));
}

/**
 * True only when `header` is a well-formed `sha256=` signature of `rawBody` under `secret`.
 * Fails closed (false) on a missing header, a missing secret, a wrong prefix or length, and on any
 * unexpected error; never throws, so the caller can answer 401/403 without a try/catch.
 */
export async function verifySignature(
  rawBody: Uint8Array,
  header: string | undefined | null,
  secret: string,
): Promise<boolean> {
  try {
    if (!secret || typeof header !== 'string') return false;
    const value = header.trim();
    if (!value.startsWith(PREFIX)) return false;
    // Hex is case-insensitive; Meta sends lowercase, but uppercase is the same signature.
    const given = value.slice(PREFIX.length).toLowerCase();
    if (!HEX_RE.test(given)) return false;
    const expected = await hmacSha256(rawBody, secret);
    if (expected.length !== DIGEST_BYTES) return false;
    return constantTimeEqual(expected, fromHex(given));
  } catch {
    return false;
  }
}
