import { afterEach, describe, expect, it } from 'vitest';
import { TWILIO_WINDOW_CLOSED } from '../../../src/channel/outbound.js';
import { CONTENT_SID_RE, numberedMenu, splitBody } from '../../../src/channel/twilio/render.js';
import {
  classifyTwilioError,
  TwilioTransport,
  type TwilioTransportOptions,
} from '../../../src/channel/twilio/transport.js';
import { startFakeTwilio, type TwilioScripted, twilioError } from '../../support/fake-twilio.js';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'twilio-auth-token-do-not-log';
const MENU_SID = `HX${'a'.repeat(32)}`;
const SARA = { waId: '966500000001' };

let fake: Awaited<ReturnType<typeof startFakeTwilio>> | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(script: TwilioScripted[] = [], options: Partial<TwilioTransportOptions> = {}) {
  fake = await startFakeTwilio(script, { hangMs: 500 });
  const transport = new TwilioTransport({
    baseUrl: fake.url,
    accountSid: SID,
    authToken: TOKEN,
    from: '+14155238886',
    timeoutMs: 2_000,
    ...options,
  });
  return { fake, transport };
}

const menu = {
  kind: 'buttons' as const,
  text: 'Hi Sara! How can I help?',
  buttons: [
    { id: 'menu_order', title: 'Order status' },
    { id: 'menu_faq', title: 'Questions (FAQ)' },
    { id: 'menu_agent', title: 'Talk to an agent' },
  ],
};

describe('TwilioTransport: request shape', () => {
  it('posts a form to Messages.json with basic auth sid:token and whatsapp: addresses', async () => {
    const { fake, transport } = await setup();
    const result = await transport.send(SARA, { kind: 'text', text: 'Your order ships today.' });
    expect(result).toEqual({ ok: true, externalId: `SM${'0'.repeat(31)}1` });
    expect(fake.calls).toEqual([
      {
        path: `/2010-04-01/Accounts/${SID}/Messages.json`,
        auth: { user: SID, password: TOKEN },
        contentType: 'application/x-www-form-urlencoded',
        form: {
          From: 'whatsapp:+14155238886',
          To: 'whatsapp:+966500000001',
          Body: 'Your order ships today.',
        },
      },
    ]);
  });

  it('adds StatusCallback when a public URL is known', async () => {
    const { fake, transport } = await setup([], {
      statusCallbackUrl: 'https://baton.example.com/webhooks/twilio',
    });
    await transport.send(SARA, { kind: 'text', text: 'hi' });
    expect(fake.calls[0]?.form.StatusCallback).toBe('https://baton.example.com/webhooks/twilio');
  });

  it('renders reply buttons as a numbered text menu', async () => {
    const { fake, transport } = await setup();
    await transport.send(SARA, menu);
    expect(fake.calls[0]?.form.Body).toBe(
      'Hi Sara! How can I help?\n\n1. Order status\n2. Questions (FAQ)\n3. Talk to an agent',
    );
    expect(fake.calls[0]?.form.ContentSid).toBeUndefined();
  });

  it('sends the menu Content template, without Body, when one is configured', async () => {
    const { fake, transport } = await setup([], { menuContentSid: MENU_SID });
    await transport.send(SARA, menu);
    const form = fake.calls[0]?.form ?? {};
    expect(form.ContentSid).toBe(MENU_SID);
    expect(JSON.parse(form.ContentVariables ?? '')).toEqual({ 1: 'Hi Sara! How can I help?' });
    expect(form.Body).toBeUndefined();
  });

  it('renders a list numbered, without numbering titles twice', async () => {
    const { fake, transport } = await setup();
    await transport.send(SARA, {
      kind: 'list',
      text: 'How did we do?',
      button: 'Rate',
      sections: [
        {
          title: 'Score',
          rows: [
            { id: 'csat_1', title: '1 — Poor' },
            { id: 'csat_2', title: '2 — Fair' },
          ],
        },
      ],
    });
    expect(fake.calls[0]?.form.Body).toBe('How did we do?\n\n1 — Poor\n2 — Fair');
  });

  it('sends a template by ContentSid with ContentVariables', async () => {
    const { fake, transport } = await setup();
    const name = `HX${'b'.repeat(32)}`;
    await transport.send(SARA, { kind: 'template', name, language: 'en', parameters: ['Sara', 'A1001'] });
    const form = fake.calls[0]?.form ?? {};
    expect(form.ContentSid).toBe(name);
    expect(JSON.parse(form.ContentVariables ?? '')).toEqual({ 1: 'Sara', 2: 'A1001' });
    expect(form.Body).toBeUndefined();
  });

  it('refuses, without a call, a template name that is not a Content SID or a recipient without phone', async () => {
    const { fake, transport } = await setup();
    const template = await transport.send(SARA, {
      kind: 'template',
      name: 'follow_up',
      language: 'en',
      parameters: [],
    });
    expect(template).toMatchObject({ ok: false, retryable: false });
    const noPhone = await transport.send({ userId: 'US.123' }, { kind: 'text', text: 'hi' });
    expect(noPhone).toMatchObject({ ok: false, retryable: false });
    expect(fake.calls).toEqual([]);
  });

  it('splits a body over 1600 characters into parts and keeps the last sid', async () => {
    const { fake, transport } = await setup();
    const text = `${'word '.repeat(400)}\n${'more '.repeat(100)}`.trim();
    const result = await transport.send(SARA, { kind: 'text', text });
    expect(fake.calls).toHaveLength(2);
    expect(fake.calls.every((call) => (call.form.Body ?? '').length <= 1600)).toBe(true);
    expect(result).toEqual({ ok: true, externalId: `SM${'0'.repeat(31)}2` });
  });

  it('markRead is a no-op: Twilio has no read receipts for WhatsApp', async () => {
    const { fake, transport } = await setup();
    await transport.markRead('SM1');
    expect(fake.calls).toEqual([]);
  });
});

describe('TwilioTransport: failures', () => {
  it('63016 (outside the 24-hour window) is permanent and keeps its code', async () => {
    const { transport } = await setup([
      twilioError(400, 63016, 'Failed to send freeform message outside the window'),
    ]);
    const result = await transport.send(SARA, { kind: 'text', text: 'hello?' });
    expect(result).toMatchObject({ ok: false, retryable: false, code: TWILIO_WINDOW_CLOSED });
    expect(result.ok ? '' : result.error).toContain('63016');
  });

  it('429 is retryable and honours Retry-After', async () => {
    const { transport } = await setup([twilioError(429, 20429, 'Too Many Requests', { 'retry-after': '7' })]);
    const result = await transport.send(SARA, { kind: 'text', text: 'hi' });
    expect(result).toMatchObject({ ok: false, retryable: true, code: 20429, retryAfterMs: 7_000 });
  });

  it('500 is retryable, other 4xx permanent, and the token never appears in the error', async () => {
    const { transport } = await setup([
      twilioError(500, 20500, 'Internal Server Error'),
      twilioError(400, 21211, `Invalid 'To' Phone Number ${TOKEN}`),
      { status: 502, body: '<html>bad gateway</html>' },
    ]);
    expect(await transport.send(SARA, { kind: 'text', text: 'a' })).toMatchObject({
      ok: false,
      retryable: true,
    });
    const invalid = await transport.send(SARA, { kind: 'text', text: 'b' });
    expect(invalid).toMatchObject({ ok: false, retryable: false, code: 21211 });
    expect(invalid.ok ? '' : invalid.error).not.toContain(TOKEN);
    expect(await transport.send(SARA, { kind: 'text', text: 'c' })).toMatchObject({
      ok: false,
      retryable: true,
    });
  });

  it('a timeout and a refused connection are retryable', async () => {
    const { transport } = await setup(['hang'], { timeoutMs: 100 });
    expect(await transport.send(SARA, { kind: 'text', text: 'hi' })).toMatchObject({
      ok: false,
      retryable: true,
      error: 'timeout after 100 ms',
    });
    const offline = new TwilioTransport({
      baseUrl: 'http://127.0.0.1:1',
      accountSid: SID,
      authToken: TOKEN,
      from: 'whatsapp:+14155238886',
      timeoutMs: 1_000,
    });
    expect(await offline.send(SARA, { kind: 'text', text: 'hi' })).toMatchObject({
      ok: false,
      retryable: true,
    });
  });

  it('a failure after a first part was sent is not retried, to avoid sending that part twice', async () => {
    const { fake, transport } = await setup();
    fake.script({ status: 201, body: { sid: 'SMfirst' } }, twilioError(503, 20503, 'Service Unavailable'));
    const result = await transport.send(SARA, { kind: 'text', text: 'x '.repeat(1200).trim() });
    expect(result).toMatchObject({ ok: false, retryable: false, code: 20503 });
  });
});

describe('Twilio rendering helpers', () => {
  it('classifies by code first, then by HTTP status', () => {
    expect(classifyTwilioError(400, { code: 63016 })).toMatchObject({ retryable: false, code: 63016 });
    expect(classifyTwilioError(400, { code: 63018 })).toMatchObject({ retryable: true });
    expect(classifyTwilioError(503, undefined)).toEqual({ retryable: true, error: 'HTTP 503' });
    expect(classifyTwilioError(401, { code: 20003, message: 'Authenticate' })).toEqual({
      retryable: false,
      code: 20003,
      error: 'HTTP 401 code 20003: Authenticate',
    });
  });

  it('numbers menus and splits long text without breaking emoji', () => {
    expect(numberedMenu('Pick', ['A', 'B'])).toBe('Pick\n\n1. A\n2. B');
    const emoji = '😊'.repeat(900);
    const parts = splitBody(emoji, 1600);
    expect(parts.join('')).toBe(emoji);
    expect(parts.every((p) => p.length <= 1600 && !/[\ud800-\udbff]$/.test(p))).toBe(true);
    expect(CONTENT_SID_RE.test(MENU_SID)).toBe(true);
  });
});
