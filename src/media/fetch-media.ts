/**
 * The `MediaFetcher` port: bytes of a customer's voice note or photo, from whichever channel sent
 * it. Meta hands out a media id that costs two calls; Twilio and Infobip hand out a URL that
 * needs their own auth. Every adapter enforces the same size and type limits and throws only
 * `MediaError`, whose messages never carry a token or a signed URL.
 */
import { z } from 'zod';
import { toBase64 } from './base64.js';
import { withDeadline } from './deadline.js';
import { getMedia, readBounded, statusError, tooLarge, verifySha256 } from './download.js';
import { MediaError } from './errors.js';
import { DEFAULT_ALLOWED_TYPES, isAllowedType, isGenericType } from './mime.js';

export type MediaRef =
  | { channel: 'whatsapp'; mediaId: string; mimeType?: string }
  | { channel: 'twilio' | 'infobip'; url: string; mimeType?: string };

export interface MediaFile {
  bytes: Uint8Array;
  /** As the sender reported it, parameters included (`audio/ogg; codecs=opus`). */
  mimeType: string;
  size: number;
}

export interface MediaFetcher {
  fetch(ref: MediaRef): Promise<MediaFile>;
}

export interface FetchLimits {
  /** For the whole fetch: both of Meta's calls and reading the body. */
  timeoutMs: number;
  maxBytes: number;
  /** Base types (`audio/ogg`); defaults to `DEFAULT_ALLOWED_TYPES`. */
  allowedTypes?: readonly string[];
  fetch?: typeof fetch;
}

function unsupported(what: string, mimeType: string | undefined): MediaError {
  return new MediaError('unsupported_type', `${what}: type ${mimeType ?? 'unknown'} is not accepted`);
}

/** Meta's media object; `file_size` arrives as a number or a string depending on the version. */
const metaMediaSchema = z.object({
  url: z.string().min(1),
  mime_type: z.string().min(1),
  sha256: z.string().optional(),
  file_size: z.coerce.number().nonnegative().optional(),
});

/** Meta's "object does not exist" (an unknown or expired media id), answered as a 400. */
const UNKNOWN_OBJECT = 100;

export interface MetaMediaFetcherOptions extends FetchLimits {
  /** e.g. `https://graph.facebook.com`; tests point it at a local server. */
  baseUrl: string;
  apiVersion: string;
  accessToken: string;
}

/**
 * Meta's two steps: `GET /{version}/{media-id}` gives `{url, mime_type, sha256, file_size}`, then
 * `GET url` with the same bearer gives the bytes. Size and type are checked on the metadata first
 * so a file we would refuse is never downloaded. A 404 on the second step means the five-minute
 * URL went stale; that is marked retryable because a second pass asks for a fresh one.
 */
export class MetaMediaFetcher implements MediaFetcher {
  readonly #options: MetaMediaFetcherOptions;

  constructor(options: MetaMediaFetcherOptions) {
    this.#options = options;
  }

  fetch(ref: MediaRef): Promise<MediaFile> {
    if (ref.channel !== 'whatsapp') {
      return Promise.reject(
        new MediaError('download_failed', `a ${ref.channel} URL sent to the Meta fetcher`),
      );
    }
    const o = this.#options;
    return withDeadline(o.timeoutMs, 'media download', (signal) => this.#fetch(ref.mediaId, signal));
  }

  async #fetch(mediaId: string, signal: AbortSignal): Promise<MediaFile> {
    const o = this.#options;
    const allowed = o.allowedTypes ?? DEFAULT_ALLOWED_TYPES;
    const common = { headers: { authorization: `Bearer ${o.accessToken}` }, signal, fetch: o.fetch ?? fetch };
    const base = o.baseUrl.replace(/\/+$/, '');
    const lookup = await getMedia(`${base}/${o.apiVersion}/${encodeURIComponent(mediaId)}`, {
      ...common,
      what: 'media lookup',
    });
    if (!lookup.ok) throw await lookupError(lookup);
    const parsed = metaMediaSchema.safeParse(await lookup.json().catch(() => undefined));
    if (!parsed.success) throw new MediaError('download_failed', 'media lookup: unexpected answer');
    const media = parsed.data;
    if (media.file_size !== undefined && media.file_size > o.maxBytes) {
      throw tooLarge('media lookup', media.file_size, o.maxBytes);
    }
    if (!isAllowedType(media.mime_type, allowed)) throw unsupported('media lookup', media.mime_type);

    const download = await getMedia(media.url, { ...common, what: 'media download' });
    if (!download.ok) {
      await download.body?.cancel();
      throw statusError(download.status, 'media download', { expiredRetryable: true });
    }
    const bytes = await readBounded(download, o.maxBytes, 'media download');
    if (media.sha256) await verifySha256(bytes, media.sha256, 'media download');
    return { bytes, mimeType: media.mime_type, size: bytes.byteLength };
  }
}

async function lookupError(response: Response): Promise<MediaError> {
  const body: unknown = await response.json().catch(() => undefined);
  const code = z.object({ error: z.object({ code: z.coerce.number() }) }).safeParse(body);
  if (response.status === 400 && code.success && code.data.error.code === UNKNOWN_OBJECT) {
    return new MediaError('expired', 'media lookup: the media id is unknown or expired', { status: 400 });
  }
  return statusError(response.status, 'media lookup');
}

export interface UrlMediaFetcherOptions extends FetchLimits {
  /**
   * Origins the credentials may go to (`https://api.twilio.com`). A media URL elsewhere is refused
   * before any request, so a forged or misrouted URL cannot collect our credentials. Unset: any.
   */
  origins?: readonly string[];
}

/**
 * A media URL fetched with fixed auth headers. The type comes from the response unless it is
 * generic (`application/octet-stream`), then from what the webhook declared.
 */
class UrlMediaFetcher implements MediaFetcher {
  readonly #options: UrlMediaFetcherOptions;
  readonly #headers: Record<string, string>;
  readonly #channel: 'twilio' | 'infobip';

  constructor(
    channel: 'twilio' | 'infobip',
    headers: Record<string, string>,
    options: UrlMediaFetcherOptions,
  ) {
    this.#channel = channel;
    this.#headers = headers;
    this.#options = options;
  }

  fetch(ref: MediaRef): Promise<MediaFile> {
    if (ref.channel === 'whatsapp') {
      return Promise.reject(new MediaError('download_failed', 'a Meta media id sent to a URL fetcher'));
    }
    const o = this.#options;
    return withDeadline(o.timeoutMs, 'media download', (signal) =>
      this.#fetch(ref.url, ref.mimeType, signal),
    );
  }

  async #fetch(url: string, declared: string | undefined, signal: AbortSignal): Promise<MediaFile> {
    const o = this.#options;
    const what = `${this.#channel} media download`;
    const allowed = o.allowedTypes ?? DEFAULT_ALLOWED_TYPES;
    if (o.origins !== undefined && !o.origins.includes(originOf(url))) {
      throw new MediaError('download_failed', `${what}: the URL is not on an allowed origin`);
    }
    if (!isGenericType(declared) && declared !== undefined && !isAllowedType(declared, allowed)) {
      throw unsupported(what, declared);
    }
    const response = await getMedia(url, { headers: this.#headers, signal, fetch: o.fetch ?? fetch, what });
    if (!response.ok) {
      await response.body?.cancel();
      throw statusError(response.status, what);
    }
    const served = response.headers.get('content-type');
    const mimeType = isGenericType(served) ? declared : (served ?? undefined);
    if (mimeType === undefined || !isAllowedType(mimeType, allowed)) {
      await response.body?.cancel();
      throw unsupported(what, mimeType);
    }
    const bytes = await readBounded(response, o.maxBytes, what);
    return { bytes, mimeType, size: bytes.byteLength };
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/** Twilio: HTTP Basic with the account SID and auth token (or an API key SID and secret). */
export class BasicAuthMediaFetcher extends UrlMediaFetcher {
  constructor(options: UrlMediaFetcherOptions & { username: string; password: string }) {
    const { username, password, ...rest } = options;
    const token = toBase64(new TextEncoder().encode(`${username}:${password}`));
    super('twilio', { authorization: `Basic ${token}` }, rest);
  }
}

/** Infobip: `Authorization: App <api key>`, or any other fixed headers a provider wants. */
export class HeaderMediaFetcher extends UrlMediaFetcher {
  constructor(options: UrlMediaFetcherOptions & { headers: Record<string, string> }) {
    const { headers, ...rest } = options;
    super('infobip', headers, rest);
  }
}
