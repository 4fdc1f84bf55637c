import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe } from 'vitest';
import { type WorkerTarget, waitFor, workerScenarios } from './scenarios.js';

// The real bundle: `wrangler dev --local` builds src/worker.ts exactly as `wrangler deploy` does
// (no test-only compatibility flags), runs it in workerd with a local D1 migrated by
// `wrangler d1 migrations apply`, and the shared scenarios drive it over HTTP.

const root = resolve(import.meta.dirname, '../..');
const wrangler = join(root, 'node_modules/.bin/wrangler');
const appSecret = 'bundle-test-app-secret';
const token = 'bt_bundle_test_agent_token';
// No update check or telemetry: the test must run offline.
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' };

const dir = mkdtempSync(join(tmpdir(), 'baton-wrangler-'));
let child: ChildProcess | undefined;
let output = '';
let baseUrl = '';

const run = (args: string[]) => promisify(execFile)(wrangler, args, { cwd: root, env });

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  const local = ['--local', '--persist-to', dir];
  await run(['d1', 'migrations', 'apply', 'DB', ...local]);
  const hash = createHash('sha256').update(token).digest('hex');
  await run([
    'd1',
    'execute',
    'DB',
    ...local,
    '--command',
    `INSERT INTO agents (id, name, token_hash, queues, created_at) VALUES ('agent_bundle', 'Noura', '${hash}', '["*"]', 0)`,
  ]);
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const vars = {
    BATON_DEPLOYED: 'false',
    WHATSAPP_APP_SECRET: appSecret,
    CONVERSATION_SETTLE_MS: '200',
    LOG_LEVEL: 'warn',
  };
  child = spawn(
    wrangler,
    [
      'dev',
      ...local,
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--show-interactive-dev-session=false',
    ].concat(Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}:${value}`])),
    // Its own process group, so afterAll stops wrangler and the workerd it started together.
    { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<never>((_, reject) =>
    child?.once('exit', (code) => reject(new Error(`wrangler dev exited (${code}):\n${output}`))),
  );
  const healthy = waitFor(
    () =>
      fetch(`${baseUrl}/health`).then(
        (r) => r.status,
        () => 0,
      ),
    (status) => status === 200,
    90_000,
  );
  await Promise.race([healthy, exited]);
}, 150_000);

afterAll(() => {
  if (child?.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

const target: WorkerTarget = {
  fetch: (path, init) => fetch(`${baseUrl}${path}`, init),
  appSecret,
  agentToken: async () => token,
};

describe('Baton on Workers, the deployable bundle under wrangler dev --local', () => {
  workerScenarios(() => target);
});
