/**
 * Channel-neutral shapes of what customers send us and of delivery updates about what we sent.
 * Channel adapters (WhatsApp today) turn their webhooks into these; nothing downstream should
 * need to know Meta's payload shapes.
 */

export type InboundMessageType =
  | 'text'
  | 'button'
  | 'interactive'
  | 'image'
  | 'audio'
  | 'video'
  | 'document'
  | 'sticker'
  | 'location'
  | 'contacts'
  | 'reaction'
  | 'order'
  | 'system'
  | 'request_welcome'
  | 'unsupported'
  | 'unknown';

export interface CustomerIdentity {
  /**
   * Stable key for the customer: parent_user_id ?? user_id ?? wa_id. Since the 2026 username
   * rollout the phone may be absent, so it cannot be the key on its own.
   */
  key: string;
  /** Phone number as WhatsApp reports it (digits, no +), when the customer shares it. */
  waId?: string;
  /** Business-scoped user id (BSUID), e.g. `US.1349…`. */
  userId?: string;
  /** Parent BSUID shared across the portfolios of a managed business (`US.ENT.…`). */
  parentUserId?: string;
  name?: string;
}

/** The channels a conversation can come in on; replies leave through the same one. */
export type ChannelName = 'whatsapp' | 'twilio' | 'infobip';

export interface InboundMedia {
  id: string;
  /** Twilio and Infobip send a URL to fetch (with their auth) instead of a Meta media id. */
  url?: string;
  mimeType?: string;
  sha256?: string;
  caption?: string;
  filename?: string;
  voice?: boolean;
}

export interface InboundLocation {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

export interface InboundReferral {
  headline?: string;
  body?: string;
  sourceType?: string;
  sourceUrl?: string;
}

export interface InboundMessage {
  channel: ChannelName;
  /** The channel's message id (wamid): the idempotency key for storage. */
  externalId: string;
  /** Which of our business numbers received it; used to route to a tenant/config. */
  phoneNumberId: string;
  customer: CustomerIdentity;
  /** Milliseconds since the epoch (Meta sends Unix seconds as a string). */
  timestamp: number;
  type: InboundMessageType;
  /** What a person reads: text body, button/list title, caption, location name/address, contact name. */
  text?: string;
  /** Interactive reply id, list row id, or template quick-reply payload. */
  buttonId?: string;
  media?: InboundMedia;
  location?: InboundLocation;
  /** A reaction without emoji means the customer removed their reaction. */
  reaction?: { messageId: string; emoji?: string };
  /** Id of our message the customer replied to / quoted. */
  contextId?: string;
  /** A `user_changed_number` notice: the customer's new phone number. */
  changedNumberTo?: string;
  /** The click-to-WhatsApp ad the customer came from (first message only). */
  referral?: InboundReferral;
  /** The message object exactly as received, for audit and for types we do not model yet. */
  raw: unknown;
}

export type InboundStatusValue = 'sent' | 'delivered' | 'read' | 'failed' | 'played';

export interface InboundStatusError {
  code: number;
  title?: string;
  message?: string;
  details?: string;
}

export interface InboundStatus {
  channel: ChannelName;
  /** Id of our outbound message (wamid) this status is about. */
  externalId: string;
  status: InboundStatusValue;
  timestamp: number;
  recipient?: { waId?: string; userId?: string };
  errors: InboundStatusError[];
}

export interface IgnoredItem {
  reason: string;
  detail?: string;
}

export interface ParsedWebhook {
  messages: InboundMessage[];
  statuses: InboundStatus[];
  /** Everything we skipped and why; the webhook still answers 200 so Meta does not redeliver. */
  ignored: IgnoredItem[];
}
