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

/**
 * Imported HMAC keys by secret: importing costs as much as signing, and the app secret does not
 * change while the process runs. A handful of entries at most (one per configured secret).
 */
const keys = new Map<string, Promise<CryptoKey>>();
const MAX_KEYS = 8;

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear();
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    // A failed import must not stay cached.
    key.catch(() => keys.delete(secret));
    keys.set(secret, key);
  }
  return key;
}

/**
 * Node's own crypto when the runtime has it (Node ≥ 20.16, Workers with nodejs_compat): a
 * synchronous HMAC costs a few microseconds, where a Web Crypto call is a thread-pool job and two
 * promises per webhook. Web Crypto stays the portable path.
 */
const nodeCrypto = (() => {
  try {
    const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
      ?.getBuiltinModule;
    const mod = get?.('node:crypto') as typeof import('node:crypto') | undefined;
    return typeof mod?.createHmac === 'function' ? mod : undefined;
  } catch {
    return undefined;
  }
})();

async function hmacSha256(body: Uint8Array | string, secret: string): Promise<Uint8Array> {
  if (nodeCrypto) return new Uint8Array(nodeCrypto.createHmac('sha256', secret).update(body).digest());
  return new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), toBytes(body)));
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
