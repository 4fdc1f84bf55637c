/**
 * Lets the event loop run (HTTP requests, timers, I/O) before continuing.
 *
 * The embedded database answers synchronously, so a turn — many awaits on queries that are already
 * done — runs entirely in the microtask queue, and sixteen concurrent turns can keep the loop from
 * ever reaching the webhook's sockets for seconds: Meta would see timeouts and redeliver. The worker
 * and the checkpointer call this at a few points of every turn so that webhooks keep being
 * answered while conversations are handled.
 */
export const yieldToEventLoop: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise((resolve) => setImmediate(resolve))
    : () => new Promise((resolve) => setTimeout(resolve, 0));
