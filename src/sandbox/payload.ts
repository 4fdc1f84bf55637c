import { menuButtonTitles } from '../replies/menu.js';

export type SandboxInput =
  | { kind: 'text'; text: string }
  | { kind: 'button'; button: string }
  | {
      kind: 'media';
      type: 'image' | 'audio' | 'video' | 'document' | 'sticker' | 'location';
      caption?: string;
    };

/**
 * A webhook body exactly as Meta would send it for one customer message, so the simulator and
 * the evals go through the real webhook path.
 */
export function buildWebhookBody(options: {
  phoneNumberId: string;
  /** The phone (`wa_id`), the business-scoped user id (2026 usernames), or both. */
  customer: { waId?: string; userId?: string; name?: string };
  wamid: string;
  timestampMs: number;
  input: SandboxInput;
}): string {
  const { input } = options;
  const { customer } = options;
  const base = {
    ...(customer.waId ? { from: customer.waId } : {}),
    ...(customer.userId ? { from_user_id: customer.userId } : {}),
    id: options.wamid,
    timestamp: String(Math.floor(options.timestampMs / 1000)),
  };
  const message = (() => {
    switch (input.kind) {
      case 'text':
        return { ...base, type: 'text', text: { body: input.text } };
      case 'button':
        // The CSAT question is a list message: its rows come back as list replies.
        if (/^csat_[1-5]$/.test(input.button)) {
          return {
            ...base,
            type: 'interactive',
            interactive: {
              type: 'list_reply',
              list_reply: { id: input.button, title: input.button.slice(5) },
            },
          };
        }
        return {
          ...base,
          type: 'interactive',
          interactive: {
            type: 'button_reply',
            button_reply: { id: input.button, title: menuButtonTitles[input.button] ?? input.button },
          },
        };
      case 'media':
        if (input.type === 'location') {
          return { ...base, type: 'location', location: { latitude: 24.7136, longitude: 46.6753 } };
        }
        return {
          ...base,
          type: input.type,
          [input.type]: {
            id: `media.sandbox.${options.wamid}`,
            mime_type: mimeTypes[input.type],
            sha256: 'sandbox',
            ...(input.caption === undefined ? {} : { caption: input.caption }),
            ...(input.type === 'audio' ? { voice: true } : {}),
          },
        };
    }
  })();
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'sandbox-waba',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550000000', phone_number_id: options.phoneNumberId },
              contacts: [
                {
                  // No invented name: a profile name would overwrite the one the store has.
                  ...(customer.name ? { profile: { name: customer.name } } : {}),
                  ...(customer.waId ? { wa_id: customer.waId } : {}),
                  ...(customer.userId ? { user_id: customer.userId } : {}),
                },
              ],
              messages: [message],
            },
          },
        ],
      },
    ],
  });
}

const mimeTypes = {
  image: 'image/jpeg',
  audio: 'audio/ogg; codecs=opus',
  video: 'video/mp4',
  document: 'application/pdf',
  sticker: 'image/webp',
} as const;
