import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config/config.js';
import { openToolDatabase } from './database.js';
import { environment } from './environment.js';
import { run } from './run.js';

const usage = `usage:
  npm run db:backup -- --out backups/baton-2026-12-06.db
Writes a consistent copy of the database DATABASE_URL names (a local file) into one new file, while
the server keeps running. Restore by stopping the server and pointing DATABASE_URL at the copy.`;

/**
 * A copy of a live SQLite database through `VACUUM INTO`: one file holding every commit so far.
 * Copying `baton.db` alone misses what is still in its `-wal` file; copying both while the server
 * writes may catch them half-way.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || values.out === undefined) {
    console.error(usage);
    return values.help ? 0 : 2;
  }
  const out = resolve(values.out);
  if (existsSync(out)) {
    console.error(`${out} exists: a backup is written to a new file only\n${usage}`);
    return 2;
  }
  const config = loadConfig(environment());
  if (!config.DATABASE_URL.startsWith('file:')) {
    console.error(
      'DATABASE_URL is no local file: a libSQL server or Turso keeps its own backups (Turso: point-in-time restore; D1: Time Travel)',
    );
    return 2;
  }
  const { db, close } = await openToolDatabase(config, { create: false });
  // SQLite names no folder in its error: "Failed query: VACUUM INTO ?"
  mkdirSync(dirname(out), { recursive: true });
  try {
    await db.run(sql`VACUUM INTO ${out}`);
  } finally {
    close();
  }
  console.log(`Backed up to ${out} (${(statSync(out).size / 1024).toFixed(0)} KiB).`);
  return 0;
}

run(main);
