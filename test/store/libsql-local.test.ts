import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient, type InStatement, LibsqlBatchError, LibsqlError } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalClient } from '../../src/store/libsql-local.js';
import { waitFor } from '../support/wait-for.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** The same database opened by `@libsql/client` and by ours, side by side on separate files. */
function pair() {
  const dir = mkdtempSync(join(tmpdir(), 'baton-local-'));
  const theirs = createClient({ url: `file:${join(dir, 'theirs.db')}`, concurrency: 1 });
  const ours = createLocalClient(`file:${join(dir, 'ours.db')}`);
  cleanups.push(() => {
    theirs.close();
    ours.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { theirs, ours };
}

/** What a caller can see of a result: drizzle reads rows by index and by column name. */
function seen(result: Awaited<ReturnType<Client['execute']>>) {
  return {
    columns: result.columns,
    columnTypes: result.columnTypes,
    byIndex: result.rows.map((row) => Array.prototype.slice.call(row)),
    byName: result.rows.map((row) => ({ ...row })),
    rowsAffected: result.rowsAffected,
    lastInsertRowid: result.lastInsertRowid,
    json: JSON.stringify(result),
  };
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LibsqlError)) throw new Error(`expected a LibsqlError, got ${String(error)}`);
  return {
    kind: error instanceof LibsqlBatchError ? `batch at ${error.statementIndex}` : 'statement',
    code: error.code,
    extendedCode: error.extendedCode,
    message: error.message,
  };
}

const setup: InStatement[] = [
  'create table t (id text primary key, n integer, r real, b blob, flag integer, note text)',
  {
    sql: 'insert into t values (?, ?, ?, ?, ?, ?)',
    args: ['a', 1, 1.5, new Uint8Array([1, 2, 3]).buffer, true, null],
  },
  {
    sql: 'insert into t values (:id, :n, :r, :b, :flag, :note)',
    args: { id: 'b', n: 2n, r: -0.25, b: null, flag: false, note: 'ب ✓' },
  },
];

describe('the local libSQL client', () => {
  it('answers every statement exactly as @libsql/client does: rows, columns, counts, blobs, integers', async () => {
    const { theirs, ours } = pair();
    for (const statement of setup) {
      expect(seen(await ours.execute(statement))).toEqual(seen(await theirs.execute(statement)));
    }
    const statements: InStatement[] = [
      'select * from t order by id',
      { sql: 'select id, n + 1 as next, note from t where id = ?', args: ['b'] },
      { sql: 'select id, n + 1 as next, note from t where id = ?', args: ['nobody'] },
      { sql: 'update t set n = n * 10 where n >= ?', args: [1] },
      'select count(*), sum(n), 9007199254740991 as big, id, id from t',
      { sql: 'delete from t where id = ?', args: ['a'] },
      'select * from t',
    ];
    for (const statement of statements) {
      // twice each: the second run is the kept statement's
      for (let round = 0; round < 2; round++) {
        const expected = seen(await theirs.execute(statement));
        expect(seen(await ours.execute(statement)), JSON.stringify(statement)).toEqual(expected);
      }
    }
  });

  it('commits a batch whole, rolls a failed one back whole, and reports which statement failed', async () => {
    const { theirs, ours } = pair();
    for (const client of [theirs, ours]) await client.batch(setup);
    const batch: InStatement[] = [
      { sql: 'insert into t (id, n) values (?, ?)', args: ['c', 3] },
      { sql: 'insert into t (id, n) values (?, ?)', args: ['a', 4] },
    ];
    const expected = await failure(theirs.batch(batch));
    expect(await failure(ours.batch(batch))).toEqual(expected);
    expect(expected).toMatchObject({ kind: 'batch at 1', code: 'SQLITE_CONSTRAINT' });
    const ids = 'select id from t order by id';
    expect(seen(await ours.execute(ids))).toEqual(seen(await theirs.execute(ids)));
    expect((await ours.execute(ids)).rows.map((row) => row.id)).toEqual(['a', 'b']);

    const results = await ours.batch(
      [{ sql: 'insert into t (id) values (?)', args: ['c'] }, 'select count(*) as n from t'],
      'write',
    );
    expect(results.map((r) => r.rowsAffected)).toEqual([1, 0]);
    expect(results[1]?.rows[0]?.n).toBe(3);
  });

  it('maps errors as @libsql/client does', async () => {
    const { theirs, ours } = pair();
    for (const client of [theirs, ours]) await client.batch(setup);
    for (const statement of [
      'select * from nowhere',
      'selec 1',
      { sql: 'insert into t (id) values (?)', args: ['a'] },
      { sql: 'select ?', args: [Number.POSITIVE_INFINITY] },
    ] as InStatement[]) {
      const expected = await theirs.execute(statement).then(
        () => 'answered',
        (e: Error) => `${e.constructor.name}: ${(e as LibsqlError).code ?? ''} ${e.message}`,
      );
      const actual = await ours.execute(statement).then(
        () => 'answered',
        (e: Error) => `${e.constructor.name}: ${(e as LibsqlError).code ?? ''} ${e.message}`,
      );
      expect(actual, JSON.stringify(statement)).toBe(expected);
    }
  });

  it('reads a kept query’s columns again when the table under it changed', async () => {
    const { ours } = pair();
    await ours.batch(setup);
    expect((await ours.execute('select * from t where id = ?', ['a'])).columns).toHaveLength(6);
    await ours.execute("alter table t add column extra text default 'x'");
    const after = await ours.execute('select * from t where id = ?', ['a']);
    expect(after.columns).toEqual(['id', 'n', 'r', 'b', 'flag', 'note', 'extra']);
    expect(after.rows[0]?.extra).toBe('x');
  });

  it('keeps one connection, so its settings hold for every statement, in memory too', async () => {
    const memory = createLocalClient(':memory:');
    cleanups.push(() => memory.close());
    await memory.execute('create table kept (n integer)');
    await memory.execute('insert into kept values (1)');
    expect((await memory.execute('select n from kept')).rows[0]?.n).toBe(1);
    await memory.execute('PRAGMA busy_timeout = 1234');
    expect((await memory.execute('PRAGMA busy_timeout')).rows[0]?.timeout).toBe(1234);
  });

  it('checkpoints the WAL on a thread of its own after commits, when asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-wal-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const errors: string[] = [];
    const file = join(dir, 'background.db');
    const background = createLocalClient(`file:${file}`, {
      backgroundCheckpoints: { onError: (message) => errors.push(message) },
    });
    const plain = createLocalClient(`file:${join(dir, 'plain.db')}`);
    cleanups.push(() => {
      background.close();
      plain.close();
    });
    // about 250 pages in all: under the 1,000 at which SQLite checkpoints inside a commit by itself
    const insert = (client: Client, from: number) =>
      client.batch(
        Array.from({ length: 200 }, (_, i) => ({
          sql: 'insert into t values (?, ?)',
          args: [from + i, 'x'.repeat(2_000)],
        })),
      );
    for (const client of [background, plain]) {
      await client.execute('PRAGMA journal_mode = WAL');
      await client.batch(['create table t (id integer primary key, note text)']);
      await insert(client, 0);
      // this thread busy while the checkpoint of the rows above runs and reports: the next commit
      // comes before the report is read, and must still get a checkpoint of its own
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
      await insert(client, 200);
    }
    // the rows reach the database file itself, not only its WAL; without the thread they wait there
    await waitFor(async () => statSync(file).size > 800_000);
    expect(statSync(join(dir, 'plain.db')).size).toBeLessThan(100_000);
    expect((await background.execute('select count(*) as n from t')).rows[0]?.n).toBe(400);
    expect(errors).toEqual([]);

    // nothing to checkpoint in memory: no thread, and it works as any other
    const memory = createLocalClient(':memory:', {
      backgroundCheckpoints: { onError: (message) => errors.push(message) },
    });
    cleanups.push(() => memory.close());
    await memory.batch(['create table m (n integer)', 'insert into m values (1)']);
    expect((await memory.execute('select n from m')).rows[0]?.n).toBe(1);
  });

  it('refuses what it does not do with a clear error, and everything once closed', async () => {
    const { ours } = pair();
    expect(await failure(ours.transaction('write'))).toMatchObject({ code: 'TRANSACTION_NOT_SUPPORTED' });
    expect(() => createLocalClient('file://example.com/baton.db')).toThrow(LibsqlError);
    ours.close();
    expect(ours.closed).toBe(true);
    expect(await failure(ours.execute('select 1'))).toMatchObject({ code: 'CLIENT_CLOSED' });
    expect(await failure(ours.batch(['select 1']))).toMatchObject({ code: 'CLIENT_CLOSED' });
  });
});
