import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWhatsAppWebhook } from '../../../src/channel/whatsapp/parse.js';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../fixtures/whatsapp/${name}`, import.meta.url), 'utf8'));
}

const metadata = { display_phone_number: '15550783881', phone_number_id: '106540352242922' };

/** A one-change envelope around the given `value`. */
function envelope(value: unknown, field = 'messages'): unknown {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ value, field }] }],
  };
}

function text(id: string, from: string, body: string) {
  return { from, id, timestamp: '1777212000', type: 'text', text: { body } };
}

describe('batches', () => {
  it('yields every message and status of every entry and change, in order', () => {
    const parsed = parseWhatsAppWebhook(fixture('batch.json'));
    expect(parsed.ignored).toEqual([]);
    expect(parsed.messages.map((m) => [m.externalId, m.phoneNumberId, m.customer.key, m.type])).toEqual([
      ['wamid.BATCH.E1C1.M1', '106540352242922', 'US.13491208655302741918', 'text'],
      ['wamid.BATCH.E1C1.M2', '106540352242922', 'GB.60331872046612057', 'text'],
      ['wamid.BATCH.E1C1.M3', '106540352242922', 'US.13491208655302741918', 'image'],
      ['wamid.BATCH.E2C1.M1', '113456789012345', 'AE.7730129845519023', 'text'],
      ['wamid.BATCH.E2C1.M2', '113456789012345', 'AE.7730129845519023', 'audio'],
    ]);
    expect(parsed.statuses.map((s) => [s.externalId, s.status, s.recipient])).toEqual([
      ['wamid.BATCH.OUT.1', 'delivered', { waId: '16505551234', userId: 'US.13491208655302741918' }],
      ['wamid.BATCH.OUT.2', 'read', { waId: '447700900123', userId: 'GB.60331872046612057' }],
      ['wamid.BATCH.OUT.3', 'sent', { userId: 'AE.7730129845519023' }],
      ['wamid.BATCH.OUT.4', 'played', { userId: 'AE.7730129845519023' }],
    ]);
  });

  it('matches each message to its own contact, not the first one', () => {
    const [, second] = parseWhatsAppWebhook(fixture('batch.json')).messages;
    expect(second?.customer).toEqual({
      key: 'GB.60331872046612057',
      waId: '447700900123',
      userId: 'GB.60331872046612057',
      name: 'Dana Whitfield',
    });
  });

  it('parses messages and statuses that share one value', () => {
    const parsed = parseWhatsAppWebhook(
      envelope({
        metadata,
        contacts: [{ wa_id: '16505551234', profile: { name: 'Sheena' } }],
        messages: [text('wamid.A', '16505551234', 'hi')],
        statuses: [{ id: 'wamid.OUT', status: 'read', timestamp: '1777212000', recipient_id: '16505551234' }],
      }),
    );
    expect(parsed.messages.map((m) => m.externalId)).toEqual(['wamid.A']);
    expect(parsed.statuses.map((s) => s.externalId)).toEqual(['wamid.OUT']);
  });
});

describe('one bad item does not drop the others', () => {
  it('a message without id, one without timestamp and one without any identity are ignored; the rest parse', () => {
    const parsed = parseWhatsAppWebhook(
      envelope({
        metadata,
        contacts: [{ wa_id: '16505551234' }],
        messages: [
          text('wamid.GOOD1', '16505551234', 'first'),
          { from: '16505551234', timestamp: '1777212000', type: 'text', text: { body: 'no id' } },
          { from: '16505551234', id: 'wamid.NOTS', type: 'text', text: { body: 'no timestamp' } },
          { id: 'wamid.NOBODY', timestamp: '1777212000', type: 'text', text: { body: 'from nobody' } },
          'not even an object',
          text('wamid.GOOD2', '16505551234', 'last'),
        ],
      }),
    );
    expect(parsed.messages.map((m) => m.externalId)).toEqual(['wamid.GOOD1', 'wamid.GOOD2']);
    expect(parsed.ignored.map((i) => i.reason)).toEqual([
      'invalid_message',
      'invalid_message',
      'no_customer_identity',
      'invalid_message',
    ]);
    expect(parsed.ignored[1]?.detail).toContain('messages[2] (id wamid.NOTS)');
    expect(parsed.ignored[1]?.detail).toContain('timestamp');
  });

  it('a status with an unknown status value or a bad timestamp is ignored; the others parse', () => {
    const parsed = parseWhatsAppWebhook(
      envelope({
        metadata,
        statuses: [
          { id: 'wamid.S1', status: 'sent', timestamp: '1777212000' },
          { id: 'wamid.S2', status: 'deleted', timestamp: '1777212001' },
          { id: 'wamid.S3', status: 'read', timestamp: 'yesterday' },
          null,
          {
            id: 'wamid.S4',
            status: 'failed',
            timestamp: '1777212002',
            errors: [{ code: 131047 }, { title: 'no code' }],
          },
        ],
      }),
    );
    expect(parsed.statuses.map((s) => s.externalId)).toEqual(['wamid.S1', 'wamid.S4']);
    expect(parsed.statuses[1]?.errors).toEqual([{ code: 131047 }]);
    expect(parsed.ignored.map((i) => i.reason)).toEqual([
      'invalid_status',
      'invalid_status',
      'invalid_status',
    ]);
  });

  it('a bad entry or change is ignored; the good ones in the same POST still parse', () => {
    const good = {
      value: { metadata, messages: [text('wamid.OK', '16505551234', 'hi')] },
      field: 'messages',
    };
    const parsed = parseWhatsAppWebhook({
      object: 'whatsapp_business_account',
      entry: [
        { id: '1', changes: 'nope' },
        {
          id: '2',
          changes: [{ field: 'messages' }, 7, { value: { messages: 'nope' }, field: 'messages' }, good],
        },
      ],
    });
    expect(parsed.messages.map((m) => m.externalId)).toEqual(['wamid.OK']);
    expect(parsed.ignored.map((i) => i.reason)).toEqual([
      'invalid_entry',
      'invalid_change',
      'invalid_change',
      'invalid_change_value',
    ]);
  });

  it('a known type with a malformed body is kept as `unknown` rather than dropped', () => {
    const parsed = parseWhatsAppWebhook(
      envelope({
        metadata,
        messages: [
          { from: '1', id: 'wamid.IMG', timestamp: '1777212000', type: 'image', image: { caption: 'no id' } },
          {
            from: '1',
            id: 'wamid.BTN',
            timestamp: '1777212000',
            type: 'interactive',
            interactive: { type: 'button_reply' },
          },
          { from: '1', id: 'wamid.NEW', timestamp: '1777212000', type: 'hologram', hologram: {} },
        ],
      }),
    );
    expect(parsed.messages.map((m) => [m.externalId, m.type])).toEqual([
      ['wamid.IMG', 'unknown'],
      ['wamid.BTN', 'unknown'],
      ['wamid.NEW', 'unknown'],
    ]);
    expect(parsed.ignored).toEqual([]);
  });

  it('unknown extra fields are tolerated and odd optional fields read as absent', () => {
    const parsed = parseWhatsAppWebhook(
      envelope({
        metadata: { ...metadata, brand_new: true },
        contacts: [{ wa_id: '1', profile: 'not an object', identity_key_hash: 'x' }],
        messages: [{ ...text('wamid.X', '1', 'hi'), context: 5, group_id: 'g', future_field: { a: 1 } }],
      }),
    );
    expect(parsed.messages[0]).toMatchObject({
      externalId: 'wamid.X',
      text: 'hi',
      customer: { key: '1', waId: '1' },
    });
    expect(parsed.messages[0]?.contextId).toBeUndefined();
  });

  it('messages without metadata are reported, statuses beside them still parse', () => {
    const parsed = parseWhatsAppWebhook(
      envelope({
        messages: [text('wamid.M', '1', 'hi')],
        statuses: [{ id: 'wamid.S', status: 'delivered', timestamp: '1777212000' }],
      }),
    );
    expect(parsed.messages).toEqual([]);
    expect(parsed.statuses.map((s) => s.externalId)).toEqual(['wamid.S']);
    expect(parsed.ignored.map((i) => i.reason)).toEqual(['missing_metadata']);
  });
});

describe('garbage never throws', () => {
  const garbage: [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['a string', '{"object":"whatsapp_business_account"}'],
    ['a number', 42],
    ['an array', [{ object: 'whatsapp_business_account', entry: [] }]],
    ['an empty object', {}],
    ['entry not an array', { object: 'whatsapp_business_account', entry: {} }],
    ['object of the wrong type', { object: 7, entry: [] }],
  ];

  it.each(garbage)('%s → empty result with a reason', (_label, input) => {
    const parsed = parseWhatsAppWebhook(input);
    expect(parsed.messages).toEqual([]);
    expect(parsed.statuses).toEqual([]);
    expect(parsed.ignored).toHaveLength(1);
    expect(parsed.ignored[0]?.reason).toBe('invalid_envelope');
  });

  it('an empty entry list is valid and yields nothing', () => {
    expect(parseWhatsAppWebhook({ object: 'whatsapp_business_account', entry: [] })).toEqual({
      messages: [],
      statuses: [],
      ignored: [],
    });
  });

  it('another object (e.g. a Page webhook) is ignored with a reason', () => {
    const parsed = parseWhatsAppWebhook({ object: 'page', entry: [{ id: '1', changes: [] }] });
    expect(parsed.ignored).toEqual([{ reason: 'unsupported_object', detail: 'page' }]);
  });

  it('a change for another field is ignored with a reason', () => {
    const parsed = parseWhatsAppWebhook(envelope({ event: 'VERIFIED_ACCOUNT' }, 'account_update'));
    expect(parsed.messages).toEqual([]);
    expect(parsed.ignored).toHaveLength(1);
    expect(parsed.ignored[0]?.reason).toBe('unsupported_field');
    expect(parsed.ignored[0]?.detail).toContain('account_update');
  });

  it('survives hostile shapes: getters that throw, deep nonsense, wrong types everywhere', () => {
    const hostile = {
      object: 'whatsapp_business_account',
      entry: [
        {
          changes: [
            {
              field: 'messages',
              get value(): unknown {
                throw new Error('boom');
              },
            },
          ],
        },
      ],
    };
    expect(() => parseWhatsAppWebhook(hostile)).not.toThrow();
    const wrongTypes = envelope({
      metadata: 5,
      contacts: 'x',
      messages: [{ id: 1, timestamp: {}, type: [] }],
    });
    expect(() => parseWhatsAppWebhook(wrongTypes)).not.toThrow();
    expect(parseWhatsAppWebhook(wrongTypes).messages).toEqual([]);
  });
});
