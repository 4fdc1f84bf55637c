import type { Logger } from '../log/logger.js';
import { backoffDelay } from '../outbox/backoff.js';

/** The slice of Durable Object storage the runner needs; a Map in tests. */
export interface RunnerStorage {
  get<T>(key: string): Promise<T | undefined>;
  put<T>(key: string, value: T): Promise<void>;
  delete(key: string): Promise<boolean>;
  setAlarm(scheduledTime: number): Promise<void>;
}

export interface RunnerOptions {
  storage: RunnerStorage;
  now: () => number;
  logger: Logger;
  /** Waits this long after a message, at most 5× after the first of a burst (CONVERSATION_SETTLE_MS). */
  settleMs: number;
  /** Drains that fail in a row before the message at the head is dead-lettered (OUTBOX_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** First retry delay, doubling with jitter (OUTBOX_BASE_DELAY_MS). */
  baseDelayMs: number;
}

export interface RunnerWork {
  /** Handles the conversation's pending messages oldest first (`createDrain`). */
  drain(conversationId: string): Promise<void>;
  /** Marks the oldest pending message failed with the error, where agents and metrics see it. */
  deadLetter(conversationId: string, error: string, attempts: number): Promise<void>;
}

const KEY = {
  conversation: 'conversationId',
  burst: 'burstStartedAt',
  attempts: 'attempts',
  retryAt: 'retryAt',
} as const;

/**
 * One conversation's scheduling, kept in its Durable Object's storage so it survives eviction:
 * `schedule` sets the alarm after the settle wait (never before a pending retry, since the
 * failing message is still first in line), `run` is the alarm. The Node ConversationWorker does
 * the same with timers in one process.
 */
export class ConversationRunner {
  constructor(private readonly options: RunnerOptions) {}

  async schedule(conversationId: string): Promise<void> {
    const { storage, settleMs } = this.options;
    const now = this.options.now();
    await storage.put(KEY.conversation, conversationId);
    let burst = await storage.get<number>(KEY.burst);
    if (burst === undefined) {
      burst = now;
      await storage.put(KEY.burst, burst);
    }
    const retryAt = (await storage.get<number>(KEY.retryAt)) ?? 0;
    await storage.setAlarm(Math.max(Math.min(now + settleMs, burst + settleMs * 5), retryAt));
  }

  async run(work: RunnerWork): Promise<void> {
    const { storage, logger } = this.options;
    const conversationId = await storage.get<string>(KEY.conversation);
    if (conversationId === undefined) return;
    await storage.delete(KEY.burst);
    try {
      await work.drain(conversationId);
      await storage.delete(KEY.attempts);
      await storage.delete(KEY.retryAt);
      return;
    } catch (error) {
      const attempts = ((await storage.get<number>(KEY.attempts)) ?? 0) + 1;
      if (attempts < this.options.maxAttempts) {
        const retryAt = this.options.now() + backoffDelay(attempts, this.options.baseDelayMs);
        await storage.put(KEY.attempts, attempts);
        await storage.put(KEY.retryAt, retryAt);
        await storage.setAlarm(retryAt);
        logger.warn('conversation drain failed; will retry', { conversationId, attempts, error });
        return;
      }
      // Dead letter: the message at the head is set aside, visibly, so the ones behind it go on.
      // If even that write fails, the alarm throws and the platform retries it.
      await work.deadLetter(conversationId, String(error), attempts);
      logger.error('conversation drain failed for good; message marked failed', {
        conversationId,
        attempts,
        error,
      });
      await storage.delete(KEY.attempts);
      await storage.delete(KEY.retryAt);
      await storage.setAlarm(this.options.now());
    }
  }
}
