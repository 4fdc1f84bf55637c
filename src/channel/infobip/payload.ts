/**
 * The shapes of Infobip's WhatsApp webhook results, as zod schemas: inbound messages (the
 * `MO_OTT_CONTACT` format), delivery reports and seen reports. Lenient on purpose — only what Baton
 * reads is required, unknown fields are dropped rather than rejected — because Infobip adds fields
 * without notice.
 */
import { z } from 'zod';

export const envelopeSchema = z.object({ results: z.array(z.unknown()) });

export const inboundSchema = z.object({
  messageId: z.string().min(1),
  from: z.string().min(1),
  to: z.string().optional(),
  receivedAt: z.string().optional(),
  contact: z.object({ name: z.string().optional() }).nullish(),
  message: z.object({ type: z.string(), context: z.object({ id: z.string().optional() }).nullish() }),
});

const text = z.object({ text: z.string() });
const media = z.object({ url: z.string().min(1), caption: z.string().nullish() });
const reply = z.object({ id: z.string().min(1), title: z.string().optional() });
export const contents = {
  TEXT: text,
  IMAGE: media,
  VIDEO: media,
  AUDIO: media,
  VOICE: media,
  DOCUMENT: media,
  STICKER: media,
  LOCATION: z.object({
    latitude: z.coerce.number(),
    longitude: z.coerce.number(),
    name: z.string().nullish(),
    address: z.string().nullish(),
  }),
  BUTTON: z.object({ text: z.string().optional(), payload: z.string().optional() }),
  INTERACTIVE_BUTTON_REPLY: reply,
  INTERACTIVE_LIST_REPLY: reply,
  CONTACT: z.object({
    contacts: z.array(
      z.object({
        name: z
          .object({
            formattedName: z.string().optional(),
            firstName: z.string().optional(),
            lastName: z.string().optional(),
          })
          .nullish(),
      }),
    ),
  }),
  REACTION: z.object({ emoji: z.string().nullish(), context: z.object({ id: z.string() }).nullish() }),
} as const;
export type ContentType = keyof typeof contents;

export const reportSchema = z.object({
  messageId: z.string().min(1),
  to: z.string().optional(),
  sentAt: z.string().optional(),
  doneAt: z.string().optional(),
  status: z.object({
    groupName: z.string(),
    id: z.coerce.number().optional(),
    name: z.string().optional(),
    description: z.string().optional(),
  }),
  error: z
    .object({
      id: z.coerce.number().optional(),
      name: z.string().optional(),
      description: z.string().optional(),
      groupName: z.string().optional(),
    })
    .nullish(),
});

export const seenSchema = z.object({
  messageId: z.string().min(1),
  to: z.string().optional(),
  seenAt: z.string(),
});
