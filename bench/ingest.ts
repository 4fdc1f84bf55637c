import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openLibsql } from '../src/store/libsql.js';
import { type LoadResult, webhookLoad } from './lib/load.js';
import { buildServer, freePort, startNode } from './lib/processes.js';
import { round } from './lib/stats.js';
import { deliverySource } from './lib/webhooks.js';

export interface IngestRun extends LoadResult {
  /** Inbound messages in the database after the run (must equal the 200s of the run plus warm-up). */
  stored?: number;
  /** Messages the worker had handled by the end of the run (the worker-on variant). */
  handled?: number;
}

export interface IngestResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  bareRps: number;
  ratio: number;
  connections: number;
  seconds: number;
  bare: LoadResult;
  /** Baton's webhook route with storage answered at once (bench/servers/webhook-floor.mjs). */
  webhookFloor: LoadResult;
  /** The webhook path alone: processing deferred (CONVERSATION_SETTLE_MS=600000), as the headline. */
  baton: IngestRun;
  /** The same load with the worker handling the messages in the same process meanwhile. */
  withWorker?: IngestRun & { ratio: number };
}

const SECRET = 'bench-ingest-app-secret';

/**
 * Webhook ingest on Node: realistic signed webhook POSTs (dev-set texts, English and Arabic,
 * escaped as Meta escapes them, unique wamids, 2,000 customers) from autocannon at `connections`
 * connections for `seconds`, against the server as `npm start` runs it (`build/server.js`) on a
 * libSQL file, and — in the same run — the same load against a bare Hono handler that only answers
 * 200 and against Baton's webhook route with storage answered at once (what the route costs before
 * the database). Each server runs in its own process, in plain Node; the load generator shares the
 * machine's cores with it.
 */
export async function runIngestBenchmark(
  options: { seconds?: number; connections?: number; withWorker?: boolean } = {},
): Promise<IngestResult> {
  const seconds = options.seconds ?? 20;
  const connections = options.connections ?? 64;
  const warmup = 3;
  buildServer();

  /** Warm-up, then the measured run, against a yardstick server that stores nothing. */
  const measureYardstick = async (entry: string, env: Record<string, string>): Promise<LoadResult> => {
    const server = await startNode({ entry, env, quiet: true, port: await freePort() });
    try {
      await webhookLoad({
        url: server.url,
        connections,
        seconds: warmup,
        next: deliverySource({ secret: SECRET, customers: 2_000, seed: `${entry}-warm` }),
      });
      return await webhookLoad({
        url: server.url,
        connections,
        seconds,
        next: deliverySource({ secret: SECRET, customers: 2_000, seed: entry }),
      });
    } finally {
      await server.stop();
    }
  };
  const bareResult = await measureYardstick('bench/servers/bare.mjs', {});
  const floorResult = await measureYardstick('bench/servers/webhook-floor.mjs', {
    WHATSAPP_APP_SECRET: SECRET,
    LOG_LEVEL: 'info',
  });

  const runBaton = async (settleMs: string): Promise<IngestRun> => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-ingest-'));
    const url = `file:${join(dir, 'baton.db')}`;
    const server = await startNode({
      entry: 'build/server.js',
      quiet: true,
      port: await freePort(),
      env: {
        DATABASE_URL: url,
        WHATSAPP_APP_SECRET: SECRET,
        CONVERSATION_SETTLE_MS: settleMs,
        LOG_LEVEL: 'info',
      },
    });
    try {
      await webhookLoad({
        url: server.url,
        connections,
        seconds: warmup,
        next: deliverySource({ secret: SECRET, customers: 2_000, seed: `warm${settleMs}` }),
      });
      const result: IngestRun = await webhookLoad({
        url: server.url,
        connections,
        seconds,
        next: deliverySource({ secret: SECRET, customers: 2_000, seed: `run${settleMs}` }),
      });
      await server.stop('SIGINT');
      const { db, close } = openLibsql(url);
      try {
        const [row] = await db.all<{ stored: number; handled: number }>(
          sql`SELECT count(*) AS stored, sum(status = 'done') AS handled FROM messages WHERE direction = 'in'`,
        );
        result.stored = row?.stored ?? 0;
        result.handled = row?.handled ?? 0;
      } finally {
        close();
      }
      return result;
    } finally {
      await server.stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  };

  const baton = await runBaton('600000');
  const withWorker = options.withWorker === false ? undefined : await runBaton('300');
  return {
    rps: baton.rps,
    p50Ms: baton.p50Ms,
    p99Ms: baton.p99Ms,
    errors: baton.errors,
    bareRps: bareResult.rps,
    ratio: round(baton.rps / Math.max(1, bareResult.rps), 3),
    connections,
    seconds,
    bare: bareResult,
    webhookFloor: floorResult,
    baton,
    ...(withWorker
      ? { withWorker: { ...withWorker, ratio: round(withWorker.rps / Math.max(1, bareResult.rps), 3) } }
      : {}),
  };
}
