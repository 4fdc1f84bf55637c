import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  twilioSignature,
  twilioSignedString,
  verifyTwilioSignature,
} from '../../../src/channel/twilio/signature.js';

const TOKEN = 'twilio-auth-token-for-tests-000';
const URL_ = 'https://baton.example.com/webhooks/twilio';

const inbound = {
  SmsMessageSid: 'SM0123456789abcdef0123456789abcdef',
  NumMedia: '0',
  ProfileName: 'سارة',
  SmsSid: 'SM0123456789abcdef0123456789abcdef',
  WaId: '966500000001',
  SmsStatus: 'received',
  Body: 'وين طلبي A1001؟ 😊',
  To: 'whatsapp:+14155238886',
  NumSegments: '1',
  MessageSid: 'SM0123456789abcdef0123456789abcdef',
  AccountSid: 'AC0123456789abcdef0123456789abcdef',
  From: 'whatsapp:+966500000001',
  ApiVersion: '2010-04-01',
};

/** Twilio's documented algorithm, by hand: URL, then each parameter name+value sorted by name. */
function expectedByHand(url: string, params: Record<string, string>, token: string): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', token).update(Buffer.from(data, 'utf-8')).digest('base64');
}

describe('twilioSignature', () => {
  it("matches Twilio's published example", async () => {
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+14158675309',
      Digits: '1234',
      From: '+14158675309',
      To: '+18005551212',
    };
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    expect(await twilioSignature(url, params, '12345')).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    expect(expectedByHand(url, params, '12345')).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  it('equals an HMAC-SHA1 computed by hand over a WhatsApp form with Arabic and emoji', async () => {
    expect(await twilioSignature(URL_, inbound, TOKEN)).toBe(expectedByHand(URL_, inbound, TOKEN));
  });

  it('signs the URL followed by the parameters sorted by name, without separators', () => {
    expect(twilioSignedString('https://x.test/h?a=1', { b: '2', a: '1', B: '3' })).toBe(
      'https://x.test/h?a=1B3a1b2',
    );
  });

  it('includes every value of a repeated parameter, sorted', () => {
    expect(twilioSignedString('u', { k: ['2', '1'] })).toBe('uk1k2');
  });
});

describe('verifyTwilioSignature', () => {
  it('accepts the right signature', async () => {
    const header = expectedByHand(URL_, inbound, TOKEN);
    expect(await verifyTwilioSignature(URL_, inbound, header, TOKEN)).toBe(true);
  });

  it('rejects a tampered parameter, a wrong URL, a wrong token and a missing header', async () => {
    const header = expectedByHand(URL_, inbound, TOKEN);
    expect(await verifyTwilioSignature(URL_, { ...inbound, Body: 'hi' }, header, TOKEN)).toBe(false);
    expect(await verifyTwilioSignature(`${URL_}?x=1`, inbound, header, TOKEN)).toBe(false);
    expect(
      await verifyTwilioSignature('http://baton.example.com/webhooks/twilio', inbound, header, TOKEN),
    ).toBe(false);
    expect(await verifyTwilioSignature(URL_, inbound, header, 'another-token')).toBe(false);
    expect(await verifyTwilioSignature(URL_, inbound, undefined, TOKEN)).toBe(false);
    expect(await verifyTwilioSignature(URL_, inbound, '', TOKEN)).toBe(false);
    expect(await verifyTwilioSignature(URL_, inbound, header.slice(0, -2), TOKEN)).toBe(false);
  });

  it('fails closed without a token', async () => {
    const header = expectedByHand(URL_, inbound, TOKEN);
    expect(await verifyTwilioSignature(URL_, inbound, header, '')).toBe(false);
  });

  it('accepts the URL with or without the default port, as proxies differ', async () => {
    const withPort = 'https://baton.example.com:443/webhooks/twilio';
    expect(await verifyTwilioSignature(URL_, inbound, expectedByHand(withPort, inbound, TOKEN), TOKEN)).toBe(
      true,
    );
    expect(await verifyTwilioSignature(withPort, inbound, expectedByHand(URL_, inbound, TOKEN), TOKEN)).toBe(
      true,
    );
  });
});
