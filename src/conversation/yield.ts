/**
 * Lets the event loop run (HTTP requests, timers, I/O) before continuing.
 *
 * The embedded database answers synchronously, so a turn — many awaits on queries that are already
 * done — runs entirely in the microtask queue, and sixteen concurrent turns can keep the loop from
 * ever reaching the webhook's sockets for seconds: Meta would see timeouts and redeliver. The worker
 * and the checkpointer call this at a few points of every turn so that webhooks keep being
 * answered while conversations are handled.
 *
 * Waiters resume one per loop iteration, in order: were they all resumed in the same pass, sixteen
 * turns' worth of work would run back to back before the loop reached its sockets again. This
 * way a webhook waits for at most one piece of a turn, however many conversations are in flight.
 */
const schedule: (run: () => void) => void =
  typeof setImmediate === 'function' ? (run) => setImmediate(run) : (run) => setTimeout(run, 0);

const waiting: (() => void)[] = [];
let pumping = false;

function pump(): void {
  waiting.shift()?.();
  if (waiting.length > 0) schedule(pump);
  else pumping = false;
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!pumping) {
      pumping = true;
      schedule(pump);
    }
  });
}
