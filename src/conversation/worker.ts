import type { Logger } from '../log/logger.js';
import { backoffDelay } from '../outbox/backoff.js';

export interface WorkerOptions {
  /** Handles every pending message of one conversation, oldest first. */
  drain: (conversationId: string) => Promise<void>;
  logger: Logger;
  /** Waits this long after the first message of a burst, so late-arriving earlier ones sort first. */
  settleMs: number;
  concurrency: number;
  /** Drains that fail in a row (a store error, not a failed turn) before the head message is set aside. */
  maxAttempts: number;
  /** First retry delay of a failed drain; doubles each time, with jitter (OUTBOX_BASE_DELAY_MS). */
  baseDelayMs: number;
  /** Marks the conversation's oldest pending message failed, so the ones behind it go on. */
  deadLetter: (conversationId: string, error: string, attempts: number) => Promise<void>;
}

interface Slot {
  timer?: ReturnType<typeof setTimeout>;
  /** When the first message of the current burst was scheduled. */
  firstAt?: number;
  running?: Promise<void>;
  dirty: boolean;
}

/**
 * The Node conversation queue: one conversation is drained by one task at a time, in order;
 * different conversations run concurrently up to a limit. State lives in the database; this
 * map only holds conversations with work in flight, so it does not grow with traffic.
 */
export class ConversationWorker {
  private readonly slots = new Map<string, Slot>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private idleWaiters: (() => void)[] = [];
  private stopped = false;
  /** Failed drains in a row, only for conversations whose last drain failed. */
  private readonly failures = new Map<string, number>();

  constructor(private readonly options: WorkerOptions) {}

  enqueue(conversationId: string): void {
    if (this.stopped) return;
    const slot = this.slots.get(conversationId) ?? { dirty: false };
    this.slots.set(conversationId, slot);
    if (slot.running) {
      slot.dirty = true;
      return;
    }
    // Each new message of a burst restarts the wait, up to a cap, so a chatty customer who
    // keeps typing is still answered.
    const now = Date.now();
    slot.firstAt ??= now;
    if (slot.timer) clearTimeout(slot.timer);
    const wait = Math.max(0, Math.min(this.options.settleMs, slot.firstAt + this.options.settleMs * 5 - now));
    slot.timer = setTimeout(() => this.run(conversationId, slot), wait);
  }

  /** Starts every scheduled drain now instead of after its settle wait. */
  flush(): void {
    for (const [id, slot] of this.slots) {
      if (!slot.timer) continue;
      clearTimeout(slot.timer);
      this.run(id, slot);
    }
  }

  /** Cancels scheduled drains (shutdown); their messages stay pending for the next start. */
  stop(): void {
    this.stopped = true;
    for (const [id, slot] of this.slots) {
      if (slot.timer) clearTimeout(slot.timer);
      if (!slot.running) this.slots.delete(id);
    }
    this.notifyIdle();
  }

  /** Resolves when no conversation is scheduled or running. */
  idle(): Promise<void> {
    if (this.slots.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  get inFlight(): number {
    return this.slots.size;
  }

  private run(conversationId: string, slot: Slot): void {
    slot.timer = undefined;
    slot.firstAt = undefined;
    slot.running = (async () => {
      await this.acquire();
      try {
        do {
          slot.dirty = false;
          await this.options.drain(conversationId);
        } while (slot.dirty);
        this.failures.delete(conversationId);
      } catch (error) {
        await this.failed(conversationId, error);
      } finally {
        this.release();
        slot.running = undefined;
        if (slot.dirty) this.enqueue(conversationId);
        else this.slots.delete(conversationId);
        this.notifyIdle();
      }
    })();
  }

  /**
   * A drain that throws (the database, not a turn: a failed turn is stored as failed) leaves its
   * messages pending. It is retried with backoff; after `maxAttempts` the message at the head is
   * set aside as failed, where agents see it, so one poisoned message cannot hold the rest.
   */
  private async failed(conversationId: string, error: unknown): Promise<void> {
    const { logger, maxAttempts, baseDelayMs } = this.options;
    const attempts = (this.failures.get(conversationId) ?? 0) + 1;
    let retryInMs = backoffDelay(attempts, baseDelayMs);
    if (attempts < maxAttempts) {
      this.failures.set(conversationId, attempts);
      logger.warn('conversation drain failed; will retry', { conversationId, attempts, retryInMs, error });
    } else {
      try {
        await this.options.deadLetter(conversationId, String(error), attempts);
        this.failures.delete(conversationId);
        retryInMs = 0;
        logger.error('conversation drain failed for good; message marked failed', {
          conversationId,
          attempts,
          error,
        });
      } catch (deadLetterError) {
        // The database is down: keep the messages and try again later, as for any failure.
        this.failures.set(conversationId, attempts);
        logger.error('dead letter failed; will retry', { conversationId, attempts, error: deadLetterError });
      }
    }
    setTimeout(() => this.enqueue(conversationId), retryInMs);
  }

  private async acquire(): Promise<void> {
    if (this.active < this.options.concurrency) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  private notifyIdle(): void {
    if (this.slots.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
