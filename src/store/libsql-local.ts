import { Buffer } from 'node:buffer';
import {
  type Client,
  type InArgs,
  type InStatement,
  type InValue,
  LibsqlBatchError,
  LibsqlError,
  type ResultSet,
  type Row,
  type Transaction,
  type TransactionMode,
  type Value,
} from '@libsql/client';
import { expandConfig, isInMemoryConfig } from '@libsql/core/config';
import { ResultSetImpl, transactionModeToBegin } from '@libsql/core/util';
import Database from 'libsql';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.js';

/**
 * A libSQL client for a local file or `:memory:`, with the same results, errors and batch
 * semantics as `@libsql/client`'s, that keeps what it prepared.
 *
 * `@libsql/client` prepares every statement anew and reads its column list twice, on every call;
 * for the dozen short statements of a turn that cost about as much as running them (README,
 * "Performance and reliability"). Here a statement is prepared once per SQL text
 * and kept with its columns, up to `STATEMENTS_KEPT` texts. Drizzle's SQL for a query is the same
 * text every time, so the cache holds the few dozen the app runs.
 *
 * One connection, as `openLibsql` always used for a file: every call is synchronous on this thread,
 * and a connection's settings (`PRAGMA synchronous`, `busy_timeout`) hold for everything. Like D1,
 * it has no interactive transactions: Baton writes atomically with `batch`.
 */
const STATEMENTS_KEPT = 500;

interface Prepared {
  statement: Database.Statement;
  reader: boolean;
  /** Read on first use; again if a row comes back with another width (the schema changed). */
  columns?: { names: string[]; types: string[] };
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_INTEGER = -(2n ** 63n);
const MAX_INTEGER = 2n ** 63n - 1n;

export interface LocalClientOptions {
  /**
   * Checkpoint the WAL on a thread of its own after commits (`wal-checkpointer.ts`), for a server
   * whose commits must stay short; a file only. Its failures are said through `onError`.
   */
  backgroundCheckpoints?: { onError: (message: string) => void };
}

export function createLocalClient(url: string, options: LocalClientOptions = {}): Client {
  const config = expandConfig({ url }, true);
  if (config.scheme !== 'file') throw new LibsqlError(`not a local database: ${url}`, 'URL_INVALID');
  const host = config.authority?.host.toLowerCase();
  if (host !== undefined && host !== '' && host !== 'localhost') {
    throw new LibsqlError(`Invalid host in file URL: ${JSON.stringify(host)}`, 'URL_INVALID');
  }
  // As `@libsql/client` opens it: SQLite reads a `:memory:` URL's query only with the scheme.
  const path = isInMemoryConfig(config) ? `file:${config.path}` : config.path;
  const db = new Database(path);
  let client: LocalFileClient;
  try {
    client = new LocalFileClient(db);
  } catch (error) {
    db.close();
    throw error;
  }
  if (options.backgroundCheckpoints && !isInMemoryConfig(config)) {
    client.checkpointer = startWalCheckpointer(path, options.backgroundCheckpoints.onError);
  }
  return client;
}

class LocalFileClient implements Client {
  closed = false;
  readonly protocol = 'file';
  readonly #db: Database.Database;
  readonly #prepared = new Map<string, Prepared>();
  /** Woken after each commit, when checkpoints run in the background. */
  checkpointer: WalCheckpointer | undefined;

  constructor(db: Database.Database) {
    this.#db = db;
    // as @libsql/client does: a path that cannot be opened fails here, not on the first statement
    this.#run({ sql: 'SELECT 1', args: [] });
  }

  async execute(statement: InStatement | string, args?: InArgs): Promise<ResultSet> {
    this.#checkOpen();
    return this.#run(typeof statement === 'string' ? { sql: statement, args: args ?? [] } : statement);
  }

  async batch(statements: (InStatement | [string, InArgs?])[], mode: TransactionMode = 'deferred') {
    this.#checkOpen();
    return this.#inTransaction(transactionModeToBegin(mode), statements);
  }

  async migrate(statements: InStatement[]) {
    this.#checkOpen();
    this.#run({ sql: 'PRAGMA foreign_keys=off', args: [] });
    try {
      return this.#inTransaction(transactionModeToBegin('deferred'), statements);
    } finally {
      this.#run({ sql: 'PRAGMA foreign_keys=on', args: [] });
      this.#prepared.clear();
    }
  }

  async executeMultiple(sql: string): Promise<void> {
    this.#checkOpen();
    try {
      this.#db.exec(sql);
    } catch (error) {
      throw asLibsqlError(error);
    } finally {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      this.#prepared.clear();
    }
  }

  async transaction(): Promise<Transaction> {
    throw new LibsqlError(
      'interactive transactions are not supported (as on D1): write atomically with batch',
      'TRANSACTION_NOT_SUPPORTED',
    );
  }

  async sync(): Promise<undefined> {
    return undefined;
  }

  async reconnect(): Promise<void> {
    throw new LibsqlError('a closed local database cannot be reopened: open a new client', 'CLIENT_CLOSED');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.#prepared.clear();
    this.#db.close();
    this.checkpointer?.close();
  }

  #checkOpen() {
    if (this.closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED');
  }

  #inTransaction(begin: string, statements: (InStatement | [string, InArgs?])[]): ResultSet[] {
    this.#run({ sql: begin, args: [] });
    try {
      const results = statements.map((statement, index) => {
        const normalized = Array.isArray(statement)
          ? { sql: statement[0], args: statement[1] ?? [] }
          : statement;
        try {
          if (!this.#db.inTransaction) {
            throw new LibsqlBatchError('The transaction has been rolled back', index, 'TRANSACTION_CLOSED');
          }
          return this.#run(typeof normalized === 'string' ? { sql: normalized, args: [] } : normalized);
        } catch (error) {
          if (error instanceof LibsqlBatchError) throw error;
          if (error instanceof LibsqlError) {
            throw new LibsqlBatchError(
              error.message,
              index,
              error.code,
              error.extendedCode,
              error.rawCode,
              error,
            );
          }
          throw error;
        }
      });
      this.#run({ sql: 'COMMIT', args: [] });
      return results;
    } finally {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
    }
  }

  #run(statement: { sql: string; args?: InArgs }): ResultSet {
    try {
      const prepared = this.#prepare(statement.sql);
      const args = bindable(statement.args ?? []);
      if (!prepared.reader) {
        const info = prepared.statement.run(args);
        // a write outside a batch, or a batch's COMMIT
        if (!this.#db.inTransaction) this.checkpointer?.wake();
        return new ResultSetImpl([], [], [], info.changes, BigInt(info.lastInsertRowid));
      }
      const raw = prepared.statement.all(args) as unknown[][];
      if (
        prepared.columns === undefined ||
        (raw.length > 0 && raw[0]?.length !== prepared.columns.names.length)
      ) {
        prepared.columns = columnsOf(prepared.statement);
      }
      const columns = prepared.columns;
      return new ResultSetImpl(
        columns.names,
        columns.types,
        raw.map((values) => rowOf(values, columns.names)),
        0,
        undefined,
      );
    } catch (error) {
      throw asLibsqlError(error);
    }
  }

  #prepare(sql: string): Prepared {
    const kept = this.#prepared.get(sql);
    if (kept !== undefined) return kept;
    const statement = this.#db.prepare(sql);
    statement.safeIntegers(true);
    const prepared: Prepared = { statement, reader: statement.reader };
    if (prepared.reader) statement.raw(true);
    if (this.#prepared.size >= STATEMENTS_KEPT) {
      const oldest = this.#prepared.keys().next().value;
      if (oldest !== undefined) this.#prepared.delete(oldest);
    }
    this.#prepared.set(sql, prepared);
    return prepared;
  }
}

function columnsOf(statement: Database.Statement) {
  const columns = statement.columns();
  return { names: columns.map((c) => c.name), types: columns.map((c) => c.type ?? '') };
}

function bindable(args: InArgs): unknown[] | Record<string, unknown> {
  if (Array.isArray(args)) return args.map(toSql);
  const named: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) {
    named[name[0] === '@' || name[0] === '$' || name[0] === ':' ? name.slice(1) : name] = toSql(value);
  }
  return named;
}

function toSql(value: InValue): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
    return value;
  }
  if (typeof value === 'bigint') {
    if (value < MIN_INTEGER || value > MAX_INTEGER) {
      throw new RangeError(
        'bigint is too large to be represented as a 64-bit integer and passed as argument',
      );
    }
    return value;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
  return value;
}

function fromSql(value: unknown): Value {
  if (typeof value === 'bigint') {
    if (value < MIN_SAFE || value > MAX_SAFE) {
      throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
    }
    return Number(value);
  }
  if (value instanceof Buffer) return value.buffer as ArrayBuffer;
  return value as Value;
}

/** A row as `@libsql/client` gives it: values by index (not enumerable) and by column name. */
function rowOf(values: unknown[], names: string[]): Row {
  const row: Record<string | number, Value> = {};
  Object.defineProperty(row, 'length', { value: values.length });
  for (let i = 0; i < values.length; i++) {
    const value = fromSql(values[i]);
    Object.defineProperty(row, i, { value });
    const name = names[i];
    if (name !== undefined && !Object.hasOwn(row, name)) row[name] = value;
  }
  return row as unknown as Row;
}

function asLibsqlError(error: unknown): unknown {
  if (error instanceof LibsqlError || !(error instanceof Database.SqliteError)) return error;
  const rawCode = (error as { rawCode?: number }).rawCode;
  return new LibsqlError(error.message, baseCode(rawCode), error.code, rawCode, error);
}

const BASE_CODES = [
  'SQLITE_OK',
  'SQLITE_ERROR',
  'SQLITE_INTERNAL',
  'SQLITE_PERM',
  'SQLITE_ABORT',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_NOMEM',
  'SQLITE_READONLY',
  'SQLITE_INTERRUPT',
  'SQLITE_IOERR',
  'SQLITE_CORRUPT',
  'SQLITE_NOTFOUND',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
  'SQLITE_PROTOCOL',
  'SQLITE_EMPTY',
  'SQLITE_SCHEMA',
  'SQLITE_TOOBIG',
  'SQLITE_CONSTRAINT',
  'SQLITE_MISMATCH',
  'SQLITE_MISUSE',
  'SQLITE_NOLFS',
  'SQLITE_AUTH',
  'SQLITE_FORMAT',
  'SQLITE_RANGE',
  'SQLITE_NOTADB',
  'SQLITE_NOTICE',
  'SQLITE_WARNING',
];

/** SQLite's extended codes keep the base code in the low byte. */
function baseCode(rawCode: number | undefined): string {
  if (rawCode === undefined) return 'SQLITE_UNKNOWN';
  return BASE_CODES[rawCode & 0xff] ?? `SQLITE_UNKNOWN_${rawCode & 0xff}`;
}
