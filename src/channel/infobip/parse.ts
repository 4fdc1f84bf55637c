/**
 * Turns an Infobip WhatsApp webhook into channel-neutral messages and statuses.
 *
 * Infobip posts `{results: [...]}` for three things, possibly to the same URL: inbound messages
 * (`message` + `receivedAt`), delivery reports (`status`) and seen reports (`seenAt`). Each result is
 * classified and parsed on its own, never only `[0]`; nothing throws, and whatever cannot be used
 * goes to `ignored` so the route still answers 200 and Infobip does not retry the batch.
 */
import type { z } from 'zod';
import type {
  CustomerIdentity,
  IgnoredItem,
  InboundMessage,
  InboundStatus,
  InboundStatusValue,
  ParsedWebhook,
} from '../inbound.js';
import { INFOBIP_WINDOW_CLOSED, isWindowClosed } from './errors.js';
import {
  type ContentType,
  contents,
  envelopeSchema,
  inboundSchema,
  reportSchema,
  seenSchema,
} from './payload.js';

/** Infobip's status groups; PENDING means handed to WhatsApp, not yet delivered. */
const GROUPS: Readonly<Record<string, InboundStatusValue>> = {
  ACCEPTED: 'sent',
  PENDING: 'sent',
  DELIVERED: 'delivered',
  UNDELIVERABLE: 'failed',
  EXPIRED: 'failed',
  REJECTED: 'failed',
};

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Infobip writes `2019-07-19T11:21:27.861+0000`; Date.parse wants the offset as `+00:00`. */
export function infobipTime(value: string | undefined, fallback: number): number {
  if (!value) return fallback;
  const ms = Date.parse(value.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? fallback : ms;
}

export function parseInfobipWebhook(body: unknown, now: number = Date.now()): ParsedWebhook {
  const out: ParsedWebhook = { messages: [], statuses: [], ignored: [] };
  try {
    const envelope = envelopeSchema.safeParse(body);
    if (!envelope.success) {
      out.ignored.push({ reason: 'invalid_envelope', detail: describe(envelope.error) });
      return out;
    }
    envelope.data.results.forEach((raw, i) => {
      const result = parseResult(raw, now);
      if ('reason' in result) {
        out.ignored.push({ reason: result.reason, detail: `results[${i}]: ${result.detail ?? ''}` });
      } else if ('customer' in result) out.messages.push(result);
      else out.statuses.push(result);
    });
  } catch (error) {
    // Belt and braces: the code above is written not to throw, but a webhook must always get its 200.
    out.ignored.push({ reason: 'parser_error', detail: String(error).slice(0, 200) });
  }
  return out;
}

function parseResult(raw: unknown, now: number): InboundMessage | InboundStatus | IgnoredItem {
  const item = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : undefined;
  if (item && 'message' in item) return parseMessage(raw, now);
  if (item && 'seenAt' in item) return parseSeen(raw, now);
  if (item && 'status' in item) return parseReport(raw, now);
  return { reason: 'unknown_result', detail: 'neither message, delivery report nor seen report' };
}

const PHONE_RE = /^\+?(\d{6,20})$/;

function customerOf(from: string, name: string | undefined): CustomerIdentity {
  const waId = PHONE_RE.exec(from.trim())?.[1];
  // Without a phone (a 2026 username), keep Infobip's sender id as the user id.
  const customer: CustomerIdentity = waId ? { key: waId, waId } : { key: from, userId: from };
  if (name) customer.name = name;
  return customer;
}

function parseMessage(raw: unknown, now: number): InboundMessage | IgnoredItem {
  const parsed = inboundSchema.safeParse(raw);
  if (!parsed.success) return { reason: 'invalid_message', detail: describe(parsed.error) };
  const r = parsed.data;
  const to = r.to?.trim() ?? '';
  const message: InboundMessage = {
    channel: 'infobip',
    externalId: r.messageId,
    phoneNumberId: PHONE_RE.exec(to)?.[1] ?? to,
    customer: customerOf(r.from, r.contact?.name?.trim() || undefined),
    timestamp: infobipTime(r.receivedAt, now),
    type: 'unknown',
    raw,
  };
  if (r.message.context?.id) message.contextId = r.message.context.id;
  const type = r.message.type.toUpperCase();
  if (type === 'UNSUPPORTED' || type === 'INFECTED_CONTENT') message.type = 'unsupported';
  else if (type === 'ORDER') message.type = 'order';
  else if (type === 'INTERACTIVE_FLOW_REPLY') message.type = 'interactive';
  else if (Object.hasOwn(contents, type))
    fill(message, type as ContentType, (raw as { message: unknown }).message);
  // Any other type stays `unknown`: the bot can say it could not read it instead of going silent.
  return message;
}

/** The media id is the last path segment of Infobip's media URL (`…/media/{id}`). */
function mediaIdOf(url: string): string {
  try {
    return new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? url;
  } catch {
    return url;
  }
}

const MEDIA_TYPES = {
  IMAGE: 'image',
  VIDEO: 'video',
  AUDIO: 'audio',
  VOICE: 'audio',
  DOCUMENT: 'document',
  STICKER: 'sticker',
} as const;

/** Copies the type's content onto the message; a malformed content leaves it `unknown`. */
function fill(message: InboundMessage, type: ContentType, content: unknown): void {
  const schema: z.ZodType = contents[type];
  if (!schema.safeParse(content).success) return;
  switch (type) {
    case 'TEXT':
      message.type = 'text';
      message.text = contents.TEXT.parse(content).text;
      return;
    case 'IMAGE':
    case 'VIDEO':
    case 'AUDIO':
    case 'VOICE':
    case 'DOCUMENT':
    case 'STICKER': {
      const c = contents[type].parse(content);
      message.type = MEDIA_TYPES[type];
      // Infobip gives no MIME type inbound; the media fetcher reads it from the download.
      message.media = { id: mediaIdOf(c.url), url: c.url };
      if (type === 'VOICE') message.media.voice = true;
      if (c.caption) message.media.caption = message.text = c.caption;
      return;
    }
    case 'LOCATION': {
      const c = contents.LOCATION.parse(content);
      message.type = 'location';
      message.location = { latitude: c.latitude, longitude: c.longitude };
      if (c.name) message.location.name = c.name;
      if (c.address) message.location.address = c.address;
      const label = [c.name, c.address].filter(Boolean).join(', ');
      if (label) message.text = label;
      return;
    }
    case 'BUTTON': {
      // A tap on a template's quick-reply button.
      const c = contents.BUTTON.parse(content);
      message.type = 'button';
      if (c.payload) message.buttonId = c.payload;
      if (c.text !== undefined) message.text = c.text;
      return;
    }
    case 'INTERACTIVE_BUTTON_REPLY':
    case 'INTERACTIVE_LIST_REPLY': {
      const c = contents[type].parse(content);
      message.type = 'interactive';
      message.buttonId = c.id;
      if (c.title !== undefined) message.text = c.title;
      return;
    }
    case 'CONTACT': {
      const names = contents.CONTACT.parse(content)
        .contacts.map(
          ({ name }) => name?.formattedName ?? [name?.firstName, name?.lastName].filter(Boolean).join(' '),
        )
        .filter(Boolean);
      message.type = 'contacts';
      if (names.length) message.text = names.join(', ');
      return;
    }
    case 'REACTION': {
      const c = contents.REACTION.parse(content);
      if (!c.context?.id) return;
      message.type = 'reaction';
      message.reaction = { messageId: c.context.id };
      if (c.emoji) message.reaction.emoji = c.emoji;
      return;
    }
  }
}

function parseReport(raw: unknown, now: number): InboundStatus | IgnoredItem {
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) return { reason: 'invalid_status', detail: describe(parsed.error) };
  const r = parsed.data;
  const status = GROUPS[r.status.groupName.toUpperCase()];
  if (!status)
    return { reason: 'unsupported_status', detail: `${r.messageId}: ${r.status.groupName.slice(0, 40)}` };
  const result: InboundStatus = {
    channel: 'infobip',
    externalId: r.messageId,
    status,
    timestamp: infobipTime(r.doneAt ?? r.sentAt, now),
    errors: [],
  };
  if (status === 'failed') {
    // Reports carry `error: {id: 0, name: "NO_ERROR"}` when there is none; the status then explains.
    const e = r.error && r.error.id !== 0 && r.error.name !== 'NO_ERROR' ? r.error : undefined;
    const window = isWindowClosed(e?.name, e?.description, r.status.name, r.status.description);
    const code = window ? INFOBIP_WINDOW_CLOSED : (e?.id ?? r.status.id);
    if (code !== undefined) {
      const error: InboundStatus['errors'][number] = { code };
      const title = e?.name ?? r.status.name;
      const message = e?.description ?? r.status.description;
      if (title) error.title = title;
      if (message) error.message = message;
      result.errors.push(error);
    }
  }
  if (r.to) result.recipient = { waId: r.to.replace(/^\+/, '') };
  return result;
}

function parseSeen(raw: unknown, now: number): InboundStatus | IgnoredItem {
  const parsed = seenSchema.safeParse(raw);
  if (!parsed.success) return { reason: 'invalid_status', detail: describe(parsed.error) };
  const r = parsed.data;
  const result: InboundStatus = {
    channel: 'infobip',
    externalId: r.messageId,
    status: 'read',
    timestamp: infobipTime(r.seenAt, now),
    errors: [],
  };
  if (r.to) result.recipient = { waId: r.to.replace(/^\+/, '') };
  return result;
}
