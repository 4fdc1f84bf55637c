/**
 * Outbox handlers for the handoff sinks, and the rows that schedule them.
 *
 * A handoff is stored (and shown in the built-in inbox) in its own batch together with these
 * rows; every external sink then runs from the outbox with retries. A sink that is down or
 * misconfigured ends as a `failed` row with a readable `last_error`: it never blocks, undoes or
 * loses the handoff.
 */
import { z } from 'zod';
import type { DeliveryOutcome, OutboxHandler } from '../../outbox/dispatcher.js';
import type { Db } from '../../store/db.js';
import type { OutboxRow } from '../../store/repos/outbox.js';
import { outbox } from '../../store/schema/index.js';
import { type Packet, packetSchema } from '../packet.js';
import { enabledSinks, type SinkKind, type SinkSettings, sinkKinds, sinkOutboxKind } from './config.js';
import { classify, exchange, type SinkHttp, type SinkRequest, urlSecrets } from './http.js';
import { slackMessage } from './slack.js';
import { teamsMessage } from './teams.js';
import { webhookRequest } from './webhook.js';
import { basicAuth, deliverZendesk } from './zendesk.js';

const sinkPayloadSchema = z.object({ packet: packetSchema });
export type SinkPayload = z.infer<typeof sinkPayloadSchema>;

/** Everything a log line or `last_error` must never contain. */
export function sinkSecrets(settings: SinkSettings): string[] {
  const secrets: string[] = [];
  if (settings.slack) secrets.push(...urlSecrets(settings.slack.webhookUrl));
  if (settings.teams) secrets.push(...urlSecrets(settings.teams.webhookUrl));
  if (settings.webhook) secrets.push(...urlSecrets(settings.webhook.url), settings.webhook.secret);
  if (settings.zendesk) {
    const auth = basicAuth(settings.zendesk);
    secrets.push(settings.zendesk.apiToken, auth, auth.slice('Basic '.length));
  }
  return secrets;
}

const json = { 'content-type': 'application/json; charset=utf-8' };

type Deliver = (packet: Packet, row: OutboxRow, http: SinkHttp) => Promise<DeliveryOutcome>;

async function post(http: SinkHttp, request: Omit<SinkRequest, 'method'>): Promise<DeliveryOutcome> {
  const result = await exchange(http, { method: 'POST', ...request });
  return result.ok ? classify(result.response, http) : result.outcome;
}

/** How each configured sink delivers one packet. */
function deliverers(settings: SinkSettings): Partial<Record<SinkKind, Deliver>> {
  const base = settings.publicBaseUrl ? { publicBaseUrl: settings.publicBaseUrl } : {};
  const { slack, webhook, zendesk, teams } = settings;
  return {
    ...(slack && {
      slack: (packet, _row, http) =>
        post(http, {
          url: slack.webhookUrl,
          headers: json,
          body: JSON.stringify(slackMessage(packet, base)),
        }),
    }),
    ...(webhook && {
      webhook: async (packet, row, http) => {
        const signed = await webhookRequest(packet, {
          secret: webhook.secret,
          deliveryId: `${packet.id}.${row.id}`,
        });
        return post(http, { url: webhook.url, headers: signed.headers, body: signed.body });
      },
    }),
    ...(zendesk && {
      zendesk: (packet, row, http) => deliverZendesk(packet, row, { settings: zendesk, http, ...base }),
    }),
    ...(teams && {
      teams: (packet, _row, http) =>
        post(http, {
          url: teams.webhookUrl,
          headers: json,
          body: JSON.stringify(teamsMessage(packet, base)),
        }),
    }),
  };
}

export interface SinkFailure {
  kind: SinkKind;
  packet: Packet;
  /** Already redacted: safe to show to agents. */
  error: string;
  code?: number;
}

export interface SinkHandlerOptions {
  fetch?: typeof fetch;
  /**
   * Called once when a sink fails for good, so the failure shows where agents look (a note on
   * the handoff) and not only in the outbox table.
   */
  onGiveUp?: (failure: SinkFailure) => Promise<void>;
}

/**
 * One handler per sink kind (`sink:slack`, `sink:webhook`, `sink:zendesk`, `sink:teams`). A kind
 * that is not configured any more drops its rows with a reason, rather than failing them: the
 * operator turned it off on purpose.
 */
export function sinkHandlers(
  settings: SinkSettings,
  options: SinkHandlerOptions = {},
): Record<string, OutboxHandler> {
  const http: SinkHttp = {
    // Bound: an unbound global fetch throws "Illegal invocation" on Workers.
    fetch: options.fetch ?? fetch.bind(globalThis),
    timeoutMs: settings.timeoutMs,
    secrets: sinkSecrets(settings),
  };
  const configured = deliverers(settings);
  const handlers: Record<string, OutboxHandler> = {};
  for (const kind of sinkKinds) {
    const deliver = configured[kind];
    handlers[sinkOutboxKind(kind)] = {
      async deliver(row: OutboxRow): Promise<DeliveryOutcome> {
        if (deliver === undefined) return { ok: false, drop: true, reason: `sink ${kind} is not configured` };
        const payload = sinkPayloadSchema.safeParse(row.payload);
        if (!payload.success) {
          // A stored packet that no longer parses will not parse on the next try either.
          return {
            ok: false,
            retryable: false,
            error: `bad ${kind} sink payload: ${z.prettifyError(payload.error)}`.slice(0, 500),
          };
        }
        return deliver(payload.data.packet, row, http);
      },
      async giveUp(row, error, code) {
        const payload = sinkPayloadSchema.safeParse(row.payload);
        // Without a packet there is no handoff to attach the failure to; the row keeps it.
        if (!payload.success || options.onGiveUp === undefined) return;
        await options.onGiveUp({
          kind,
          packet: payload.data.packet,
          error,
          ...(code === undefined ? {} : { code }),
        });
      },
    };
  }
  return handlers;
}

export type SinkOutboxRow = typeof outbox.$inferInsert;

/**
 * The outbox rows that deliver a handoff to every enabled sink; the handoff code inserts them in
 * the same batch as the handoff, so there is never a handoff without its notifications.
 *
 * `conversationId` is null on purpose. The dispatcher delivers a conversation's rows in order
 * and a row waiting for a retry holds back the ones behind it: sharing the conversation would
 * let a Slack outage delay the customer's WhatsApp messages (or a failing send delay the
 * notification). With null, each sink row is its own group, independent of the others.
 */
export function sinkOutboxRows(packet: Packet, settings: SinkSettings, now: number): SinkOutboxRow[] {
  const payload: SinkPayload = { packet };
  return enabledSinks(settings).map((kind) => ({
    kind: sinkOutboxKind(kind),
    conversationId: null,
    messageId: null,
    payload,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  }));
}

/** The insert for a batch, or nothing when no sink is enabled (an empty insert is an error). */
export function sinkOutboxStatements(db: Db, packet: Packet, settings: SinkSettings, now: number) {
  const rows = sinkOutboxRows(packet, settings, now);
  return rows.length === 0 ? [] : [db.insert(outbox).values(rows)];
}
