import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../src/channel/http.js';
import { classifyGraphError, GraphTransport } from '../../../src/channel/whatsapp/graph-transport.js';

const TOKEN = 'EAAG-test-access-token-do-not-log';
const PHONE_NUMBER_ID = '106540352242922';

interface Recorded {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

/** A fake Graph API: records every request and answers with whatever the current test scripts. */
const recorded: Recorded[] = [];
let respond: (c: Context) => Response | Promise<Response>;
const ok = (c: Context) =>
  c.json({
    messaging_product: 'whatsapp',
    contacts: [{ input: '16505551234', wa_id: '16505551234' }],
    messages: [{ id: 'wamid.SENT.1', message_status: 'accepted' }],
  });

const app = new Hono();
app.all('*', async (c) => {
  recorded.push({
    method: c.req.method,
    path: c.req.path,
    authorization: c.req.header('authorization'),
    contentType: c.req.header('content-type'),
    body: await c.req.json().catch(() => undefined),
  });
  return respond(c);
});

let server: ServerType;
let baseUrl: string;

beforeAll(async () => {
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  // The timeout test leaves a request hanging on the server side; do not wait for it.
  if ('closeAllConnections' in server) server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  recorded.length = 0;
  respond = ok;
});

function transport(timeoutMs = 2000): GraphTransport {
  return new GraphTransport({
    baseUrl,
    apiVersion: 'v23.0',
    phoneNumberId: PHONE_NUMBER_ID,
    accessToken: TOKEN,
    timeoutMs,
  });
}

const SHEENA = { waId: '16505551234', userId: 'US.13491208655302741918' };

describe('GraphTransport.send: request shape', () => {
  it('posts a text to /{version}/{phone-number-id}/messages with bearer auth and preview_url false', async () => {
    const result = await transport().send(SHEENA, { kind: 'text', text: 'Your order ships today.' });
    expect(result).toEqual({ ok: true, externalId: 'wamid.SENT.1' });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toEqual({
      method: 'POST',
      path: `/v23.0/${PHONE_NUMBER_ID}/messages`,
      authorization: `Bearer ${TOKEN}`,
      contentType: 'application/json',
      body: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '16505551234',
        type: 'text',
        text: { body: 'Your order ships today.', preview_url: false },
      },
    });
  });

  it('sends reply buttons as interactive type button', async () => {
    await transport().send(SHEENA, {
      kind: 'buttons',
      text: 'How can we help?',
      buttons: [
        { id: 'menu_order', title: 'Track an order' },
        { id: 'menu_agent', title: 'Talk to a person' },
      ],
    });
    expect(recorded[0]?.body).toMatchObject({
      to: '16505551234',
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'How can we help?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'menu_order', title: 'Track an order' } },
            { type: 'reply', reply: { id: 'menu_agent', title: 'Talk to a person' } },
          ],
        },
      },
    });
  });

  it('sends a list with its button label, sections and rows', async () => {
    await transport().send(SHEENA, {
      kind: 'list',
      text: 'Pick a topic',
      button: 'Topics',
      sections: [
        {
          title: 'Orders',
          rows: [
            { id: 'faq_returns', title: 'Returns', description: 'How to send an item back' },
            { id: 'faq_delivery', title: 'Delivery times' },
          ],
        },
      ],
    });
    expect(recorded[0]?.body).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Pick a topic' },
        action: {
          button: 'Topics',
          sections: [
            {
              title: 'Orders',
              rows: [
                { id: 'faq_returns', title: 'Returns', description: 'How to send an item back' },
                { id: 'faq_delivery', title: 'Delivery times' },
              ],
            },
          ],
        },
      },
    });
  });

  it('sends a template with one body component of text parameters', async () => {
    await transport().send(SHEENA, {
      kind: 'template',
      name: 'order_update',
      language: 'ar',
      parameters: ['1042', 'غدًا'],
    });
    expect(recorded[0]?.body).toMatchObject({
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'ar' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: '1042' },
              { type: 'text', text: 'غدًا' },
            ],
          },
        ],
      },
    });
  });

  it('sends a template without parameters without components', async () => {
    await transport().send(SHEENA, {
      kind: 'template',
      name: 'hello_world',
      language: 'en_US',
      parameters: [],
    });
    expect(recorded[0]?.body).toMatchObject({
      template: { name: 'hello_world', language: { code: 'en_US' } },
    });
    expect(recorded[0]?.body).not.toHaveProperty('template.components');
  });

  it('addresses a username customer (no phone) with `recipient` = user id', async () => {
    await transport().send({ userId: 'AE.7730129845519023' }, { kind: 'text', text: 'hi' });
    expect(recorded[0]?.body).toMatchObject({ recipient: 'AE.7730129845519023' });
    expect(recorded[0]?.body).not.toHaveProperty('to');
  });

  it('refuses a recipient with neither phone nor user id, without calling Meta', async () => {
    const result = await transport().send({}, { kind: 'text', text: 'hi' });
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(recorded).toHaveLength(0);
  });
});

describe('GraphTransport.send: failures', () => {
  it('HTTP 500 is retryable', async () => {
    respond = (c) =>
      c.json({ error: { message: 'An unknown error occurred', type: 'OAuthException', code: 1 } }, 500);
    const result = await transport().send(SHEENA, { kind: 'text', text: 'hi' });
    expect(result).toMatchObject({ ok: false, retryable: true, code: 1 });
  });

  it('a non-JSON 502 from a proxy is retryable', async () => {
    respond = (c) => c.html('<html>Bad Gateway</html>', 502);
    expect(await transport().send(SHEENA, { kind: 'text', text: 'hi' })).toMatchObject({
      ok: false,
      retryable: true,
    });
  });

  it('429 with Retry-After is retryable and carries the delay', async () => {
    respond = (c) =>
      c.json(
        {
          error: {
            message: '(#131056) (Business Account, Consumer Account) pair rate limit hit',
            type: 'OAuthException',
            code: 131056,
            error_data: {
              messaging_product: 'whatsapp',
              details:
                'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
            },
            fbtrace_id: 'AqP2zKz3cS2V4_3hVe8eXbq',
          },
        },
        429,
        { 'Retry-After': '7' },
      );
    const result = await transport().send(SHEENA, { kind: 'text', text: 'hi' });
    expect(result).toMatchObject({ ok: false, retryable: true, code: 131056, retryAfterMs: 7000 });
  });

  it('400 with code 131047 (24-hour window) is not retryable and keeps the code', async () => {
    respond = (c) =>
      c.json(
        {
          error: {
            message: '(#131047) Re-engagement message',
            type: 'OAuthException',
            code: 131047,
            error_data: {
              messaging_product: 'whatsapp',
              details:
                'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
            },
            fbtrace_id: 'A7bRj1YxO2b0wVxWmC1jz9h',
          },
        },
        400,
      );
    const result = await transport().send(SHEENA, { kind: 'text', text: 'hi' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.retryable).toBe(false);
    expect(result.code).toBe(131047);
    expect(result.error).toContain('131047');
    expect(result.error).toContain('more than 24 hours');
  });

  it('a timeout is retryable', async () => {
    respond = async (c) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return ok(c);
    };
    const started = Date.now();
    const result = await transport(150).send(SHEENA, { kind: 'text', text: 'hi' });
    expect(Date.now() - started).toBeLessThan(1200);
    expect(result).toMatchObject({ ok: false, retryable: true });
    if (!result.ok) expect(result.error).toMatch(/timeout/);
  });

  it('a connection refused is retryable', async () => {
    const closed = new GraphTransport({
      baseUrl: 'http://127.0.0.1:1',
      apiVersion: 'v23.0',
      phoneNumberId: PHONE_NUMBER_ID,
      accessToken: TOKEN,
      timeoutMs: 2000,
    });
    expect(await closed.send(SHEENA, { kind: 'text', text: 'hi' })).toMatchObject({
      ok: false,
      retryable: true,
    });
  });

  it('never puts the access token in the error text', async () => {
    respond = (c) =>
      c.json(
        { error: { message: `Invalid OAuth access token - Cannot parse access token ${TOKEN}`, code: 190 } },
        401,
      );
    const result = await transport().send(SHEENA, { kind: 'text', text: 'hi' });
    expect(result).toMatchObject({ ok: false, retryable: false, code: 190 });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('a 200 without a message id is a non-retryable failure (retrying could send twice)', async () => {
    respond = (c) => c.json({ messaging_product: 'whatsapp' });
    expect(await transport().send(SHEENA, { kind: 'text', text: 'hi' })).toMatchObject({
      ok: false,
      retryable: false,
    });
  });
});

describe('GraphTransport.markRead', () => {
  it('posts the read receipt with a typing indicator', async () => {
    respond = (c) => c.json({ success: true });
    await expect(transport().markRead('wamid.IN.1')).resolves.toBeUndefined();
    expect(recorded[0]).toMatchObject({
      path: `/v23.0/${PHONE_NUMBER_ID}/messages`,
      authorization: `Bearer ${TOKEN}`,
      body: {
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: 'wamid.IN.1',
        typing_indicator: { type: 'text' },
      },
    });
  });

  it('swallows HTTP errors and network failures', async () => {
    respond = (c) => c.json({ error: { message: 'Invalid parameter', code: 100 } }, 400);
    await expect(transport().markRead('wamid.IN.2')).resolves.toBeUndefined();
    const closed = new GraphTransport({
      baseUrl: 'http://127.0.0.1:1',
      apiVersion: 'v23.0',
      phoneNumberId: PHONE_NUMBER_ID,
      accessToken: TOKEN,
      timeoutMs: 500,
    });
    await expect(closed.markRead('wamid.IN.3')).resolves.toBeUndefined();
  });
});

describe('classifyGraphError', () => {
  const body = (code: number) => ({ error: { message: `(#${code}) something`, code } });
  it.each([
    [429, body(130429), true],
    [400, body(131056), true],
    [400, body(4), true],
    [400, body(80007), true],
    [500, body(131000), true],
    [503, undefined, true],
    [500, body(3), false], // a permission problem answered with 500
    [400, body(131047), false],
    [400, body(131026), false],
    [400, body(131048), false],
    [400, body(131049), false],
    [400, body(131051), false],
    [400, body(131052), false],
    [400, body(131053), false],
    [400, body(100), false],
    [400, body(131008), false],
    [400, body(131009), false],
    [400, body(131021), false],
    [400, body(132000), false],
    [404, body(132001), false],
    [401, body(190), false],
    [403, body(368), false],
    [403, body(131031), false],
    [400, body(133010), false],
    [400, body(999999), false], // unknown code on a 4xx
    [404, 'not json', false],
  ])('HTTP %i %j → retryable %s', (status, payload, retryable) => {
    expect(classifyGraphError(status, payload).retryable).toBe(retryable);
  });

  it('returns the code and a short text with message and details', () => {
    const result = classifyGraphError(400, {
      error: {
        message: '(#132001) Template name does not exist in the translation',
        code: 132001,
        error_data: { details: 'template name (order_updat) does not exist in ar' },
      },
    });
    expect(result).toEqual({
      retryable: false,
      code: 132001,
      error:
        'HTTP 400 code 132001: (#132001) Template name does not exist in the translation (template name (order_updat) does not exist in ar)',
    });
    expect(
      classifyGraphError(400, { error: { message: 'x'.repeat(1000), code: 100 } }).error.length,
    ).toBeLessThanOrEqual(300);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, ignores garbage', () => {
    const now = Date.parse('2026-05-01T10:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 01 May 2026 10:00:12 GMT', now)).toBe(12_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
