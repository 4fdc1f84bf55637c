/** Helpers the provider transports share for talking to HTTP APIs. */

/** Parses a JSON body; a non-JSON body (an HTML 502 from a proxy) reads as `undefined`. */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A short, token-free description of a request that never got an answer. */
export function describeFetchError(error: unknown, timeoutMs: number, maxLength = 300): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return `timeout after ${timeoutMs} ms`;
  const message = error instanceof Error ? error.message : String(error);
  return `network error: ${message}`.slice(0, maxLength);
}

/** A parsed JSON value as an object to read fields from, or `undefined` when it is not one. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
