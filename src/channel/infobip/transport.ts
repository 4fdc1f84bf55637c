/**
 * The Infobip adapter of the `Transport` port: WhatsApp text, interactive buttons and lists, and
 * templates, with `Authorization: App <key>`.
 *
 * One attempt per call, classified; retries and backoff belong to the outbox, which is durable.
 * A 200 is not delivery: Infobip answers PENDING and reports delivery (or the closed 24-hour window)
 * later in a delivery report. Only `fetch` and `AbortSignal`, so it runs on Node and Workers alike.
 */
import { asRecord, readJson, refusedSend, unansweredSend } from '../http.js';
import type { OutboundMessage, Recipient, SendResult, Transport } from '../outbound.js';
import type { InfobipSettings } from './config.js';
import { classifyInfobipError } from './errors.js';

export interface InfobipTransportOptions {
  /** `https://xxxxx.api.infobip.com` (a bare host is accepted); tests point it at a local server. */
  baseUrl: string;
  apiKey: string;
  /** The business WhatsApp number, digits. */
  sender: string;
  /** Per request, including reading the response body. */
  timeoutMs: number;
  fetch?: typeof fetch;
}

type Json = Record<string, unknown>;

/** The endpoint path and JSON body of one outbound message. */
export function buildInfobipRequest(
  from: string,
  to: string,
  message: OutboundMessage,
): { path: string; body: Json } {
  switch (message.kind) {
    case 'text':
      return { path: '/whatsapp/1/message/text', body: { from, to, content: { text: message.text } } };
    case 'buttons':
      return {
        path: '/whatsapp/1/message/interactive/buttons',
        body: {
          from,
          to,
          content: {
            body: { text: message.text },
            action: { buttons: message.buttons.map((b) => ({ type: 'REPLY', id: b.id, title: b.title })) },
          },
        },
      };
    case 'list':
      return {
        path: '/whatsapp/1/message/interactive/list',
        body: {
          from,
          to,
          content: {
            body: { text: message.text },
            action: {
              title: message.button,
              sections: message.sections.map((section) => ({
                title: section.title,
                rows: section.rows.map((row) =>
                  row.description === undefined
                    ? { id: row.id, title: row.title }
                    : { id: row.id, title: row.title, description: row.description },
                ),
              })),
            },
          },
        },
      };
    case 'template':
      // The template endpoint is a bulk one: one message in `messages`.
      return {
        path: '/whatsapp/1/message/template',
        body: {
          messages: [
            {
              from,
              to,
              content: {
                templateName: message.name,
                templateData: { body: { placeholders: message.parameters } },
                language: message.language,
              },
            },
          ],
        },
      };
  }
}

/** `xxxxx.api.infobip.com` → `https://xxxxx.api.infobip.com`, without a trailing slash. */
export function infobipBaseUrl(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

export class InfobipTransport implements Transport {
  readonly name = 'infobip';
  readonly #options: InfobipTransportOptions;
  readonly #fetch: typeof fetch;
  readonly #base: string;

  constructor(options: InfobipTransportOptions) {
    this.#options = options;
    // Bind: an unbound global fetch throws "Illegal invocation" on Workers.
    this.#fetch = options.fetch ?? fetch.bind(globalThis);
    this.#base = infobipBaseUrl(options.baseUrl);
  }

  async send(to: Recipient, message: OutboundMessage): Promise<SendResult> {
    if (!to.waId) {
      return { ok: false, retryable: false, error: 'Infobip needs the customer phone number (no waId)' };
    }
    const request = buildInfobipRequest(this.#options.sender, to.waId, message);
    let response: Response;
    let body: unknown;
    try {
      response = await this.#post(request.path, request.body);
      body = await readJson(response);
    } catch (error) {
      return unansweredSend(error, this.#options.timeoutMs, this.#options.apiKey);
    }

    if (response.ok) return accepted(response.status, body);

    return refusedSend(response, classifyInfobipError(response.status, body), this.#options.apiKey);
  }

  /** Best effort: a missing blue tick must never fail the conversation. */
  async markRead(externalId: string): Promise<void> {
    const sender = encodeURIComponent(this.#options.sender);
    try {
      const response = await this.#post(
        `/whatsapp/1/senders/${sender}/message/${encodeURIComponent(externalId)}/read`,
        undefined,
      );
      await response.body?.cancel();
    } catch {
      // Swallowed on purpose (see above).
    }
  }

  #post(path: string, payload: Json | undefined): Promise<Response> {
    return this.#fetch(`${this.#base}${path}`, {
      method: 'POST',
      headers: {
        authorization: `App ${this.#options.apiKey}`,
        accept: 'application/json',
        ...(payload ? { 'content-type': 'application/json' } : {}),
      },
      ...(payload ? { body: JSON.stringify(payload) } : {}),
      signal: AbortSignal.timeout(this.#options.timeoutMs),
    });
  }
}

/**
 * A 2xx answer: `{messageId, status}` (single sends) or `{messages: [{messageId, status}]}`
 * (templates). A REJECTED status group is a refusal inside a 200 and is permanent.
 */
function accepted(httpStatus: number, body: unknown): SendResult {
  const root = asRecord(body);
  const first = Array.isArray(root?.messages) ? asRecord(root.messages[0]) : root;
  const id = first?.messageId;
  const status = asRecord(first?.status);
  if (status?.groupName === 'REJECTED') {
    const name = typeof status.name === 'string' ? status.name : 'REJECTED';
    const description = typeof status.description === 'string' ? `: ${status.description}` : '';
    const result: SendResult = {
      ok: false,
      retryable: false,
      error: `HTTP ${httpStatus} ${name}${description}`,
    };
    if (typeof status.id === 'number') result.code = status.id;
    return result;
  }
  if (typeof id === 'string' && id) return { ok: true, externalId: id };
  // Infobip accepted the call, so the message may be on its way: retrying could send it twice.
  return { ok: false, retryable: false, error: `HTTP ${httpStatus} without a message id` };
}

/** The transport for validated settings. */
export function infobipTransportFrom(settings: InfobipSettings, fetchImpl?: typeof fetch): InfobipTransport {
  return new InfobipTransport({
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    sender: settings.sender,
    timeoutMs: settings.timeoutMs,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}
