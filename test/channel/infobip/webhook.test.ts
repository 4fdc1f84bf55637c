import { describe, expect, it } from 'vitest';
import { infobipWebhook } from '../../../src/channel/infobip/webhook.js';
import { recordingWebhookApp } from '../../support/webhook-app.js';

const SECRET = 'infobip-webhook-secret-0123456789';
const NOW = Date.parse('2026-03-01T10:00:00Z');

/** The route on a bare app with a fake pipeline that records what it was given. */
function setup(limit = 64 * 1024) {
  return recordingWebhookApp(
    '/webhooks/infobip',
    infobipWebhook({ webhookSecret: SECRET, sender: '441134960000' }),
    {
      limit,
      now: NOW,
    },
  );
}

const basic = (password: string) => `Basic ${Buffer.from(`infobip:${password}`).toString('base64')}`;

function post(body: string, headers: Record<string, string>) {
  return new Request('http://localhost/webhooks/infobip', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

const inbound = JSON.stringify({
  results: [
    {
      from: '966500000001',
      to: '441134960000',
      integrationType: 'WHATSAPP',
      receivedAt: '2026-03-01T09:59:58.000+0000',
      messageId: 'ABEG-in-1',
      message: { type: 'TEXT', text: 'مرحبا' },
      contact: { name: 'Sara' },
    },
  ],
  messageCount: 1,
  pendingMessageCount: 0,
});

describe('POST /webhooks/infobip', () => {
  it('accepts Basic auth or the secret header, stores the message and answers 200', async () => {
    const { app, accepted } = setup();
    const viaBasic = await app.fetch(post(inbound, { authorization: basic(SECRET) }));
    expect(viaBasic.status).toBe(200);
    expect(await viaBasic.json()).toEqual({ ok: true });
    expect((await app.fetch(post(inbound, { 'x-webhook-secret': SECRET }))).status).toBe(200);
    expect(accepted).toHaveLength(2);
    expect(accepted[0]?.messages[0]).toMatchObject({
      channel: 'infobip',
      externalId: 'ABEG-in-1',
      text: 'مرحبا',
      customer: { key: '966500000001', name: 'Sara' },
    });
  });

  it('leaves a message to another sender of the account unanswered, with the reason', async () => {
    const { app, accepted } = setup();
    const elsewhere = inbound.replace('"to":"441134960000"', '"to":"15550009999"');
    expect((await app.fetch(post(elsewhere, { 'x-webhook-secret': SECRET }))).status).toBe(200);
    expect(accepted[0]?.messages).toEqual([]);
  });

  it('rejects a wrong or missing secret with 401 before parsing, storing nothing', async () => {
    const { app, accepted } = setup();
    const wrong = await app.fetch(post(inbound, { authorization: basic('not-the-secret') }));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 'unauthorized' });
    expect((await app.fetch(post(inbound, {}))).status).toBe(401);
    expect((await app.fetch(post('{not json', {}))).status).toBe(401);
    expect(accepted).toEqual([]);
  });

  it('applies delivery and seen reports', async () => {
    const { app, accepted } = setup();
    const reports = JSON.stringify({
      results: [
        {
          messageId: 'ib-out-1',
          to: '966500000001',
          doneAt: '2026-03-01T10:00:03.000+0000',
          status: { groupId: 3, groupName: 'DELIVERED', id: 5, name: 'DELIVERED_TO_HANDSET' },
        },
        { messageId: 'ib-out-1', to: '966500000001', seenAt: '2026-03-01T10:01:00.000+0000' },
      ],
    });
    expect((await app.fetch(post(reports, { 'x-webhook-secret': SECRET }))).status).toBe(200);
    expect(accepted[0]?.statuses.map((s) => s.status)).toEqual(['delivered', 'read']);
  });

  it('answers 400 to malformed JSON, 200 to shapes it does not know, 413 over the limit', async () => {
    const { app } = setup(1024);
    const auth = { 'x-webhook-secret': SECRET };
    expect((await app.fetch(post('{"results":', auth))).status).toBe(400);
    for (const body of ['{}', '[]', 'null', '{"results":[{"x":1}]}']) {
      expect((await app.fetch(post(body, auth))).status).toBe(200);
    }
    const big = JSON.stringify({
      results: [{ messageId: 'x', message: { type: 'TEXT', text: 'x'.repeat(4000) } }],
    });
    expect((await app.fetch(post(big, auth))).status).toBe(413);
  });
});
