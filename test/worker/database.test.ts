import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { openWorkerDatabase } from '../../src/worker/database.js';

describe("the Worker's database", () => {
  it('is Turso / libSQL over HTTP when no D1 is bound and DATABASE_URL names a server', () => {
    const config = loadConfig({ DATABASE_URL: 'libsql://baton-volta.turso.io', DATABASE_AUTH_TOKEN: 't' });
    const db = openWorkerDatabase(undefined, config);
    expect(typeof db.batch).toBe('function');
  });

  it('refuses to start without D1 or a libSQL server URL (a file is not reachable from a Worker)', () => {
    expect(() => openWorkerDatabase(undefined, loadConfig({}))).toThrow(ConfigError);
    expect(() => openWorkerDatabase(undefined, loadConfig({}))).toThrow(/bind a D1 database/);
  });
});
