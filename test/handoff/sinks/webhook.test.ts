import { describe, expect, it } from 'vitest';
import { signBody } from '../../../src/channel/whatsapp/signature.js';
import { packetSchema } from '../../../src/handoff/packet.js';
import { verifyBatonSignature, webhookRequest } from '../../../src/handoff/sinks/webhook.js';
import { arabicPacket } from './packet-fixture.js';

const SECRET = 'whsec_0123456789abcdef';

describe('webhookRequest', () => {
  it('sends the packet as JSON with event, delivery and signature headers', async () => {
    const packet = arabicPacket();
    const request = await webhookRequest(packet, { secret: SECRET, deliveryId: 42 });
    expect(packetSchema.parse(JSON.parse(request.body))).toEqual(packet);
    expect(request.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'x-baton-event': 'handoff.created',
      'x-baton-delivery': '42',
    });
    expect(request.headers['x-baton-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(request.headers['x-baton-signature']).toBe(await signBody(request.body, SECRET));
  });

  it('keeps Arabic as UTF-8 in the body, so the bytes signed are the bytes sent', async () => {
    const request = await webhookRequest(arabicPacket(), { secret: SECRET, deliveryId: 1 });
    expect(request.body).toContain('انخصم المبلغ مرتين');
  });
});

describe('verifyBatonSignature', () => {
  it('accepts the signature over the exact bytes, as a string, bytes or an ArrayBuffer', async () => {
    const { body, headers } = await webhookRequest(arabicPacket(), { secret: SECRET, deliveryId: 7 });
    const header = headers['x-baton-signature'];
    const bytes = new TextEncoder().encode(body);
    expect(await verifyBatonSignature(body, header, SECRET)).toBe(true);
    expect(await verifyBatonSignature(bytes, header, SECRET)).toBe(true);
    expect(await verifyBatonSignature(bytes.buffer, header, SECRET)).toBe(true);
    expect(
      await verifyBatonSignature(body, header?.toUpperCase().replace('SHA256=', 'sha256='), SECRET),
    ).toBe(true);
  });

  it('rejects a tampered body, a re-serialised body, a wrong secret and malformed headers', async () => {
    const { body, headers } = await webhookRequest(arabicPacket(), { secret: SECRET, deliveryId: 7 });
    const header = headers['x-baton-signature'];
    expect(await verifyBatonSignature(body.replace('billing', 'general'), header, SECRET)).toBe(false);
    // What a receiver gets by parsing and stringifying with escaped non-ASCII: different bytes.
    const reserialised = JSON.stringify(JSON.parse(body), null, 1);
    expect(await verifyBatonSignature(reserialised, header, SECRET)).toBe(false);
    expect(await verifyBatonSignature(body, header, 'another-secret-0000')).toBe(false);
    expect(await verifyBatonSignature(body, header, '')).toBe(false);
    expect(await verifyBatonSignature(body, undefined, SECRET)).toBe(false);
    expect(await verifyBatonSignature(body, header?.replace('sha256=', 'sha1='), SECRET)).toBe(false);
    expect(await verifyBatonSignature(body, header?.slice(0, -2), SECRET)).toBe(false);
  });
});
