import type { Hono } from 'hono';
import { createApp } from './app.js';
import type { Transport } from './channel/outbound.js';
import type { Config } from './config/config.js';
import { ingestWebhook } from './conversation/ingest.js';
import { createDrain, type HandleTurn } from './conversation/turn.js';
import { ConversationWorker } from './conversation/worker.js';
import type { Deps, Pipeline } from './deps.js';
import { sinkHandlers } from './handoff/sinks/handlers.js';
import type { AppEnv } from './http/context.js';
import type { Metrics } from './http/metrics.js';
import type { InboxEvents } from './inbox/events.js';
import type { Logger } from './log/logger.js';
import { OutboxDispatcher } from './outbox/dispatcher.js';
import { sendHandler } from './outbox/send.js';
import type { Db } from './store/db.js';
import { conversationsWithPendingInbound } from './store/repos/messages.js';
import { handoffNotes } from './store/schema/index.js';
import type { Clock } from './util/clock.js';
import { newId } from './util/ids.js';

export interface BatonOptions {
  config: Config;
  events: InboxEvents;
  metrics: Metrics;
  db: Db;
  clock: Clock;
  logger: Logger;
  transport: Transport;
  handleTurn: HandleTurn;
  version: string;
  /** For the sinks' HTTP calls; tests point it at local receivers. */
  fetch?: typeof fetch;
}

export interface Baton {
  app: Hono<AppEnv>;
  deps: Deps;
  worker: ConversationWorker;
  outbox: OutboxDispatcher;
  /** Picks up messages stored but not handled before a restart, and starts outbox polling. */
  start(): Promise<void>;
  stop(): void;
  /** Resolves when every scheduled turn ran and every due send was attempted. */
  settled(): Promise<void>;
}

/** Wires the in-process pipeline: webhook → store → conversation worker → agent → outbox. */
export function createBaton(options: BatonOptions): Baton {
  const { config, db, clock, logger, transport } = options;
  const outbox = new OutboxDispatcher({
    db,
    clock,
    logger,
    handlers: {
      send: sendHandler({ db, transport, clock }),
      ...sinkHandlers(config.sinks, {
        ...(options.fetch ? { fetch: options.fetch } : {}),
        // A sink that fails for good says so on the handoff, where agents look.
        onGiveUp: async (failure) => {
          await db.insert(handoffNotes).values({
            id: newId('note'),
            handoffId: failure.packet.id,
            agentId: null,
            text: `${failure.kind} notification failed: ${failure.error}`,
            createdAt: clock.now(),
          });
        },
      }),
    },
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    baseDelayMs: config.OUTBOX_BASE_DELAY_MS,
    pollMs: config.OUTBOX_POLL_MS,
  });
  const worker = new ConversationWorker({
    drain: createDrain({
      db,
      clock,
      logger,
      handleTurn: options.handleTurn,
      onReplies: () => void outbox.kick(),
      markRead: async (externalId) => {
        if (externalId) await transport.markRead(externalId).catch(() => undefined);
      },
    }),
    logger,
    settleMs: config.CONVERSATION_SETTLE_MS,
    concurrency: config.WORKER_CONCURRENCY,
  });
  const pipeline: Pipeline = {
    async accept(parsed) {
      const summary = await ingestWebhook({ db, clock, logger }, parsed);
      for (const id of summary.conversationIds) worker.enqueue(id);
      return summary;
    },
  };
  const deps: Deps = {
    config,
    db,
    clock,
    logger,
    pipeline,
    events: options.events,
    metrics: options.metrics,
    lifecycle: {
      db,
      clock,
      logger,
      events: options.events,
      kickOutbox: () => void outbox.kick(),
      templates: config.WHATSAPP_TEMPLATES,
      windowMarginMs: config.WHATSAPP_WINDOW_MARGIN_MINUTES * 60_000,
    },
    version: options.version,
  };
  return {
    app: createApp(deps),
    deps,
    worker,
    outbox,
    async start() {
      const pending = await conversationsWithPendingInbound(db);
      if (pending.length > 0) logger.info('recovering unhandled messages', { conversations: pending.length });
      for (const id of pending) worker.enqueue(id);
      outbox.start();
      void outbox.kick();
    },
    stop() {
      worker.stop();
      outbox.stop();
    },
    async settled() {
      await worker.idle();
      await outbox.kick();
      await outbox.idle();
    },
  };
}
