import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { ROOT } from './webhooks.js';

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

const TSX = ['--import', 'tsx'];

let built = false;

/**
 * Compiles `src/` to `build/` as `npm start` does before it starts (once per benchmark process),
 * so the benchmarks measure the server as it is shipped: plain JavaScript, no TypeScript loader.
 */
export function buildServer(): void {
  if (built) return;
  const result = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build exited ${result.status ?? result.signal}`);
  built = true;
}

export interface Child {
  process: ChildProcess;
  url: string;
  /** Lines the child wrote (stderr, and stdout unless discarded); for diagnostics. */
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/**
 * Starts an entry point with Node — a TypeScript one through the tsx loader, JavaScript as it is —
 * and waits until `url/health` (or `readyPath`) answers. Bounded: gives up after `timeoutMs`.
 */
export async function startNode(options: {
  entry: string;
  env: Record<string, string>;
  port: number;
  readyPath?: string;
  nodeArgs?: string[];
  /** Discard stdout (request logs at info level) instead of keeping it. */
  quiet?: boolean;
  /** Open an IPC channel to the child (`process.send`), for a probe it preloads. */
  ipc?: boolean;
  timeoutMs?: number;
}): Promise<Child> {
  const loader = options.entry.endsWith('.ts') ? TSX : [];
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), ...loader, resolve(ROOT, options.entry)],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...options.env,
        PORT: String(options.port),
      },
      stdio: ['ignore', options.quiet ? 'ignore' : 'pipe', 'pipe', ...(options.ipc ? ['ipc' as const] : [])],
    },
  );
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${options.entry} exited (${child.exitCode ?? child.signalCode}): ${log}`);
    }
    try {
      const response = await fetch(`${url}${options.readyPath ?? '/health'}`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.entry} did not start within ${options.timeoutMs ?? 30_000} ms: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    process: child,
    url,
    output: () => log,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
