import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import type { Db } from './db.js';
import * as schema from './schema/index.js';

/** A libSQL file, `:memory:` or a libSQL server URL (Turso). */
export function openLibsql(url: string, authToken?: string): { db: Db; close: () => void } {
  const client = createClient(authToken === undefined ? { url } : { url, authToken });
  return { db: drizzle(client, { schema }), close: () => client.close() };
}
