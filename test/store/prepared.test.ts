import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openLibsql } from '../../src/store/libsql.js';
import { migrateLibsql } from '../../src/store/migrate.js';
import { preparedPerDb } from '../../src/store/prepared.js';
import { customers } from '../../src/store/schema/index.js';

describe('a query prepared per database', () => {
  it('is built once for each database and runs there with its placeholder values', async () => {
    const opened = [openLibsql(':memory:'), openLibsql(':memory:')];
    try {
      let built = 0;
      const byWaId = preparedPerDb((db) => {
        built++;
        return db
          .select({ id: customers.id })
          .from(customers)
          .where(eq(customers.waId, sql.placeholder('waId')))
          .prepare();
      });
      for (const [i, { db }] of opened.entries()) {
        await migrateLibsql(db, { file: false });
        await db
          .insert(customers)
          .values({ id: `cus_${i}`, waId: '966500000001', createdAt: 0, updatedAt: 0 });
      }
      const [first, second] = opened.map(({ db }) => db);
      if (first === undefined || second === undefined) throw new Error('two databases');
      expect(await byWaId(first).all({ waId: '966500000001' })).toEqual([{ id: 'cus_0' }]);
      expect(await byWaId(first).all({ waId: '966500000002' })).toEqual([]);
      expect(await byWaId(second).all({ waId: '966500000001' })).toEqual([{ id: 'cus_1' }]);
      expect(byWaId(first)).toBe(byWaId(first));
      expect(built).toBe(2);
    } finally {
      for (const { close } of opened) close();
    }
  });
});
