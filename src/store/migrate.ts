import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from './db.js';

/** Node only (the migrator reads the folder); Workers apply the same SQL with wrangler. */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export async function migrateLibsql(db: Db, options: { file?: boolean } = {}): Promise<void> {
  if (options.file) {
    // WAL lets another process (the agent:add CLI) read while the server writes; the timeout rides
    // out the short locks of such a process.
    await db.run(sql`PRAGMA journal_mode = WAL`);
    await db.run(sql`PRAGMA busy_timeout = 5000`);
    // WAL with synchronous=NORMAL: a commit is written to the WAL before it returns, so a
    // process crash (even SIGKILL) loses nothing committed; only an OS crash or power cut can
    // roll back the last commits, never corrupt the file. FULL would fsync every commit — about
    // 1.3 ms each on the benchmark machine, several per turn (README, "Performance and reliability").
    await db.run(sql`PRAGMA synchronous = NORMAL`);
  }
  await migrate(db, { migrationsFolder });
}
