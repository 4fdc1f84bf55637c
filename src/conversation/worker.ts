import type { Logger } from '../log/logger.js';

export interface WorkerOptions {
  /** Handles every pending message of one conversation, oldest first. */
  drain: (conversationId: string) => Promise<void>;
  logger: Logger;
  /** Waits this long after the first message of a burst, so late-arriving earlier ones sort first. */
  settleMs: number;
  concurrency: number;
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
      } catch (error) {
        // A store error: the messages are still pending, so try again shortly rather than spin.
        this.options.logger.error('conversation drain failed', { conversationId, error });
        setTimeout(() => this.enqueue(conversationId), Math.max(1_000, this.options.settleMs));
      } finally {
        this.release();
        slot.running = undefined;
        if (slot.dirty) this.enqueue(conversationId);
        else this.slots.delete(conversationId);
        this.notifyIdle();
      }
    })();
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
