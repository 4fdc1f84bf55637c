import { serve } from '@hono/node-server';
import { createApp } from '../../build/app.js';
import { createDeps } from '../../build/baton.js';
import { loadConfig } from '../../build/config/config.js';
import { batchedWrite } from '../../build/log/batched-write.js';
import { createLogger } from '../../build/log/logger.js';
import { openLibsql } from '../../build/store/libsql.js';
import { migrateLibsql } from '../../build/store/migrate.js';
import { systemClock } from '../../build/util/clock.js';
import { wireAdapters } from '../../build/wiring.js';

/**
 * The ingest benchmark's second yardstick: Baton's own app and webhook route as `npm start` serves
 * it — body limit, signature over the raw bytes, JSON and zod parsing, per-item parsing, the
 * request log line, metrics — with the storage step answered at once instead of written. What the
 * route costs before the database, on the same machine and load. JavaScript over the compiled
 * `build/` (`npm run build`), so it runs as the server does, with no TypeScript loader.
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
