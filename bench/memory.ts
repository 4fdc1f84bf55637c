import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { openLibsql } from '../src/store/libsql.js';
import { buildServer, type Child, freePort, startNode } from './lib/processes.js';
import { round } from './lib/stats.js';
import { devConversations, ROOT, sign, textWebhook, wamid } from './lib/webhooks.js';

export interface MemorySample {
  conversations: number;
  messages: number;
  rssMb: number;
  /** The V8 heap as reserved from the system: what it holds on to after a collection counts in RSS. */
  heapTotalMb: number;
  heapUsedMb: number;
  externalMb: number;
}

export interface MemoryResult {
  conversations: number;
  rssMbAt10k: number;
  heapUsedMbAt10k: number;
  /** Growth per conversation after the first thousand (least-squares slope of RSS and of heap). */
  rssKbPerConversationAfter1k: number;
  heapKbPerConversationAfter1k: number;
  samples: MemorySample[];
}

const SECRET = 'bench-memory-secret';
/** Conversations under way at once; each sends its messages one after the other. */
const IN_FLIGHT = 50;
const EVERY = 1_000;
const MB = 2 ** 20;

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/** The process's memory after a full collection, from the probe preloaded into it. */
function sampleOf(server: Child): Promise<NodeJS.MemoryUsage> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error('the memory probe did not answer')), 10_000);
    server.process.once('message', (answer) => {
      clearTimeout(timer);
      done(answer as NodeJS.MemoryUsage);
    });
    server.process.send?.('sample');
  });
}

/**
 * RSS of the server as `npm start` runs it (`build/server.js`: Node wiring, a libSQL file, the
 * offline engine) after handling `conversations` new conversations — a dev-set conversation each,
 * as signed webhooks over HTTP — sampled after a full collection every thousand, once every
 * message is answered and every reply sent. Only a probe is preloaded into the server (the
 * figures over IPC); the load and the bookkeeping are this process's.
 */
export async function runMemoryBenchmark(options: { conversations?: number } = {}): Promise<MemoryResult> {
  const total = options.conversations ?? 10_000;
  buildServer();
  const dir = mkdtempSync(join(tmpdir(), 'baton-memory-'));
  const url = `file:${join(dir, 'baton.db')}`;
  const server = await startNode({
    entry: 'build/server.js',
    nodeArgs: ['--expose-gc', '--import', pathToFileURL(resolve(ROOT, 'bench/lib/memory-probe.mjs')).href],
    ipc: true,
    quiet: true,
    port: await freePort(),
    env: { DATABASE_URL: url, WHATSAPP_APP_SECRET: SECRET, CONVERSATION_SETTLE_MS: '20', LOG_LEVEL: 'info' },
  });
  // a second connection to the server's file (WAL: it reads beside the writer), to see it finish
  const { db, close } = openLibsql(url);
  try {
    const conversations = devConversations();
    let messages = 0;
    const converse = async (c: number) => {
      const waId = `9665${String(30_000_000 + c).slice(-8)}`;
      for (const text of conversations[c % conversations.length] ?? ['hello']) {
        const body = textWebhook([
          { waId, wamid: wamid('mem', messages++), text, timestamp: Math.floor(Date.now() / 1000) },
        ]);
        const response = await fetch(`${server.url}/webhooks/whatsapp`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body, SECRET) },
          body,
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
      }
    };
    const settled = async () => {
      const deadline = Date.now() + 120_000;
      for (;;) {
        const [row] = await db.all<{ waiting: number }>(sql`
          SELECT (SELECT count(*) FROM messages WHERE direction = 'in' AND status = 'received')
               + (SELECT count(*) FROM outbox WHERE status = 'sending'
                    OR status = 'pending' AND next_attempt_at <= ${Date.now()}) AS waiting`);
        if (row?.waiting === 0) return;
        if (Date.now() > deadline)
          throw new Error(`${row?.waiting} messages or sends still waiting after 2 minutes`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const samples: MemorySample[] = [];
    const sample = async (done: number) => {
      await settled();
      const memory = await sampleOf(server);
      samples.push({
        conversations: done,
        messages,
        rssMb: memory.rss / MB,
        heapTotalMb: memory.heapTotal / MB,
        heapUsedMb: memory.heapUsed / MB,
        externalMb: memory.external / MB,
      });
    };

    await sample(0);
    let next = 0;
    for (let done = 0; done < total; done += EVERY) {
      const end = Math.min(total, done + EVERY);
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          for (let c = next++; c < end; c = next++) await converse(c);
        }),
      );
      next = end;
      await sample(end);
    }

    const last = samples.at(-1) as MemorySample;
    const after1k = samples.filter((s) => s.conversations >= 1_000);
    const kb = (mbPerConversation: number) => round(mbPerConversation * 1024, 3);
    return {
      conversations: last.conversations,
      rssMbAt10k: round(last.rssMb, 1),
      heapUsedMbAt10k: round(last.heapUsedMb, 1),
      rssKbPerConversationAfter1k: kb(slope(after1k.map((s) => ({ x: s.conversations, y: s.rssMb })))),
      heapKbPerConversationAfter1k: kb(slope(after1k.map((s) => ({ x: s.conversations, y: s.heapUsedMb })))),
      samples: samples.map((s) => ({
        ...s,
        rssMb: round(s.rssMb, 1),
        heapTotalMb: round(s.heapTotalMb, 1),
        heapUsedMb: round(s.heapUsedMb, 1),
        externalMb: round(s.externalMb, 1),
      })),
    };
  } finally {
    close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
