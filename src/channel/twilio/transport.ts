/**
 * The Twilio adapter of the `Transport` port: `POST {base}/2010-04-01/Accounts/{sid}/Messages.json`,
 * form-encoded, basic auth `sid:token`, `From`/`To` as `whatsapp:+…`.
 *
 * One attempt per call, classified; retries and backoff belong to the outbox, which is durable.
 * Only `fetch`, `btoa` and `AbortSignal`, so it runs on Node and Workers alike.
 */
import { asRecord, numericCode, readJson, refusedSend, type SendFailure, unansweredSend } from '../http.js';
import {
  type OutboundMessage,
  type Recipient,
  type SendResult,
  type Transport,
  TWILIO_WINDOW_CLOSED,
} from '../outbound.js';
import { type TwilioSettings, twilioStatusCallbackUrl } from './config.js';
import { renderTwilioMessage, TWILIO_MAX_BODY_CHARS, type TwilioPart } from './render.js';

export interface TwilioTransportOptions {
  /** `https://api.twilio.com`; tests point it at a local server. */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** The business sender, `whatsapp:+14155238886` (a bare `+14155238886` is accepted too). */
  from: string;
  /** Per request, including reading the response body. */
  timeoutMs: number;
  /** Quick-reply Content template for the welcome menu; without it menus are numbered text. */
  menuContentSid?: string;
  /** Where Twilio posts status callbacks (`{PUBLIC_BASE_URL}/webhooks/twilio`). */
  statusCallbackUrl?: string;
  maxBodyChars?: number;
  fetch?: typeof fetch;
}

/** Codes worth another attempt later, whatever the HTTP status says. */
const RETRYABLE_CODES: ReadonlySet<number> = new Set([
  20429, // too many requests
  63018, // rate limit exceeded for the channel
  20500, // internal server error
  20503, // service unavailable
]);

const MAX_ERROR_TEXT = 300;

/**
 * Pure classification of a failed Messages API call from its HTTP status and Twilio's JSON error
 * `{code, message, more_info, status}`. 63016 (window closed) is permanent with its code kept;
 * otherwise 429 and 5xx are transient and other 4xx permanent.
 */
export function classifyTwilioError(httpStatus: number, body: unknown): SendFailure {
  const error = asRecord(body);
  const code = numericCode(error?.code);
  const message = typeof error?.message === 'string' ? error.message : undefined;

  let text = `HTTP ${httpStatus}`;
  if (code !== undefined) text += ` code ${code}`;
  if (message) text += `: ${message}`;
  text = text.slice(0, MAX_ERROR_TEXT);

  let retryable: boolean;
  if (code === TWILIO_WINDOW_CLOSED) retryable = false;
  else if (code !== undefined && RETRYABLE_CODES.has(code)) retryable = true;
  else retryable = httpStatus === 429 || httpStatus >= 500;

  return code === undefined ? { retryable, error: text } : { retryable, code, error: text };
}

/** `whatsapp:+14155238886` from `+14155238886`, `14155238886` or the prefixed form. */
export function toWhatsAppAddress(number: string): string {
  const bare = number.trim().replace(/^whatsapp:/i, '');
  return `whatsapp:${bare.startsWith('+') ? bare : `+${bare}`}`;
}

export class TwilioTransport implements Transport {
  readonly name = 'twilio';
  readonly #options: TwilioTransportOptions;
  readonly #fetch: typeof fetch;
  readonly #url: string;
  readonly #authorization: string;
  readonly #from: string;

  constructor(options: TwilioTransportOptions) {
    this.#options = options;
    // Bind: an unbound global fetch throws "Illegal invocation" on Workers.
    this.#fetch = options.fetch ?? fetch.bind(globalThis);
    const base = options.baseUrl.replace(/\/+$/, '');
    this.#url = `${base}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
    this.#authorization = `Basic ${btoa(`${options.accountSid}:${options.authToken}`)}`;
    this.#from = toWhatsAppAddress(options.from);
  }

  async send(to: Recipient, message: OutboundMessage): Promise<SendResult> {
    if (!to.waId) {
      // Twilio addresses WhatsApp users by phone number only.
      return { ok: false, retryable: false, error: 'Twilio needs the customer phone number (no waId)' };
    }
    const plan = renderTwilioMessage(message, {
      ...(this.#options.menuContentSid ? { menuContentSid: this.#options.menuContentSid } : {}),
      maxBodyChars: this.#options.maxBodyChars ?? TWILIO_MAX_BODY_CHARS,
    });
    if (!plan.ok) return { ok: false, retryable: false, error: plan.error };

    const base: TwilioPart = { From: this.#from, To: toWhatsAppAddress(to.waId) };
    if (this.#options.statusCallbackUrl) base.StatusCallback = this.#options.statusCallbackUrl;

    let externalId = '';
    for (const [i, part] of plan.parts.entries()) {
      const result = await this.#sendOne({ ...base, ...part });
      if (!result.ok) {
        if (i === 0) return result;
        // Earlier parts reached Twilio: a retry would send them twice, so stop and say what happened.
        const failure: SendResult = {
          ok: false,
          retryable: false,
          error: `part ${i + 1} of ${plan.parts.length} failed after earlier parts were sent: ${result.error}`,
        };
        if (result.code !== undefined) failure.code = result.code;
        return failure;
      }
      // The last part's SID is stored: its status callbacks say whether the whole text arrived.
      externalId = result.externalId;
    }
    return { ok: true, externalId };
  }

  /** Twilio has no read-receipt API for WhatsApp: nothing to do. */
  async markRead(_externalId: string): Promise<void> {}

  async #sendOne(form: TwilioPart): Promise<SendResult> {
    let response: Response;
    let body: unknown;
    try {
      response = await this.#fetch(this.#url, {
        method: 'POST',
        headers: {
          authorization: this.#authorization,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
      body = await readJson(response);
    } catch (error) {
      return unansweredSend(error, this.#options.timeoutMs, this.#options.authToken);
    }

    if (response.ok) {
      const sid = asRecord(body)?.sid;
      if (typeof sid === 'string' && sid) return { ok: true, externalId: sid };
      // Twilio accepted the call, so the message may be on its way: retrying could send it twice.
      return { ok: false, retryable: false, error: `HTTP ${response.status} without a message sid` };
    }

    return refusedSend(response, classifyTwilioError(response.status, body), this.#options.authToken);
  }
}

/** The transport for validated settings; status callbacks come back when a public URL is known. */
export function twilioTransportFrom(settings: TwilioSettings, fetchImpl?: typeof fetch): TwilioTransport {
  const statusCallbackUrl = twilioStatusCallbackUrl(settings);
  return new TwilioTransport({
    baseUrl: settings.apiBaseUrl,
    accountSid: settings.accountSid,
    authToken: settings.authToken,
    from: settings.from,
    timeoutMs: settings.timeoutMs,
    ...(settings.menuContentSid ? { menuContentSid: settings.menuContentSid } : {}),
    ...(statusCallbackUrl ? { statusCallbackUrl } : {}),
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}
