import { asRecord, type SendFailure } from '../http.js';
import { META_WINDOW_CLOSED } from '../outbound.js';

/**
 * Infobip's failures, in one place for the transport (synchronous API errors) and the parser
 * (asynchronous delivery reports).
 *
 * The 24-hour window: Infobip accepts a free-form send outside the window (HTTP 200, PENDING) and
 * reports the failure later in the delivery report, relaying WhatsApp's reason in its own error
 * object. Baton normalises that failure to Meta's code 131047 — the code the rest of Baton already
 * knows for "window closed". Infobip's own error ids for it are not pinned here (they are not
 * reliably documented), so the window is recognised from the error's id, name or description text.
 */

/** The code Baton stores for "outside the 24-hour window" on Infobip: Meta's 131047, relayed. */
export const INFOBIP_WINDOW_CLOSED = META_WINDOW_CLOSED;

const WINDOW_TEXT =
  /131047|re-?engagement|\b24[- ]?h(ours?)?\b|(customer[- ](care|service)|session|messaging|conversation) window|outside[\w\s]{0,24}window|session (is |has )?(expired|closed|inactive)|no (active|open) session/i;

/** True when an Infobip error (id, name or description) describes the closed 24-hour window. */
export function isWindowClosed(...texts: (string | number | undefined | null)[]): boolean {
  return texts.some((text) => text !== undefined && text !== null && WINDOW_TEXT.test(String(text)));
}

const MAX_ERROR_TEXT = 300;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * Pure classification of a failed Infobip call. Two error bodies exist: the classic
 * `{requestError: {serviceException: {messageId, text, validationErrors}}}` and the newer
 * `{errorCode, description, action, violations}`. Their codes are words (`TOO_MANY_REQUESTS`),
 * so they go into the text; only the closed window gets a numeric code (131047).
 */
export function classifyInfobipError(httpStatus: number, body: unknown): SendFailure {
  const root = asRecord(body);
  const service = asRecord(asRecord(root?.requestError)?.serviceException);
  const id = str(service?.messageId) ?? str(root?.errorCode);
  const message = str(service?.text) ?? str(root?.description);
  const violations = service?.validationErrors ?? root?.violations;
  const detail = violations === undefined ? undefined : JSON.stringify(violations).slice(0, 200);

  let text = `HTTP ${httpStatus}`;
  if (id) text += ` ${id}`;
  if (message) text += `: ${message}`;
  if (detail) text += ` (${detail})`;
  text = text.slice(0, MAX_ERROR_TEXT);

  if (isWindowClosed(id, message)) return { retryable: false, code: INFOBIP_WINDOW_CLOSED, error: text };
  return { retryable: httpStatus === 429 || httpStatus >= 500, error: text };
}
