import type { Hono } from 'hono';
import { createApp } from './app.js';
import type { Transports } from './channel/channels.js';
import type { Config } from './config/config.js';
import { deadLetterOldest } from './conversation/dead-letter.js';
import { ingestWebhook, type Scheduler } from './conversation/ingest.js';
import { createDrain, type HandleTurn } from './conversation/turn.js';
import { ConversationWorker } from './conversation/worker.js';
import type { Deps, Pipeline } from './deps.js';
import { sinkHandlers } from './handoff/sinks/handlers.js';
import type { AppEnv } from './http/context.js';
import type { Metrics } from './http/metrics.js';
import { tellInboxOfDelivery } from './inbox/delivery-events.js';
import type { InboxEvents } from './inbox/events.js';
import type { Logger } from './log/logger.js';
import type { MediaFetcher } from './media/fetch-media.js';
import { OutboxDispatcher } from './outbox/dispatcher.js';
import { sendHandler } from './outbox/send.js';
import { policyConfigFrom } from './policy/policy-config.js';
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
  /** By channel; replies leave through the channel their conversation came in on. */
  transports: Transports;
  handleTurn: HandleTurn;
  version: string;
  /** For the sinks' HTTP calls; tests point it at local receivers. */
  fetch?: typeof fetch;
  /** The files customers sent, for agents to open from the inbox. */
  mediaFetcher?: MediaFetcher;
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

/** How a runtime processes what the webhook stored: where conversations go, how sends are woken. */
export interface Processing {
  /** Node: the in-process ConversationWorker; Workers: a Durable Object per conversation. */
  scheduler: Scheduler;
  /** Asks the outbox to deliver what is due now; never waits for the sends. */
  kickOutbox: () => void;
}

/** The outbox with its handlers: WhatsApp sends and the handoff sinks. */
export function createOutbox(options: BatonOptions): OutboxDispatcher {
  const { config, db, clock, logger, transports } = options;
  return new OutboxDispatcher({
    db,
    clock,
    logger,
    handlers: {
      send: sendHandler({ db, transports, clock, logger, events: options.events }),
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
    leaseMs: config.OUTBOX_LEASE_MS,
    onOutcome: (kind, outcome, code) =>
      options.metrics.inc(
        'baton_outbox_attempts_total',
        'Delivery attempts of the outbox (WhatsApp sends, sink notifications) by kind, outcome and the provider error code.',
        { kind, outcome, ...(code === undefined ? {} : { code: String(code) }) },
      ),
  });
}

/** Handles one conversation's pending messages in order; replies wake the outbox. */
export function createConversationDrain(
  options: BatonOptions,
  kickOutbox: () => void,
): (conversationId: string) => Promise<void> {
  const { db, clock, logger, transports } = options;
  return createDrain({
    db,
    clock,
    logger,
    handleTurn: options.handleTurn,
    rateLimitPerMinute: options.config.CUSTOMER_RATE_LIMIT_PER_MINUTE,
    onReplies: kickOutbox,
    markRead: async (channel, externalId) => {
      if (externalId) await transports[channel]?.markRead(externalId).catch(() => undefined);
    },
  });
}

/** What the HTTP app needs: the webhook stores, then hands each conversation to the scheduler. */
export function createDeps(options: BatonOptions, processing: Processing): Deps {
  const { config, db, clock, logger } = options;
  const pipeline: Pipeline = {
    async accept(parsed) {
      const summary = await ingestWebhook({ db, clock, logger }, parsed);
      for (const id of summary.conversationIds) await processing.scheduler.enqueue(id);
      for (const change of summary.deliveryChanges) {
        await tellInboxOfDelivery({ db, events: options.events, logger }, change);
      }
      return summary;
    },
  };
  return {
    config,
    db,
    clock,
    logger,
    pipeline,
    events: options.events,
    metrics: options.metrics,
    ...(options.mediaFetcher ? { mediaFetcher: options.mediaFetcher } : {}),
    lifecycle: {
      db,
      clock,
      logger,
      events: options.events,
      kickOutbox: processing.kickOutbox,
      templates: config.WHATSAPP_TEMPLATES,
      windowMarginMs: config.WHATSAPP_WINDOW_MARGIN_MINUTES * 60_000,
      businessHours: policyConfigFrom(config).businessHours,
    },
    version: options.version,
  };
}

/** Wires the in-process pipeline (Node): webhook → store → conversation worker → agent → outbox. */
export function createBaton(options: BatonOptions): Baton {
  const { config, db, logger } = options;
  const outbox = createOutbox(options);
  const kickOutbox = () => void outbox.kick();
  const worker = new ConversationWorker({
    drain: createConversationDrain(options, kickOutbox),
    logger,
    settleMs: config.CONVERSATION_SETTLE_MS,
    concurrency: config.WORKER_CONCURRENCY,
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    baseDelayMs: config.OUTBOX_BASE_DELAY_MS,
    deadLetter: async (conversationId, error, attempts) => {
      await deadLetterOldest(db, conversationId, error, attempts, options.clock.now());
    },
  });
  const deps = createDeps(options, { scheduler: worker, kickOutbox });
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
