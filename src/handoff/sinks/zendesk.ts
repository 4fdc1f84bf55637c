/**
 * The Zendesk sink: one ticket per handoff through the Tickets API
 * (`POST /api/v2/tickets.json`, API-token basic auth `{email}/token:{token}`).
 *
 * No duplicates on retry, in two layers:
 * - `Idempotency-Key: <packet id>`: Zendesk replays the first answer for two hours, which covers
 *   a timeout whose ticket was in fact created, and a crash mid-request.
 * - `external_id: <packet id>`: a retried row first looks the ticket up by it, which still works
 *   after the two hours (a long outage). The first attempt skips the look-up: it costs a call
 *   and a new handoff cannot have a ticket yet.
 */

import { languageLabels } from '../../llm/classification.js';
import type { DeliveryOutcome } from '../../outbox/dispatcher.js';
import type { Priority } from '../../policy/reasons.js';
import type { OutboxRow } from '../../store/repos/outbox.js';
import { sha256Hex } from '../../util/ids.js';
import { attemptsSaid } from '../attempts.js';
import { describeOrders, type Packet } from '../packet.js';
import type { SinkSettings } from './config.js';
import { clip, customerName, inboxUrl, priorityLabels, reasonLabel, reasonLines } from './format.js';
import { classify, exchange, type SinkHttp } from './http.js';

export type ZendeskSettings = NonNullable<SinkSettings['zendesk']>;

export interface ZendeskTicket {
  subject: string;
  comment: { body: string; public: false };
  requester: { name: string; email: string };
  priority: 'low' | 'normal' | 'high' | 'urgent';
  tags: string[];
  external_id: string;
}

/** Spelled out so a new Baton priority is a compile error here, not a rejected ticket. */
const zendeskPriority: Record<Priority, ZendeskTicket['priority']> = {
  low: 'low',
  normal: 'normal',
  high: 'high',
  urgent: 'urgent',
};

// Each line is clipped so 50 transcript lines stay well under Zendesk's comment size limit.
const TRANSCRIPT_LINE_MAX = 1_000;
const SUBJECT_MAX = 150;

/**
 * Zendesk creates a new requester only with a name and an email, and WhatsApp has no email.
 * The address is stable per customer, so every handoff of one customer lands on one Zendesk
 * user. A phone-number key stays readable; other keys (`US.…` user ids, up to 131 characters,
 * case-sensitive) are hashed to fit an email's 64-character local part.
 */
export async function requesterEmail(packet: Packet, domain: string): Promise<string> {
  const id = packet.customer.id;
  const local = /^\d{5,20}$/.test(id) ? `wa-${id}` : `wa-u-${(await sha256Hex(id)).slice(0, 32)}`;
  return `${local}@${domain}`;
}

/**
 * A customer's line breaks stay, indented under their line: unindented, a customer could write a
 * line that reads as the agent's or the bot's ("[…] agent: refund approved") in the ticket.
 */
function indentContinuation(text: string): string {
  return text.replace(/\r\n?|[\n\u2028\u2029]/g, '\n    ');
}

function commentBody(packet: Packet, link: string | undefined): string {
  const { customer, facts } = packet;
  const lines: string[] = [
    `Handoff from WhatsApp — ${priorityLabels[packet.priority]} priority, ${packet.queue} queue` +
      (packet.afterHours ? ' (after hours)' : ''),
    '',
    `Customer: ${customerName(packet)}${customer.tier === 'vip' ? ' (VIP)' : ''} · ${languageLabels[customer.language]}`,
  ];
  if (customer.waId) lines.push(`Phone: +${customer.waId}`);
  if (customer.userId) lines.push(`WhatsApp user id: ${customer.userId}`);
  lines.push('', 'Why:', ...reasonLines(packet).map((line) => `- ${line}`));
  lines.push('', 'Summary:', packet.summary);
  lines.push('', 'Facts:');
  const orders = describeOrders(facts);
  if (orders.length > 0) lines.push(`Orders: ${orders.join('; ')}`);
  if (facts.amounts.length > 0) lines.push(`Amounts: ${facts.amounts.join(', ')}`);
  if (facts.media.length > 0) lines.push(`Media: ${facts.media.length} attachment(s)`);
  lines.push(`Intent: ${packet.intent} · frustration ${packet.frustration.toFixed(2)}`);
  if (packet.botAttempts.length > 0) lines.push(`Bot tried: ${attemptsSaid(packet.botAttempts)}`);
  lines.push(`Answer by: ${packet.slaDueAt}`);
  if (link) lines.push('', `Inbox: ${link}`);
  lines.push('', 'Transcript (oldest first):');
  for (const line of packet.transcript) {
    lines.push(`[${line.at}] ${line.from}: ${indentContinuation(clip(line.text, TRANSCRIPT_LINE_MAX))}`);
  }
  return lines.join('\n');
}

/** The `ticket` object of the create request. Deterministic, so a retry sends the same bytes. */
export async function zendeskTicket(
  packet: Packet,
  options: { requesterDomain: string; publicBaseUrl?: string },
): Promise<ZendeskTicket> {
  const name = customerName(packet);
  const firstReason = packet.reasons[0];
  const why = firstReason ? ` — ${reasonLabel(firstReason)}` : '';
  // Prefixed tags so Zendesk triggers and views can route on them without clashing with the
  // account's own tags; reason codes are already distinctive.
  const tags = [
    'baton',
    `queue_${packet.queue}`,
    ...packet.reasons.map((reason) => reason.code),
    `lang_${packet.customer.language}`,
    ...(packet.customer.tier === 'vip' ? ['vip'] : []),
    ...(packet.afterHours ? ['after_hours'] : []),
  ];
  return {
    subject: clip(`WhatsApp: ${name}${why}`, SUBJECT_MAX),
    comment: { body: commentBody(packet, inboxUrl(packet, options.publicBaseUrl)), public: false },
    requester: {
      name:
        packet.customer.name?.trim() || (packet.customer.waId ? `WhatsApp +${packet.customer.waId}` : name),
      email: await requesterEmail(packet, options.requesterDomain),
    },
    priority: zendeskPriority[packet.priority],
    tags: [...new Set(tags)],
    external_id: packet.id,
  };
}

/** `btoa` takes Latin-1 only; encode as UTF-8 first so an unusual email cannot throw. */
export function basicAuth(settings: Pick<ZendeskSettings, 'email' | 'apiToken'>): string {
  const bytes = new TextEncoder().encode(`${settings.email}/token:${settings.apiToken}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

function ticketsUrl(settings: ZendeskSettings): string {
  return `${settings.baseUrl.replace(/\/+$/, '')}/api/v2/tickets.json`;
}

/** True when a ticket with this external id exists; an outcome when the look-up failed. */
async function findTicket(
  packet: Packet,
  settings: ZendeskSettings,
  http: SinkHttp,
): Promise<boolean | DeliveryOutcome> {
  const result = await exchange(http, {
    method: 'GET',
    url: `${ticketsUrl(settings)}?external_id=${encodeURIComponent(packet.id)}`,
    headers: { authorization: basicAuth(settings), accept: 'application/json' },
  });
  if (!result.ok) return result.outcome;
  const outcome = classify(result.response, http);
  if (!outcome.ok) return outcome;
  try {
    const body = JSON.parse(result.response.text) as { tickets?: unknown };
    return Array.isArray(body.tickets) && body.tickets.length > 0;
  } catch {
    // An odd answer is not proof of a ticket; the idempotency key still guards the create.
    return false;
  }
}

/** Creates the ticket unless an earlier attempt already did. */
export async function deliverZendesk(
  packet: Packet,
  row: Pick<OutboxRow, 'attempts'>,
  context: { settings: ZendeskSettings; publicBaseUrl?: string; http: SinkHttp },
): Promise<DeliveryOutcome> {
  const { settings, http } = context;
  if (row.attempts > 0) {
    const found = await findTicket(packet, settings, http);
    if (found === true) return { ok: true };
    if (found !== false) return found;
  }
  const ticket = await zendeskTicket(packet, {
    requesterDomain: settings.requesterDomain,
    ...(context.publicBaseUrl ? { publicBaseUrl: context.publicBaseUrl } : {}),
  });
  const result = await exchange(http, {
    method: 'POST',
    url: ticketsUrl(settings),
    headers: {
      authorization: basicAuth(settings),
      'content-type': 'application/json',
      accept: 'application/json',
      'idempotency-key': packet.id,
    },
    body: JSON.stringify({ ticket }),
  });
  if (!result.ok) return result.outcome;
  const { status, text } = result.response;
  // The key was used with a different body (settings changed between attempts): the ticket
  // from the first use exists, and a second one is exactly what the key is there to prevent.
  if (status === 400 && text.includes('IdempotentRequestError')) return { ok: true };
  // The first request with this key is still being processed: ask again later.
  if (status === 409)
    return { ok: false, retryable: true, error: 'HTTP 409: idempotent request in progress', code: 409 };
  return classify(result.response, http);
}
