import { z } from 'zod';
import type { ChannelName } from './inbound.js';

export const replyButtonSchema = z.object({
  id: z.string().min(1).max(256),
  title: z.string().min(1).max(20),
});
export type ReplyButton = z.infer<typeof replyButtonSchema>;

export const listRowSchema = z.object({
  id: z.string().min(1).max(200),
  title: z.string().min(1).max(24),
  description: z.string().max(72).optional(),
});

/** What Baton sends; the same shape is stored in the outbox and on the message row. */
export const outboundMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string().min(1).max(4096) }),
  z.object({
    kind: z.literal('buttons'),
    text: z.string().min(1).max(1024),
    buttons: z.array(replyButtonSchema).min(1).max(3),
  }),
  z.object({
    kind: z.literal('list'),
    text: z.string().min(1).max(1024),
    button: z.string().min(1).max(20),
    sections: z
      .array(z.object({ title: z.string().min(1).max(24), rows: z.array(listRowSchema).min(1) }))
      .min(1)
      .max(10),
  }),
  z.object({
    kind: z.literal('template'),
    name: z.string().min(1),
    language: z.string().min(2),
    parameters: z.array(z.string()).default([]),
  }),
]);
export type OutboundMessage = z.infer<typeof outboundMessageSchema>;

/** Who receives a message: the phone wins when both are known (WHATSAPP.md, identity). */
export interface Recipient {
  waId?: string;
  userId?: string;
}

export type SendResult =
  | { ok: true; externalId: string }
  | {
      ok: false;
      /** Transient failures (429, 5xx, timeouts, throughput codes) are retried through the outbox. */
      retryable: boolean;
      code?: number;
      error: string;
      retryAfterMs?: number;
    };

export interface Transport {
  readonly name: string;
  send(to: Recipient, message: OutboundMessage): Promise<SendResult>;
  /** Marks an inbound message read and shows the typing indicator while the bot works. */
  markRead(externalId: string): Promise<void>;
}

/** The plain text a person reads in a message, for transcripts and the simulator. */
export function outboundText(message: OutboundMessage): string {
  switch (message.kind) {
    case 'text':
    case 'buttons':
    case 'list':
      return message.text;
    case 'template':
      return `[template ${message.name}] ${message.parameters.join(' · ')}`.trim();
  }
}

/** Free text reaches a customer until this long after their latest message (WHATSAPP.md). */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Meta's "outside the 24-hour window"; Infobip's relayed refusal is stored as it too. */
export const META_WINDOW_CLOSED = 131047;
/** Twilio's "outside the 24-hour window". */
export const TWILIO_WINDOW_CLOSED = 63016;

/**
 * Errors meaning the 24-hour customer-service window has closed: Meta's 131047 (Infobip passes it
 * on) and Twilio's 63016. Free text cannot reach the customer until they write again.
 */
export const WINDOW_CLOSED_CODES = [META_WINDOW_CLOSED, TWILIO_WINDOW_CLOSED] as const;

/** The code a channel refuses free text with once the window has closed, as Baton stores it. */
export function windowClosedCodeOf(channel: ChannelName): number {
  return channel === 'twilio' ? TWILIO_WINDOW_CLOSED : META_WINDOW_CLOSED;
}

export function isWindowClosedCode(code: number | null | undefined): boolean {
  return WINDOW_CLOSED_CODES.some((closed) => closed === code);
}

/**
 * Errors that no retry and no message of ours can fix: the account itself is refused, and every
 * send fails until the operator acts (WHATSAPP.md, "alert the operator"). What to do, by code.
 */
const ACCOUNT_PROBLEMS: Readonly<Record<number, string>> = {
  190: 'the access token is invalid or expired: set a new WHATSAPP_ACCESS_TOKEN (a system-user token does not expire)',
  368: 'Meta has restricted the account for a policy violation: see WhatsApp Manager',
  131031: 'the WhatsApp Business account is locked: see WhatsApp Manager',
  133010:
    'the phone number is not registered with the Cloud API: register it (POST /{phone-number-id}/register)',
  20003: 'Twilio refused the credentials: check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN',
};

export function accountProblem(code: number | null | undefined): string | undefined {
  return code === null || code === undefined ? undefined : ACCOUNT_PROBLEMS[code];
}
