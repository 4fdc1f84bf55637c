import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { openLibsql } from '../../src/store/libsql.js';
import { migrateLibsql } from '../../src/store/migrate.js';
import { startWalCheckpointer } from '../../src/store/wal-checkpointer.js';
import { waitFor } from '../support/wait-for.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('the WAL checkpointer (Node)', () => {
  it('copies committed pages into the database file from its thread while the server connection does not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-wal-'));
    const file = join(dir, 'baton.db');
    const { db, close } = openLibsql(`file:${file}`);
    cleanups.push(() => {
      close();
      rmSync(dir, { recursive: true, force: true });
    });
    await migrateLibsql(db, { file: true });
    const checkpointer = await startWalCheckpointer(db, {
      url: `file:${file}`,
      intervalMs: 50,
      logger: silentLogger,
    });
    const [setting] = await db.all<{ wal_autocheckpoint: number }>(sql`PRAGMA wal_autocheckpoint`);
    expect(setting?.wal_autocheckpoint).toBe(0);

    const before = statSync(file).size;
    await db.run(sql`CREATE TABLE filler (body TEXT)`);
    // About 4 MB in small commits, as webhooks write: all of it lands in the WAL first.
    for (let i = 0; i < 40; i++) {
      await db.run(sql`INSERT INTO filler SELECT hex(randomblob(1024)) FROM generate_series(1, 50)`);
    }
    await waitFor(async () => statSync(file).size > before + 3_000_000, 10_000, 25);

    await checkpointer.stop();
    const [restored] = await db.all<{ wal_autocheckpoint: number }>(sql`PRAGMA wal_autocheckpoint`);
    expect(restored?.wal_autocheckpoint).toBe(1000);
  });
});
