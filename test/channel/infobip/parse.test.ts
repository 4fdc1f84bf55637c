import { describe, expect, it } from 'vitest';
import { infobipTime, parseInfobipWebhook } from '../../../src/channel/infobip/parse.js';

const NOW = Date.parse('2026-03-01T10:00:00Z');

/** One inbound result as Infobip posts it (MO_OTT_CONTACT format). */
function inbound(message: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    from: '966500000001',
    to: '441134960000',
    integrationType: 'WHATSAPP',
    receivedAt: '2026-03-01T09:59:58.123+0000',
    messageId: 'ABEGOFl3VCQoAhAqnlmSd2FKPOaraEaS0rPQ',
    pairedMessageId: null,
    callbackData: null,
    message,
    contact: { name: 'Sara' },
    price: { pricePerMessage: 0, currency: 'EUR' },
    ...extra,
  };
}

const envelope = (...results: unknown[]) => ({
  results,
  messageCount: results.length,
  pendingMessageCount: 0,
});

describe('parseInfobipWebhook: inbound messages', () => {
  it('parses a text with the customer keyed on the phone digits and receivedAt in ms', () => {
    const parsed = parseInfobipWebhook(envelope(inbound({ type: 'TEXT', text: 'وين طلبي A1001؟' })), NOW);
    expect(parsed.ignored).toEqual([]);
    expect(parsed.messages[0]).toMatchObject({
      channel: 'infobip',
      externalId: 'ABEGOFl3VCQoAhAqnlmSd2FKPOaraEaS0rPQ',
      phoneNumberId: '441134960000',
      customer: { key: '966500000001', waId: '966500000001', name: 'Sara' },
      timestamp: Date.parse('2026-03-01T09:59:58.123Z'),
      type: 'text',
      text: 'وين طلبي A1001؟',
    });
  });

  it('parses an interactive button reply with its id', () => {
    const parsed = parseInfobipWebhook(
      envelope(inbound({ type: 'INTERACTIVE_BUTTON_REPLY', id: 'menu_agent', title: 'Talk to an agent' })),
      NOW,
    );
    expect(parsed.messages[0]).toMatchObject({
      type: 'interactive',
      buttonId: 'menu_agent',
      text: 'Talk to an agent',
    });
  });

  it('parses a list reply with the row id', () => {
    const parsed = parseInfobipWebhook(
      envelope(
        inbound({ type: 'INTERACTIVE_LIST_REPLY', id: 'csat_5', title: '5 — Excellent', description: '' }),
      ),
      NOW,
    );
    expect(parsed.messages[0]).toMatchObject({
      type: 'interactive',
      buttonId: 'csat_5',
      text: '5 — Excellent',
    });
  });

  it('parses a template quick-reply tap (BUTTON) with its payload', () => {
    const parsed = parseInfobipWebhook(
      envelope(inbound({ type: 'BUTTON', text: 'Yes', payload: 'confirm_yes' })),
      NOW,
    );
    expect(parsed.messages[0]).toMatchObject({ type: 'button', buttonId: 'confirm_yes', text: 'Yes' });
  });

  it('parses an image with its URL, media id and caption; a voice note as audio', () => {
    const url =
      'https://api.infobip.com/whatsapp/1/senders/441134960000/media/4f6a0c3b-7e7d-4b4e-9a1d-1c2b3a4d5e6f';
    const parsed = parseInfobipWebhook(
      envelope(
        inbound({ type: 'IMAGE', url, caption: 'broken screen' }),
        inbound({ type: 'VOICE', url: `${url}-v` }, { messageId: 'voice-1' }),
      ),
      NOW,
    );
    expect(parsed.messages[0]).toMatchObject({
      type: 'image',
      text: 'broken screen',
      media: { id: '4f6a0c3b-7e7d-4b4e-9a1d-1c2b3a4d5e6f', url, caption: 'broken screen' },
    });
    expect(parsed.messages[1]).toMatchObject({ type: 'audio', media: { voice: true, url: `${url}-v` } });
  });

  it('parses a location and a quoted reply', () => {
    const parsed = parseInfobipWebhook(
      envelope(
        inbound({
          type: 'LOCATION',
          latitude: 24.7136,
          longitude: 46.6753,
          name: 'Volta Store',
          address: 'Olaya St',
          context: { id: 'ib-out-1', from: '441134960000' },
        }),
      ),
      NOW,
    );
    expect(parsed.messages[0]).toMatchObject({
      type: 'location',
      location: { latitude: 24.7136, longitude: 46.6753, name: 'Volta Store', address: 'Olaya St' },
      text: 'Volta Store, Olaya St',
      contextId: 'ib-out-1',
    });
  });

  it('keeps unknown and malformed types as messages the bot can answer', () => {
    const parsed = parseInfobipWebhook(
      envelope(
        inbound({ type: 'POLL' }, { messageId: 'm1' }),
        inbound({ type: 'IMAGE' }, { messageId: 'm2' }),
        inbound({ type: 'UNSUPPORTED' }, { messageId: 'm3' }),
      ),
      NOW,
    );
    expect(parsed.messages.map((m) => m.type)).toEqual(['unknown', 'unknown', 'unsupported']);
  });
});

describe('parseInfobipWebhook: delivery and seen reports', () => {
  const report = (status: Record<string, unknown>, error?: Record<string, unknown>) => ({
    bulkId: 'bulk-1',
    messageId: 'ib-out-1',
    to: '966500000001',
    sentAt: '2026-03-01T10:00:01.000+0000',
    doneAt: '2026-03-01T10:00:03.000+0000',
    messageCount: 1,
    price: { pricePerMessage: 0, currency: 'EUR' },
    status,
    error: error ?? {
      groupId: 0,
      groupName: 'OK',
      id: 0,
      name: 'NO_ERROR',
      description: 'No Error',
      permanent: false,
    },
    channel: 'WHATSAPP',
  });

  it('maps PENDING to sent and DELIVERED to delivered, at doneAt', () => {
    const parsed = parseInfobipWebhook(
      envelope(
        report({ groupId: 1, groupName: 'PENDING', id: 7, name: 'PENDING_ENROUTE' }),
        report({ groupId: 3, groupName: 'DELIVERED', id: 5, name: 'DELIVERED_TO_HANDSET' }),
      ),
      NOW,
    );
    expect(parsed.messages).toEqual([]);
    expect(parsed.statuses).toEqual([
      {
        channel: 'infobip',
        externalId: 'ib-out-1',
        status: 'sent',
        timestamp: Date.parse('2026-03-01T10:00:03Z'),
        recipient: { waId: '966500000001' },
        errors: [],
      },
      expect.objectContaining({ status: 'delivered', errors: [] }),
    ]);
  });

  it('maps UNDELIVERABLE and REJECTED to failed with the error id', () => {
    const parsed = parseInfobipWebhook(
      envelope(
        report(
          { groupId: 2, groupName: 'UNDELIVERABLE', id: 9, name: 'UNDELIVERABLE_NOT_DELIVERED' },
          {
            groupId: 1,
            groupName: 'HANDSET_ERRORS',
            id: 27,
            name: 'EC_ABSENT_SUBSCRIBER',
            description: 'Absent Subscriber',
          },
        ),
        report({ groupId: 5, groupName: 'REJECTED', id: 12, name: 'REJECTED_NOT_ENOUGH_CREDITS' }, undefined),
      ),
      NOW,
    );
    expect(parsed.statuses[0]).toMatchObject({
      status: 'failed',
      errors: [{ code: 27, title: 'EC_ABSENT_SUBSCRIBER', message: 'Absent Subscriber' }],
    });
    // With NO_ERROR in `error`, the status itself is the reason.
    expect(parsed.statuses[1]).toMatchObject({
      status: 'failed',
      errors: [{ code: 12, title: 'REJECTED_NOT_ENOUGH_CREDITS' }],
    });
  });

  it('normalises a closed 24-hour window to 131047', () => {
    const parsed = parseInfobipWebhook(
      envelope(
        report(
          { groupId: 2, groupName: 'UNDELIVERABLE', id: 9, name: 'UNDELIVERABLE_NOT_DELIVERED' },
          {
            groupId: 1,
            groupName: 'USER_ERRORS',
            id: 7023,
            name: 'EC_SESSION_WINDOW_CLOSED',
            description:
              'Message failed because more than 24 hours have passed since the customer last replied',
          },
        ),
      ),
      NOW,
    );
    expect(parsed.statuses[0]?.errors[0]).toMatchObject({ code: 131047, title: 'EC_SESSION_WINDOW_CLOSED' });
  });

  it('maps a seen report to read at seenAt', () => {
    const parsed = parseInfobipWebhook(
      envelope({
        messageId: 'ib-out-1',
        to: '966500000001',
        sentAt: '2026-03-01T10:00:01.000+0000',
        seenAt: '2026-03-01T10:05:00.000+0000',
      }),
      NOW,
    );
    expect(parsed.statuses[0]).toMatchObject({
      status: 'read',
      externalId: 'ib-out-1',
      timestamp: Date.parse('2026-03-01T10:05:00Z'),
    });
  });
});

describe('parseInfobipWebhook: robustness', () => {
  it('never throws, parses each result on its own and lists what it skipped', () => {
    for (const body of [null, 42, 'x', [], {}, { results: 'x' }]) {
      const parsed = parseInfobipWebhook(body, NOW);
      expect(parsed.messages).toEqual([]);
      expect(parsed.ignored).toHaveLength(1);
    }
    const parsed = parseInfobipWebhook(
      envelope(
        null,
        { foo: 1 },
        inbound({ type: 'TEXT', text: 'ok' }),
        { messageId: 'x', status: { groupName: 'WEIRD' } },
        inbound({ type: 'TEXT', text: 'no id' }, { messageId: '' }),
      ),
      NOW,
    );
    expect(parsed.messages.map((m) => m.text)).toEqual(['ok']);
    expect(parsed.ignored.map((i) => i.reason)).toEqual([
      'unknown_result',
      'unknown_result',
      'unsupported_status',
      'invalid_message',
    ]);
  });

  it('reads Infobip timestamps with +0000 offsets and falls back to now', () => {
    expect(infobipTime('2019-07-19T11:21:27.861+0000', 0)).toBe(Date.parse('2019-07-19T11:21:27.861Z'));
    expect(infobipTime('2019-07-19T13:21:27.861+0200', 0)).toBe(Date.parse('2019-07-19T11:21:27.861Z'));
    expect(infobipTime('garbage', NOW)).toBe(NOW);
    expect(infobipTime(undefined, NOW)).toBe(NOW);
  });
});
