import { z } from 'zod';

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

/**
 * Errors meaning the 24-hour customer-service window has closed: Meta's 131047 (Infobip passes it
 * on) and Twilio's 63016. Free text cannot reach the customer until they write again.
 */
export function isWindowClosedCode(code: number | null | undefined): boolean {
  return code === 131047 || code === 63016;
}
