import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startNode } from '../../bench/lib/processes.js';
import { addAgent } from '../../src/inbox/agents.js';
import { openLibsql } from '../../src/store/libsql.js';
import { migrateLibsql } from '../../src/store/migrate.js';
import { waitFor } from '../support/wait-for.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('shutdown: SIGTERM with an inbox open', () => {
  it('cuts the live event stream and exits cleanly within a few seconds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-shutdown-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const url = `file:${join(dir, 'baton.db')}`;
    const opened = openLibsql(url);
    await migrateLibsql(opened.db);
    const { token } = await addAgent(opened.db, { name: 'Layla', queues: ['*'], now: Date.now() });
    opened.close();
    const server = await startNode({
      entry: 'src/server.ts',
      env: { DATABASE_URL: url, LOG_LEVEL: 'warn' },
      port: await freePort(),
      quiet: true,
      timeoutMs: 60_000,
    });
    cleanups.push(() => server.stop('SIGKILL'));

    const events = await fetch(`${server.url}/api/events`, { headers: { authorization: `Bearer ${token}` } });
    expect(events.status).toBe(200);
    const reader = events.body?.getReader();
    const first = new TextDecoder().decode((await reader?.read())?.value);
    expect(first).toContain('event: ready');

    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      server.process.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const asked = Date.now();
    server.process.kill('SIGTERM');
    const ended = await Promise.race([
      exited,
      new Promise((resolve) => setTimeout(() => resolve('still running after 8 s'), 8_000)),
    ]);
    expect(ended).toEqual({ code: 0, signal: null });
    // the grace period is 2 s; SIGKILL would come at 5 s
    expect(Date.now() - asked).toBeLessThan(4_500);
    // the stream was cut rather than left hanging: the inbox sees the drop and reconnects
    const drained = async () => {
      for (;;) if ((await reader?.read())?.done !== false) return;
    };
    expect(
      await drained().then(
        () => 'ended',
        (error: Error) => error.message,
      ),
    ).toMatch(/ended|terminated/);
  }, 90_000);

  it('stops when `npm start` is sent SIGTERM, as a process manager or `docker stop` does, freeing the port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-npm-start-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const port = await freePort();
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: resolve(import.meta.dirname, '../..'),
      env: {
        ...process.env,
        DATABASE_URL: `file:${join(dir, 'baton.db')}`,
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    cleanups.push(() => void npm.kill('SIGKILL'));
    const health = () =>
      fetch(`http://127.0.0.1:${port}/health`).then(
        (response) => response.status,
        () => 'down',
      );
    await waitFor(async () => (await health()) === 200, 60_000, 200);
    npm.kill('SIGTERM');
    // the server itself got the signal: nothing is left listening (tsx's wrapper used to keep it)
    await waitFor(async () => (await health()) === 'down', 8_000, 100);
  }, 90_000);
});
