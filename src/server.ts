import type { Server } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { openDatabase } from './cli/database.js';
import { environment } from './cli/environment.js';
import { boundHeapGrowth } from './cli/heap-growth.js';
import { ConfigError, loadConfig } from './config/config.js';
import { startupWarnings } from './config/warnings.js';
import { runHandoffTimers, timerContext } from './handoff/timers.js';
import { KnowledgeFileError } from './knowledge/document.js';
import { loadKnowledgeFromDirectory } from './knowledge/load-fs.js';
import { batchedWrite } from './log/batched-write.js';
import { createLogger } from './log/logger.js';
import { DbOrders } from './orders/db-orders.js';
import { demoOrders } from './orders/demo-orders.js';
import { systemClock } from './util/clock.js';
import { wireBaton } from './wiring.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** How long requests in flight may take to finish once the process is asked to stop. */
const SHUTDOWN_GRACE_MS = 2_000;

/** The Node entry point: configuration from the environment, libSQL on disk, one process. */
async function main(): Promise<void> {
  boundHeapGrowth();
  const config = loadConfig(environment());
  const output = batchedWrite((chunk) => process.stdout.write(chunk), setImmediate);
  process.on('exit', output.flush);
  const logger = createLogger({ level: config.LOG_LEVEL, write: output.line });
  const { db, close } = await openDatabase(config, {
    backgroundCheckpoints: { onError: (error) => logger.warn('WAL checkpoint thread failed', { error }) },
  });
  if (config.demoOrders) await new DbOrders(db).upsert(demoOrders(Date.now()));

  const { version } = (await import('../package.json', { with: { type: 'json' } })).default;
  const knowledge = await loadKnowledgeFromDirectory(resolve(root, 'knowledge'));
  const baton = wireBaton({
    config,
    db,
    clock: systemClock,
    logger,
    knowledge,
    version,
  });
  await baton.start();
  const timers = setInterval(() => {
    runHandoffTimers(timerContext(config, db, logger, baton.agentDeps.events), Date.now())
      .then(() => baton.outbox.kick())
      .catch((error: unknown) => logger.error('handoff timers failed', { error }));
  }, config.HANDOFF_TIMER_INTERVAL_MS);
  for (const warning of startupWarnings(config, knowledge)) logger.warn(warning);
  // plain HTTP/1.1 (no createServer option is passed), so the http.Server connection methods exist
  const server = serve({ fetch: baton.app.fetch, port: config.PORT, hostname: config.listenHost }, (info) => {
    logger.info('baton listening', {
      host: info.address,
      port: info.port,
      channels: config.channels,
      llm: config.llmProvider,
    });
  }) as Server;
  // a port in use, or one the process may not bind, is said in a line, not an unhandled event
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `PORT: ${config.PORT} is already in use (another Baton, or another server)`
        : `cannot listen on PORT ${config.PORT}: ${error.message}`,
    );
    process.exit(1);
  });
  const shutdown = () => {
    clearInterval(timers);
    baton.stop();
    server.close(() => {
      close();
      process.exit(0);
    });
    // An open inbox holds its live event stream for ever: requests in flight get a moment to
    // finish, then every connection is cut (the inbox reconnects to the next process).
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  // what the operator must fix, in their words: no stack trace
  if (error instanceof ConfigError || error instanceof KnowledgeFileError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
