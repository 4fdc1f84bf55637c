import { createHmac } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWhatsAppWebhook } from '../../src/channel/whatsapp/parse.js';
import {
  contactSchema,
  messageBaseSchema,
  messageContentSchemas,
  metadataSchema,
  statusSchema,
} from '../../src/channel/whatsapp/payload.js';
import { messages } from '../../src/store/schema/index.js';
import { createHarness, type Harness } from '../support/harness.js';
import { metaJson } from '../support/meta.js';
import { deliveryBody, groupBy, pool, postWebhook, rng } from './support.js';
import { arbitraryOf, hostileString } from './zod-arbitrary.js';

const SECRET = 'reliability-hostile-secret';
const LIMIT = 64 * 1024;

let harness: Harness | undefined;
afterEach(() => {
  harness?.close();
  harness = undefined;
});

const contentTypes = Object.keys(messageContentSchemas) as (keyof typeof messageContentSchemas)[];

/** A message: the base fields and a content object, each from its zod schema. */
const message = fc
  .tuple(
    arbitraryOf(messageBaseSchema),
    fc.oneof(fc.constantFrom(...contentTypes, 'request_welcome', 'unsupported'), hostileString),
  )
  .chain(([base, type]) => {
    const schema = messageContentSchemas[type as keyof typeof messageContentSchemas];
    return (schema ? arbitraryOf(schema) : fc.anything({ maxDepth: 1 })).map((content) => ({
      ...(base as object),
      type,
      [type]: content,
    }));
  });

const value = fc.record(
  {
    messaging_product: fc.constantFrom('whatsapp', 'sms'),
    metadata: fc.oneof(arbitraryOf(metadataSchema), fc.anything({ maxDepth: 1 })),
    contacts: fc.array(arbitraryOf(contactSchema), { maxLength: 3 }),
    messages: fc.array(message, { maxLength: 3 }),
    statuses: fc.array(arbitraryOf(statusSchema), { maxLength: 3 }),
    errors: fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 1 }),
  },
  { requiredKeys: [] },
);

/** Whole webhook bodies, mostly shaped like Meta's, generated from the zod schemas. */
const envelope = fc.record({
  object: fc.oneof(
    fc.constant('whatsapp_business_account'),
    fc.constant('whatsapp_business_account'),
    hostileString,
  ),
  entry: fc.array(
    fc.record({
      id: hostileString,
      changes: fc.array(fc.record({ field: fc.oneof(fc.constant('messages'), hostileString), value }), {
        maxLength: 2,
      }),
    }),
    { maxLength: 2 },
  ),
});

/** Valid JSON of the wrong shape. */
const wrongTypes = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(
    null,
    [],
    0,
    'whatsapp_business_account',
    { object: 'whatsapp_business_account', entry: 'x' },
    { object: 'whatsapp_business_account', entry: [{ changes: {} }] },
    { object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: [] }] }] },
    {
      object: 'whatsapp_business_account',
      entry: [
        { changes: [{ field: 'messages', value: { metadata: { phone_number_id: 1 }, messages: {} } }] },
      ],
    },
    {
      object: 'whatsapp_business_account',
      entry: [{ changes: [{ field: 'messages', value: { messages: [{ id: ['x'], timestamp: {} }] } }] }],
    },
  ),
);

type Kind = 'schema' | 'truncated' | 'wrong-type' | 'unicode' | 'bad-signature' | 'oversize' | 'binary';

interface Hostile {
  kind: Kind;
  body: Uint8Array | string;
  signature?: string;
}

const encoder = new TextEncoder();

function hostileBodies(total: number, seed: number): Hostile[] {
  const random = rng(seed);
  const sample = <T>(arbitrary: fc.Arbitrary<T>, n: number) => fc.sample(arbitrary, { numRuns: n, seed });
  const out: Hostile[] = [];
  const signed = (kind: Kind, body: string | Uint8Array): Hostile => ({
    kind,
    body,
    signature: signatureOf(body, SECRET),
  });
  for (const body of sample(envelope, Math.round(total * 0.6))) out.push(signed('schema', metaJson(body)));
  for (const body of sample(envelope, Math.round(total * 0.15))) {
    const text = metaJson(body);
    out.push(signed('truncated', text.slice(0, Math.max(1, Math.floor(random() * (text.length - 1))))));
  }
  for (const body of sample(wrongTypes, Math.round(total * 0.1)))
    out.push(signed('wrong-type', JSON.stringify(body) ?? 'null'));
  for (const text of sample(hostileString, Math.round(total * 0.05))) {
    const n = out.length;
    out.push(
      signed(
        'unicode',
        // Not escaped as Meta would: raw UTF-8 in the body must work too.
        deliveryBody({
          waId: `96657${String(n).padStart(7, '0')}`,
          wamid: `wamid.hostile.${n}`,
          text,
          timestamp: 1_777_212_000,
        }).replace(/\\u([0-9a-f]{4})/g, (escaped, hex: string) =>
          Number.parseInt(hex, 16) >= 0x80 && random() < 0.5
            ? String.fromCharCode(Number.parseInt(hex, 16))
            : escaped,
        ),
      ),
    );
  }
  const valid = deliveryBody({
    waId: '966570000000',
    wamid: 'wamid.hostile.valid',
    text: 'hello',
    timestamp: 1_777_212_000,
  });
  for (let i = 0; i < Math.round(total * 0.05); i++) {
    const headers = [
      undefined,
      '',
      'sha256=',
      'sha1=abc',
      `sha256=${'0'.repeat(64)}`,
      signatureOf(valid, 'wrong-secret'),
      'sha256=zz',
    ];
    out.push({
      kind: 'bad-signature',
      body: valid,
      ...(headers[i % headers.length] === undefined ? {} : { signature: headers[i % headers.length] }),
    });
  }
  for (let i = 0; i < Math.round(total * 0.03); i++) {
    const size = LIMIT + 1 + Math.floor(random() * (i % 10 === 0 ? 2 * 1024 * 1024 : 64 * 1024));
    const body = `{"object":"whatsapp_business_account","entry":[],"pad":"${'a'.repeat(size)}"}`;
    // Oversize wins over everything, even a valid signature.
    out.push({ kind: 'oversize', body, ...(i % 2 === 0 ? { signature: signatureOf(body, SECRET) } : {}) });
  }
  while (out.length < total) {
    const bytes = new Uint8Array(1 + Math.floor(random() * 300));
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
    out.push(signed('binary', bytes));
  }
  // Shuffle, so the kinds interleave.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as Hostile, out[i] as Hostile];
  }
  return out;
}

/**
 * An id as the database gives it back: a lone surrogate becomes U+FFFD (it is not UTF-8), and
 * SQLite text ends at a NUL for the driver.
 */
function asStored(id: string): string {
  return (
    id
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      .split('\u0000')[0] ?? ''
  );
}

function signatureOf(body: string | Uint8Array, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

const expected: Record<Kind, readonly number[]> = {
  schema: [200],
  truncated: [400],
  'wrong-type': [200],
  unicode: [200],
  'bad-signature': [401],
  oversize: [413],
  binary: [400, 200],
};

describe('hostile input: 10,000 fuzzed webhook bodies', () => {
  it('never answers 5xx, never crashes, stores all or nothing of each body; 401 for bad signatures, 413 oversize', async () => {
    harness = await createHarness({
      env: {
        WHATSAPP_APP_SECRET: SECRET,
        WEBHOOK_BODY_LIMIT_BYTES: String(LIMIT),
        // Storage is what is under test here; hostile texts through the agent are the next test.
        CONVERSATION_SETTLE_MS: '600000',
      },
    });
    const { app, db } = harness;
    const bodies = hostileBodies(10_000, 1_125);
    expect(bodies).toHaveLength(10_000);
    const wrong: string[] = [];
    const storedWamids = new Set<string>();
    await pool(bodies, 16, async (item) => {
      const raw = typeof item.body === 'string' ? encoder.encode(item.body) : item.body;
      const body = typeof item.body === 'string' ? item.body : Buffer.from(raw).toString('latin1');
      const response = await app.request('/webhooks/whatsapp', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(item.signature === undefined ? {} : { 'x-hub-signature-256': item.signature }),
        },
        body: typeof item.body === 'string' ? item.body : Buffer.from(item.body),
      });
      // A generated body can exceed the limit too; then 413 is the right answer whatever it holds.
      const allowed = raw.byteLength > LIMIT ? [413] : expected[item.kind];
      if (!allowed.includes(response.status)) {
        wrong.push(`${item.kind} → ${response.status}: ${body.slice(0, 120)}`);
      }
      if (response.status === 200) {
        // What the webhook accepted must be stored, exactly: every message it could parse.
        const parsed = parseWhatsAppWebhook(JSON.parse(new TextDecoder().decode(raw)));
        for (const m of parsed.messages) storedWamids.add(asStored(m.externalId));
      }
    });
    expect(wrong.slice(0, 10)).toEqual([]);
    expect((await app.request('/health')).status).toBe(200);

    // All or nothing: the stored inbound messages are exactly the parseable ones of accepted bodies,
    // and every row has its conversation and customer.
    const inbound = await db
      .select({ externalId: messages.externalId })
      .from(messages)
      .where(eq(messages.direction, 'in'));
    expect(new Set(inbound.map((m) => m.externalId))).toEqual(storedWamids);
    expect(storedWamids.size).toBeGreaterThan(500);
    const [orphans] = await db.all<{ messages: number; conversations: number }>(sql`
      SELECT (SELECT count(*) FROM messages m LEFT JOIN conversations c ON c.id = m.conversation_id WHERE c.id IS NULL) AS messages,
             (SELECT count(*) FROM conversations c LEFT JOIN customers u ON u.id = c.customer_id WHERE u.id IS NULL) AS conversations`);
    expect(orphans).toEqual({ messages: 0, conversations: 0 });
  });

  it('hostile texts go through the agent without a failed turn', async () => {
    harness = await createHarness({ env: { WHATSAPP_APP_SECRET: SECRET, CONVERSATION_SETTLE_MS: '5' } });
    const { app, db, baton } = harness;
    const texts = fc.sample(hostileString, { numRuns: 300, seed: 9 });
    await pool(texts, 16, async (text, i) => {
      const body = deliveryBody({
        waId: `96658${String(i % 40).padStart(7, '0')}`,
        wamid: `wamid.text.${i}`,
        text,
        timestamp: 1_777_212_000 + i,
      });
      const response = await postWebhook(app, body, SECRET);
      expect(response.status).toBe(200);
    });
    await baton.settled();
    await baton.settled();
    const notDone = await db
      .select({ id: messages.id, status: messages.status, error: messages.error })
      .from(messages)
      .where(and(eq(messages.direction, 'in'), sql`${messages.status} != 'done'`));
    expect(notDone).toEqual([]);
    const unanswered = await db
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.direction, 'in'), isNull(messages.turn), isNull(messages.error)));
    expect(unanswered).toEqual([]);
  });

  it('a per-customer rate limit keeps one flooding sender from starving the others', async () => {
    harness = await createHarness({
      env: { WHATSAPP_APP_SECRET: SECRET, CONVERSATION_SETTLE_MS: '5', CUSTOMER_RATE_LIMIT_PER_MINUTE: '20' },
    });
    const { app, db, baton } = harness;
    const start = Math.floor(Date.now() / 1000) - 120;
    const flood = Array.from({ length: 150 }, (_, i) => ({
      waId: '966590000000',
      wamid: `wamid.flood.${i}`,
      text: `spam ${i}`,
      timestamp: start + Math.floor(i / 5),
    }));
    const others = Array.from({ length: 30 }, (_, i) => ({
      waId: `96659${String(i + 1).padStart(7, '0')}`,
      wamid: `wamid.other.${i}`,
      text: 'do you deliver to Jeddah?',
      timestamp: start + 10,
    }));
    const all = [...flood];
    for (const [i, other] of others.entries()) all.splice(i * 5 + 3, 0, other);
    await pool(all, 8, async (delivery) => {
      const body = deliveryBody(delivery);
      const response = await postWebhook(app, body, SECRET);
      expect(response.status).toBe(200);
    });
    await baton.settled();
    await baton.settled();
    const inbound = await db
      .select({ text: messages.text, turn: messages.turn, error: messages.error, status: messages.status })
      .from(messages)
      .where(eq(messages.direction, 'in'));
    const byText = groupBy(inbound, (m) => (m.text?.startsWith('spam') ? 'flood' : 'other'));
    // Everyone else was handled.
    expect(byText.get('other')?.filter((m) => m.turn === null)).toEqual([]);
    expect(byText.get('other')).toHaveLength(30);
    // The flood was stored whole, handled up to the limit per minute, and the rest closed unanswered.
    const floodRows = byText.get('flood') ?? [];
    expect(floodRows).toHaveLength(150);
    expect(floodRows.every((m) => m.status === 'done')).toBe(true);
    const handled = floodRows.filter((m) => m.turn !== null).length;
    // The 150 were sent within 30 seconds: the first 20 are answered, no more.
    expect(handled).toBe(20);
    expect(floodRows.filter((m) => m.turn === null).every((m) => m.error === 'rate_limited')).toBe(true);
    for (const other of others) {
      const replies = (await harness.messages(other.waId)).filter((m) => m.direction === 'out');
      expect(replies.length).toBeGreaterThan(0);
    }
  });
});
