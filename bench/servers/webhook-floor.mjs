import { serve } from '@hono/node-server';
import { createApp } from '../../src/app.js';
import { createDeps } from '../../src/baton.js';
import { loadConfig } from '../../src/config/config.js';
import { batchedWrite } from '../../src/log/batched-write.js';
import { createLogger } from '../../src/log/logger.js';
import { openLibsql } from '../../src/store/libsql.js';
import { migrateLibsql } from '../../src/store/migrate.js';
import { systemClock } from '../../src/util/clock.js';
import { wireAdapters } from '../../src/wiring.js';

/**
 * The ingest benchmark's second yardstick: Baton's own app and webhook route as `npm start` serves
 * it — body limit, signature over the raw bytes, JSON and zod parsing, per-item parsing, the
 * request log line, metrics — with the storage step answered at once instead of written. What the route costs before the database, on the same machine and load.
 */
const config = loadConfig(process.env);
const output = batchedWrite((chunk) => process.stdout.write(chunk), setImmediate);
const logger = createLogger({ level: config.LOG_LEVEL, write: output.line });
const { db } = openLibsql('file::memory:');
await migrateLibsql(db, { file: false });
const { options } = wireAdapters({ config, db, clock: systemClock, logger, knowledge: [], version: 'bench' });
const deps = createDeps(options, { scheduler: { enqueue: () => {} }, kickOutbox: () => {} });
const app = createApp({
  ...deps,
  pipeline: {
    accept: async ({ messages, statuses }) => ({
      stored: messages.length,
      duplicates: 0,
      statuses: statuses.length,
      staleStatuses: 0,
      conversationIds: [],
      deliveryChanges: [],
    }),
  },
});
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
