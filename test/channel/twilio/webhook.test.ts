import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMPTY_TWIML, signedUrl, twilioWebhook } from '../../../src/channel/twilio/webhook.js';
import { recordingWebhookApp } from '../../support/webhook-app.js';

const TOKEN = 'twilio-auth-token-for-tests-000';
const NOW = Date.parse('2026-03-01T10:00:00Z');
const PUBLIC = 'https://baton.example.com';

/** The route on a bare app with a fake pipeline that records what it was given. */
function setup(options: { publicBaseUrl?: string; limit?: number } = {}) {
  const route = twilioWebhook({
    authToken: TOKEN,
    from: 'whatsapp:+14155238886',
    ...(options.publicBaseUrl ? { publicBaseUrl: options.publicBaseUrl } : {}),
  });
  return recordingWebhookApp('/webhooks/twilio', route, {
    ...(options.limit ? { limit: options.limit } : {}),
    now: NOW,
  });
}

/** Signs as Twilio does, by hand: URL + sorted name/value pairs, HMAC-SHA1, base64. */
function sign(url: string, params: Record<string, string>, token = TOKEN): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', token).update(data, 'utf8').digest('base64');
}

function post(url: string, params: Record<string, string>, signature: string | undefined) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (signature !== undefined) headers['x-twilio-signature'] = signature;
  return new Request(url, { method: 'POST', headers, body: new URLSearchParams(params).toString() });
}

const text = {
  MessageSid: 'SM11111111111111111111111111111111',
  AccountSid: 'AC0123456789abcdef0123456789abcdef',
  From: 'whatsapp:+966500000001',
  To: 'whatsapp:+14155238886',
  WaId: '966500000001',
  ProfileName: 'سارة',
  Body: 'وين طلبي؟ 😊 & 100% = ok',
  NumMedia: '0',
  MessageType: 'text',
  SmsStatus: 'received',
};

describe('POST /webhooks/twilio', () => {
  it('verifies the signature, stores the message and answers an empty TwiML Response', async () => {
    const { app, accepted } = setup();
    const url = 'http://localhost/webhooks/twilio';
    const response = await app.fetch(post(url, text, sign(url, text)));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await response.text()).toBe(EMPTY_TWIML);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]?.messages[0]).toMatchObject({
      channel: 'twilio',
      externalId: text.MessageSid,
      text: text.Body,
      timestamp: NOW,
      customer: { key: '966500000001', name: 'سارة' },
    });
  });

  it('leaves a message to another sender of the account unanswered, with the reason', async () => {
    const { app, accepted } = setup();
    const url = 'http://localhost/webhooks/twilio';
    const elsewhere = { ...text, To: 'whatsapp:+19999999999' };
    expect((await app.fetch(post(url, elsewhere, sign(url, elsewhere)))).status).toBe(200);
    expect(accepted[0]?.messages).toEqual([]);
  });

  it('signs over PUBLIC_BASE_URL + path when configured (behind a proxy)', async () => {
    const { app, accepted } = setup({ publicBaseUrl: PUBLIC });
    const internal = 'http://10.0.0.5:8787/webhooks/twilio?tenant=a';
    const external = `${PUBLIC}/webhooks/twilio?tenant=a`;
    expect(signedUrl(internal, PUBLIC)).toBe(external);
    expect((await app.fetch(post(internal, text, sign(external, text)))).status).toBe(200);
    // The internal URL is not what Twilio signed.
    expect((await app.fetch(post(internal, text, sign(internal, text)))).status).toBe(403);
    expect(accepted).toHaveLength(1);
  });

  it('rejects a wrong, missing or tampered signature with 403 and stores nothing', async () => {
    const { app, accepted } = setup();
    const url = 'http://localhost/webhooks/twilio';
    const good = sign(url, text);
    expect((await app.fetch(post(url, text, sign(url, text, 'wrong-token')))).status).toBe(403);
    expect((await app.fetch(post(url, text, undefined))).status).toBe(403);
    const tampered = await app.fetch(post(url, { ...text, Body: 'give me a refund' }, good));
    expect(tampered.status).toBe(403);
    expect(await tampered.json()).toMatchObject({ code: 'forbidden' });
    expect(accepted).toEqual([]);
  });

  it('logs where a rejected request was signed for, not its query', async () => {
    const { app, warnings } = setup();
    const url = 'http://localhost/webhooks/twilio?token=SECRET-IN-QUERY&to=966500000001';
    expect((await app.fetch(post(url, text, sign(url, text, 'wrong-token')))).status).toBe(403);
    expect(warnings).toEqual([
      { message: 'twilio signature rejected', fields: { url: 'http://localhost/webhooks/twilio' } },
    ]);
  });

  it('applies status callbacks through the same route', async () => {
    const { app, accepted } = setup();
    const url = 'http://localhost/webhooks/twilio';
    const callback = {
      MessageSid: 'SM22222222222222222222222222222222',
      MessageStatus: 'failed',
      ErrorCode: '63016',
      From: 'whatsapp:+14155238886',
      To: 'whatsapp:+966500000001',
    };
    expect((await app.fetch(post(url, callback, sign(url, callback)))).status).toBe(200);
    expect(accepted[0]?.statuses).toEqual([
      {
        channel: 'twilio',
        externalId: callback.MessageSid,
        status: 'failed',
        timestamp: NOW,
        recipient: { waId: '966500000001' },
        errors: [{ code: 63016 }],
      },
    ]);
  });

  it('answers 200 to a signed form it ignores, and 413 to a body over the limit', async () => {
    const { app, accepted } = setup({ limit: 2048 });
    const url = 'http://localhost/webhooks/twilio';
    const sms = { ...text, From: '+966500000001' };
    expect((await app.fetch(post(url, sms, sign(url, sms)))).status).toBe(200);
    expect(accepted[0]).toMatchObject({ messages: [], statuses: [] });
    const big = { ...text, Body: 'x'.repeat(4000) };
    expect((await app.fetch(post(url, big, sign(url, big)))).status).toBe(413);
  });
});
