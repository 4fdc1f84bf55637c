import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibsql } from '../../src/store/libsql.js';
import { migrateLibsql } from '../../src/store/migrate.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('a libSQL file database', () => {
  it('keeps its connection settings for every statement, however many run at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-libsql-'));
    const { db, close } = openLibsql(`file:${join(dir, 'baton.db')}`);
    cleanups.push(() => {
      close();
      rmSync(dir, { recursive: true, force: true });
    });
    await migrateLibsql(db, { file: true });
    const overlapping = <T>(query: () => Promise<T>) => Promise.all(Array.from({ length: 40 }, query));
    const synchronous = await overlapping(() => db.all<{ synchronous: number }>(sql`PRAGMA synchronous`));
    const timeout = await overlapping(() => db.all<{ timeout: number }>(sql`PRAGMA busy_timeout`));
    const journal = await overlapping(() => db.all<{ journal_mode: string }>(sql`PRAGMA journal_mode`));
    // 1 is NORMAL (the default, 2, would fsync every commit); a pooled connection would show 2 and 0.
    expect(new Set(synchronous.map(([row]) => row?.synchronous))).toEqual(new Set([1]));
    expect(new Set(timeout.map(([row]) => row?.timeout))).toEqual(new Set([5000]));
    expect(new Set(journal.map(([row]) => row?.journal_mode))).toEqual(new Set(['wal']));
  });
});
