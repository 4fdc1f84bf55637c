import { getTableColumns, is, SQL, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './db.js';

/**
 * `INSERT … SELECT … FROM from WHERE where`: `row` is inserted only when `from` has a row matching
 * `where`, decided by the statement itself. In a batch it sees what the statements before it left,
 * so a note or a notification can share a batch with the guarded update it belongs to and still
 * be written only when that update applies.
 */
export function insertWhere<T extends SQLiteTable>(
  db: Db,
  table: T,
  row: T['$inferInsert'],
  from: SQLiteTable,
  where: SQL,
) {
  const values = row as Record<string, unknown>;
  // every column, in the table's order: drizzle checks an insert's selection against it
  const fields = Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([key, column]) => {
      const value = values[key] ?? column.default ?? column.defaultFn?.() ?? null;
      const expression = value === null ? sql`null` : is(value, SQL) ? value : sql.param(value, column);
      return [key, sql`${expression}`.as(key)];
    }),
  );
  // biome-ignore lint/suspicious/noExplicitAny: the selection is built per table at run time
  return db.insert(table).select((qb) => qb.select(fields).from(from).where(where) as any);
}
