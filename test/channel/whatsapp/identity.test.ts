import { afterEach, describe, expect, it } from 'vitest';
import { customers, messages } from '../../../src/store/schema/index.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { metaJson, signedRequest } from '../../support/meta.js';

let harness: Harness;
afterEach(() => harness?.close());

/** One webhook from one contact, with one or more messages (in that order). */
function envelope(contact: Record<string, unknown>, ...sent: Record<string, unknown>[]) {
  return metaJson({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'w',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '1', phone_number_id: 'sandbox' },
              contacts: [{ profile: { name: 'Sara' }, ...contact }],
              messages: sent.map((message) => ({
                timestamp: String(Math.floor(Date.now() / 1000)),
                type: 'text',
                ...message,
              })),
            },
          },
        ],
      },
    ],
  });
}

describe('customer identity since 2026 (business-scoped user ids)', () => {
  it('keeps one customer and one conversation when a user id appears for a known phone', async () => {
    harness = await createHarness();
    const first = envelope(
      { wa_id: '966500000981' },
      { from: '966500000981', id: 'wamid.id.1', text: { body: 'hi' } },
    );
    const second = envelope(
      { wa_id: '966500000981', user_id: 'SA.1349875' },
      { from: '966500000981', from_user_id: 'SA.1349875', id: 'wamid.id.2', text: { body: 'hello again' } },
    );
    for (const body of [first, second]) {
      expect((await harness.app.fetch(await signedRequest(body, undefined))).status).toBe(200);
    }
    await harness.baton.settled();
    const rows = await harness.db.select().from(customers);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ waId: '966500000981', userId: 'SA.1349875' });
    expect((await harness.messages('966500000981')).filter((m) => m.direction === 'in')).toHaveLength(2);
  });

  it('keeps the newest phone of a customer known by user id, and leaves the others untouched', async () => {
    harness = await createHarness();
    const fromPhone = (phone: string, id: string) =>
      envelope(
        { wa_id: phone, user_id: 'SA.2024' },
        { from: phone, from_user_id: 'SA.2024', id, text: { body: 'hello' } },
      );
    const other = envelope(
      { wa_id: '966500000985', user_id: 'SA.3030' },
      { from: '966500000985', from_user_id: 'SA.3030', id: 'wamid.other', text: { body: 'hi' } },
    );
    for (const body of [
      fromPhone('966500000983', 'wamid.p.1'),
      other,
      fromPhone('966500000984', 'wamid.p.2'),
    ]) {
      expect((await harness.app.fetch(await signedRequest(body, undefined))).status).toBe(200);
    }
    await harness.baton.settled();
    const rows = await harness.db.select().from(customers).orderBy(customers.createdAt);
    expect(rows.map((row) => [row.userId, row.waId])).toEqual([
      ['SA.2024', '966500000984'],
      ['SA.3030', '966500000985'],
    ]);
  });

  it('stores one customer with every identity when one webhook brings a phone, then a user id', async () => {
    harness = await createHarness();
    const body = envelope(
      { wa_id: '966500000986' },
      { from: '966500000986', id: 'wamid.b.1', text: { body: 'hi' } },
      { from: '966500000986', from_user_id: 'SA.4040', id: 'wamid.b.2', text: { body: 'me again' } },
    );
    expect((await harness.app.fetch(await signedRequest(body, undefined))).status).toBe(200);
    await harness.baton.settled();
    const rows = await harness.db.select().from(customers);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ waId: '966500000986', userId: 'SA.4040' });
  });

  it('does not show an order to a customer without a known phone, says why and offers an agent', async () => {
    harness = await createHarness({
      orders: [{ id: 'A5001', phone: '966500000982', status: 'shipped', carrier: 'SMSA' }],
    });
    const body = envelope(
      { user_id: 'SA.777' },
      { from_user_id: 'SA.777', id: 'wamid.id.3', text: { body: 'where is my order A5001' } },
    );
    expect((await harness.app.fetch(await signedRequest(body, undefined))).status).toBe(200);
    await harness.baton.settled();
    const [customer] = await harness.db.select().from(customers);
    expect(customer).toMatchObject({ id: 'SA.777', waId: null });
    const replies = (await harness.db.select().from(messages))
      .filter((m) => m.direction === 'out')
      .map((m) => m.text ?? '');
    expect(replies.join(' ')).toMatch(/only show orders to the phone number/);
    expect(replies.join(' ')).toMatch(/agent/);
    expect(replies.join(' ')).not.toMatch(/shipped|SMSA/);
  });
});
