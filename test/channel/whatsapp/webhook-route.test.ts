import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { signBody } from '../../../src/channel/whatsapp/signature.js';
import { createLogger } from '../../../src/log/logger.js';
import { messages as messagesTable } from '../../../src/store/schema/index.js';
import { startServer } from '../../support/fake-server.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { metaJson, signedRequest, textEnvelope } from '../../support/meta.js';

const SECRET = 'app-secret-for-tests';
let harness: Harness;
afterEach(() => harness?.close());

async function setup(env: Record<string, string> = {}) {
  harness = await createHarness({
    env: { WHATSAPP_APP_SECRET: SECRET, WHATSAPP_VERIFY_TOKEN: 'verify-me', ...env },
  });
  return harness;
}

const now = () => Math.floor(Date.now() / 1000);

describe('GET /webhooks/whatsapp (verification handshake)', () => {
  it('answers the challenge as plain text when the token matches', async () => {
    const { app } = await setup();
    const response = await app.request(
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('1158201444');
  });

  it('is forbidden with a wrong token or mode, and needs no signature', async () => {
    const { app } = await setup();
    const wrong = await app.request(
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1',
    );
    expect(wrong.status).toBe(403);
    // an error like every other: JSON that says why, never the token
    expect(await wrong.json()).toMatchObject({
      code: 'forbidden',
      message: 'webhook verification refused: hub.verify_token does not match WHATSAPP_VERIFY_TOKEN',
    });
    expect(
      (
        await app.request(
          '/webhooks/whatsapp?hub.mode=unsubscribe&hub.verify_token=verify-me&hub.challenge=1',
        )
      ).status,
    ).toBe(403);
  });
});

describe('a refused handshake', () => {
  it('logs why, never the token that was tried', async () => {
    const lines: string[] = [];
    harness = await createHarness({
      env: { WHATSAPP_APP_SECRET: SECRET, WHATSAPP_VERIFY_TOKEN: 'verify-me' },
      logger: createLogger({ level: 'info', write: (line) => lines.push(line) }),
    });
    const response = await harness.app.request(
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess-123&hub.challenge=1',
    );
    expect(response.status).toBe(403);
    const refused = lines
      .map((line) => JSON.parse(line))
      .find((entry) => entry.msg === 'webhook verification refused');
    expect(refused?.reason).toBe('hub.verify_token does not match WHATSAPP_VERIFY_TOKEN');
    expect(lines.join('\n')).not.toContain('guess-123');
  });
});

describe('POST /webhooks/whatsapp', () => {
  it('accepts a signed Arabic body and stores the message before answering', async () => {
    const { app, baton, messages } = await setup();
    const body = metaJson(
      textEnvelope([
        { waId: '966500000111', id: 'wamid.ar1', text: 'مرحبا، وين طلبي؟ 😊', timestamp: now() },
      ]),
    );
    expect(body).toContain('\\u0645'); // escaped as Meta sends it
    const response = await app.fetch(await signedRequest(body, SECRET));
    expect(response.status).toBe(200);
    const stored = await messages('966500000111');
    expect(stored.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['مرحبا، وين طلبي؟ 😊']);
    await baton.settled();
  });

  it('rejects a tampered body, a wrong secret and a missing header with 401, storing nothing', async () => {
    const { app, messages } = await setup();
    const body = metaJson(
      textEnvelope([{ waId: '966500000112', id: 'wamid.t1', text: 'hi', timestamp: now() }]),
    );
    const tampered = await signedRequest(body, SECRET);
    const forged = new Request(tampered.url, {
      method: 'POST',
      headers: tampered.headers,
      body: body.replace('hi', 'ho'),
    });
    expect((await app.fetch(forged)).status).toBe(401);
    expect((await app.fetch(await signedRequest(body, 'wrong-secret'))).status).toBe(401);
    expect((await app.fetch(await signedRequest(body, undefined))).status).toBe(401);
    expect(await messages('966500000112')).toEqual([]);
  });

  it('answers 400 to malformed JSON and 200 to shapes it does not know, never 500', async () => {
    const { app } = await setup();
    for (const body of ['{"object":', 'not json', '']) {
      const response = await app.fetch(await signedRequest(body, SECRET));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'bad_request' });
    }
    for (const value of [
      {},
      [],
      { object: 'page', entry: [] },
      { object: 'whatsapp_business_account', entry: 'x' },
      null,
      42,
    ]) {
      const response = await app.fetch(await signedRequest(JSON.stringify(value), SECRET));
      expect(response.status).toBe(200);
    }
  });

  it('refuses a body over the limit with 413', async () => {
    const { app } = await setup({ WEBHOOK_BODY_LIMIT_BYTES: '1024' });
    const body = metaJson(
      textEnvelope([{ waId: '966500000113', id: 'wamid.big', text: 'x'.repeat(4000), timestamp: now() }]),
    );
    expect((await app.fetch(await signedRequest(body, SECRET))).status).toBe(413);
  });

  it('over a Node socket: the declared length decides 413 before the body is read; a chunked body is counted', async () => {
    const { app, messages } = await setup({ WEBHOOK_BODY_LIMIT_BYTES: '2048' });
    const server = await startServer(app);
    try {
      const post = async (body: string | ReadableStream<Uint8Array>, signature: string) =>
        fetch(`${server.url}/webhooks/whatsapp`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
          body,
          // A stream body goes out chunked, without a content-length.
          ...(typeof body === 'string' ? {} : { duplex: 'half' }),
        } as RequestInit);
      // Arabic and an emoji, escaped as Meta sends them, two messages in one POST, then delivered twice.
      const small = metaJson(
        textEnvelope([
          { waId: '966500000116', id: 'wamid.sock1', text: 'مرحبا 😊', timestamp: now() },
          { waId: '966500000116', id: 'wamid.sock1b', text: 'وين طلبي؟', timestamp: now() },
        ]),
      );
      expect((await post(small, await signBody(small, SECRET))).status).toBe(200);
      expect((await post(small, await signBody(small, SECRET))).status).toBe(200);
      const big = metaJson(
        textEnvelope([{ waId: '966500000116', id: 'wamid.sock2', text: 'x'.repeat(3000), timestamp: now() }]),
      );
      expect((await post(big, await signBody(big, SECRET))).status).toBe(413);
      const chunked = (text: string) =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            const bytes = new TextEncoder().encode(text);
            for (let i = 0; i < bytes.length; i += 500) controller.enqueue(bytes.slice(i, i + 500));
            controller.close();
          },
        });
      expect((await post(chunked(big), await signBody(big, SECRET))).status).toBe(413);
      const smallChunked = metaJson(
        textEnvelope([{ waId: '966500000116', id: 'wamid.sock3', text: 'and again', timestamp: now() }]),
      );
      expect((await post(chunked(smallChunked), await signBody(smallChunked, SECRET))).status).toBe(200);
      const stored = (await messages('966500000116')).filter((m) => m.direction === 'in');
      expect(stored.map((m) => m.text).sort()).toEqual(['and again', 'مرحبا 😊', 'وين طلبي؟']);
    } finally {
      await server.close();
    }
  });

  it('answers 400 to a content-length that is not a number', async () => {
    const { app } = await setup();
    const body = metaJson(
      textEnvelope([{ waId: '966500000117', id: 'wamid.cl', text: 'hi', timestamp: now() }]),
    );
    const signed = await signedRequest(body, SECRET);
    const headers = new Headers(signed.headers);
    headers.set('content-length', '12abc');
    expect((await app.request('/webhooks/whatsapp', { method: 'POST', headers, body })).status).toBe(400);
  });

  it('stores every message of a batch across entries and changes', async () => {
    const { app, baton, messages } = await setup();
    const first = textEnvelope([
      { waId: '966500000114', id: 'wamid.b1', text: 'hello', timestamp: now() },
      { waId: '966500000115', id: 'wamid.b2', text: 'hi there', timestamp: now() },
    ]);
    const second = textEnvelope([
      { waId: '966500000114', id: 'wamid.b3', text: 'where is my order', timestamp: now() + 1 },
    ]);
    const body = metaJson({ ...first, entry: [...first.entry, ...second.entry] });
    expect((await app.fetch(await signedRequest(body, SECRET))).status).toBe(200);
    await baton.settled();
    expect((await messages('966500000114')).filter((m) => m.direction === 'in')).toHaveLength(2);
    expect((await messages('966500000115')).filter((m) => m.direction === 'in')).toHaveLength(1);
  });

  it('answers only messages to the configured phone number, not another number of the same app', async () => {
    const { app, baton, db } = await setup({
      WHATSAPP_PHONE_NUMBER_ID: '1098765432',
      WHATSAPP_ACCESS_TOKEN: 'token-for-tests',
      // nothing listens there: the replies stay queued, which is all this test needs
      WHATSAPP_API_BASE_URL: 'http://127.0.0.1:9',
    });
    const ours = textEnvelope(
      [{ waId: '966500000117', id: 'wamid.pn1', text: 'hello', timestamp: now() }],
      '1098765432',
    );
    const theirs = textEnvelope(
      [{ waId: '966500000118', id: 'wamid.pn2', text: 'hello', timestamp: now() }],
      '5550009999',
    );
    const body = metaJson({ ...ours, entry: [...ours.entry, ...theirs.entry] });
    expect((await app.fetch(await signedRequest(body, SECRET))).status).toBe(200);
    await baton.settled();
    const stored = await db.select().from(messagesTable).where(eq(messagesTable.direction, 'in'));
    expect(stored.map((row) => row.externalId)).toEqual(['wamid.pn1']);
  });

  it('makes one message and one reply of a duplicate delivery', async () => {
    const { app, baton, messages } = await setup();
    const body = metaJson(
      textEnvelope([{ waId: '966500000116', id: 'wamid.dup', text: 'hello', timestamp: now() }]),
    );
    const responses = await Promise.all(
      [1, 2, 3].map(async () => app.fetch(await signedRequest(body, SECRET))),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    await baton.settled();
    const again = await app.fetch(await signedRequest(body, SECRET));
    expect(again.status).toBe(200);
    await baton.settled();
    const rows = await messages('966500000116');
    expect(rows.filter((m) => m.direction === 'in')).toHaveLength(1);
    expect(rows.filter((m) => m.direction === 'out')).toHaveLength(1);
  });

  it('accepts unsigned deliveries only when no secret is configured (development)', async () => {
    harness = await createHarness();
    const body = metaJson(
      textEnvelope([{ waId: '966500000117', id: 'wamid.dev', text: 'hi', timestamp: now() }]),
    );
    expect((await harness.app.fetch(await signedRequest(body, undefined))).status).toBe(200);
  });
});
