import { describe, expect, it } from 'vitest';
import { parseTwilioForm } from '../../../src/channel/twilio/parse.js';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const SID = 'SM11111111111111111111111111111111';

/** The parameters Twilio posts for every inbound WhatsApp message. */
function inbound(extra: Record<string, string>): Record<string, string> {
  return {
    SmsMessageSid: SID,
    NumMedia: '0',
    ProfileName: 'Sara',
    MessageType: 'text',
    SmsSid: SID,
    WaId: '966500000001',
    SmsStatus: 'received',
    Body: '',
    To: 'whatsapp:+14155238886',
    NumSegments: '1',
    ReferralNumMedia: '0',
    MessageSid: SID,
    AccountSid: 'AC0123456789abcdef0123456789abcdef',
    From: 'whatsapp:+966500000001',
    ApiVersion: '2010-04-01',
    ...extra,
  };
}

describe('parseTwilioForm: messages', () => {
  it('parses a text with the customer keyed on the phone digits', () => {
    const parsed = parseTwilioForm(inbound({ Body: 'where is my order A1001?' }), NOW);
    expect(parsed.ignored).toEqual([]);
    expect(parsed.statuses).toEqual([]);
    expect(parsed.messages).toHaveLength(1);
    expect(parsed.messages[0]).toMatchObject({
      channel: 'twilio',
      externalId: SID,
      phoneNumberId: '14155238886',
      customer: { key: '966500000001', waId: '966500000001', name: 'Sara' },
      timestamp: NOW,
      type: 'text',
      text: 'where is my order A1001?',
    });
  });

  it('falls back to the From digits when WaId is absent', () => {
    const params = inbound({ Body: 'hi' });
    delete params.WaId;
    expect(parseTwilioForm(params, NOW).messages[0]?.customer).toMatchObject({ key: '966500000001' });
  });

  it('parses a quick-reply tap with ButtonPayload as the button id', () => {
    const parsed = parseTwilioForm(
      inbound({
        MessageType: 'button',
        Body: 'Talk to an agent',
        ButtonText: 'Talk to an agent',
        ButtonPayload: 'menu_agent',
      }),
      NOW,
    );
    expect(parsed.messages[0]).toMatchObject({
      type: 'button',
      buttonId: 'menu_agent',
      text: 'Talk to an agent',
    });
  });

  it('parses a list-picker reply as interactive', () => {
    const parsed = parseTwilioForm(
      inbound({
        MessageType: 'interactive',
        Body: '4 — Very good',
        ListId: 'csat_4',
        ListTitle: '4 — Very good',
      }),
      NOW,
    );
    expect(parsed.messages[0]).toMatchObject({
      type: 'interactive',
      buttonId: 'csat_4',
      text: '4 — Very good',
    });
  });

  it('parses an image with MediaUrl0, its content type and caption', () => {
    const url =
      'https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/SM1/Media/ME0123456789abcdef0123456789abcdef';
    const parsed = parseTwilioForm(
      inbound({
        MessageType: 'image',
        NumMedia: '1',
        MediaUrl0: url,
        MediaContentType0: 'image/jpeg',
        Body: 'broken screen',
      }),
      NOW,
    );
    expect(parsed.messages[0]).toMatchObject({
      type: 'image',
      text: 'broken screen',
      media: {
        id: 'ME0123456789abcdef0123456789abcdef',
        url,
        mimeType: 'image/jpeg',
        caption: 'broken screen',
      },
    });
  });

  it('types media from the content type when MessageType is missing: voice notes are audio', () => {
    const params = inbound({
      NumMedia: '1',
      MediaUrl0: 'https://api.twilio.com/x/Media/ME2',
      MediaContentType0: 'audio/ogg',
    });
    delete params.MessageType;
    const message = parseTwilioForm(params, NOW).messages[0];
    expect(message).toMatchObject({ type: 'audio', media: { mimeType: 'audio/ogg' } });
    expect(message?.text).toBeUndefined();
  });

  it('parses a location with its label and address', () => {
    const parsed = parseTwilioForm(
      inbound({
        MessageType: 'location',
        Latitude: '24.7136',
        Longitude: '46.6753',
        Label: 'Volta Store',
        Address: 'Olaya St, Riyadh',
      }),
      NOW,
    );
    expect(parsed.messages[0]).toMatchObject({
      type: 'location',
      location: { latitude: 24.7136, longitude: 46.6753, name: 'Volta Store', address: 'Olaya St, Riyadh' },
      text: 'Volta Store, Olaya St, Riyadh',
    });
  });

  it('keeps the quoted message as contextId', () => {
    const parsed = parseTwilioForm(inbound({ Body: 'this one', OriginalRepliedMessageSid: 'SM999' }), NOW);
    expect(parsed.messages[0]?.contextId).toBe('SM999');
  });

  it('keeps an empty labelled message as unknown rather than dropping it', () => {
    const parsed = parseTwilioForm(inbound({ MessageType: 'reaction' }), NOW);
    expect(parsed.messages[0]?.type).toBe('unknown');
  });

  it('ignores SMS and forms without a sid, never throwing', () => {
    const sms = parseTwilioForm(inbound({ Body: 'hi', From: '+966500000001' }), NOW);
    expect(sms.messages).toEqual([]);
    expect(sms.ignored[0]?.reason).toBe('not_whatsapp');
    const noSid = parseTwilioForm({ From: 'whatsapp:+966500000001', Body: 'hi' }, NOW);
    expect(noSid.ignored[0]?.reason).toBe('invalid_message');
    expect(parseTwilioForm({}, NOW).ignored).toHaveLength(1);
  });
});

describe('parseTwilioForm: status callbacks', () => {
  const callback = (extra: Record<string, string>) => ({
    MessageSid: 'SM22222222222222222222222222222222',
    SmsSid: 'SM22222222222222222222222222222222',
    AccountSid: 'AC0123456789abcdef0123456789abcdef',
    From: 'whatsapp:+14155238886',
    To: 'whatsapp:+966500000001',
    ApiVersion: '2010-04-01',
    ChannelToAddress: '+9665000XXXXX',
    ChannelPrefix: 'whatsapp',
    ...extra,
  });

  it.each([
    ['queued', 'sent'],
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'read'],
  ] as const)('maps %s to %s', (state, status) => {
    const parsed = parseTwilioForm(callback({ MessageStatus: state, SmsStatus: state }), NOW);
    expect(parsed.messages).toEqual([]);
    expect(parsed.statuses).toEqual([
      {
        channel: 'twilio',
        externalId: 'SM22222222222222222222222222222222',
        status,
        timestamp: NOW,
        recipient: { waId: '966500000001' },
        errors: [],
      },
    ]);
  });

  it('maps failed and undelivered to failed with the error code (63016: 24-hour window)', () => {
    const failed = parseTwilioForm(callback({ MessageStatus: 'failed', ErrorCode: '63016' }), NOW);
    expect(failed.statuses[0]).toMatchObject({ status: 'failed', errors: [{ code: 63016 }] });
    const undelivered = parseTwilioForm(
      callback({
        MessageStatus: 'undelivered',
        ErrorCode: '63024',
        ErrorMessage: 'Invalid message recipient',
      }),
      NOW,
    );
    expect(undelivered.statuses[0]).toMatchObject({
      status: 'failed',
      errors: [{ code: 63024, message: 'Invalid message recipient' }],
    });
  });

  it('ignores states Baton does not track', () => {
    const parsed = parseTwilioForm(callback({ MessageStatus: 'canceled' }), NOW);
    expect(parsed.statuses).toEqual([]);
    expect(parsed.ignored[0]?.reason).toBe('unsupported_status');
  });
});
