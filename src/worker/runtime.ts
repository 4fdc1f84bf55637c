import packageJson from '../../package.json' with { type: 'json' };
import { createOutbox } from '../baton.js';
import type { Config } from '../config/config.js';
import { startupWarnings } from '../config/warnings.js';
import { createLogger, type Logger } from '../log/logger.js';
import { DbOrders } from '../orders/db-orders.js';
import { demoOrders } from '../orders/demo-orders.js';
import type { OutboxDispatcher } from '../outbox/dispatcher.js';
import type { Db } from '../store/db.js';
import { systemClock } from '../util/clock.js';
import { type Wired, wireAdapters } from '../wiring.js';
import { openWorkerDatabase } from './database.js';
import { configFromEnv, type WorkerEnv } from './env.js';
import { DurableObjectInboxEvents } from './inbox-events.js';
import { bundledKnowledge } from './knowledge.js';

/** What one isolate builds once from its bindings and reuses for every request and alarm. */
export interface WorkerRuntime {
  config: Config;
  logger: Logger;
  db: Db;
  wired: Wired;
  /** The outbox dispatcher; only the outbox object runs it, so sends keep their order. */
  outbox(): OutboxDispatcher;
  /** Seeds the demo orders once per isolate when no order API is configured, as Node does on start. */
  seed(): Promise<void>;
}

// Keyed by the bindings object: the environment arrives with each request, so nothing is built at
// import time, yet an isolate does not rebuild the agent and the knowledge index for every request.
const runtimes = new WeakMap<WorkerEnv, WorkerRuntime>();

export function workerRuntime(env: WorkerEnv): WorkerRuntime {
  const cached = runtimes.get(env);
  if (cached) return cached;
  const config = configFromEnv(env);
  const logger = createLogger({ level: config.LOG_LEVEL, fields: { runtime: 'workers' } });
  const knowledge = bundledKnowledge();
  for (const warning of startupWarnings(config, knowledge)) logger.warn(warning);
  const db = openWorkerDatabase(env.DB, config);
  const wired = wireAdapters({
    config,
    db,
    clock: systemClock,
    logger,
    knowledge,
    version: packageJson.version,
    // The agent publishes handoffs from conversation objects; inboxes listen in other isolates.
    events: new DurableObjectInboxEvents(env.INBOX_EVENTS, logger),
  });
  let outbox: OutboxDispatcher | undefined;
  let seeded = !config.demoOrders;
  const runtime: WorkerRuntime = {
    config,
    logger,
    db,
    wired,
    outbox: () => {
      outbox ??= createOutbox(wired.options);
      return outbox;
    },
    async seed() {
      if (seeded) return;
      try {
        await new DbOrders(db).upsert(demoOrders(Date.now()));
        seeded = true;
      } catch (error) {
        // Before `wrangler d1 migrations apply` the table is missing; /health reports the database.
        logger.error('demo orders not seeded', { error });
      }
    },
  };
  runtimes.set(env, runtime);
  return runtime;
}
