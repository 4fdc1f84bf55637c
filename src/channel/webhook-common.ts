import type { Context } from 'hono';
import { limitBody } from '../http/body-limit.js';
import type { AppEnv } from '../http/context.js';
import { BatonError } from '../http/errors.js';
import type { ParsedWebhook } from './inbound.js';

/** Every provider webhook refuses bodies over `WEBHOOK_BODY_LIMIT_BYTES` with 413. */
export const webhookBodyLimit = limitBody('webhook', (deps) => deps.config.WEBHOOK_BODY_LIMIT_BYTES);

/**
 * Messages to another number of the same account (a Meta app's test number, a second Twilio or
 * Infobip sender) are not ours to answer: a reply would leave from the configured number, not the
 * one they wrote to. A message that names no number of its own is kept.
 */
export function forOurNumber(
  parsed: ParsedWebhook,
  ourNumber: string | undefined,
  names: { field: string; setting: string },
): ParsedWebhook {
  if (ourNumber === undefined) return parsed;
  const ours = (message: ParsedWebhook['messages'][number]) =>
    message.phoneNumberId === '' || message.phoneNumberId === ourNumber;
  const others = parsed.messages.filter((message) => !ours(message));
  if (others.length === 0) return parsed;
  return {
    ...parsed,
    messages: parsed.messages.filter(ours),
    ignored: [
      ...parsed.ignored,
      ...others.map((message) => ({
        reason: 'sent to another phone number of the account',
        detail: `${names.field} ${message.phoneNumberId}, not ${names.setting}`,
      })),
    ],
  };
}

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
