/**
 * Zod schemas for Meta's WhatsApp Cloud API webhook (field `messages`).
 *
 * Policy: strict on what Baton keys on (ids, timestamps, media ids, coordinates, error codes),
 * lenient everywhere else. Meta adds fields without notice and sometimes sends odd values in
 * fields we only display, so unknown keys are stripped and a malformed optional field becomes
 * `undefined` instead of rejecting the whole message. Arrays are validated item by item by the
 * parser (parse.ts), never all-or-nothing, so one bad item cannot hide the others.
 */
import { z } from 'zod';

/** An optional string that tolerates garbage: anything that is not a string reads as absent. */
const optStr = () => z.string().optional().catch(undefined);
const optBool = () => z.boolean().optional().catch(undefined);

/** Meta sends numbers as JSON numbers, but a numeric string costs nothing to accept. */
const numberLike = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);
const optNumberLike = () => numberLike.optional().catch(undefined);

/** Meta's timestamps are Unix seconds as a string; we store milliseconds. */
export const unixSecondsSchema = z
  .union([z.string().regex(/^\d{1,12}$/), z.number().int().nonnegative().max(999_999_999_999)])
  .transform((value) => Number(value) * 1000);

const idSchema = z.string().min(1);

/** An array whose bad items are dropped rather than failing the parent (used for detail lists). */
function lenientArray<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .optional()
    .catch(undefined)
    .transform((items): z.output<T>[] =>
      (items ?? []).flatMap((entry) => {
        const parsed = item.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      }),
    );
}

// ---------------------------------------------------------------- envelope

export const envelopeSchema = z.object({
  object: z.string(),
  entry: z.array(z.unknown()),
});

export const entrySchema = z.object({
  /** The WhatsApp Business Account id. */
  id: optStr(),
  changes: z.array(z.unknown()),
});

export const changeSchema = z.object({
  field: z.string(),
  value: z.unknown(),
});

/** `value` of a `messages` change; the item arrays are checked one item at a time in parse.ts. */
export const changeValueSchema = z.object({
  messaging_product: optStr(),
  metadata: z.unknown().optional(),
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});

export const metadataSchema = z.object({
  display_phone_number: optStr(),
  phone_number_id: idSchema,
});

// ---------------------------------------------------------------- shared pieces

/**
 * `contacts[]` of a value. Since 2026 `wa_id` is optional (username customers) and `user_id`
 * (business-scoped user id) / `parent_user_id` appear.
 */
export const contactSchema = z.object({
  wa_id: optStr(),
  user_id: optStr(),
  parent_user_id: optStr(),
  profile: z.object({ name: optStr(), username: optStr() }).optional().catch(undefined),
});

export const errorSchema = z.object({
  code: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]),
  title: optStr(),
  message: optStr(),
  error_data: z.object({ details: optStr() }).optional().catch(undefined),
  href: optStr(),
});

/** Present when the customer replied to (quoted) one of our messages, or forwarded. */
export const contextSchema = z.object({
  from: optStr(),
  id: optStr(),
  forwarded: optBool(),
  frequently_forwarded: optBool(),
});

/** First message after a click-to-WhatsApp ad. */
export const referralSchema = z.object({
  source_url: optStr(),
  source_id: optStr(),
  source_type: optStr(),
  body: optStr(),
  headline: optStr(),
  media_type: optStr(),
  image_url: optStr(),
  video_url: optStr(),
  thumbnail_url: optStr(),
  ctwa_clid: optStr(),
});

// ---------------------------------------------------------------- messages

/** Fields common to every message; `id` and `timestamp` are what we cannot do without. */
export const messageBaseSchema = z.object({
  id: idSchema,
  timestamp: unixSecondsSchema,
  type: z.string().min(1),
  /** Phone number; absent for username customers (2026). */
  from: optStr(),
  /** Business-scoped user id of the sender (2026). */
  from_user_id: optStr(),
  context: contextSchema.optional().catch(undefined),
  referral: referralSchema.optional().catch(undefined),
  errors: lenientArray(errorSchema),
});

export const textContentSchema = z.object({ body: z.string() });

export const interactiveContentSchema = z
  .object({
    type: z.string(),
    button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
    list_reply: z.object({ id: z.string(), title: z.string(), description: optStr() }).optional(),
    /** WhatsApp Flows completion. */
    nfm_reply: z.object({ name: optStr(), body: optStr(), response_json: optStr() }).optional(),
  })
  // A reply without its id is useless to the bot; treat it as malformed, not as a blank reply.
  .refine((v) => v.type !== 'button_reply' || v.button_reply !== undefined, 'button_reply missing')
  .refine((v) => v.type !== 'list_reply' || v.list_reply !== undefined, 'list_reply missing');

/** Tap on a template's quick-reply button (not an interactive button). */
export const templateButtonContentSchema = z.object({ payload: optStr(), text: optStr() });

const mediaBase = z.object({
  id: idSchema,
  mime_type: optStr(),
  sha256: optStr(),
  caption: optStr(),
});
export const imageContentSchema = mediaBase;
export const videoContentSchema = mediaBase;
export const audioContentSchema = mediaBase.extend({ voice: optBool() });
export const documentContentSchema = mediaBase.extend({ filename: optStr() });
export const stickerContentSchema = mediaBase.extend({ animated: optBool() });

export const locationContentSchema = z.object({
  latitude: numberLike.pipe(z.number().min(-90).max(90)),
  longitude: numberLike.pipe(z.number().min(-180).max(180)),
  name: optStr(),
  address: optStr(),
  url: optStr(),
});

export const sharedContactSchema = z.object({
  name: z
    .object({ formatted_name: optStr(), first_name: optStr(), last_name: optStr() })
    .optional()
    .catch(undefined),
  phones: lenientArray(z.object({ phone: optStr(), wa_id: optStr(), type: optStr() })),
});
export const contactsContentSchema = z.array(sharedContactSchema);

/** No `emoji` (or an empty one) means the customer removed the reaction. */
export const reactionContentSchema = z.object({ message_id: idSchema, emoji: optStr() });

export const orderContentSchema = z.object({
  catalog_id: optStr(),
  text: optStr(),
  product_items: lenientArray(
    z.object({
      product_retailer_id: optStr(),
      // Meta's examples send these as strings ("2", "349")
      quantity: optNumberLike(),
      item_price: optNumberLike(),
      currency: optStr(),
    }),
  ),
});

/** Identity changes: `user_changed_number`, `user_changed_user_id`. */
export const systemContentSchema = z.object({
  body: optStr(),
  type: optStr(),
  wa_id: optStr(),
  user_id: optStr(),
  customer: optStr(),
});

/** The object under `message[type]` for each type that carries one. */
export const messageContentSchemas = {
  text: textContentSchema,
  interactive: interactiveContentSchema,
  button: templateButtonContentSchema,
  image: imageContentSchema,
  audio: audioContentSchema,
  video: videoContentSchema,
  document: documentContentSchema,
  sticker: stickerContentSchema,
  location: locationContentSchema,
  contacts: contactsContentSchema,
  reaction: reactionContentSchema,
  order: orderContentSchema,
  system: systemContentSchema,
} as const;
export type ContentType = keyof typeof messageContentSchemas;

// ---------------------------------------------------------------- statuses

export const statusValueSchema = z.enum(['sent', 'delivered', 'read', 'failed', 'played']);

export const statusSchema = z.object({
  /** Our wamid. */
  id: idSchema,
  status: statusValueSchema,
  timestamp: unixSecondsSchema,
  /** Phone number; optional since 2026. */
  recipient_id: optStr(),
  recipient_user_id: optStr(),
  biz_opaque_callback_data: optStr(),
  pricing: z
    .object({ pricing_model: optStr(), category: optStr(), type: optStr() })
    .optional()
    .catch(undefined),
  errors: lenientArray(errorSchema),
});

export type WaContact = z.output<typeof contactSchema>;
export type WaError = z.output<typeof errorSchema>;
export type WaMessageBase = z.output<typeof messageBaseSchema>;
export type WaStatus = z.output<typeof statusSchema>;
