import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { loadKnowledgeFromDirectory } from '../src/knowledge/load-fs.js';
import { createLogger } from '../src/log/logger.js';
import { DbOrders } from '../src/orders/db-orders.js';
import { demoOrders } from '../src/orders/demo-orders.js';
import { openLibsql } from '../src/store/libsql.js';
import { migrateLibsql } from '../src/store/migrate.js';
import { systemClock } from '../src/util/clock.js';
import { wireBaton } from '../src/wiring.js';
import { devConversations, ROOT, sign, textWebhook, wamid } from './lib/webhooks.js';

/**
 * Child process of the memory benchmark (run with --expose-gc): a whole Baton wired as the Node
 * entry point wires it, on a libSQL file, handles `conversations` new conversations (a dev-set
 * conversation each) through signed webhooks, and prints RSS and heap after a full GC at every
 * `every` conversations, as one JSON line per sample on stdout.
 */
const total = Number(process.argv[2] ?? 10_000);
const every = Number(process.argv[3] ?? 1_000);
const inFlight = 50;
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const secret = 'bench-memory-secret';
const dir = mkdtempSync(join(tmpdir(), 'baton-memory-'));
const url = `file:${join(dir, 'baton.db')}`;
const { db, close } = openLibsql(url);
await migrateLibsql(db, { file: true });
await new DbOrders(db).upsert(demoOrders(Date.now()));
const baton = wireBaton({
  config: loadConfig({ DATABASE_URL: url, WHATSAPP_APP_SECRET: secret, CONVERSATION_SETTLE_MS: '20' }),
  db,
  clock: systemClock,
  logger: createLogger({ level: 'info', write: () => {} }),
  knowledge: await loadKnowledgeFromDirectory(resolve(ROOT, 'knowledge')),
  version: 'bench',
});
await baton.start();
const conversations = devConversations();
let messages = 0;

async function converse(c: number): Promise<void> {
  const waId = `9665${String(30_000_000 + c).slice(-8)}`;
  for (const text of conversations[c % conversations.length] ?? ['hello']) {
    const body = textWebhook([
      { waId, wamid: wamid('mem', messages++), text, timestamp: Math.floor(Date.now() / 1000) },
    ]);
    const response = await baton.app.request('/webhooks/whatsapp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body, secret) },
      body,
    });
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  }
}

const sample = (done: number) => {
  gc();
  const memory = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({ conversations: done, messages, rssMb: memory.rss / 2 ** 20, heapUsedMb: memory.heapUsed / 2 ** 20, externalMb: memory.external / 2 ** 20 })}\n`,
  );
};
sample(0);
let next = 0;
for (let done = 0; done < total; done += every) {
  const end = Math.min(total, done + every);
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      for (let c = next++; c < end; c = next++) await converse(c);
    }),
  );
  next = end;
  await baton.settled();
  sample(end);
}
baton.stop();
close();
rmSync(dir, { recursive: true, force: true });
