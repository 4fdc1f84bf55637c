import { afterEach, describe, expect, it } from 'vitest';
import { MediaError } from '../../src/media/errors.js';
import {
  BasicAuthMediaFetcher,
  HeaderMediaFetcher,
  type MediaFetcher,
  type MediaRef,
  MetaMediaFetcher,
} from '../../src/media/fetch-media.js';
import {
  INFOBIP_KEY,
  photo,
  startFakeGraphMedia,
  startFakeInfobipMedia,
  startFakeTwilioMedia,
  TOKEN,
  TWILIO_SID,
  TWILIO_TOKEN,
  voiceNote,
} from './fake-media.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function graph() {
  const fake = await startFakeGraphMedia();
  closers.push(fake.close);
  const fetcher = new MetaMediaFetcher({
    baseUrl: fake.url,
    apiVersion: 'v26.0',
    accessToken: TOKEN,
    timeoutMs: 2_000,
    maxBytes: 10_000,
  });
  return { fake, fetcher };
}

const whatsapp = (mediaId: string): MediaRef => ({ channel: 'whatsapp', mediaId });

/** The error a fetch rejected with, checked to be a MediaError that does not carry a secret. */
async function failure(fetcher: MediaFetcher, ref: MediaRef): Promise<MediaError> {
  const error = await fetcher.fetch(ref).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaError);
  const text = `${(error as Error).message} ${String((error as Error).stack)}`;
  for (const secret of [TOKEN, TWILIO_TOKEN, INFOBIP_KEY, 'hash=signed']) expect(text).not.toContain(secret);
  return error as MediaError;
}

describe('MetaMediaFetcher', () => {
  it('looks the media id up, then downloads the file with the same bearer token', async () => {
    const { fake, fetcher } = await graph();
    const bytes = voiceNote();
    fake.add('1001', { bytes, mimeType: 'audio/ogg; codecs=opus', sha256: 'hex' });

    const file = await fetcher.fetch(whatsapp('1001'));

    expect(file).toEqual({ bytes, mimeType: 'audio/ogg; codecs=opus', size: bytes.byteLength });
    expect(fake.calls.map((call) => call.path)).toEqual(['/v26.0/1001', '/download/1001']);
    expect(fake.calls.every((call) => call.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('accepts a SHA-256 given in base64 as well as in hex', async () => {
    const { fake, fetcher } = await graph();
    fake.add('1002', { bytes: photo(), mimeType: 'image/jpeg', sha256: 'base64' });
    await expect(fetcher.fetch(whatsapp('1002'))).resolves.toMatchObject({ mimeType: 'image/jpeg' });
  });

  it('rejects a download whose SHA-256 does not match', async () => {
    const { fake, fetcher } = await graph();
    fake.add('1003', { bytes: voiceNote(), mimeType: 'audio/ogg', sha256: 'ab'.repeat(32) });
    expect((await failure(fetcher, whatsapp('1003'))).code).toBe('checksum');
  });

  it('treats an unknown media id (Meta 400, code 100) as expired, not worth a retry', async () => {
    const { fetcher } = await graph();
    const error = await failure(fetcher, whatsapp('gone-after-7-days'));
    expect(error).toMatchObject({ code: 'expired', retryable: false });
  });

  it('treats a 404 on the media URL as a stale URL: expired, retryable with a fresh lookup', async () => {
    const { fake, fetcher } = await graph();
    fake.add('1004', { bytes: voiceNote(), mimeType: 'audio/ogg', downloadFailures: [404] });
    expect(await failure(fetcher, whatsapp('1004'))).toMatchObject({ code: 'expired', retryable: true });
    await expect(fetcher.fetch(whatsapp('1004'))).resolves.toMatchObject({ size: 2_048 });
  });

  it('refuses a file the lookup says is too large, without downloading it', async () => {
    const { fake, fetcher } = await graph();
    fake.add('1005', { bytes: voiceNote(), mimeType: 'audio/ogg', fileSize: '20000' });
    expect((await failure(fetcher, whatsapp('1005'))).code).toBe('too_large');
    expect(fake.downloads()).toEqual([]);
  });

  it('stops reading a download that grows past the limit when the lookup gave no size', async () => {
    const { fake, fetcher } = await graph();
    fake.add('1006', { bytes: voiceNote(50_000), mimeType: 'audio/ogg', fileSize: null });
    expect((await failure(fetcher, whatsapp('1006'))).code).toBe('too_large');
  });

  it('refuses a type it does not accept, without downloading it', async () => {
    const { fake, fetcher } = await graph();
    fake.add('1007', { bytes: voiceNote(), mimeType: 'video/mp4' });
    expect((await failure(fetcher, whatsapp('1007'))).code).toBe('unsupported_type');
    expect(fake.downloads()).toEqual([]);
  });

  it('reports a bad token as a failed download and keeps the token out of the error', async () => {
    const { fake } = await graph();
    fake.add('1008', { bytes: voiceNote(), mimeType: 'audio/ogg' });
    const fetcher = new MetaMediaFetcher({
      baseUrl: fake.url,
      apiVersion: 'v26.0',
      accessToken: 'wrong-token',
      timeoutMs: 2_000,
      maxBytes: 10_000,
    });
    expect(await failure(fetcher, whatsapp('1008'))).toMatchObject({ code: 'download_failed', status: 401 });
  });

  it('gives up at the deadline with a timeout', async () => {
    const { fake } = await graph();
    fake.add('1009', { bytes: voiceNote(), mimeType: 'audio/ogg', hang: true });
    const fetcher = new MetaMediaFetcher({
      baseUrl: fake.url,
      apiVersion: 'v26.0',
      accessToken: TOKEN,
      timeoutMs: 150,
      maxBytes: 10_000,
    });
    expect((await failure(fetcher, whatsapp('1009'))).code).toBe('timeout');
  });

  it('marks a refused connection as a retryable failed download', async () => {
    const fetcher = new MetaMediaFetcher({
      baseUrl: 'http://127.0.0.1:9',
      apiVersion: 'v26.0',
      accessToken: TOKEN,
      timeoutMs: 2_000,
      maxBytes: 10_000,
    });
    expect(await failure(fetcher, whatsapp('1'))).toMatchObject({ code: 'download_failed', retryable: true });
  });
});

describe('BasicAuthMediaFetcher (Twilio)', () => {
  async function twilio(options: { password?: string; origins?: string[] } = {}) {
    const fake = await startFakeTwilioMedia();
    closers.push(fake.close);
    const fetcher = new BasicAuthMediaFetcher({
      username: TWILIO_SID,
      password: options.password ?? TWILIO_TOKEN,
      timeoutMs: 2_000,
      maxBytes: 10_000,
      ...(options.origins ? { origins: options.origins } : {}),
    });
    return { fake, fetcher };
  }

  it('downloads with basic auth and follows the redirect to storage without the credentials', async () => {
    const { fake, fetcher } = await twilio();
    const bytes = voiceNote();
    const url = fake.add('ME1', bytes, 'audio/ogg');

    const file = await fetcher.fetch({ channel: 'twilio', url, mimeType: 'audio/ogg' });

    expect(file).toEqual({ bytes, mimeType: 'audio/ogg', size: bytes.byteLength });
    expect(fake.calls[0]?.authorization).toMatch(/^Basic /);
    expect(fake.storage.calls).toEqual([{ path: '/s3/ME1', authorization: undefined }]);
  });

  it('reports wrong credentials as a failed download', async () => {
    const { fake, fetcher } = await twilio({ password: 'wrong' });
    const url = fake.add('ME2', voiceNote(), 'audio/ogg');
    expect(await failure(fetcher, { channel: 'twilio', url })).toMatchObject({
      code: 'download_failed',
      status: 401,
    });
  });

  it('refuses a URL outside the allowed origins before sending anything', async () => {
    const { fake, fetcher } = await twilio({ origins: ['https://api.twilio.com'] });
    const url = fake.add('ME3', voiceNote(), 'audio/ogg');
    expect((await failure(fetcher, { channel: 'twilio', url })).code).toBe('download_failed');
    expect(fake.calls).toEqual([]);
  });

  it('refuses a declared type it does not accept without downloading', async () => {
    const { fake, fetcher } = await twilio();
    const url = fake.add('ME4', voiceNote(), 'audio/amr');
    expect((await failure(fetcher, { channel: 'twilio', url, mimeType: 'audio/amr' })).code).toBe(
      'unsupported_type',
    );
    expect(fake.calls).toEqual([]);
  });
});

describe('HeaderMediaFetcher (Infobip)', () => {
  async function infobip(key = INFOBIP_KEY) {
    const fake = await startFakeInfobipMedia();
    closers.push(fake.close);
    const fetcher = new HeaderMediaFetcher({
      headers: { authorization: `App ${key}` },
      timeoutMs: 2_000,
      maxBytes: 10_000,
    });
    return { fake, fetcher };
  }

  it('downloads with the App key header', async () => {
    const { fake, fetcher } = await infobip();
    const bytes = photo();
    const url = fake.add('m1', bytes, 'image/png');
    await expect(fetcher.fetch({ channel: 'infobip', url })).resolves.toEqual({
      bytes,
      mimeType: 'image/png',
      size: bytes.byteLength,
    });
    expect(fake.calls[0]?.authorization).toBe(`App ${INFOBIP_KEY}`);
  });

  it('uses the declared type when the server sends a generic one', async () => {
    const { fake, fetcher } = await infobip();
    const url = fake.add('m2', voiceNote(), 'application/octet-stream');
    await expect(fetcher.fetch({ channel: 'infobip', url, mimeType: 'audio/ogg' })).resolves.toMatchObject({
      mimeType: 'audio/ogg',
    });
  });

  it('treats a 404 as expired media', async () => {
    const { fake, fetcher } = await infobip();
    expect(
      (await failure(fetcher, { channel: 'infobip', url: `${fake.url}/whatsapp/1/senders/1/media/x` })).code,
    ).toBe('expired');
  });

  it('refuses an oversized file by its declared length', async () => {
    const { fake, fetcher } = await infobip();
    const url = fake.add('m3', photo(20_000), 'image/jpeg');
    expect((await failure(fetcher, { channel: 'infobip', url })).code).toBe('too_large');
  });
});
