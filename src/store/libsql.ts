import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import type { Db } from './db.js';
import { createLocalClient, type LocalClientOptions } from './libsql-local.js';
import * as schema from './schema/index.js';

/**
 * A libSQL file, `:memory:` or a libSQL server URL (Turso).
 *
 * A local database gets one connection that keeps its prepared statements (`libsql-local.ts`).
 * The driver runs every statement synchronously on this thread, so a pool adds no parallelism, and
 * connection settings (`PRAGMA synchronous`, `busy_timeout`) would hold only on the pooled
 * connection that happened to run them.
 */
export function openLibsql(
  url: string,
  authToken?: string,
  options: LocalClientOptions = {},
): { db: Db; close: () => void } {
  const client = isLocalUrl(url)
    ? createLocalClient(url, options)
    : createClient({ url, ...(authToken === undefined ? {} : { authToken }) });
  return { db: drizzle(client, { schema }), close: () => client.close() };
}

/** A database in this process (a file or `:memory:`), not a libSQL server. */
export function isLocalUrl(url: string): boolean {
  return url.startsWith('file:') || url === ':memory:';
}
