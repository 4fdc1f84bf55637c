import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from './db.js';

/** Node only (the migrator reads the folder); Workers apply the same SQL with wrangler. */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export async function migrateLibsql(db: Db, options: { file?: boolean } = {}): Promise<void> {
  if (options.file) {
    // WAL lets the webhook write while the worker reads; the timeout rides out short locks.
    await db.run(sql`PRAGMA journal_mode = WAL`);
    await db.run(sql`PRAGMA busy_timeout = 5000`);
  }
  await migrate(db, { migrationsFolder });
}
