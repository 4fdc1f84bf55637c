/**
 * One HTTP attempt for a sink, classified for the outbox. Retries and backoff belong to the
 * outbox, which is durable; this file only says whether another attempt could help.
 * `fetch` only, so it runs on Node and Workers alike.
 */
import { parseRetryAfter } from '../../channel/http.js';
import type { DeliveryOutcome } from '../../outbox/dispatcher.js';

export interface SinkRequest {
  method: 'POST' | 'GET';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface SinkHttp {
  fetch: typeof fetch;
  timeoutMs: number;
  /** Strings that must never reach a log or the outbox row: tokens, secrets, secret URLs. */
  secrets: readonly string[];
}

export interface SinkResponse {
  status: number;
  headers: Headers;
  text: string;
}

export type Exchange = { ok: true; response: SinkResponse } | { ok: false; outcome: DeliveryOutcome };

const MAX_BODY_IN_ERROR = 200;

/** Sends one request; a network error or a timeout comes back as a retryable outcome. */
export async function exchange(http: SinkHttp, request: SinkRequest): Promise<Exchange> {
  try {
    const response = await http.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      // A redirect would resend customer data (and a signature) to a host nobody configured.
      redirect: 'manual',
      signal: AbortSignal.timeout(http.timeoutMs),
    });
    const text = await response.text();
    return { ok: true, response: { status: response.status, headers: response.headers, text } };
  } catch (error) {
    const outcome: DeliveryOutcome = {
      ok: false,
      retryable: true,
      error: redact(describeFetchError(error, http.timeoutMs), http.secrets),
    };
    return { ok: false, outcome };
  }
}

/** 2xx delivered; 429 and 5xx worth another try (after Retry-After); anything else is final. */
export function classify(response: SinkResponse, http: SinkHttp): DeliveryOutcome {
  const { status } = response;
  if (status >= 200 && status < 300) return { ok: true };
  const retryable = status === 429 || status >= 500;
  const detail = response.text.replace(/\s+/g, ' ').trim().slice(0, MAX_BODY_IN_ERROR);
  const reason = status >= 300 && status < 400 ? 'unexpected redirect' : detail;
  const error = redact(reason ? `HTTP ${status}: ${reason}` : `HTTP ${status}`, http.secrets);
  const outcome: DeliveryOutcome = { ok: false, retryable, error, code: status };
  const retryAfterMs = retryable ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
  return retryAfterMs === undefined ? outcome : { ...outcome, retryAfterMs };
}

/** Removes every secret, longest first, so a secret that contains another is fully hidden. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join('[redacted]');
  }
  return out;
}

/**
 * The parts of a URL that grant access: the whole URL, and its path and query when they are
 * more than a fixed API route (Slack's `/services/T…/B…/…`, Teams' `sig=` query).
 */
export function urlSecrets(value: string): string[] {
  const url = new URL(value);
  const parts = [value, url.href];
  if (url.pathname.length > 1) parts.push(url.pathname);
  if (url.search.length > 1) parts.push(url.search.slice(1));
  for (const [, param] of url.searchParams) if (param.length >= 8) parts.push(param);
  return parts;
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return `timeout after ${timeoutMs} ms`;
  const message = error instanceof Error ? error.message : String(error);
  // Node says only "fetch failed"; the cause's code (ECONNREFUSED, ENOTFOUND) is what helps.
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return `network error: ${message}${code}`.slice(0, 300);
}
