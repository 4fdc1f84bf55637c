/** Exponential backoff with full jitter, capped; a server's Retry-After wins when longer. */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  options: { capMs?: number; retryAfterMs?: number; random?: () => number } = {},
): number {
  const cap = options.capMs ?? 5 * 60_000;
  const exponential = Math.min(cap, baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential / 2 + (options.random ?? Math.random)() * (exponential / 2);
  return Math.max(Math.round(jittered), options.retryAfterMs ?? 0);
}
