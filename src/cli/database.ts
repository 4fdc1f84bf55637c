import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Config, loadConfig } from '../config/config.js';
import { ConfigError } from '../config/errors.js';
import { isLocalUrl, openLibsql } from '../store/libsql.js';
import type { LocalClientOptions } from '../store/libsql-local.js';
import { migrateLibsql } from '../store/migrate.js';
import { environment } from './environment.js';

/** Where the database is, for an error message: scheme and host, never a token in the query. */
function whereIs(url: string): string {
  if (isLocalUrl(url)) return url;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * The database `DATABASE_URL` names, created (a file's folder) and migrated: the Node server and
 * the CLI tools open it the same way. An unreachable server stops with one line, not a stack trace
 * full of migration SQL.
 */
export async function openDatabase(config: Config, options: LocalClientOptions = {}) {
  const file = config.DATABASE_URL.startsWith('file:') ? config.DATABASE_URL.slice(5) : undefined;
  let opened: ReturnType<typeof openLibsql> | undefined;
  try {
    if (file !== undefined && file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
    opened = openLibsql(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN, options);
    await migrateLibsql(opened.db, { file: file !== undefined });
  } catch (error) {
    opened?.close();
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    // a URL in the driver's message may carry a credential: said as whereIs says it
    const reason = (cause instanceof Error ? cause.message : String(cause)).replace(
      /[a-z]+:\/\/\S+/gi,
      (url) => whereIs(url.replace(/[.,;:)]+$/, '')),
    );
    throw new ConfigError([`DATABASE_URL: cannot open ${whereIs(config.DATABASE_URL)}: ${reason}`]);
  }
  return opened;
}

/**
 * The database a command-line tool works on, named on stderr first: a tool pointed at the wrong
 * one would report "no such customer" of a database it just created. Only `agent:add` may create
 * it (the first step of a new install); none works on `:memory:`, which is gone when it exits.
 */
export async function openToolDatabase(config: Config, options: { create: boolean }) {
  const url = config.DATABASE_URL;
  const file = url.startsWith('file:') ? url.slice(5) : url === ':memory:' ? ':memory:' : undefined;
  if (file === ':memory:') {
    throw new ConfigError(["DATABASE_URL: :memory: is this tool's own database, gone when it exits"]);
  }
  if (!options.create && file !== undefined && !existsSync(resolve(file))) {
    throw new ConfigError([
      `DATABASE_URL: no database at ${resolve(file)} (the server creates it on its first start: is DATABASE_URL the server's?)`,
    ]);
  }
  console.error(`database: ${file === undefined ? whereIs(url) : resolve(file)}`);
  return openDatabase(config);
}

export async function openConfiguredDatabase(options: { create: boolean }) {
  return openToolDatabase(loadConfig(environment()), options);
}
