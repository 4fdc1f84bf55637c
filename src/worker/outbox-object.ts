import { DurableObject } from 'cloudflare:workers';
import { openOutboxRows } from '../store/repos/outbox.js';
import type { OutboxRpc, WorkerEnv } from './env.js';
import { nextOutboxWake } from './outbox-wake.js';
import { workerRuntime } from './runtime.js';

/** A row that stays due after a pass waits at least this long before the next one. */
const MIN_WAKE_GAP_MS = 1_000;

/**
 * The outbox on Workers: one object (named `outbox`) runs the same OutboxDispatcher as Node, so
 * one dispatcher delivers every row and a conversation's sends leave in order. Its alarm replaces
 * Node's polling: a kick wakes it now, a retry wakes it when the retry is due, the cron sweep
 * wakes it every minute in case a kick was lost.
 */
export class OutboxObject extends DurableObject<WorkerEnv> implements OutboxRpc {
  async kick(): Promise<void> {
    const now = Date.now();
    const alarm = await this.ctx.storage.getAlarm();
    if (alarm === null || alarm > now) await this.ctx.storage.setAlarm(now);
  }

  async alarm(): Promise<void> {
    const runtime = workerRuntime(this.env);
    await runtime.outbox().kick();
    const now = Date.now();
    const wake = nextOutboxWake(
      await openOutboxRows(runtime.db, Number.MAX_SAFE_INTEGER),
      now,
      MIN_WAKE_GAP_MS,
    );
    // A kick during the pass already set an earlier alarm; keep it.
    const alarm = await this.ctx.storage.getAlarm();
    if (wake !== undefined && (alarm === null || wake < alarm)) await this.ctx.storage.setAlarm(wake);
  }
}
