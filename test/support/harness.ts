import { resolve } from 'node:path';
import type { Transport } from '../../src/channel/outbound.js';
import { loadConfig } from '../../src/config/config.js';
import type { Packet } from '../../src/handoff/packet.js';
import type { KnowledgeDocument } from '../../src/knowledge/document.js';
import { loadKnowledgeFromDirectory } from '../../src/knowledge/load-fs.js';
import type { Llm } from '../../src/llm/port.js';
import { createLogger, type Logger } from '../../src/log/logger.js';
import type { MediaFetcher } from '../../src/media/fetch-media.js';
import type { MediaDeps } from '../../src/media/understand.js';
import { DbOrders } from '../../src/orders/db-orders.js';
import type { Order } from '../../src/orders/order.js';
import type { Db } from '../../src/store/db.js';
import { openLibsql } from '../../src/store/libsql.js';
import { migrateLibsql } from '../../src/store/migrate.js';
import { customers, handoffs } from '../../src/store/schema/index.js';
import { type Clock, systemClock } from '../../src/util/clock.js';
import { wireBaton } from '../../src/wiring.js';

let knowledge: Promise<KnowledgeDocument[]> | undefined;
export function repoKnowledge(): Promise<KnowledgeDocument[]> {
  knowledge ??= loadKnowledgeFromDirectory(resolve(import.meta.dirname, '../../knowledge'));
  return knowledge;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  clock?: Clock;
  transport?: Transport;
  llm?: Llm;
  media?: MediaDeps;
  /** The files customers sent, as the inbox fetches them. */
  mediaFetcher?: MediaFetcher;
  orders?: Order[];
  /** Customer profiles the store returns (tier, name) before the first message. */
  customers?: { waId: string; name?: string; tier?: 'standard' | 'vip' }[];
  db?: Db;
  logger?: Logger;
  start?: boolean;
}

/** A whole Baton on an in-memory database, wired exactly as the Node entry point wires it. */
export async function createHarness(options: HarnessOptions = {}) {
  const config = loadConfig({
    NODE_ENV: 'test',
    CONVERSATION_SETTLE_MS: '5',
    OUTBOX_BASE_DELAY_MS: '5',
    OUTBOX_POLL_MS: '20',
    // On the wall clock a test must not depend on the hour it runs at: the team is always in.
    // Tests of after-hours behaviour pass a fixed clock and get the default hours.
    ...(options.clock ? {} : { BUSINESS_HOURS: 'sun-sat 00:00-24:00' }),
    ...options.env,
  });
  const opened = options.db ? { db: options.db, close: () => {} } : openLibsql(':memory:');
  if (!options.db) await migrateLibsql(opened.db);
  if (options.orders) await new DbOrders(opened.db).upsert(options.orders);
  const at = (options.clock ?? systemClock).now();
  for (const customer of options.customers ?? []) {
    await opened.db.insert(customers).values({
      id: customer.waId,
      waId: customer.waId,
      name: customer.name ?? null,
      tier: customer.tier ?? 'standard',
      createdAt: at,
      updatedAt: at,
    });
  }
  const baton = wireBaton({
    config,
    db: opened.db,
    clock: options.clock ?? systemClock,
    logger: options.logger ?? createLogger({ level: 'error', write: () => {} }),
    knowledge: await repoKnowledge(),
    version: 'test',
    ...(options.transport ? { transport: options.transport } : {}),
    ...(options.llm ? { llm: options.llm } : {}),
    ...(options.media ? { media: options.media } : {}),
    ...(options.mediaFetcher ? { mediaFetcher: options.mediaFetcher } : {}),
  });
  if (options.start !== false) await baton.start();
  const app = baton.app;

  async function post(body: object) {
    const response = await app.request('/api/sandbox/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 202)
      throw new Error(`sandbox answered ${response.status}: ${await response.text()}`);
    await baton.settled();
    return response;
  }

  async function messages(waId: string) {
    const response = await app.request(`/api/sandbox/messages?waId=${waId}`);
    return ((await response.json()) as { messages: SandboxMessage[] }).messages;
  }

  return {
    baton,
    app,
    db: opened.db,
    config,
    post,
    messages,
    /** The bot's replies (texts) in order. */
    async replies(waId: string) {
      return (await messages(waId)).filter((m) => m.direction === 'out').map((m) => m.text ?? '');
    },
    /** The packets of the handoffs created so far, oldest first. */
    async packets(): Promise<Packet[]> {
      const rows = await opened.db.select().from(handoffs).orderBy(handoffs.createdAt);
      return rows.map((row) => row.packet as Packet);
    },
    close() {
      baton.stop();
      opened.close();
    },
  };
}

export interface SandboxMessage {
  id: string;
  direction: 'in' | 'out';
  author: string;
  type: string;
  text: string | null;
  buttons?: { id: string; title: string }[];
  status: string;
  at: string;
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;
