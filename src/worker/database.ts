import type { D1Database } from '@cloudflare/workers-types/latest';
import { createClient } from '@libsql/client/web';
import { drizzle } from 'drizzle-orm/libsql/web';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config.js';
import type { Db } from '../store/db.js';
import * as schema from '../store/schema/index.js';
import { openD1 } from './d1.js';

/**
 * The Worker's database: D1 when the `DB` binding exists (wrangler.toml), otherwise Turso or
 * another libSQL server over HTTP at `DATABASE_URL` (`libsql://` or `https://`), with
 * `DATABASE_AUTH_TOKEN`. The libSQL web client speaks HTTP only: no file, no native driver.
 */
export function openWorkerDatabase(binding: D1Database | undefined, config: Config): Db {
  if (binding !== undefined) return openD1(binding);
  if (!/^(libsql|https?):\/\//.test(config.DATABASE_URL)) {
    throw new ConfigError([
      'DB: bind a D1 database (wrangler.toml), or set DATABASE_URL to a libsql:// or https:// URL (Turso)',
    ]);
  }
  const client = createClient({
    url: config.DATABASE_URL,
    ...(config.DATABASE_AUTH_TOKEN === undefined ? {} : { authToken: config.DATABASE_AUTH_TOKEN }),
  });
  return drizzle(client, { schema });
}
