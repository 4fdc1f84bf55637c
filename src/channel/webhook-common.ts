import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../http/context.js';
import { BatonError } from '../http/errors.js';
import type { ParsedWebhook } from './inbound.js';

/**
 * Every provider webhook refuses bodies over `WEBHOOK_BODY_LIMIT_BYTES` with 413. A declared
 * length is checked from the header alone: Hono's middleware would first turn Node's request into
 * a web `Request` with a body stream, which costs more than the rest of a webhook together. A body
 * without a length (chunked) goes through Hono's middleware, which counts while it reads.
 */
export const webhookBodyLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const maxSize = c.var.deps.config.WEBHOOK_BODY_LIMIT_BYTES;
  const tooLarge = () => {
    throw new BatonError('payload_too_large', 'webhook body too large');
  };
  const declared = c.req.header('content-length');
  if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
    const bytes = Number(declared);
    if (!Number.isSafeInteger(bytes) || bytes < 0)
      throw new BatonError('bad_request', 'invalid content-length');
    if (bytes > maxSize) tooLarge();
    return next();
  }
  return bodyLimit({ maxSize, onError: tooLarge })(c, next);
};

/** A body that is not JSON is a 400 with a log line, never a 500. */
export function parseJsonBody(c: Context<AppEnv>, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    c.var.logger.warn('webhook body is not JSON', { bytes: text.length });
    throw new BatonError('bad_request', 'body is not JSON');
  }
}

const INBOUND_ITEMS = 'baton_webhook_items_total';
const INBOUND_ITEMS_HELP =
  'What accepted webhooks brought, by channel and result: stored, duplicate (a redelivery), status, stale_status (a status that changed nothing), ignored.';

/** Ignored items that are news for the operator, not noise: logged as warnings. */
const OPERATOR_REASONS = new Set(['webhook_error', 'unsupported_field']);

/**
 * Stores what a webhook brought and schedules it, logging what was ignored. Providers redeliver
 * anything but a 200, so ignored items are acknowledged like the rest.
 */
export async function acceptParsed(c: Context<AppEnv>, channel: string, parsed: ParsedWebhook) {
  for (const item of parsed.ignored) {
    // Meta reporting an error about the account or our messages wants a person to read it
    const level = OPERATOR_REASONS.has(item.reason) ? 'warn' : 'info';
    c.var.logger[level]('webhook item ignored', { channel, reason: item.reason, detail: item.detail });
  }
  const summary = await c.var.deps.pipeline.accept(parsed);
  const counted: [result: string, n: number][] = [
    ['stored', summary.stored],
    ['duplicate', summary.duplicates],
    ['status', summary.statuses],
    ['stale_status', summary.staleStatuses],
    ['ignored', parsed.ignored.length],
  ];
  for (const [result, n] of counted) {
    if (n > 0) c.var.deps.metrics.inc(INBOUND_ITEMS, INBOUND_ITEMS_HELP, { channel, result }, n);
  }
  c.set('logFields', {
    channel,
    stored: summary.stored,
    duplicates: summary.duplicates,
    statuses: summary.statuses,
    staleStatuses: summary.staleStatuses,
    ignored: parsed.ignored.length,
  });
  return summary;
}
