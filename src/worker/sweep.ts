import { conversationsWithPendingInbound } from '../store/repos/messages.js';
import type { WorkerEnv } from './env.js';
import { conversationScheduler, wakeOutbox } from './processing.js';
import { workerRuntime } from './runtime.js';

/**
 * The cron trigger's job, Node's "recovery on start" for a runtime that never starts: a message
 * stored while its object could not be reached is scheduled again, and the outbox is woken in
 * case a kick was lost. Scheduling a conversation twice is harmless; its object runs it once.
 */
export async function sweep(env: WorkerEnv): Promise<void> {
  const runtime = workerRuntime(env);
  const scheduler = conversationScheduler(env, runtime.logger);
  const pending = await conversationsWithPendingInbound(runtime.db);
  if (pending.length > 0)
    runtime.logger.info('sweep: scheduling pending conversations', { count: pending.length });
  for (const conversationId of pending) await scheduler.enqueue(conversationId);
  await wakeOutbox(env, runtime.logger);
}
