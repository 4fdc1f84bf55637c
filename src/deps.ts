import type { ParsedWebhook } from './channel/inbound.js';
import type { Config } from './config/config.js';
import type { IngestSummary } from './conversation/ingest.js';
import type { LifecycleContext } from './handoff/lifecycle/context.js';
import type { Metrics } from './http/metrics.js';
import type { InboxEvents } from './inbox/events.js';
import type { Logger } from './log/logger.js';
import type { MediaFetcher } from './media/fetch-media.js';
import type { Db } from './store/db.js';
import type { Clock } from './util/clock.js';

/** Stores what a webhook brought and schedules its processing. */
export interface Pipeline {
  accept(parsed: Pick<ParsedWebhook, 'messages' | 'statuses'>): Promise<IngestSummary>;
}

/** Everything the HTTP app needs, built by an entry point (src/server.ts, src/worker.ts). */
export interface Deps {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  pipeline: Pipeline;
  /** Handoff use cases (claim, reply, transfer, resolve) share this context. */
  lifecycle: LifecycleContext;
  events: InboxEvents;
  metrics: Metrics;
  /** The files customers sent, fetched from their channel for agents; none with the sandbox. */
  mediaFetcher?: MediaFetcher;
  version: string;
}
