/**
 * Renders an `OutboundMessage` as the form parameters of Twilio's Messages API.
 *
 * Twilio sends WhatsApp interactive messages only through Content API templates, so reply buttons
 * and lists become numbered text menus (the offline NLU reads "1", "٢", "3." as menu choices, and
 * the CSAT reader accepts a typed digit) unless a menu Content SID is configured. Pure functions.
 */
import type { OutboundMessage } from '../outbound.js';

/** A Content API SID: `HX` and 32 hex digits. */
export const CONTENT_SID_RE = /^HX[0-9a-fA-F]{32}$/;

/** Twilio refuses a `Body` longer than this (error 21617); longer texts are sent in parts. */
export const TWILIO_MAX_BODY_CHARS = 1600;

export interface TwilioRenderOptions {
  /** A quick-reply Content template used for every `buttons` message (the welcome menu). */
  menuContentSid?: string;
  maxBodyChars?: number;
}

/** One Messages API call's content: `Body`, or `ContentSid` (+ `ContentVariables`). */
export type TwilioPart = Record<string, string>;

export type TwilioPlan = { ok: true; parts: TwilioPart[] } | { ok: false; error: string };

/** `1. Order status` — unless the title already starts with its number ("1 — Poor"). */
function numbered(n: number, title: string, description?: string): string {
  const label = new RegExp(`^${n}(?!\\d)`).test(title.trim()) ? title : `${n}. ${title}`;
  return description ? `${label} — ${description}` : label;
}

/** The body text followed by a numbered line per option. */
export function numberedMenu(text: string, options: readonly string[]): string {
  return `${text}\n\n${options.map((title, i) => numbered(i + 1, title)).join('\n')}`;
}

function numberedList(message: Extract<OutboundMessage, { kind: 'list' }>): string {
  const lines: string[] = [];
  let n = 0;
  const titled = message.sections.length > 1;
  for (const section of message.sections) {
    if (titled) lines.push(lines.length > 0 ? `\n${section.title}` : section.title);
    for (const row of section.rows) lines.push(numbered(++n, row.title, row.description));
  }
  return `${message.text}\n\n${lines.join('\n')}`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Splits text into parts of at most `max` UTF-16 units, at a line break or space when one is in the
 * second half of the window, never inside a surrogate pair (an emoji cut in two renders as "?").
 */
export function splitBody(text: string, max: number = TWILIO_MAX_BODY_CHARS): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    if (cut < max / 2) cut = isHighSurrogate(rest.charCodeAt(max - 1)) ? max - 1 : max;
    const head = rest.slice(0, cut).trimEnd();
    if (head) parts.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** Content API variables are a JSON object keyed "1", "2", …, matching `{{1}}`, `{{2}}` in the template. */
function contentVariables(values: readonly string[]): string {
  return JSON.stringify(Object.fromEntries(values.map((value, i) => [String(i + 1), value])));
}

function bodyParts(text: string, max: number): TwilioPlan {
  const parts = splitBody(text, max);
  return parts.length > 0
    ? { ok: true, parts: parts.map((Body) => ({ Body })) }
    : { ok: false, error: 'empty message body' };
}

export function renderTwilioMessage(message: OutboundMessage, options: TwilioRenderOptions = {}): TwilioPlan {
  const max = options.maxBodyChars ?? TWILIO_MAX_BODY_CHARS;
  switch (message.kind) {
    case 'text':
      return bodyParts(message.text, max);
    case 'buttons':
      if (options.menuContentSid) {
        // The template's body is `{{1}}`, so the greeting stays personalised and in the customer's
        // language; its quick-reply ids must be the ids Baton uses (menu_order, menu_faq, menu_agent).
        return {
          ok: true,
          parts: [{ ContentSid: options.menuContentSid, ContentVariables: contentVariables([message.text]) }],
        };
      }
      return bodyParts(
        numberedMenu(
          message.text,
          message.buttons.map((b) => b.title),
        ),
        max,
      );
    case 'list':
      return bodyParts(numberedList(message), max);
    case 'template': {
      if (!CONTENT_SID_RE.test(message.name)) {
        return {
          ok: false,
          error: `template "${message.name.slice(0, 64)}" is not a Twilio Content SID (HX…): Twilio sends WhatsApp templates by ContentSid`,
        };
      }
      const part: TwilioPart = { ContentSid: message.name };
      if (message.parameters.length > 0) part.ContentVariables = contentVariables(message.parameters);
      return { ok: true, parts: [part] };
    }
  }
}
