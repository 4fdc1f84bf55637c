import { env } from 'cloudflare:test';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orders } from '../../src/store/schema/index.js';
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
});
