import type { InboundMessage, InboundStatus } from '../channel/inbound.js';
import type { Logger } from '../log/logger.js';
import type { Db } from '../store/db.js';
import { ingestInbound } from '../store/repos/ingest.js';
import { applyDeliveryStatus } from '../store/repos/messages.js';
import type { Clock } from '../util/clock.js';

/** Where stored messages go to be processed: the in-process worker on Node, a Queue on Workers. */
export interface Scheduler {
  enqueue(conversationId: string): void | Promise<void>;
}

export interface IngestDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
}

export interface IngestSummary {
  stored: number;
  duplicates: number;
  statuses: number;
  conversationIds: string[];
}

/** Stores a webhook's messages and statuses durably; processing is scheduled by the caller. */
export async function ingestWebhook(
  deps: IngestDeps,
  parsed: { messages: InboundMessage[]; statuses: InboundStatus[] },
): Promise<IngestSummary> {
  const summary: IngestSummary = { stored: 0, duplicates: 0, statuses: 0, conversationIds: [] };
  const conversations = new Set<string>();
  for (const message of parsed.messages) {
    const result = await ingestInbound(deps.db, message, deps.clock.now());
    if (result.inserted) {
      summary.stored++;
      conversations.add(result.conversationId);
    } else {
      summary.duplicates++;
      deps.logger.info('duplicate delivery ignored', { externalId: message.externalId });
    }
  }
  for (const status of parsed.statuses) {
    const [error] = status.errors;
    const applied = await applyDeliveryStatus(
      deps.db,
      {
        externalId: status.externalId,
        status: status.status,
        ...(error ? { errorCode: error.code, error: error.title ?? error.message ?? 'failed' } : {}),
      },
      deps.clock.now(),
    );
    if (applied) summary.statuses++;
    else deps.logger.debug('status not applied', { externalId: status.externalId, status: status.status });
  }
  summary.conversationIds = [...conversations];
  return summary;
}
