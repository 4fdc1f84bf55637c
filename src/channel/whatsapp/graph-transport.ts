/**
 * The WhatsApp Cloud API (Graph API) adapter of the `Transport` port.
 *
 * It makes one attempt per call and classifies the outcome; retries and backoff belong to the
 * outbox, which is durable. Uses only `fetch`, so it runs on Node and Workers alike.
 */
import { asRecord, numericCode, readJson, refusedSend, type SendFailure, unansweredSend } from '../http.js';
import type { OutboundMessage, Recipient, SendResult, Transport } from '../outbound.js';

export interface GraphTransportOptions {
  /** e.g. `https://graph.facebook.com`; tests point it at a local server. */
  baseUrl: string;
  /** Pinned Graph version, e.g. `v23.0`. */
  apiVersion: string;
  phoneNumberId: string;
  accessToken: string;
  /** Per request, including reading the response body. */
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** Meta codes worth another attempt later: throttling, and Meta-side trouble (WHATSAPP.md table). */
const RETRYABLE_CODES: ReadonlySet<number> = new Set([
  130429, // throughput of the business number
  131056, // pair rate limit (same customer too fast)
  4, // app call-rate limit
  80007, // WABA call-rate limit
  131000, // unknown error: the outbox's attempt cap keeps this to "a few times"
  2, // API service temporarily down or overloaded
  131016, // a service is temporarily unavailable
  133004, // server temporarily unavailable
]);

/**
 * Codes that will fail the same way however often we retry. Listed explicitly because some come
 * with HTTP 5xx (code 3 is a permission problem answered with 500), which would otherwise look
 * transient.
 */
const PERMANENT_CODES: ReadonlySet<number> = new Set([
  131047, // 24-hour window closed: needs a template or an agent
  131026, // not deliverable
  131048,
  131049, // spam limit / Meta chose not to deliver
  131051,
  131052,
  131053, // unsupported type / media problems
  100,
  131008,
  131009,
  131021, // bad or missing parameter: a bug on our side
  132000,
  132001, // template parameters / template missing
  190,
  368,
  131031,
  133010, // token, policy block, account locked, number not registered
  0,
  3,
  10, // authentication and permission errors
]);

const MAX_ERROR_TEXT = 300;

/**
 * Pure classification of a failed Graph call from its HTTP status and (parsed JSON) body.
 * Meta asks integrators to branch on `error.code`, so a known code decides first; the HTTP status
 * decides otherwise (429 and 5xx transient, other 4xx permanent).
 */
export function classifyGraphError(httpStatus: number, body: unknown): SendFailure {
  const error = asRecord(asRecord(body)?.error);
  const code = numericCode(error?.code);
  const message = typeof error?.message === 'string' ? error.message : undefined;
  const details = asRecord(error?.error_data)?.details;

  let text = `HTTP ${httpStatus}`;
  if (code !== undefined) text += ` code ${code}`;
  if (message) text += `: ${message}`;
  if (typeof details === 'string' && details && details !== message) text += ` (${details})`;
  text = text.slice(0, MAX_ERROR_TEXT);

  let retryable: boolean;
  if (code !== undefined && PERMANENT_CODES.has(code)) retryable = false;
  else if (code !== undefined && RETRYABLE_CODES.has(code)) retryable = true;
  else retryable = httpStatus === 429 || httpStatus >= 500;

  return code === undefined ? { retryable, error: text } : { retryable, code, error: text };
}

type GraphBody = Record<string, unknown>;

/** The JSON body of `POST /{phone-number-id}/messages` for one outbound message. */
export function buildMessageBody(to: Recipient, message: OutboundMessage): GraphBody {
  // Meta: `to` (phone) wins when both are given; send only one so the intent is unambiguous.
  const address: GraphBody = to.waId ? { to: to.waId } : { recipient: to.userId };
  const base: GraphBody = { messaging_product: 'whatsapp', recipient_type: 'individual', ...address };
  switch (message.kind) {
    case 'text':
      return { ...base, type: 'text', text: { body: message.text, preview_url: false } };
    case 'buttons':
      return {
        ...base,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: message.text },
          action: {
            buttons: message.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })),
          },
        },
      };
    case 'list':
      return {
        ...base,
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: message.text },
          action: {
            button: message.button,
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
      };
    case 'template': {
      const template: GraphBody = { name: message.name, language: { code: message.language } };
      const parameters = message.parameters ?? [];
      if (parameters.length > 0) {
        template.components = [
          { type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) },
        ];
      }
      return { ...base, type: 'template', template };
    }
  }
}

export class GraphTransport implements Transport {
  readonly name = 'whatsapp';
  readonly #options: GraphTransportOptions;
  readonly #fetch: typeof fetch;
  readonly #url: string;

  constructor(options: GraphTransportOptions) {
    this.#options = options;
    // Bind: an unbound global fetch throws "Illegal invocation" on Workers.
    this.#fetch = options.fetch ?? fetch.bind(globalThis);
    const base = options.baseUrl.replace(/\/+$/, '');
    this.#url = `${base}/${options.apiVersion}/${options.phoneNumberId}/messages`;
  }

  async send(to: Recipient, message: OutboundMessage): Promise<SendResult> {
    if (!to.waId && !to.userId) {
      return { ok: false, retryable: false, error: 'recipient has neither phone nor user id' };
    }
    let response: Response;
    let body: unknown;
    try {
      response = await this.#post(buildMessageBody(to, message));
      body = await readJson(response);
    } catch (error) {
      return unansweredSend(error, this.#options.timeoutMs, this.#options.accessToken);
    }

    if (response.ok) {
      const messages = asRecord(body)?.messages;
      const id = Array.isArray(messages) ? asRecord(messages[0])?.id : undefined;
      if (typeof id === 'string' && id) return { ok: true, externalId: id };
      // Meta accepted the call, so the message may be on its way: retrying could send it twice.
      return { ok: false, retryable: false, error: `HTTP ${response.status} without a message id` };
    }

    return refusedSend(response, classifyGraphError(response.status, body), this.#options.accessToken);
  }

  /** Best effort: a missing blue tick or typing indicator must never fail the conversation. */
  async markRead(externalId: string): Promise<void> {
    try {
      const response = await this.#post({
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: externalId,
        typing_indicator: { type: 'text' },
      });
      await response.body?.cancel();
    } catch {
      // Swallowed on purpose (see above).
    }
  }

  #post(payload: GraphBody): Promise<Response> {
    return this.#fetch(this.#url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${this.#options.accessToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(this.#options.timeoutMs),
    });
  }
}
