import { DurableObject } from 'cloudflare:workers';
import { createConversationDrain } from '../baton.js';
import { deadLetterOldest } from '../conversation/dead-letter.js';
import { ConversationRunner } from './conversation-runner.js';
import type { ConversationRpc, WorkerEnv } from './env.js';
import { wakeOutbox } from './processing.js';
import { workerRuntime } from './runtime.js';

/**
 * One conversation's queue on Workers: a Durable Object per conversation (named by its id).
 * The platform runs one instance of it at a time and its alarm never overlaps itself, so the
 * conversation's messages are handled one at a time, oldest first (the drain reads them from
 * D1), while different conversations run in parallel on as many objects as there are. Why not
 * a Queue consumer: see the README, "Running on Cloudflare Workers".
 */
export class ConversationObject extends DurableObject<WorkerEnv> implements ConversationRpc {
  private runner(): ConversationRunner {
    const { config, logger } = workerRuntime(this.env);
    return new ConversationRunner({
      storage: this.ctx.storage,
      now: () => Date.now(),
      logger,
      settleMs: config.CONVERSATION_SETTLE_MS,
      maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
      baseDelayMs: config.OUTBOX_BASE_DELAY_MS,
    });
  }

  async schedule(conversationId: string): Promise<void> {
    await this.runner().schedule(conversationId);
  }

  async alarm(): Promise<void> {
    const runtime = workerRuntime(this.env);
    const wakes: Promise<void>[] = [];
    const drain = createConversationDrain(runtime.wired.options, () => {
      wakes.push(wakeOutbox(this.env, runtime.logger));
    });
    try {
      await this.runner().run({
        drain,
        deadLetter: async (conversationId, error, attempts) => {
          await deadLetterOldest(runtime.db, conversationId, error, attempts, Date.now());
        },
      });
    } finally {
      await Promise.all(wakes);
    }
  }
}
