import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadConfig } from '../config/config.js';
import { openLibsql } from '../store/libsql.js';
import { migrateLibsql } from '../store/migrate.js';

/** The database `DATABASE_URL` names, as the server opens it (created and migrated if new). */
export async function openConfiguredDatabase() {
  const config = loadConfig(process.env);
  const file = config.DATABASE_URL.startsWith('file:') ? config.DATABASE_URL.slice(5) : undefined;
  if (file !== undefined && file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const opened = openLibsql(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  await migrateLibsql(opened.db, { file: file !== undefined });
  return opened;
}
