import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/cli/database.js';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { openLibsql } from '../../src/store/libsql.js';
import { migrateLibsql, migrationsFolder } from '../../src/store/migrate.js';
import { handoffNotes, handoffs } from '../../src/store/schema/index.js';

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

describe('migration 0002 (handoff resolution)', () => {
  it('tells, for handoffs resolved before it, which the customer withdrew, which went idle and which an agent closed', async () => {
    const { db, close } = openLibsql(':memory:');
    cleanups.push(close);
    await migrateLibsql(db);
    const row = (id: string, status: 'assigned' | 'resolved') => ({
      id,
      conversationId: `conv_${id}`,
      status,
      queue: 'general',
      priority: 'normal',
      priorityRank: 1,
      afterHours: false,
      packet: {},
      slaDueAt: 0,
      createdAt: 0,
      updatedAt: 0,
    });
    await db
      .insert(handoffs)
      .values([row('h1', 'resolved'), row('h2', 'resolved'), row('h3', 'resolved'), row('h4', 'assigned')]);
    const note = (handoffId: string, text: string, agentId: string | null = null) =>
      ({ id: `note_${handoffId}${agentId ?? ''}`, handoffId, agentId, text, createdAt: 0 }) as const;
    await db.insert(handoffNotes).values([
      note('h1', 'Withdrawn by the customer before anyone claimed it: "never mind"'),
      note('h2', 'No message from either side for 90 min: handed back to the bot.'),
      // an agent quoting the phrase does not make it a withdrawal
      note('h3', 'Withdrawn by the customer? no, I solved it', 'agent_1'),
    ]);
    const file = readFileSync(join(migrationsFolder, '0002_handoff_resolution.sql'), 'utf8');
    const backfill = file.split('--> statement-breakpoint')[1] ?? '';
    await db.run(sql.raw(backfill));
    const rows = await db.select({ id: handoffs.id, resolution: handoffs.resolution }).from(handoffs);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.resolution]))).toEqual({
      h1: 'withdrawn',
      h2: 'idle',
      h3: 'agent',
      h4: null,
    });
  });
});

describe('opening the configured database', () => {
  it('stops with one line naming where, never the token, when the server cannot be reached', async () => {
    const config = loadConfig({ DATABASE_URL: 'http://127.0.0.1:9?authToken=s3cret-token' });
    const failure = await openDatabase(config).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure).toBeInstanceOf(ConfigError);
    expect(failure?.message).toMatch(/DATABASE_URL: cannot open http:\/\/127\.0\.0\.1:9: /);
    expect(failure?.message).not.toContain('s3cret');
    expect(failure?.message).not.toMatch(/CREATE TABLE/i);
  });

  it('stops with one line when the file cannot be made (a file where a folder should be)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-db-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const notAFolder = join(dir, 'plain-file');
    writeFileSync(notAFolder, 'x');
    const failure = await openDatabase(loadConfig({ DATABASE_URL: `file:${notAFolder}/baton.db` })).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure).toBeInstanceOf(ConfigError);
    expect(failure?.message).toMatch(/DATABASE_URL: cannot open file:/);
  });
});
