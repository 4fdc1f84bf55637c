/**
 * Turns a Meta webhook body into channel-neutral messages and statuses.
 *
 * It never throws and never reads only `[0]`: Meta batches several entries, changes, messages and
 * statuses in one POST, and a throw (or a 500) makes Meta redeliver the whole batch for days.
 * Each item is parsed on its own; whatever cannot be used is listed in `ignored` with a reason.
 */
import type { z } from 'zod';
import type {
  CustomerIdentity,
  IgnoredItem,
  InboundMessage,
  InboundMessageType,
  InboundStatus,
  ParsedWebhook,
} from '../inbound.js';
import {
  type ContentType,
  changeSchema,
  changeValueSchema,
  contactSchema,
  entrySchema,
  envelopeSchema,
  errorSchema,
  messageBaseSchema,
  messageContentSchemas,
  metadataSchema,
  statusSchema,
  type WaContact,
  type WaMessageBase,
} from './payload.js';

const WHATSAPP_OBJECT = 'whatsapp_business_account';

/** Meta types we model: every type with a content object, plus the two that carry none. */
const KNOWN_TYPES: ReadonlySet<string> = new Set<string>([
  ...Object.keys(messageContentSchemas),
  'request_welcome',
  'unsupported',
]);

function isKnownType(type: string): type is Exclude<InboundMessageType, 'unknown'> {
  return KNOWN_TYPES.has(type);
}

/** A short, log-safe summary of why zod rejected something. */
function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

function wamidOf(raw: unknown): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? ` (id ${id})` : '';
}

export function parseWhatsAppWebhook(body: unknown): ParsedWebhook {
  const out: ParsedWebhook = { messages: [], statuses: [], ignored: [] };
  try {
    parseEnvelope(body, out);
  } catch (error) {
    // Belt and braces: the code below is written not to throw, but a webhook must always get its 200.
    out.ignored.push({ reason: 'parser_error', detail: String(error).slice(0, 200) });
  }
  return out;
}

function parseEnvelope(body: unknown, out: ParsedWebhook): void {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    out.ignored.push({ reason: 'invalid_envelope', detail: describe(envelope.error) });
    return;
  }
  if (envelope.data.object !== WHATSAPP_OBJECT) {
    out.ignored.push({ reason: 'unsupported_object', detail: envelope.data.object.slice(0, 100) });
    return;
  }
  envelope.data.entry.forEach((rawEntry, e) => {
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) {
      out.ignored.push({ reason: 'invalid_entry', detail: `entry[${e}]: ${describe(entry.error)}` });
      return;
    }
    entry.data.changes.forEach((rawChange, c) => {
      parseChange(rawChange, `entry[${e}].changes[${c}]`, out);
    });
  });
}

function parseChange(rawChange: unknown, where: string, out: ParsedWebhook): void {
  const change = changeSchema.safeParse(rawChange);
  if (!change.success) {
    out.ignored.push({ reason: 'invalid_change', detail: `${where}: ${describe(change.error)}` });
    return;
  }
  if (change.data.field !== 'messages') {
    const detail = `${where}: ${change.data.field.slice(0, 100)}`;
    out.ignored.push({ reason: 'unsupported_field', detail });
    return;
  }
  const value = changeValueSchema.safeParse(change.data.value);
  if (!value.success) {
    out.ignored.push({ reason: 'invalid_change_value', detail: `${where}: ${describe(value.error)}` });
    return;
  }
  const { contacts = [], messages = [], statuses = [], errors = [] } = value.data;
  const metadata = metadataSchema.safeParse(value.data.metadata);

  if (metadata.success) {
    const phoneNumberId = metadata.data.phone_number_id;
    const contactList = contacts.flatMap((raw) => {
      const parsed = contactSchema.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    });
    collect(messages, `${where}.messages`, out.messages, out.ignored, (raw) =>
      parseMessage(raw, phoneNumberId, contactList),
    );
  } else if (messages.length > 0) {
    // Without phone_number_id we cannot tell which of our numbers should answer.
    const detail = `${where}: ${messages.length} message(s) dropped; ${describe(metadata.error)}`;
    out.ignored.push({ reason: 'missing_metadata', detail });
  }
  // Statuses are keyed on our own wamid, so they do not need the metadata.
  collect(statuses, `${where}.statuses`, out.statuses, out.ignored, parseStatus);
  errors.forEach((raw, i) => {
    out.ignored.push({ reason: 'webhook_error', detail: `${where}.errors[${i}]: ${describeError(raw)}` });
  });
}

/** Parses every item on its own; failures go to `ignored` with their position and wamid. */
function collect<T>(
  items: unknown[],
  where: string,
  into: T[],
  ignored: IgnoredItem[],
  parse: (raw: unknown) => T | IgnoredItem,
): void {
  items.forEach((raw, i) => {
    const result = parse(raw);
    if (isIgnored(result)) {
      const detail = `${where}[${i}]${wamidOf(raw)}: ${result.detail ?? ''}`;
      ignored.push({ reason: result.reason, detail });
    } else {
      into.push(result);
    }
  });
}

function isIgnored(value: unknown): value is IgnoredItem {
  return typeof value === 'object' && value !== null && 'reason' in value && !('channel' in value);
}

/** Asynchronous errors not tied to one message: nothing to process, but worth a log line. */
function describeError(raw: unknown): string {
  const parsed = errorSchema.safeParse(raw);
  if (!parsed.success) return 'unreadable error object';
  const { code, title, message, error_data } = parsed.data;
  const details = error_data?.details ? ` — ${error_data.details}` : '';
  return `code ${code}: ${title ?? message ?? ''}${details}`.slice(0, 500);
}

function resolveCustomer(message: WaMessageBase, contacts: WaContact[]): CustomerIdentity | undefined {
  const contact = contacts.find(
    (c) =>
      (message.from !== undefined && c.wa_id === message.from) ||
      (message.from_user_id !== undefined && c.user_id === message.from_user_id),
  );
  const waId = contact?.wa_id ?? message.from;
  const userId = contact?.user_id ?? message.from_user_id;
  const parentUserId = contact?.parent_user_id;
  const key = parentUserId ?? userId ?? waId;
  if (!key) return undefined;
  const customer: CustomerIdentity = { key };
  if (waId) customer.waId = waId;
  if (userId) customer.userId = userId;
  if (parentUserId) customer.parentUserId = parentUserId;
  const name = contact?.profile?.name;
  if (name) customer.name = name;
  return customer;
}

function parseMessage(
  raw: unknown,
  phoneNumberId: string,
  contacts: WaContact[],
): InboundMessage | IgnoredItem {
  const base = messageBaseSchema.safeParse(raw);
  if (!base.success) return { reason: 'invalid_message', detail: describe(base.error) };
  const customer = resolveCustomer(base.data, contacts);
  if (!customer) return { reason: 'no_customer_identity', detail: 'neither phone nor user id' };

  const message: InboundMessage = {
    channel: 'whatsapp',
    externalId: base.data.id,
    phoneNumberId,
    customer,
    timestamp: base.data.timestamp,
    type: isKnownType(base.data.type) ? base.data.type : 'unknown',
    raw,
  };
  if (base.data.context?.id) message.contextId = base.data.context.id;
  const ad = base.data.referral;
  if (ad && (ad.headline || ad.body || ad.source_url)) {
    message.referral = {
      ...(ad.headline ? { headline: ad.headline } : {}),
      ...(ad.body ? { body: ad.body } : {}),
      ...(ad.source_type ? { sourceType: ad.source_type } : {}),
      ...(ad.source_url ? { sourceUrl: ad.source_url } : {}),
    };
  }
  if (!fillContent(message, (raw as Record<string, unknown>)[base.data.type])) {
    // A known type with a malformed body is still a customer speaking to us: keep it as
    // `unknown` so the bot can answer ("I could not read that") or hand off, instead of silence.
    message.type = 'unknown';
  }
  return message;
}

type ContentOf<K extends ContentType> = z.output<(typeof messageContentSchemas)[K]>;
type Extractors = { [K in ContentType]: (message: InboundMessage, content: ContentOf<K>) => void };

function fillMedia(message: InboundMessage, media: ContentOf<'document'> & { voice?: boolean }): void {
  message.media = { id: media.id };
  if (media.mime_type !== undefined) message.media.mimeType = media.mime_type;
  if (media.sha256 !== undefined) message.media.sha256 = media.sha256;
  if (media.caption !== undefined) message.media.caption = message.text = media.caption;
  if (media.filename !== undefined) message.media.filename = media.filename;
  if (media.voice !== undefined) message.media.voice = media.voice;
}

/** Per type: copy what Baton uses from Meta's content object onto the neutral message. */
const extractors: Extractors = {
  text: (m, c) => {
    m.text = c.body;
  },
  button: (m, c) => {
    if (c.text !== undefined) m.text = c.text;
    if (c.payload !== undefined) m.buttonId = c.payload;
  },
  interactive: (m, c) => {
    const reply =
      c.type === 'button_reply' ? c.button_reply : c.type === 'list_reply' ? c.list_reply : undefined;
    if (reply) {
      m.text = reply.title;
      m.buttonId = reply.id;
    } else if (c.nfm_reply?.body !== undefined) {
      m.text = c.nfm_reply.body;
    }
  },
  image: fillMedia,
  video: fillMedia,
  audio: fillMedia,
  document: fillMedia,
  sticker: fillMedia,
  location: (m, c) => {
    m.location = { latitude: c.latitude, longitude: c.longitude };
    if (c.name !== undefined) m.location.name = c.name;
    if (c.address !== undefined) m.location.address = c.address;
    const label = [c.name, c.address].filter(Boolean).join(', ');
    if (label) m.text = label;
  },
  contacts: (m, cards) => {
    const names = cards
      .map(
        ({ name }) => name?.formatted_name ?? [name?.first_name, name?.last_name].filter(Boolean).join(' '),
      )
      .filter(Boolean);
    if (names.length) m.text = names.join(', ');
  },
  reaction: (m, c) => {
    m.reaction = { messageId: c.message_id };
    // Meta omits the emoji (some partners send "") when the reaction is removed.
    if (c.emoji) m.reaction.emoji = c.emoji;
  },
  order: (m, c) => {
    // what the agent reads: the customer's note, then the cart as the catalogue has it
    const lines = (c.product_items ?? []).map((item) =>
      [
        `${item.quantity ?? 1} × ${item.product_retailer_id ?? 'item'}`,
        item.item_price === undefined ? '' : ` at ${item.item_price} ${item.currency ?? ''}`.trimEnd(),
      ].join(''),
    );
    const total = cartTotal(c.product_items ?? []);
    const cart =
      lines.length > 0
        ? `Catalogue order: ${lines.join(', ')}${total === undefined ? '' : ` (total ${total})`}`
        : 'Catalogue order';
    m.text = [c.text, cart].filter(Boolean).join('\n');
  },
  system: (m, c) => {
    if (c.body) m.text = c.body;
    if (c.type === 'user_changed_number' && c.wa_id) m.changedNumberTo = c.wa_id;
  },
};

/**
 * What the cart comes to, when every item has a price in one currency: the figure an agent (and
 * the packet's amounts) needs, not only the unit prices. Summed in cents, so 35.5 × 2 + 149 is 220.
 * A cart no shop sends (a quantity that is not a whole number from 1, a negative price, a total
 * beyond exact arithmetic) gets none rather than a wrong one.
 */
function cartTotal(
  items: readonly {
    quantity?: number | undefined;
    item_price?: number | undefined;
    currency?: string | undefined;
  }[],
): string | undefined {
  const currencies = new Set(items.map((item) => item.currency));
  const [currency] = currencies;
  if (items.length === 0 || currencies.size !== 1 || currency === undefined) return undefined;
  let cents = 0;
  for (const item of items) {
    const quantity = item.quantity ?? 1;
    const price = item.item_price;
    if (price === undefined || !(price >= 0) || !Number.isInteger(quantity) || quantity < 1) return undefined;
    cents += Math.round(price * 100) * quantity;
  }
  if (!Number.isSafeInteger(cents)) return undefined;
  return `${cents % 100 === 0 ? cents / 100 : (cents / 100).toFixed(2)} ${currency}`;
}

function hasContent(type: string): type is ContentType {
  return Object.hasOwn(messageContentSchemas, type);
}

/** Copies the type-specific content onto `message`; false when the content is malformed. */
function fillContent(message: InboundMessage, content: unknown): boolean {
  const type = message.type;
  if (!hasContent(type)) return true; // request_welcome, unsupported, unknown carry no content
  return applyContent(type, message, content);
}

function applyContent<K extends ContentType>(type: K, message: InboundMessage, content: unknown): boolean {
  const parsed = messageContentSchemas[type].safeParse(content);
  if (!parsed.success) return false;
  // TypeScript cannot correlate the schema picked by `type` with its extractor; they share K.
  (extractors[type] as (m: InboundMessage, c: ContentOf<K>) => void)(message, parsed.data as ContentOf<K>);
  return true;
}

function parseStatus(raw: unknown): InboundStatus | IgnoredItem {
  const parsed = statusSchema.safeParse(raw);
  if (!parsed.success) return { reason: 'invalid_status', detail: describe(parsed.error) };
  const s = parsed.data;
  const status: InboundStatus = {
    channel: 'whatsapp',
    externalId: s.id,
    status: s.status,
    timestamp: s.timestamp,
    errors: s.errors.map((e) => {
      const error: InboundStatus['errors'][number] = { code: e.code };
      if (e.title !== undefined) error.title = e.title;
      if (e.message !== undefined) error.message = e.message;
      if (e.error_data?.details !== undefined) error.details = e.error_data.details;
      return error;
    }),
  };
  if (s.recipient_id !== undefined || s.recipient_user_id !== undefined) {
    status.recipient = {};
    if (s.recipient_id !== undefined) status.recipient.waId = s.recipient_id;
    if (s.recipient_user_id !== undefined) status.recipient.userId = s.recipient_user_id;
  }
  return status;
}
