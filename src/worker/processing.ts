import type { Processing } from '../baton.js';
import type { Scheduler } from '../conversation/ingest.js';
import type { Logger } from '../log/logger.js';
import { type ExecutionContext, OUTBOX_OBJECT, type WorkerEnv } from './env.js';

/**
 * Hands a stored conversation to its Durable Object. A failure is logged, not thrown: the message
 * is already stored, Meta must get its 200, and the cron sweep schedules it again within a minute.
 */
export function conversationScheduler(env: WorkerEnv, logger: Logger): Scheduler {
  return {
    async enqueue(conversationId) {
      try {
        await env.CONVERSATIONS.getByName(conversationId).schedule(conversationId);
      } catch (error) {
        logger.error('conversation not scheduled; the sweep will retry', { conversationId, error });
      }
    },
  };
}

/** Wakes the outbox object; a lost wake-up only delays sends until the next sweep. */
export async function wakeOutbox(env: WorkerEnv, logger: Logger): Promise<void> {
  try {
    await env.OUTBOX.getByName(OUTBOX_OBJECT).kick();
  } catch (error) {
    logger.error('outbox not woken; the sweep will retry', { error });
  }
}

/** Processing for one request: conversations to their objects, wake-ups kept alive by `waitUntil`. */
export function requestProcessing(env: WorkerEnv, ctx: ExecutionContext, logger: Logger): Processing {
  return {
    scheduler: conversationScheduler(env, logger),
    kickOutbox: () => ctx.waitUntil(wakeOutbox(env, logger)),
  };
}
