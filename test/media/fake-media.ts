import { Hono } from 'hono';
import { MetaMediaFetcher } from '../../src/media/fetch-media.js';
import { INBOX_MEDIA_TYPES } from '../../src/media/mime.js';
import { startServer } from '../support/fake-server.js';

export const TOKEN = 'EAAG-secret-graph-token';

export interface Recorded {
  path: string;
  authorization: string | undefined;
}

export interface StoredMedia {
  bytes: Uint8Array;
  mimeType: string;
  /** The digest the lookup reports: `hex`/`base64` compute the right one, a string is sent as is. */
  sha256?: 'hex' | 'base64' | string;
  /** What the lookup reports; the real size when unset. */
  fileSize?: number | string | null;
  /** Statuses the download answers before it serves the bytes (404 = a stale URL). */
  downloadFailures?: number[];
  /** The download never answers (until the server closes). */
  hang?: boolean;
}

async function digest(bytes: Uint8Array, encoding: 'hex' | 'base64'): Promise<string> {
  const hash = Buffer.from(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
  return hash.toString(encoding);
}

/** Hangs until the server closes: long enough for any client deadline to fire. */
function hangs() {
  const release = new Set<() => void>();
  return {
    wait: () => new Promise<void>((resolve) => release.add(resolve)),
    releaseAll: () => {
      for (const r of release) r();
    },
  };
}

/**
 * A local Graph API for media: `GET /{version}/{media-id}` (bearer) answers Meta's media object
 * pointing at `GET /download/{media-id}` on the same server (bearer again). An unknown id gets
 * Meta's 400 with code 100, which is what an expired media id looks like.
 */
export async function startFakeGraphMedia() {
  const media = new Map<string, StoredMedia>();
  const calls: Recorded[] = [];
  const hang = hangs();
  const app = new Hono();
  let base = '';
  const unauthorized = () => ({
    error: { message: 'Invalid OAuth access token', type: 'OAuthException', code: 190 },
  });

  app.get('/download/:id', async (c) => {
    calls.push({ path: c.req.path, authorization: c.req.header('authorization') });
    if (c.req.header('authorization') !== `Bearer ${TOKEN}`) return c.json(unauthorized(), 401);
    const item = media.get(c.req.param('id'));
    if (!item) return c.text('not found', 404);
    if (item.hang) await hang.wait();
    const failure = item.downloadFailures?.shift();
    if (failure !== undefined) return c.text('gone', failure as 404);
    return c.body(new Uint8Array(item.bytes), 200, { 'content-type': item.mimeType });
  });
  app.get('/:version/:id', async (c) => {
    calls.push({ path: c.req.path, authorization: c.req.header('authorization') });
    if (c.req.header('authorization') !== `Bearer ${TOKEN}`) return c.json(unauthorized(), 401);
    const id = c.req.param('id');
    const item = media.get(id);
    if (!item) {
      const message = `Unsupported get request. Object with ID '${id}' does not exist`;
      return c.json({ error: { message, type: 'GraphMethodException', code: 100 } }, 400);
    }
    const sha256 =
      item.sha256 === 'hex' || item.sha256 === 'base64' ? await digest(item.bytes, item.sha256) : item.sha256;
    return c.json({
      messaging_product: 'whatsapp',
      id,
      url: `${base}/download/${id}?ext=1&hash=signed`,
      mime_type: item.mimeType,
      ...(sha256 === undefined ? {} : { sha256 }),
      ...(item.fileSize === null ? {} : { file_size: item.fileSize ?? item.bytes.byteLength }),
    });
  });

  const server = await startServer(app);
  base = server.url;
  return {
    url: server.url,
    calls,
    add(id: string, item: StoredMedia) {
      media.set(id, item);
    },
    downloads: () => calls.filter((call) => call.path.startsWith('/download/')),
    async close() {
      hang.releaseAll();
      await server.close();
    },
  };
}

/** A storage host on its own origin, where Twilio redirects; it records what auth it was sent. */
async function startFakeStorage() {
  const files = new Map<string, { bytes: Uint8Array; mimeType: string }>();
  const calls: Recorded[] = [];
  const app = new Hono();
  app.get('/s3/:id', (c) => {
    calls.push({ path: c.req.path, authorization: c.req.header('authorization') });
    // Signed URLs refuse a second auth scheme, as S3 does.
    if (c.req.header('authorization')) return c.text('Only one auth mechanism allowed', 400);
    const file = files.get(c.req.param('id'));
    if (!file) return c.text('not found', 404);
    return c.body(new Uint8Array(file.bytes), 200, { 'content-type': file.mimeType });
  });
  const server = await startServer(app);
  return { ...server, files, calls };
}

export const TWILIO_SID = 'AC0123456789abcdef';
export const TWILIO_TOKEN = 'twilio-auth-token-secret';

/**
 * Twilio's media URL: HTTP Basic with the account SID and auth token, answered with a 307 to a
 * signed storage URL on another origin.
 */
export async function startFakeTwilioMedia() {
  const storage = await startFakeStorage();
  const calls: Recorded[] = [];
  const app = new Hono();
  const expected = `Basic ${Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString('base64')}`;
  app.get('/2010-04-01/Accounts/:sid/Messages/:message/Media/:id', (c) => {
    calls.push({ path: c.req.path, authorization: c.req.header('authorization') });
    if (c.req.header('authorization') !== expected)
      return c.json({ code: 20003, message: 'Authenticate' }, 401);
    const id = c.req.param('id');
    if (!storage.files.has(id)) return c.json({ code: 20404, message: 'not found' }, 404);
    return c.redirect(`${storage.url}/s3/${id}?X-Amz-Signature=abc`, 307);
  });
  const server = await startServer(app);
  return {
    url: server.url,
    calls,
    storage,
    add(id: string, bytes: Uint8Array, mimeType: string) {
      storage.files.set(id, { bytes, mimeType });
      return `${server.url}/2010-04-01/Accounts/${TWILIO_SID}/Messages/MM1/Media/${id}`;
    },
    async close() {
      await server.close();
      await storage.close();
    },
  };
}

export const INFOBIP_KEY = 'infobip-api-key-secret';

/** Infobip's inbound media URL: `Authorization: App <key>`. */
export async function startFakeInfobipMedia() {
  const files = new Map<string, { bytes: Uint8Array; mimeType: string }>();
  const calls: Recorded[] = [];
  const app = new Hono();
  app.get('/whatsapp/1/senders/:sender/media/:id', (c) => {
    calls.push({ path: c.req.path, authorization: c.req.header('authorization') });
    if (c.req.header('authorization') !== `App ${INFOBIP_KEY}`) return c.json({ requestError: {} }, 401);
    const file = files.get(c.req.param('id'));
    if (!file) return c.json({ requestError: {} }, 404);
    return c.body(new Uint8Array(file.bytes), 200, { 'content-type': file.mimeType });
  });
  const server = await startServer(app);
  return {
    ...server,
    calls,
    add(id: string, bytes: Uint8Array, mimeType: string) {
      files.set(id, { bytes, mimeType });
      return `${server.url}/whatsapp/1/senders/447860099299/media/${id}`;
    },
  };
}

/** Bytes that start like an Ogg page; the fakes never decode them. */
export const voiceNote = (size = 2_048): Uint8Array => {
  const bytes = new Uint8Array(size);
  bytes.set([0x4f, 0x67, 0x67, 0x53]);
  for (let i = 4; i < size; i++) bytes[i] = (i * 31) % 251;
  return bytes;
};

/** Bytes that start like a JPEG. */
export const photo = (size = 1_024): Uint8Array => {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  for (let i = 4; i < size; i++) bytes[i] = (i * 17) % 253;
  return bytes;
};

/** The fetcher the inbox uses, pointed at a fake Graph API. */
export function inboxMediaFetcher(graphUrl: string): MetaMediaFetcher {
  return new MetaMediaFetcher({
    baseUrl: graphUrl,
    apiVersion: 'v26.0',
    accessToken: TOKEN,
    timeoutMs: 2_000,
    maxBytes: 100_000,
    allowedTypes: INBOX_MEDIA_TYPES,
  });
}
