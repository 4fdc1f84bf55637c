import type { Logger } from '../log/logger.js';
import type { Db } from '../store/db.js';
import {
  claimOutboxRow,
  finishOutboxRow,
  type OutboxRow,
  openOutboxRows,
  rescheduleOutboxRow,
} from '../store/repos/outbox.js';
import type { Clock } from '../util/clock.js';
import { backoffDelay } from './backoff.js';

export type DeliveryOutcome =
  | { ok: true }
  | { ok: false; retryable: boolean; error: string; code?: number; retryAfterMs?: number }
  /** Delivering would be wrong now (for example a bot reply after a handoff): never sent. */
  | { ok: false; drop: true; reason: string };

export interface OutboxHandler {
  deliver(row: OutboxRow): Promise<DeliveryOutcome>;
  /** Called once when a row fails for good, so the failure is visible where people look. */
  giveUp?(row: OutboxRow, error: string, code?: number): Promise<void>;
}

export interface DispatcherOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  handlers: Record<string, OutboxHandler>;
  maxAttempts: number;
  baseDelayMs: number;
  pollMs: number;
  concurrency?: number;
  /** How long a claimed row is reserved: a process that died mid-send frees it after this. */
  leaseMs: number;
  /** Told every attempt's outcome, for the metrics. */
  /** `code` is the provider's error code of a failed or retried attempt, when it gave one. */
  onOutcome?: (kind: string, outcome: DeliveryResult, code?: number) => void;
}

/** What became of one delivery attempt. */
export type DeliveryResult = 'delivered' | 'dropped' | 'retried' | 'failed';

/**
 * Delivers outbox rows: one conversation's rows strictly in order (a row waiting for a retry
 * holds back the ones after it), different conversations in parallel.
 */
export class OutboxDispatcher {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: DispatcherOptions) {}

  start(): void {
    this.timer ??= setInterval(() => this.kick(), this.options.pollMs);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Runs a pass soon; passes never overlap, a kick during one schedules another. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.pass();
        } while (this.again);
      } catch (error) {
        this.options.logger.error('outbox pass failed', { error });
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Waits for the current pass (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async pass(): Promise<void> {
    const now = this.options.clock.now();
    const rows = await openOutboxRows(this.options.db, now);
    const groups = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      const key = row.conversationId ?? `row:${row.id}`;
      const group = groups.get(key) ?? [];
      group.push(row);
      groups.set(key, group);
    }
    const queue = [...groups.values()];
    const workers = Array.from({ length: this.options.concurrency ?? 8 }, async () => {
      for (let group = queue.shift(); group; group = queue.shift()) await this.deliverInOrder(group);
    });
    await Promise.all(workers);
  }

  private async deliverInOrder(group: OutboxRow[]): Promise<void> {
    for (const row of group) {
      if (row.nextAttemptAt > this.options.clock.now()) return;
      const delivered = await this.deliverOne(row);
      if (!delivered) return;
    }
  }

  /** True when the row is finished (sent, dropped or failed for good). */
  private async deliverOne(row: OutboxRow): Promise<boolean> {
    const { db, clock, logger } = this.options;
    const handler = this.options.handlers[row.kind];
    if (handler === undefined) {
      await finishOutboxRow(db, row.id, 'failed', clock.now(), `no handler for ${row.kind}`);
      logger.error('outbox row has no handler', { outboxId: row.id, kind: row.kind });
      this.options.onOutcome?.(row.kind, 'failed');
      return true;
    }
    if (!(await claimOutboxRow(db, row, clock.now(), this.options.leaseMs))) return false;
    let outcome: DeliveryOutcome;
    try {
      outcome = await handler.deliver(row);
    } catch (error) {
      outcome = { ok: false, retryable: true, error: String(error) };
    }
    const now = clock.now();
    if (outcome.ok) {
      await finishOutboxRow(db, row.id, 'done', now);
      this.options.onOutcome?.(row.kind, 'delivered');
      return true;
    }
    if ('drop' in outcome) {
      await finishOutboxRow(db, row.id, 'dropped', now, outcome.reason);
      logger.info('outbox row dropped', { outboxId: row.id, kind: row.kind, reason: outcome.reason });
      this.options.onOutcome?.(row.kind, 'dropped');
      return true;
    }
    const attempts = row.attempts + 1;
    if (outcome.retryable && attempts < this.options.maxAttempts) {
      const delay = backoffDelay(attempts, this.options.baseDelayMs, {
        ...(outcome.retryAfterMs === undefined ? {} : { retryAfterMs: outcome.retryAfterMs }),
      });
      await rescheduleOutboxRow(db, row.id, attempts, now + delay, outcome.error, now);
      this.options.onOutcome?.(row.kind, 'retried', outcome.code);
      logger.warn('outbox delivery will be retried', {
        outboxId: row.id,
        kind: row.kind,
        attempts,
        code: outcome.code,
        // the provider's error line ("HTTP 503", "timeout"): never a message body
        error: outcome.error.slice(0, 200),
        delayMs: delay,
      });
      return false;
    }
    await finishOutboxRow(db, row.id, 'failed', now, outcome.error);
    this.options.onOutcome?.(row.kind, 'failed', outcome.code);
    await handler.giveUp?.(row, outcome.error, outcome.code);
    logger.error('outbox delivery failed for good', {
      outboxId: row.id,
      kind: row.kind,
      attempts,
      code: outcome.code,
      error: outcome.error.slice(0, 200),
    });
    return true;
  }
}
