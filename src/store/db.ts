import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type * as schema from './schema/index.js';

/**
 * The async SQLite database every repository takes. libSQL's drizzle database and D1's share
 * this query-builder surface, including `batch`, which is atomic on both (D1 has no
 * interactive transactions).
 */
export type Db = LibSQLDatabase<typeof schema>;
