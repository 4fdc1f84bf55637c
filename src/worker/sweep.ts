import { runHandoffTimers, timerContext } from '../handoff/timers.js';
import { conversationsWithPendingInbound } from '../store/repos/messages.js';
import type { WorkerEnv } from './env.js';
import { conversationScheduler, wakeOutbox } from './processing.js';
import { workerRuntime } from './runtime.js';

/**
 * The cron trigger's job (every minute), Node's "recovery on start" and handoff timer for a
 * runtime that never starts: a message stored while its object could not be reached is scheduled
 * again; a handoff past its SLA is raised and an idle one handed back, as Node's interval does;
 * and the outbox is woken, for a kick that was lost or the raised handoffs' notifications.
 * Scheduling a conversation twice is harmless; its object runs it once.
 */
export async function sweep(env: WorkerEnv, now: number): Promise<void> {
  const { db, logger, config, wired } = workerRuntime(env);
  const scheduler = conversationScheduler(env, logger);
  const pending = await conversationsWithPendingInbound(db);
  if (pending.length > 0) logger.info('sweep: scheduling pending conversations', { count: pending.length });
  for (const conversationId of pending) await scheduler.enqueue(conversationId);
  await runHandoffTimers(timerContext(config, db, logger, wired.options.events), now).catch(
    (error: unknown) => logger.error('handoff timers failed', { error }),
  );
  await wakeOutbox(env, logger);
}
