import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../src/app.js';
import { createConversationDrain, createDeps, createOutbox } from '../src/baton.js';
import { loadConfig } from '../src/config/config.js';
import { ConversationWorker } from '../src/conversation/worker.js';
import { loadKnowledgeFromDirectory } from '../src/knowledge/load-fs.js';
import { createLogger } from '../src/log/logger.js';
import { DbOrders } from '../src/orders/db-orders.js';
import { demoOrders } from '../src/orders/demo-orders.js';
import { openLibsql } from '../src/store/libsql.js';
import { migrateLibsql } from '../src/store/migrate.js';
import { systemClock } from '../src/util/clock.js';
import { wireAdapters } from '../src/wiring.js';
import { langGraphFloor } from './lib/langgraph-floor.js';
import { summary } from './lib/stats.js';
import { devConversations, ROOT, sign, textWebhook, wamid } from './lib/webhooks.js';

export interface TurnResult {
  turns: number;
  warmup: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  /** The agent graph's share of each turn: `handleTurn`, its checkpoint reads and writes included. */
  graph: { p50Ms: number; p99Ms: number };
  /** LangGraph alone on the same path with nodes that do nothing (bench/lib/langgraph-floor.ts). */
  langGraphFloor: { p50Ms: number; p99Ms: number };
}

/**
 * Turn latency with the offline engine, through the Node worker, on a libSQL file as `npm start`
 * uses: each customer message is delivered as a signed webhook, and the time measured is the
 * worker's drain of that conversation — read the pending message, start the turn, run the agent
 * graph (every checkpoint write included), store the replies and close the message in one batch.
 * One conversation at a time, so the figure is latency, not queueing. The dev set's conversations
 * are replayed in order, each time with a new customer, until `turns` turns were measured.
 */
export async function runTurnBenchmark(
  options: { turns?: number; warmup?: number } = {},
): Promise<TurnResult> {
  const turns = options.turns ?? 2_000;
  const warmup = options.warmup ?? 100;
  const secret = 'bench-turn-secret';
  const dir = mkdtempSync(join(tmpdir(), 'baton-turn-'));
  const url = `file:${join(dir, 'baton.db')}`;
  // as src/server.ts opens it: WAL checkpoints on a thread of their own
  const { db, close } = openLibsql(url, undefined, {
    backgroundCheckpoints: {
      onError: (error) => {
        throw new Error(`turn benchmark: the WAL checkpoint thread failed: ${error}`);
      },
    },
  });
  try {
    await migrateLibsql(db, { file: true });
    await new DbOrders(db).upsert(demoOrders(Date.now()));
    const config = loadConfig({
      DATABASE_URL: url,
      WHATSAPP_APP_SECRET: secret,
      CONVERSATION_SETTLE_MS: '0',
    });
    const logger = createLogger({ level: 'error', write: () => {} });
    const { options: batonOptions } = wireAdapters({
      config,
      db,
      clock: systemClock,
      logger,
      knowledge: await loadKnowledgeFromDirectory(resolve(ROOT, 'knowledge')),
      version: 'bench',
    });
    const graphSamples: number[] = [];
    const handleTurn = batonOptions.handleTurn;
    batonOptions.handleTurn = async (input) => {
      const started = performance.now();
      try {
        return await handleTurn(input);
      } finally {
        graphSamples.push(performance.now() - started);
      }
    };
    const outbox = createOutbox(batonOptions);
    const kickOutbox = () => void outbox.kick();
    const drain = createConversationDrain(batonOptions, kickOutbox);
    const samples: number[] = [];
    let failure: string | undefined;
    const worker = new ConversationWorker({
      drain: async (conversationId) => {
        const started = performance.now();
        await drain(conversationId);
        samples.push(performance.now() - started);
      },
      logger,
      settleMs: 0,
      concurrency: 1,
      // A drain that throws is a broken benchmark, not a figure: stop at the first.
      maxAttempts: 1,
      baseDelayMs: 1_000,
      deadLetter: async (conversationId, error) => {
        failure ??= `conversation ${conversationId}: ${error}`;
      },
    });
    const app = createApp(createDeps(batonOptions, { scheduler: worker, kickOutbox }));

    const conversations = devConversations();
    let n = 0;
    for (let c = 0; n < turns + warmup; c++) {
      const texts = conversations[c % conversations.length] ?? ['hello'];
      const waId = `9665${String(20_000_000 + c).slice(-8)}`;
      for (const text of texts) {
        if (n >= turns + warmup) break;
        const body = textWebhook([
          { waId, wamid: wamid('turn', n), text, timestamp: Math.floor(Date.now() / 1000) },
        ]);
        const response = await app.request('/webhooks/whatsapp', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body, secret) },
          body,
        });
        if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
        await worker.idle();
        if (failure !== undefined) throw new Error(`turn benchmark: a drain failed: ${failure}`);
        // Sends are outside the measured turn (they are the outbox's job); let them go out between.
        await outbox.kick();
        n++;
      }
    }
    worker.stop();
    outbox.stop();
    const measured = samples.slice(warmup);
    const s = summary(measured);
    // Every measured drain handled one message, so one graph run each (rate-limited ones none).
    const g = summary(graphSamples.slice(-measured.length));
    const floor = await langGraphFloor(turns);
    return {
      turns: measured.length,
      warmup,
      p50Ms: s.p50Ms,
      p90Ms: s.p90Ms,
      p99Ms: s.p99Ms,
      maxMs: s.maxMs,
      meanMs: s.meanMs,
      graph: { p50Ms: g.p50Ms, p99Ms: g.p99Ms },
      langGraphFloor: { p50Ms: floor.p50Ms, p99Ms: floor.p99Ms },
    };
  } finally {
    close();
    rmSync(dir, { recursive: true, force: true });
  }
}
