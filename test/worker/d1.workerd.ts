import { env } from 'cloudflare:test';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { lastMessagesOf } from '../../src/store/repos/messages.js';
import { conversations, customers, messages, orders } from '../../src/store/schema/index.js';
import { openD1 } from '../../src/worker/d1.js';

const db = openD1(env.DB);

describe('the D1 database behind the Db type', () => {
  it('runs a batch that mixes raw SQL with parameters and query builders (drizzle-orm#2277)', async () => {
    const [, raw, built] = await db.batch([
      db.run(sql`INSERT INTO orders (id, phone, status) VALUES (${'B2001'}, ${'966500000009'}, ${'packed'})`),
      db.all<{ id: string }>(sql`SELECT id FROM orders WHERE phone = ${'966500000009'}`),
      db.select({ status: orders.status }).from(orders).where(eq(orders.id, 'B2001')),
    ]);
    expect(raw).toEqual([{ id: 'B2001' }]);
    expect(built).toEqual([{ status: 'packed' }]);
  });

  it('keeps a batch atomic: a failing statement undoes the ones before it', async () => {
    await expect(
      db.batch([
        db.run(
          sql`INSERT INTO orders (id, phone, status) VALUES (${'B2002'}, ${'966500000009'}, ${'packed'})`,
        ),
        db.run(
          sql`INSERT INTO orders (id, phone, status) VALUES (${'B2002'}, ${'966500000009'}, ${'again'})`,
        ),
      ]),
    ).rejects.toThrow();
    expect(await db.select().from(orders).where(eq(orders.id, 'B2002'))).toEqual([]);
  });

  it('leaves batches of query builders to drizzle', async () => {
    const [inserted, selected] = await db.batch([
      db
        .insert(orders)
        .values({ id: 'B2003', phone: '966500000009', status: 'shipped' })
        .returning({ id: orders.id }),
      db.select({ id: orders.id }).from(orders).where(eq(orders.id, 'B2003')),
    ]);
    expect(inserted).toEqual([{ id: 'B2003' }]);
    expect(selected).toEqual([{ id: 'B2003' }]);
  });

  it('reads the last messages of several conversations in one query (a window function)', async () => {
    await db.insert(customers).values([
      { id: 'c-win-1', waId: '966500000071', createdAt: 1, updatedAt: 1 },
      { id: 'c-win-2', waId: '966500000072', createdAt: 1, updatedAt: 1 },
    ]);
    await db.insert(conversations).values([
      {
        id: 'cv-win-1',
        customerId: 'c-win-1',
        channel: 'whatsapp',
        lastMessageAt: 1,
        createdAt: 1,
        updatedAt: 1,
      },
      {
        id: 'cv-win-2',
        customerId: 'c-win-2',
        channel: 'whatsapp',
        lastMessageAt: 1,
        createdAt: 1,
        updatedAt: 1,
      },
    ]);
    const row = (conversationId: string, n: number) => ({
      id: `m-${conversationId}-${n}`,
      conversationId,
      direction: 'in' as const,
      author: 'customer' as const,
      type: 'text',
      text: `${conversationId} ${n}`,
      status: 'done' as const,
      sentAt: n,
      createdAt: n,
      updatedAt: n,
    });
    await db.insert(messages).values([1, 2, 3, 4].map((n) => row('cv-win-1', n)));
    await db.insert(messages).values([row('cv-win-2', 1)]);
    const recent = await lastMessagesOf(db, ['cv-win-1', 'cv-win-2', 'cv-none'], 3);
    expect(recent.get('cv-win-1')?.map((m) => m.text)).toEqual(['cv-win-1 2', 'cv-win-1 3', 'cv-win-1 4']);
    expect(recent.get('cv-win-2')?.map((m) => m.text)).toEqual(['cv-win-2 1']);
    expect(recent.has('cv-none')).toBe(false);
  });
});
