/**
 * Turns one Twilio WhatsApp webhook (form parameters) into channel-neutral messages and statuses.
 *
 * Twilio posts one event per request: an inbound message, or a status callback about a message we
 * sent (it carries `MessageStatus`). Like the Meta parser it never throws: whatever cannot be used
 * is listed in `ignored` and the route still answers 200, so Twilio does not log errors or retry.
 * Twilio's forms carry no event time, so messages and statuses are stamped with `now`.
 */
import type {
  CustomerIdentity,
  InboundMedia,
  InboundMessage,
  InboundMessageType,
  InboundStatus,
  InboundStatusValue,
  ParsedWebhook,
} from '../inbound.js';

const WHATSAPP_PREFIX = 'whatsapp:';
const PHONE_RE = /^\+?(\d{6,20})$/;

/** Twilio's message states; the ones before delivery all read as `sent` for Baton. */
const STATUS_MAP: Readonly<Record<string, InboundStatusValue>> = {
  accepted: 'sent',
  scheduled: 'sent',
  queued: 'sent',
  sending: 'sent',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'failed',
  failed: 'failed',
};

/** States of an inbound message: such a form is a message, not a callback about ours. */
const INBOUND_STATES: ReadonlySet<string> = new Set(['received', 'receiving']);

const MEDIA_TYPES: ReadonlySet<string> = new Set(['image', 'audio', 'video', 'document', 'sticker']);

export function parseTwilioForm(
  params: Readonly<Record<string, string>>,
  now: number = Date.now(),
): ParsedWebhook {
  const out: ParsedWebhook = { messages: [], statuses: [], ignored: [] };
  try {
    const state = params.MessageStatus?.trim().toLowerCase();
    if (state && !INBOUND_STATES.has(state)) parseStatus(params, state, now, out);
    else parseMessage(params, now, out);
  } catch (error) {
    // Belt and braces: the code below is written not to throw, but a webhook must always get its 200.
    out.ignored.push({ reason: 'parser_error', detail: String(error).slice(0, 200) });
  }
  return out;
}

/** `whatsapp:+9665…` → the address after the channel prefix; undefined for SMS and other channels. */
function whatsappAddress(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed?.toLowerCase().startsWith(WHATSAPP_PREFIX)) return undefined;
  const address = trimmed.slice(WHATSAPP_PREFIX.length).trim();
  return address || undefined;
}

/** Digits of a phone address without `+`, or undefined when the address is not a phone number. */
export function phoneDigits(address: string | undefined): string | undefined {
  return address ? PHONE_RE.exec(address.replace(/[\s-]/g, ''))?.[1] : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function customerOf(params: Readonly<Record<string, string>>, address: string): CustomerIdentity {
  // WaId is Twilio's copy of WhatsApp's wa_id (digits); From is the fallback.
  const waId = phoneDigits(nonEmpty(params.WaId)) ?? phoneDigits(address);
  const customer: CustomerIdentity = waId
    ? { key: waId, waId }
    : // A username-only customer (2026) has no phone: keep whatever stable id Twilio gives as the user id.
      { key: address, userId: address };
  const name = nonEmpty(params.ProfileName);
  if (name) customer.name = name;
  return customer;
}

function parseMessage(params: Readonly<Record<string, string>>, now: number, out: ParsedWebhook): void {
  const sid = nonEmpty(params.MessageSid) ?? nonEmpty(params.SmsMessageSid);
  if (!sid) {
    out.ignored.push({ reason: 'invalid_message', detail: 'no MessageSid' });
    return;
  }
  const from = whatsappAddress(params.From);
  if (!from) {
    // SMS to the same Twilio number, or another channel: not ours to answer.
    out.ignored.push({ reason: 'not_whatsapp', detail: `${sid}: From is not a whatsapp: address` });
    return;
  }
  const customer = customerOf(params, from);
  const to = whatsappAddress(params.To);
  const message: InboundMessage = {
    channel: 'twilio',
    externalId: sid,
    phoneNumberId: phoneDigits(to) ?? to ?? '',
    customer,
    timestamp: now,
    type: 'text',
    raw: { ...params },
  };
  const replyTo = nonEmpty(params.OriginalRepliedMessageSid);
  if (replyTo) message.contextId = replyTo;
  fillContent(message, params);
  out.messages.push(message);
}

function mediaTypeOf(contentType: string | undefined, declared: string | undefined): InboundMessageType {
  if (declared && MEDIA_TYPES.has(declared)) return declared as InboundMessageType;
  const base = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (base.startsWith('image/')) return 'image';
  if (base.startsWith('audio/')) return 'audio';
  if (base.startsWith('video/')) return 'video';
  return 'document';
}

/** The media SID (`ME…`) is the last path segment of Twilio's media URL; a stable id for storage. */
function mediaIdOf(url: string): string {
  try {
    const segments = new URL(url).pathname.split('/').filter(Boolean);
    return segments.at(-1) ?? url;
  } catch {
    return url;
  }
}

function fillContent(message: InboundMessage, params: Readonly<Record<string, string>>): void {
  const body = params.Body ?? '';
  const declared = nonEmpty(params.MessageType)?.toLowerCase();
  const mediaUrl = nonEmpty(params.MediaUrl0);
  const latitude = Number(nonEmpty(params.Latitude) ?? Number.NaN);
  const longitude = Number(nonEmpty(params.Longitude) ?? Number.NaN);
  const buttonPayload = nonEmpty(params.ButtonPayload);
  const listId = nonEmpty(params.ListId);

  if (mediaUrl && Number(params.NumMedia ?? '1') > 0) {
    const contentType = nonEmpty(params.MediaContentType0);
    message.type = mediaTypeOf(contentType, declared);
    const media: InboundMedia = { id: mediaIdOf(mediaUrl), url: mediaUrl };
    if (contentType) media.mimeType = contentType;
    if (body.trim()) media.caption = message.text = body;
    message.media = media;
  } else if (Number.isFinite(latitude) && Number.isFinite(longitude)) {
    message.type = 'location';
    message.location = { latitude, longitude };
    const name = nonEmpty(params.Label);
    const address = nonEmpty(params.Address);
    if (name) message.location.name = name;
    if (address) message.location.address = address;
    const label = [name, address].filter(Boolean).join(', ');
    if (label) message.text = label;
  } else if (listId) {
    // A list-picker reply: the row id is ours, the title is what the customer saw.
    message.type = 'interactive';
    message.buttonId = listId;
    message.text = nonEmpty(params.ListTitle) ?? body;
  } else if (buttonPayload) {
    // A quick-reply tap (template or Content API): the payload is the button id we defined.
    message.type = 'button';
    message.buttonId = buttonPayload;
    message.text = nonEmpty(params.ButtonText) ?? body;
  } else if (body !== '' || declared === undefined || declared === 'text') {
    message.type = 'text';
    message.text = body;
  } else {
    // Something Twilio labels but carries nothing we read (a reaction, an unsupported type): keep it
    // as `unknown` so the bot can say it could not read it instead of going silent.
    message.type = 'unknown';
  }
}

function parseStatus(
  params: Readonly<Record<string, string>>,
  state: string,
  now: number,
  out: ParsedWebhook,
): void {
  const sid = nonEmpty(params.MessageSid) ?? nonEmpty(params.SmsSid);
  const status = STATUS_MAP[state];
  if (!sid) {
    out.ignored.push({ reason: 'invalid_status', detail: `no MessageSid (status ${state.slice(0, 40)})` });
    return;
  }
  if (!status) {
    // `canceled` (a scheduled send we never use) and states Twilio may add later.
    out.ignored.push({ reason: 'unsupported_status', detail: `${sid}: ${state.slice(0, 40)}` });
    return;
  }
  const result: InboundStatus = {
    channel: 'twilio',
    externalId: sid,
    status,
    timestamp: now,
    errors: [],
  };
  const code = Number(nonEmpty(params.ErrorCode) ?? Number.NaN);
  if (Number.isInteger(code) && code > 0) {
    const error: InboundStatus['errors'][number] = { code };
    const text = nonEmpty(params.ErrorMessage) ?? nonEmpty(params.ChannelStatusMessage);
    if (text) error.message = text;
    result.errors.push(error);
  }
  const to = whatsappAddress(params.To);
  const waId = phoneDigits(to);
  if (waId) result.recipient = { waId };
  else if (to) result.recipient = { userId: to };
  out.statuses.push(result);
}
