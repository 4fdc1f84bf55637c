import { MediaError } from './errors.js';

/**
 * Runs `work` with a signal that aborts after `timeoutMs`, and turns that abort into a typed
 * timeout. Our own deadline rather than the SDK's `timeout`, which stops counting at the response
 * headers: a body that trickles in would otherwise keep the customer waiting.
 */
export async function withDeadline<T>(
  timeoutMs: number,
  what: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) {
      throw new MediaError('timeout', `${what}: no answer within ${timeoutMs} ms`, { cause: error });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
