import type { SendResult } from './outbound.js';

/** Helpers the provider transports share for talking to HTTP APIs. */

/** A provider's refusal of a send, classified from its HTTP status and error body. */
export interface SendFailure {
  retryable: boolean;
  code?: number;
  error: string;
}

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

/** An error code sent as a number or as a string of digits (`"63016"`); anything else is none. */
export function numericCode(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** `Retry-After` as delta-seconds or an HTTP date, in milliseconds from `now`. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The secret as `[redacted]`: error text ends up in logs and the outbox row. */
export function redactSecret(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('[redacted]') : text;
}

/** A send that got no answer (timeout, network error): transient, the outbox retries with backoff. */
export function unansweredSend(error: unknown, timeoutMs: number, secret: string | undefined): SendResult {
  return { ok: false, retryable: true, error: redactSecret(describeFetchError(error, timeoutMs), secret) };
}

/** A send the provider refused, as classified; its `Retry-After`, when given, is kept. */
export function refusedSend(
  response: Response,
  failure: SendFailure,
  secret: string | undefined,
): SendResult {
  const result: SendResult = {
    ok: false,
    retryable: failure.retryable,
    error: redactSecret(failure.error, secret),
  };
  if (failure.code !== undefined) result.code = failure.code;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  if (retryAfterMs !== undefined) result.retryAfterMs = retryAfterMs;
  return result;
}
