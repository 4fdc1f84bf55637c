import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWhatsAppWebhook } from '../../../src/channel/whatsapp/parse.js';
import { signBody, verifySignature } from '../../../src/channel/whatsapp/signature.js';

const SECRET = 'e3b0c44298fc1c149afbf4c8996fb924';
const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text);

function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/whatsapp/${name}`, import.meta.url)));
}

describe('signBody', () => {
  it('produces sha256=<lowercase hex> matching a known HMAC-SHA256 vector', async () => {
    const header = await signBody('The quick brown fox jumps over the lazy dog', 'key');
    expect(header).toBe('sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
  });

  it('gives the same signature for a string and its UTF-8 bytes', async () => {
    const text = '{"a":"é"}';
    expect(await signBody(text, SECRET)).toBe(await signBody(bytes(text), SECRET));
  });

  it('refuses an empty secret', async () => {
    await expect(signBody('{}', '')).rejects.toThrow(/secret/);
  });
});

describe('verifySignature', () => {
  const body = bytes('{"object":"whatsapp_business_account","entry":[]}');

  it('accepts the signature of the exact body', async () => {
    expect(await verifySignature(body, await signBody(body, SECRET), SECRET)).toBe(true);
  });

  it('accepts an uppercase hex digest (hex is case-insensitive)', async () => {
    const header = await signBody(body, SECRET);
    expect(await verifySignature(body, `sha256=${header.slice(7).toUpperCase()}`, SECRET)).toBe(true);
  });

  it('rejects a tampered body', async () => {
    const header = await signBody(body, SECRET);
    const tampered = bytes('{"object":"whatsapp_business_account","entry":[{}]}');
    expect(await verifySignature(tampered, header, SECRET)).toBe(false);
  });

  it('rejects a body changed by a single byte', async () => {
    const header = await signBody(body, SECRET);
    const flipped = new Uint8Array(body);
    flipped[5] = (flipped[5] ?? 0) ^ 1;
    expect(await verifySignature(flipped, header, SECRET)).toBe(false);
  });

  it('rejects a signature made with another secret', async () => {
    expect(await verifySignature(body, await signBody(body, 'not-the-app-secret'), SECRET)).toBe(false);
  });

  it('rejects a missing header', async () => {
    expect(await verifySignature(body, undefined, SECRET)).toBe(false);
    expect(await verifySignature(body, null, SECRET)).toBe(false);
    expect(await verifySignature(body, '', SECRET)).toBe(false);
  });

  it('rejects a wrong prefix, including the legacy sha1 header', async () => {
    const hex = (await signBody(body, SECRET)).slice('sha256='.length);
    expect(await verifySignature(body, hex, SECRET)).toBe(false);
    expect(await verifySignature(body, `sha1=${hex}`, SECRET)).toBe(false);
    expect(await verifySignature(body, `sha512=${hex}`, SECRET)).toBe(false);
  });

  it('rejects a digest of the wrong length or with non-hex characters', async () => {
    const header = await signBody(body, SECRET);
    expect(await verifySignature(body, header.slice(0, -2), SECRET)).toBe(false);
    expect(await verifySignature(body, `${header}00`, SECRET)).toBe(false);
    expect(await verifySignature(body, 'sha256=', SECRET)).toBe(false);
    expect(await verifySignature(body, `${header.slice(0, -1)}g`, SECRET)).toBe(false);
  });

  it('fails closed without a secret', async () => {
    expect(await verifySignature(body, await signBody(body, SECRET), '')).toBe(false);
  });

  it('never throws, whatever the header holds', async () => {
    const odd = [42, {}, [], `sha256=${'z'.repeat(64)}`] as unknown as string[];
    for (const header of odd) {
      await expect(verifySignature(body, header, SECRET)).resolves.toBe(false);
    }
  });
});

describe('signature over raw bytes with non-ASCII content (Arabic, emoji, @)', () => {
  // The fixture is byte-for-byte what Meta sends: compact JSON with non-ASCII and @ escaped as \uXXXX.
  const raw = fixtureBytes('arabic-text.json');
  const rawText = new TextDecoder().decode(raw);

  it('the raw body really is escaped, so re-serialising it would change the bytes', () => {
    expect(rawText).toContain('\\u0645\\u0631\\u062d\\u0628\\u0627'); // مرحبا
    expect(rawText).toContain('\\ud83d\\ude21'); // 😡 as a surrogate pair
    expect(rawText).toContain('omar\\u0040example.com');
    const reserialised = JSON.stringify(JSON.parse(rawText));
    expect(reserialised).not.toBe(rawText);
    expect(reserialised).toContain('مرحبا');
  });

  it('verifies against the raw bytes, and would fail against re-serialised JSON', async () => {
    const header = await signBody(raw, SECRET);
    expect(await verifySignature(raw, header, SECRET)).toBe(true);
    const reserialised = bytes(JSON.stringify(JSON.parse(rawText)));
    expect(await verifySignature(reserialised, header, SECRET)).toBe(false);
  });

  it('the verified body parses to the Arabic text the customer wrote', () => {
    const { messages } = parseWhatsAppWebhook(JSON.parse(rawText));
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toBe('مرحبا، وين طلبي رقم 1042؟ 😡 بريدي omar@example.com');
    expect(messages[0]?.customer.name).toBe('عمر الحداد');
  });
});
