import type { D1Database } from '@cloudflare/workers-types/latest';
import { is } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { SQLiteRaw } from 'drizzle-orm/sqlite-core/query-builders/raw';
import type { Db } from '../store/db.js';
import * as schema from '../store/schema/index.js';

/** What drizzle does with each query of a batch: prepare it, build its SQL, map the driver's result. */
interface Batchable {
  _prepare(): {
    getQuery(): { sql: string; params: unknown[] };
    mapResult(result: unknown, isFromBatch?: boolean): unknown;
  };
}

/**
 * Our drizzle schema over a D1 binding. The cast is safe for what the repositories use: D1's
 * drizzle database and libSQL's extend the same async SQLite base (select, insert, update,
 * delete, `returning`, relational queries, raw `run`/`all` and `batch`, which is atomic on both).
 * They differ in `run()`'s raw result, which Baton never reads, and D1 rejects `transaction()`,
 * which Baton never calls.
 */
export function openD1(binding: D1Database): Db {
  const db = drizzle(binding, { schema });
  const batch = db.batch.bind(db);
  // drizzle-orm#2277 (open in 0.45): D1's batch binds each query's cached statement, which a raw
  // `db.run(sql)` / `db.all(sql)` does not have ("reading 'bind'"), though libSQL's batch takes
  // them. A batch with one is bound here from the same built SQL and mapped by the same code.
  const batchWithRawSql: typeof db.batch = async (queries) => {
    if (!queries.some((query) => is(query, SQLiteRaw))) return batch(queries);
    const prepared = queries.map((query) => (query as unknown as Batchable)._prepare());
    const statements = prepared.map((query) => {
      const { sql, params } = query.getQuery();
      return binding.prepare(sql).bind(...params);
    });
    const results = await binding.batch(statements);
    return results.map((result, i) => prepared[i]?.mapResult(result, true)) as Awaited<
      ReturnType<typeof batch>
    >;
  };
  return Object.assign(db, { batch: batchWithRawSql }) as unknown as Db;
}
