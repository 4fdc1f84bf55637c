/**
 * The HTTP side of fetching a customer's media, shared by every channel: a GET that keeps the
 * credentials on the host they belong to, maps statuses to typed errors, and reads at most
 * `maxBytes` so an oversized file is refused without being held in memory. Web APIs only.
 */
import { fromBase64 } from './base64.js';
import { MediaError, transientStatus } from './errors.js';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 3;

export interface GetOptions {
  /** Auth headers: sent to the URL's own origin only, never to where a redirect points. */
  headers: Record<string, string>;
  signal: AbortSignal;
  fetch: typeof fetch;
  /** What is being fetched, for error messages (which never include the URL: it may be signed). */
  what: string;
}

/**
 * Follows redirects by hand because Twilio answers with a redirect to a signed storage URL:
 * handing that host our Basic credentials would leak them (and the storage refuses a second
 * auth scheme anyway). Not every runtime strips `Authorization` on a cross-origin redirect.
 */
export async function getMedia(url: string, options: GetOptions): Promise<Response> {
  let target = parseUrl(url, options.what);
  const origin = target.origin;
  for (let hop = 0; ; hop++) {
    const response = await send(target, target.origin === origin ? options.headers : {}, options);
    if (!REDIRECTS.has(response.status)) return response;
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (location === null || hop >= MAX_REDIRECTS) {
      throw new MediaError('download_failed', `${options.what}: redirect without an end`);
    }
    target = parseUrl(new URL(location, target).href, options.what);
  }
}

async function send(target: URL, headers: Record<string, string>, options: GetOptions): Promise<Response> {
  try {
    return await options.fetch(target.href, {
      method: 'GET',
      headers,
      redirect: 'manual',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal.aborted) throw error;
    // A refused or dropped connection: the message is the runtime's, which never holds our headers.
    throw new MediaError('download_failed', `${options.what}: connection failed`, {
      retryable: true,
      cause: error,
    });
  }
}

function parseUrl(url: string, what: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MediaError('download_failed', `${what}: not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new MediaError('download_failed', `${what}: not an http(s) URL`);
  }
  return parsed;
}

/** A non-2xx answer as an error: 404/410 mean the media (or its short-lived URL) is gone. */
export function statusError(status: number, what: string, options: { expiredRetryable?: boolean } = {}) {
  if (status === 404 || status === 410) {
    return new MediaError('expired', `${what}: HTTP ${status}, the media is gone or its URL expired`, {
      status,
      retryable: options.expiredRetryable ?? false,
    });
  }
  return new MediaError('download_failed', `${what}: HTTP ${status}`, {
    status,
    retryable: transientStatus(status),
  });
}

/** The body, refused as soon as it passes `maxBytes` (by its declared length or by counting). */
export async function readBounded(response: Response, maxBytes: number, what: string) {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(what, declared, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body !== null) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge(what, size, maxBytes);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export function tooLarge(what: string, size: number, maxBytes: number): MediaError {
  return new MediaError('too_large', `${what}: ${size} bytes is over the ${maxBytes}-byte limit`);
}

/**
 * Checks the bytes against a SHA-256 given as hex or base64 (Meta's docs show neither for sure,
 * and partners show both). A digest in neither form cannot be checked, so it is skipped rather
 * than failing every download from a sender that encodes it differently.
 */
export async function verifySha256(bytes: Uint8Array<ArrayBuffer>, expected: string, what: string) {
  const wanted = decodeDigest(expected);
  if (wanted === undefined) return;
  const actual = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  if (!actual.every((byte, i) => byte === wanted[i])) {
    throw new MediaError('checksum', `${what}: the SHA-256 of the download does not match`);
  }
}

function decodeDigest(text: string): Uint8Array | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) {
    return Uint8Array.from(trimmed.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
  }
  const decoded = fromBase64(trimmed);
  return decoded?.length === 32 ? decoded : undefined;
}
