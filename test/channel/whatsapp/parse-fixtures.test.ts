import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/channel/inbound.js';
import { parseWhatsAppWebhook } from '../../../src/channel/whatsapp/parse.js';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../fixtures/whatsapp/${name}`, import.meta.url), 'utf8'));
}

/** Parses a fixture that holds exactly one message and nothing to ignore. */
function single(name: string): InboundMessage {
  const parsed = parseWhatsAppWebhook(fixture(name));
  expect(parsed.ignored).toEqual([]);
  expect(parsed.statuses).toEqual([]);
  expect(parsed.messages).toHaveLength(1);
  return parsed.messages[0] as InboundMessage;
}

/** The message without `raw`, for whole-object comparisons. */
function fields(message: InboundMessage): Omit<InboundMessage, 'raw'> {
  const { raw: _raw, ...rest } = message;
  return rest;
}

const PHONE_NUMBER_ID = '106540352242922';
const SHEENA = {
  key: 'US.13491208655302741918',
  waId: '16505551234',
  userId: 'US.13491208655302741918',
  name: 'Sheena Nelson',
};
const OMAR = {
  key: 'SA.8817240012398871',
  waId: '966501234567',
  userId: 'SA.8817240012398871',
  name: 'Omar Haddad',
};
const DANA = {
  key: 'GB.60331872046612057',
  waId: '447700900123',
  userId: 'GB.60331872046612057',
  name: 'Dana Whitfield',
};
const base = { channel: 'whatsapp', phoneNumberId: PHONE_NUMBER_ID } as const;

describe('parseWhatsAppWebhook: one fixture per message type', () => {
  it('text: body, customer keyed on the user id, timestamp in ms, raw kept as received', () => {
    const input = fixture('text.json') as { entry: { changes: { value: { messages: unknown[] } }[] }[] };
    const message = parseWhatsAppWebhook(input).messages[0] as InboundMessage;
    expect(fields(message)).toEqual({
      ...base,
      externalId: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUFCMDFCN0Y1RDNFOTc2QTY1RgA=',
      customer: SHEENA,
      timestamp: 1_777_209_600_000,
      type: 'text',
      text: 'Hi, where is my order #1042?',
    });
    expect(message.raw).toBe(input.entry[0]?.changes[0]?.value.messages[0]);
  });

  it('text from a click-to-WhatsApp ad keeps the text and the ad, for the packet', () => {
    const message = single('text-referral.json');
    expect(message).toMatchObject({ type: 'text', text: 'Is the free delivery still on?', customer: DANA });
    expect(message.referral).toEqual({
      headline: 'Chat with us on WhatsApp',
      body: 'Free delivery on your first order',
      sourceType: 'ad',
      sourceUrl: 'https://fb.me/3cr4Wqqkv',
    });
  });

  it('interactive button_reply: title as text, id as buttonId, context id', () => {
    expect(fields(single('interactive-button-reply.json'))).toEqual({
      ...base,
      externalId: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUM3RTU4QjAyRTg0MkQ5OTFFMgA=',
      customer: SHEENA,
      timestamp: 1_777_209_660_000,
      type: 'interactive',
      text: 'Talk to a person',
      buttonId: 'menu_agent',
      contextId: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI1QjdGQTI0RDkxQjQ2NDFDQTkA',
    });
  });

  it('interactive list_reply: row title and row id', () => {
    expect(single('interactive-list-reply.json')).toMatchObject({
      type: 'interactive',
      text: 'Returns',
      buttonId: 'faq_returns',
      contextId: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJGMTg4NzFDRDVCQjA0QTNDNjQA',
    });
  });

  it('interactive nfm_reply (Flows): body as text, no buttonId, response in raw', () => {
    const message = single('interactive-nfm-reply.json');
    expect(message).toMatchObject({ type: 'interactive', text: 'Sent' });
    expect(message.buttonId).toBeUndefined();
    expect(message.raw).toHaveProperty('interactive.nfm_reply.response_json');
  });

  it('template quick-reply button: text and payload', () => {
    expect(single('template-button.json')).toMatchObject({
      type: 'button',
      text: 'Very satisfied',
      buttonId: 'csat_5',
      contextId: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJBRTI3NjVCQjlEMTc0QjA0QzMA',
    });
  });

  it('image from a phone-only (pre-2026) customer: keyed on wa_id, caption as text', () => {
    expect(fields(single('image.json'))).toEqual({
      ...base,
      externalId: 'wamid.HBgMOTY2NTAxMjM0NTY3FQIAEhgUM0E3QjE2RjRFRjJCRDdDQjE0NTUA',
      customer: { key: '966501234567', waId: '966501234567', name: 'Omar Haddad' },
      timestamp: 1_777_210_000_000,
      type: 'image',
      text: 'The box arrived crushed',
      media: {
        id: '1003383421387256',
        mimeType: 'image/jpeg',
        sha256: 'YWYzZDI1NGQ5NzM4YjA3ZmE1ZmNkOGQ0YTk0NjJhMzZhMWQ0OTZhNWY2NWIyNDE0',
        caption: 'The box arrived crushed',
      },
    });
  });

  it('audio voice note: voice flag, no text', () => {
    const message = single('audio-voice.json');
    expect(message).toMatchObject({ type: 'audio', customer: OMAR });
    expect(message.media).toEqual({
      id: '1975620116603418',
      mimeType: 'audio/ogg; codecs=opus',
      sha256: 'ZWQ3NTFmZDk3ZjgzMzFkZWJjMDRkN2M4NTQzY2QyNjQ4YzU2ZmI1ZDBjNzY0NGQ3',
      voice: true,
    });
    expect(message.text).toBeUndefined();
  });

  it('video with caption', () => {
    expect(single('video.json')).toMatchObject({
      type: 'video',
      text: 'It makes this noise when I turn it on',
      media: {
        id: '2211458925981223',
        mimeType: 'video/mp4',
        caption: 'It makes this noise when I turn it on',
      },
    });
  });

  it('document: filename and caption', () => {
    expect(single('document.json').media).toEqual({
      id: '1546021796252387',
      mimeType: 'application/pdf',
      sha256: 'Yjc4NmU3ZWQ2ZmFlNGJlZjJmZjQ1MzFmZTcyOTgyZjcxZmQ2ODg0YjI2YzQ2NzQ5',
      caption: 'Invoice for the double charge',
      filename: 'invoice-INV-2026-0415.pdf',
    });
  });

  it('animated sticker: media id, animated flag left in raw', () => {
    const message = single('sticker.json');
    expect(message).toMatchObject({
      type: 'sticker',
      media: { id: '1218459146185431', mimeType: 'image/webp' },
    });
    expect(message.raw).toHaveProperty('sticker.animated', true);
  });

  it('location: coordinates, name and address, readable text', () => {
    const message = single('location.json');
    expect(message.location).toEqual({
      latitude: 24.7136,
      longitude: 46.6753,
      name: 'Kingdom Centre',
      address: 'King Fahd Rd, Al Olaya, Riyadh 12214',
    });
    expect(message.text).toBe('Kingdom Centre, King Fahd Rd, Al Olaya, Riyadh 12214');
  });

  it('shared contacts: the contact name as text; the sender stays the customer', () => {
    const message = single('contacts.json');
    expect(message).toMatchObject({ type: 'contacts', text: 'Layla Haddad', customer: OMAR });
  });

  it('reactions: emoji, and a removed reaction without emoji', () => {
    const parsed = parseWhatsAppWebhook(fixture('reaction.json'));
    expect(parsed.ignored).toEqual([]);
    expect(parsed.messages.map((m) => [m.type, m.reaction, m.text])).toEqual([
      [
        'reaction',
        { messageId: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI1QjdGQTI0RDkxQjQ2NDFDQTkA', emoji: '👍' },
        undefined,
      ],
      ['reaction', { messageId: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI1QjdGQTI0RDkxQjQ2NDFDQTkA' }, undefined],
    ]);
  });

  it('order: quantities and prices sent as strings are read as numbers', () => {
    const text = JSON.stringify(fixture('order.json'))
      .replace('"quantity":2', '"quantity":"2"')
      .replace('"item_price":35.5', '"item_price":"35.5"');
    const [message] = parseWhatsAppWebhook(JSON.parse(text)).messages;
    expect(message?.text).toContain('2 × SKU-MUG-04 at 35.5 SAR (total 220 SAR)');
  });

  it('order: a total only when every item has a price in one currency', () => {
    const order = (items: object[]) => {
      const body = fixture('order.json') as {
        entry: { changes: { value: { messages: { order: object }[] } }[] }[];
      };
      const message = body.entry[0]?.changes[0]?.value.messages[0];
      if (message) message.order = { catalog_id: 'c', product_items: items };
      return parseWhatsAppWebhook(body).messages[0]?.text;
    };
    expect(order([{ product_retailer_id: 'A', quantity: 3, item_price: 0.1, currency: 'SAR' }])).toBe(
      'Catalogue order: 3 × A at 0.1 SAR (total 0.30 SAR)',
    );
    expect(
      order([
        { product_retailer_id: 'A', quantity: 1, item_price: 10, currency: 'SAR' },
        { product_retailer_id: 'B', quantity: 1, item_price: 10, currency: 'AED' },
      ]),
    ).not.toContain('total');
    expect(
      order([
        { product_retailer_id: 'A', quantity: 1, item_price: 10, currency: 'SAR' },
        { product_retailer_id: 'B', quantity: 1 },
      ]),
    ).not.toContain('total');
    for (const odd of [
      { quantity: 2, item_price: -35 },
      { quantity: 0.5, item_price: 10 },
      { quantity: 0, item_price: 10 },
      { quantity: 1e6, item_price: 1e15 },
    ]) {
      expect(order([{ product_retailer_id: 'A', currency: 'SAR', ...odd }])).not.toContain('total');
    }
  });

  it('order: the note and the cart as text, keyed on parent_user_id when present', () => {
    const message = single('order.json');
    expect(message).toMatchObject({
      type: 'order',
      text: 'Please deliver after 5pm\nCatalogue order: 1 × SKU-KETTLE-01 at 149 SAR, 2 × SKU-MUG-04 at 35.5 SAR (total 220 SAR)',
    });
    expect(message.customer).toEqual({
      ...SHEENA,
      key: 'US.ENT.11815799212886844830',
      parentUserId: 'US.ENT.11815799212886844830',
    });
    expect(message.raw).toHaveProperty('order.product_items.length', 2);
  });

  it('system (number change, no contacts array): customer from the message itself', () => {
    expect(fields(single('system.json'))).toEqual({
      ...base,
      externalId: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUI1MzlBNzM3NjVFRDk4OEY0RAA=',
      customer: { key: '16505551234', waId: '16505551234' },
      timestamp: 1_777_210_600_000,
      type: 'system',
      text: 'User Sheena Nelson changed from 16505551234 to 16505559876',
      changedNumberTo: '16505559876',
    });
  });

  it('request_welcome: a message with no content', () => {
    expect(fields(single('request-welcome.json'))).toEqual({
      ...base,
      externalId: 'wamid.HBgMNDQ3NzAwOTAwMTIzFQIAEhgUM0E4RjI1QjY0QTk5MUQ3RTVDMDEA',
      customer: DANA,
      timestamp: 1_777_210_660_000,
      type: 'request_welcome',
    });
  });

  it('unsupported: kept as a message (the bot must still answer), errors in raw', () => {
    const message = single('unsupported.json');
    expect(message).toMatchObject({ type: 'unsupported', customer: DANA });
    expect(message.text).toBeUndefined();
    expect(message.raw).toHaveProperty(['errors', 0, 'code'], 131051);
  });

  it('2026 username customer: user id only, no phone', () => {
    expect(fields(single('username-customer.json'))).toEqual({
      ...base,
      externalId: 'wamid.HBgTQUUuNzczMDEyOTg0NTUxOTAyMxUCABIYFDNBNEUyQjlDMDdGMTU1RDhBMzA2AA==',
      customer: { key: 'AE.7730129845519023', userId: 'AE.7730129845519023', name: 'Mira K' },
      timestamp: 1_777_211_200_000,
      type: 'text',
      text: 'Can you check order 2231 for me?',
    });
  });
});

describe('parseWhatsAppWebhook: statuses and errors', () => {
  it('parses sent, delivered, read and failed with its 131047 error', () => {
    const parsed = parseWhatsAppWebhook(fixture('statuses.json'));
    expect(parsed.messages).toEqual([]);
    expect(parsed.ignored).toEqual([]);
    expect(parsed.statuses.map((s) => [s.status, s.timestamp])).toEqual([
      ['sent', 1_777_211_000_000],
      ['delivered', 1_777_211_002_000],
      ['read', 1_777_211_030_000],
      ['failed', 1_777_211_060_000],
    ]);
    expect(parsed.statuses[0]).toEqual({
      channel: 'whatsapp',
      externalId: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI1QjdGQTI0RDkxQjQ2NDFDQTkA',
      status: 'sent',
      timestamp: 1_777_211_000_000,
      recipient: { waId: '16505551234', userId: 'US.13491208655302741918' },
      errors: [],
    });
    expect(parsed.statuses[3]?.errors).toEqual([
      {
        code: 131047,
        title: 'Re-engagement message',
        message: 'Re-engagement message',
        details:
          'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
      },
    ]);
  });

  it('reports value.errors as ignored items with their codes, and yields nothing else', () => {
    const parsed = parseWhatsAppWebhook(fixture('value-errors.json'));
    expect(parsed.messages).toEqual([]);
    expect(parsed.statuses).toEqual([]);
    expect(parsed.ignored.map((i) => i.reason)).toEqual(['webhook_error', 'webhook_error']);
    expect(parsed.ignored[0]?.detail).toContain('code 131000');
    expect(parsed.ignored[1]?.detail).toContain('code 131053');
    expect(parsed.ignored[1]?.detail).toContain('Downloading media from the provided URL failed.');
  });
});
