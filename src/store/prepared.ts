import type { Db } from './db.js';

/**
 * A query drizzle builds once per database, then runs with `sql.placeholder` values. Building a
 * query's SQL walks every column and condition on every call — on a local file about eight times
 * what running a short query costs (README, "Performance and reliability") — so the queries a turn
 * runs every time are prepared once. Per database, because a prepared query is bound to its
 * connection (a D1 binding, a libSQL client).
 */
export function preparedPerDb<Query>(prepare: (db: Db) => Query): (db: Db) => Query {
  const prepared = new WeakMap<Db, Query>();
  return (db) => {
    let query = prepared.get(db);
    if (query === undefined) {
      query = prepare(db);
      prepared.set(db, query);
    }
    return query;
  };
}
