import { afterEach, describe, expect, it } from 'vitest';
import { classifyInfobipError, INFOBIP_WINDOW_CLOSED } from '../../../src/channel/infobip/errors.js';
import {
  InfobipTransport,
  type InfobipTransportOptions,
  infobipBaseUrl,
} from '../../../src/channel/infobip/transport.js';
import { type InfobipScripted, infobipError, startFakeInfobip } from '../../support/fake-infobip.js';

const KEY = 'infobip-api-key-do-not-log';
const SENDER = '441134960000';
const SARA = { waId: '966500000001' };

let fake: Awaited<ReturnType<typeof startFakeInfobip>> | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(script: InfobipScripted[] = [], options: Partial<InfobipTransportOptions> = {}) {
  fake = await startFakeInfobip(script, { hangMs: 500 });
  const transport = new InfobipTransport({
    baseUrl: fake.url,
    apiKey: KEY,
    sender: SENDER,
    timeoutMs: 2_000,
    ...options,
  });
  return { fake, transport };
}

describe('InfobipTransport: request shape', () => {
  it('posts a text to /whatsapp/1/message/text with App auth', async () => {
    const { fake, transport } = await setup();
    const result = await transport.send(SARA, { kind: 'text', text: 'Your order ships today.' });
    expect(result).toEqual({ ok: true, externalId: 'ib-1' });
    expect(fake.calls).toEqual([
      {
        path: '/whatsapp/1/message/text',
        authorization: `App ${KEY}`,
        body: { from: SENDER, to: '966500000001', content: { text: 'Your order ships today.' } },
      },
    ]);
  });

  it('sends reply buttons to the interactive buttons endpoint', async () => {
    const { fake, transport } = await setup();
    await transport.send(SARA, {
      kind: 'buttons',
      text: 'How can I help?',
      buttons: [
        { id: 'menu_order', title: 'Order status' },
        { id: 'menu_agent', title: 'Talk to an agent' },
      ],
    });
    expect(fake.calls[0]).toMatchObject({
      path: '/whatsapp/1/message/interactive/buttons',
      body: {
        from: SENDER,
        to: '966500000001',
        content: {
          body: { text: 'How can I help?' },
          action: {
            buttons: [
              { type: 'REPLY', id: 'menu_order', title: 'Order status' },
              { type: 'REPLY', id: 'menu_agent', title: 'Talk to an agent' },
            ],
          },
        },
      },
    });
  });

  it('sends a list to the interactive list endpoint with its title, sections and rows', async () => {
    const { fake, transport } = await setup();
    await transport.send(SARA, {
      kind: 'list',
      text: 'How did we do?',
      button: 'Rate',
      sections: [
        { title: 'Score', rows: [{ id: 'csat_5', title: '5 — Excellent', description: 'Loved it' }] },
      ],
    });
    expect(fake.calls[0]).toMatchObject({
      path: '/whatsapp/1/message/interactive/list',
      body: {
        content: {
          body: { text: 'How did we do?' },
          action: {
            title: 'Rate',
            sections: [
              { title: 'Score', rows: [{ id: 'csat_5', title: '5 — Excellent', description: 'Loved it' }] },
            ],
          },
        },
      },
    });
  });

  it('sends a template through the bulk template endpoint and reads the first message id', async () => {
    const { fake, transport } = await setup();
    const result = await transport.send(SARA, {
      kind: 'template',
      name: 'follow_up',
      language: 'en',
      parameters: ['Sara'],
    });
    expect(result).toEqual({ ok: true, externalId: 'ib-1' });
    expect(fake.calls[0]).toMatchObject({
      path: '/whatsapp/1/message/template',
      body: {
        messages: [
          {
            from: SENDER,
            to: '966500000001',
            content: {
              templateName: 'follow_up',
              templateData: { body: { placeholders: ['Sara'] } },
              language: 'en',
            },
          },
        ],
      },
    });
  });

  it('marks a message read, best effort', async () => {
    const { fake, transport } = await setup();
    await transport.markRead('ABEG-in-1');
    expect(fake.calls).toEqual([
      {
        path: `/whatsapp/1/senders/${SENDER}/message/ABEG-in-1/read`,
        authorization: `App ${KEY}`,
        body: undefined,
      },
    ]);
    const offline = new InfobipTransport({
      baseUrl: 'http://127.0.0.1:1',
      apiKey: KEY,
      sender: SENDER,
      timeoutMs: 500,
    });
    await expect(offline.markRead('x')).resolves.toBeUndefined();
  });

  it('refuses a recipient without a phone number without calling', async () => {
    const { fake, transport } = await setup();
    expect(await transport.send({ userId: 'US.1' }, { kind: 'text', text: 'hi' })).toMatchObject({
      ok: false,
      retryable: false,
    });
    expect(fake.calls).toEqual([]);
  });
});

describe('InfobipTransport: failures', () => {
  it('429 is retryable and honours Retry-After; 5xx is retryable', async () => {
    const { transport } = await setup([
      infobipError(429, 'TOO_MANY_REQUESTS', 'Too many requests', { 'retry-after': '3' }),
      infobipError(500, 'GENERAL_ERROR', 'Something went wrong'),
    ]);
    expect(await transport.send(SARA, { kind: 'text', text: 'a' })).toMatchObject({
      ok: false,
      retryable: true,
      retryAfterMs: 3_000,
    });
    expect(await transport.send(SARA, { kind: 'text', text: 'b' })).toMatchObject({
      ok: false,
      retryable: true,
    });
  });

  it('other 4xx are permanent and the key never appears in the error', async () => {
    const { transport } = await setup([
      infobipError(401, 'UNAUTHORIZED', `Invalid login details for ${KEY}`),
      infobipError(400, 'BAD_REQUEST', 'Bad request'),
    ]);
    const unauthorized = await transport.send(SARA, { kind: 'text', text: 'a' });
    expect(unauthorized).toMatchObject({ ok: false, retryable: false });
    expect(unauthorized.ok ? '' : unauthorized.error).toContain('UNAUTHORIZED');
    expect(unauthorized.ok ? '' : unauthorized.error).not.toContain(KEY);
    expect(await transport.send(SARA, { kind: 'text', text: 'b' })).toMatchObject({
      ok: false,
      retryable: false,
    });
  });

  it('a closed 24-hour window is permanent with code 131047', async () => {
    const { transport } = await setup([
      infobipError(400, 'BAD_REQUEST', 'Outside of the 24h customer service window, use a template message'),
    ]);
    expect(await transport.send(SARA, { kind: 'text', text: 'hello?' })).toMatchObject({
      ok: false,
      retryable: false,
      code: INFOBIP_WINDOW_CLOSED,
    });
  });

  it('a REJECTED status inside a 200 is a permanent failure', async () => {
    const { transport } = await setup([
      {
        status: 200,
        body: {
          to: '966500000001',
          messageCount: 1,
          messageId: 'ib-rej',
          status: {
            groupId: 5,
            groupName: 'REJECTED',
            id: 12,
            name: 'REJECTED_NOT_ENOUGH_CREDITS',
            description: 'Not enough credits',
          },
        },
      },
    ]);
    expect(await transport.send(SARA, { kind: 'text', text: 'hi' })).toMatchObject({
      ok: false,
      retryable: false,
      code: 12,
    });
  });

  it('timeouts and refused connections are retryable', async () => {
    const { transport } = await setup(['hang'], { timeoutMs: 100 });
    expect(await transport.send(SARA, { kind: 'text', text: 'hi' })).toMatchObject({
      ok: false,
      retryable: true,
      error: 'timeout after 100 ms',
    });
    const offline = new InfobipTransport({
      baseUrl: 'http://127.0.0.1:1',
      apiKey: KEY,
      sender: SENDER,
      timeoutMs: 500,
    });
    expect(await offline.send(SARA, { kind: 'text', text: 'hi' })).toMatchObject({
      ok: false,
      retryable: true,
    });
  });
});

describe('Infobip helpers', () => {
  it('classifies both error body formats', () => {
    expect(classifyInfobipError(400, { errorCode: 'E400', description: 'Invalid request' })).toEqual({
      retryable: false,
      error: 'HTTP 400 E400: Invalid request',
    });
    expect(classifyInfobipError(503, undefined)).toEqual({ retryable: true, error: 'HTTP 503' });
  });

  it('accepts a bare host as the base URL', () => {
    expect(infobipBaseUrl('xyz.api.infobip.com/')).toBe('https://xyz.api.infobip.com');
    expect(infobipBaseUrl('http://127.0.0.1:9')).toBe('http://127.0.0.1:9');
  });
});
