import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { twilioSignature } from '../../src/channel/twilio/signature.js';
import { conversations, messages } from '../../src/store/schema/index.js';
import { startFakeInfobip } from '../support/fake-infobip.js';
import { startFakeTwilio } from '../support/fake-twilio.js';
import { createHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait-for.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const PUBLIC = 'https://baton.example';
const TOKEN = 'twilio-auth-token-for-tests';

async function twilioPost(harness: Harness, params: Record<string, string>, token = TOKEN) {
  const signature = await twilioSignature(`${PUBLIC}/webhooks/twilio`, params, token);
  return harness.app.request('/webhooks/twilio', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
}

describe('Twilio WhatsApp, end to end through the pipeline', () => {
  it('answers through Twilio, ignores a duplicate, refuses a bad signature, applies statuses', async () => {
    const twilio = await startFakeTwilio();
    const harness = await createHarness({
      env: {
        PUBLIC_BASE_URL: PUBLIC,
        TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
        TWILIO_AUTH_TOKEN: TOKEN,
        TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
        TWILIO_API_BASE_URL: twilio.url,
      },
    });
    cleanups.push(
      () => harness.close(),
      () => twilio.close(),
    );
    const inbound = {
      From: 'whatsapp:+966500001001',
      To: 'whatsapp:+14155238886',
      Body: 'how long does shipping take to Jeddah?',
      // not one the fake hands out for sends (SM000…1, SM000…2): ids are unique across directions
      MessageSid: 'SM1f0e0d0c0b0a09080706050403020100',
      ProfileName: 'Sara',
      NumMedia: '0',
      WaId: '966500001001',
    };
    expect((await twilioPost(harness, inbound)).status).toBe(200);
    expect((await twilioPost(harness, inbound)).status).toBe(200);
    expect((await twilioPost(harness, { ...inbound, MessageSid: 'SM2' }, 'wrong-token')).status).toBe(403);
    await waitFor(async () => twilio.calls.length === 1);
    // The message id is recorded after Twilio answers: wait for it rather than race it.
    await waitFor(async () =>
      (await harness.db.select().from(messages)).some((r) => r.direction === 'out' && r.status === 'sent'),
    );
    const rows = await harness.db.select().from(messages);
    expect(rows.filter((r) => r.direction === 'in')).toHaveLength(1);
    const [reply] = rows.filter((r) => r.direction === 'out');
    expect(reply).toMatchObject({ status: 'sent', knowledgeDocId: 'shipping' });
    const [conversation] = await harness.db.select().from(conversations);
    expect(conversation?.channel).toBe('twilio');
    const call = twilio.calls.at(-1);
    expect(call?.form).toMatchObject({ From: 'whatsapp:+14155238886', To: 'whatsapp:+966500001001' });
    expect(call?.auth?.user).toBe('AC0123456789abcdef0123456789abcdef');

    const status = {
      MessageSid: reply?.externalId ?? '',
      MessageStatus: 'delivered',
      To: inbound.From,
      From: inbound.To,
    };
    expect((await twilioPost(harness, status)).status).toBe(200);
    const [after] = await harness.db
      .select()
      .from(messages)
      .where(eq(messages.id, reply?.id ?? ''));
    expect(after?.status).toBe('delivered');
    // Twilio often sends the code alone: the message says which, not just "failed"
    expect(
      (await twilioPost(harness, { ...status, MessageStatus: 'failed', ErrorCode: '63016' })).status,
    ).toBe(200);
    const [failed] = await harness.db
      .select()
      .from(messages)
      .where(eq(messages.id, reply?.id ?? ''));
    expect(failed).toMatchObject({ status: 'failed', errorCode: 63016, error: 'twilio error 63016' });
  });

  it('in production with Twilio only, has no Meta webhook and no sandbox to post unsigned messages to', async () => {
    const harness = await createHarness({
      env: {
        NODE_ENV: 'production',
        PUBLIC_BASE_URL: PUBLIC,
        TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
        TWILIO_AUTH_TOKEN: TOKEN,
        TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
      },
    });
    cleanups.push(() => harness.close());
    const forged = {
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp' } }] }],
    };
    const meta = await harness.app.request('/webhooks/whatsapp', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(forged),
    });
    expect(meta.status).toBe(404);
    const sandbox = await harness.app.request('/api/sandbox/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ waId: '966500001001', text: 'hello' }),
    });
    expect(sandbox.status).toBe(404);
    expect(await harness.db.select().from(messages)).toEqual([]);
  });
});

describe('Infobip WhatsApp, end to end through the pipeline', () => {
  it('takes authenticated results[], answers through Infobip, refuses a wrong secret', async () => {
    const infobip = await startFakeInfobip();
    const secret = 'infobip-shared-secret-0123456789';
    const harness = await createHarness({
      env: {
        INFOBIP_BASE_URL: infobip.url,
        INFOBIP_API_KEY: 'infobip-api-key',
        INFOBIP_SENDER: '441134960000',
        INFOBIP_WEBHOOK_SECRET: secret,
      },
    });
    cleanups.push(
      () => harness.close(),
      () => infobip.close(),
    );
    const body = JSON.stringify({
      results: [
        {
          from: '966500001002',
          to: '441134960000',
          integrationType: 'WHATSAPP',
          receivedAt: new Date().toISOString().replace('Z', '+0000'),
          messageId: 'ABEGVUGWh3gEAgo-sibVqAZIp0SZ',
          message: { type: 'TEXT', text: 'I want to talk to a human' },
          contact: { name: 'Omar' },
        },
      ],
    });
    const post = (value: string) =>
      harness.app.request('/webhooks/infobip', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-webhook-secret': value },
        body,
      });
    expect((await post('wrong-secret')).status).toBe(401);
    expect((await post(secret)).status).toBe(200);
    expect((await post(secret)).status).toBe(200);
    await harness.baton.settled();
    await waitFor(async () => infobip.calls.some((c) => c.path === '/whatsapp/1/message/text'));
    const [packet] = await harness.packets();
    expect(packet?.reasons[0]?.code).toBe('human_requested');
    const send = infobip.calls.find((c) => c.path === '/whatsapp/1/message/text');
    expect(send?.authorization).toBe('App infobip-api-key');
    expect(send?.body).toMatchObject({ from: '441134960000', to: '966500001002' });
    const inbound = (await harness.db.select().from(messages)).filter((m) => m.direction === 'in');
    expect(inbound).toHaveLength(1);
  });
});
