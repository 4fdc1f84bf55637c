import type { InboundMessage, InboundStatus } from '../channel/inbound.js';
import type { DeliveryChange } from '../inbox/delivery-events.js';
import type { Logger } from '../log/logger.js';
import type { Db } from '../store/db.js';
import { ingestInboundBatch } from '../store/repos/ingest.js';
import { type DeliveryStatusUpdate, deliveryStatusStatement } from '../store/repos/messages.js';
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
  /** Statuses that changed nothing: about a message we do not know, or no step forward. */
  staleStatuses: number;
  conversationIds: string[];
  /** Messages to customers the channel reports a step further (or failed), for the inbox to hear of. */
  deliveryChanges: DeliveryChange[];
}

type Parsed = { messages: InboundMessage[]; statuses: InboundStatus[] };

function emptySummary(): IngestSummary {
  return {
    stored: 0,
    duplicates: 0,
    statuses: 0,
    staleStatuses: 0,
    conversationIds: [],
    deliveryChanges: [],
  };
}

/**
 * Stores a webhook's messages and statuses durably; processing is scheduled by the caller.
 *
 * Group commit: webhooks that arrive while a write is being prepared or committed are stored
 * together in the next single atomic batch (one transaction, one fsync), and each call resolves
 * only once its own items are committed — so "stored before the 200" holds for every POST, and
 * under load the database cost per message falls instead of queueing one commit per request.
 * A lone webhook is written at once (after the current I/O callbacks), as before.
 */
export function ingestWebhook(deps: IngestDeps, parsed: Parsed): Promise<IngestSummary> {
  if (parsed.messages.length === 0 && parsed.statuses.length === 0) {
    return Promise.resolve(emptySummary());
  }
  let queue = queues.get(deps.db);
  if (queue === undefined) {
    queue = new GroupCommit(deps.db);
    queues.set(deps.db, queue);
  }
  return queue.add(deps, parsed);
}

/** One queue per database object; it holds only webhooks waiting for their commit. */
const queues = new WeakMap<Db, GroupCommit>();

/** The most webhooks one batch takes; the rest wait for the next. Bounds a statement list. */
const MAX_WEBHOOKS_PER_BATCH = 256;

const nextMacrotask: (run: () => void) => void =
  typeof setImmediate === 'function' ? (run) => setImmediate(run) : (run) => setTimeout(run, 0);

interface Waiting {
  deps: IngestDeps;
  parsed: Parsed;
  resolve: (summary: IngestSummary) => void;
  reject: (error: unknown) => void;
}

class GroupCommit {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(private readonly db: Db) {}

  add(deps: IngestDeps, parsed: Parsed): Promise<IngestSummary> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ deps, parsed, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    nextMacrotask(() => void this.drain());
  }

  /** Writes what is waiting, batch after batch; one batch is in flight at a time. */
  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MAX_WEBHOOKS_PER_BATCH);
        await this.write(batch);
      }
    } finally {
      this.scheduled = false;
      if (this.waiting.length > 0) this.schedule();
    }
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      const summaries = await storeTogether(this.db, batch);
      batch.forEach((item, i) => {
        const summary = summaries[i];
        if (summary) item.resolve(summary);
        else item.reject(new Error('group commit lost a summary'));
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // One bad webhook must not fail the others: store each on its own, so only it errors.
      for (const item of batch) {
        try {
          const [summary] = await storeTogether(this.db, [item]);
          if (summary) item.resolve(summary);
          else item.reject(new Error('group commit lost a summary'));
        } catch (single) {
          item.reject(single);
        }
      }
    }
  }
}

/** Stores several webhooks' messages in one atomic batch, then their statuses in another. */
async function storeTogether(db: Db, batch: readonly Waiting[]): Promise<IngestSummary[]> {
  const [first] = batch;
  if (first === undefined) return [];
  const now = first.deps.clock.now();
  const messages = batch.flatMap((item) => item.parsed.messages);
  const results = await ingestInboundBatch(db, messages, now);

  const updates = batch.flatMap((item) => item.parsed.statuses.map(statusUpdate));
  const [firstUpdate, ...otherUpdates] = updates.map((update) => deliveryStatusStatement(db, update, now));
  const applied = firstUpdate ? await db.batch([firstUpdate, ...otherUpdates]) : [];

  let m = 0;
  let s = 0;
  return batch.map((item) => {
    const summary = emptySummary();
    const conversations = new Set<string>();
    for (const message of item.parsed.messages) {
      const result = results[m++];
      if (result?.inserted) {
        summary.stored++;
        conversations.add(result.conversationId);
      } else if (result?.erased) {
        summary.duplicates++;
        item.deps.logger.info('message of an erased customer ignored', { externalId: message.externalId });
      } else {
        summary.duplicates++;
        item.deps.logger.info('duplicate delivery ignored', { externalId: message.externalId });
      }
    }
    for (const status of item.parsed.statuses) {
      const changed = applied[s++] ?? [];
      for (const { conversationId, handoffId } of changed) {
        summary.deliveryChanges.push({ conversationId, handoffId, status: status.status });
      }
      if (changed.length > 0) summary.statuses++;
      else {
        summary.staleStatuses++;
        item.deps.logger.debug('status not applied', {
          externalId: status.externalId,
          status: status.status,
        });
      }
    }
    summary.conversationIds = [...conversations];
    return summary;
  });
}

function statusUpdate(status: InboundStatus): DeliveryStatusUpdate {
  const [error] = status.errors;
  return {
    externalId: status.externalId,
    status: status.status,
    // Twilio often sends only the code: "twilio error 63016" says more than "failed"
    ...(error
      ? {
          errorCode: error.code,
          error: error.title ?? error.message ?? `${status.channel} error ${error.code}`,
        }
      : {}),
  };
}
