import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the repository is, for datasets and entry points. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** Customer texts of the dev eval set (English and Arabic), the realistic content of a webhook. */
export function devTexts(): string[] {
  const lines = readFileSync(resolve(ROOT, 'evals/datasets/dev.jsonl'), 'utf8').split('\n').filter(Boolean);
  const texts: string[] = [];
  for (const line of lines) {
    const { turns } = JSON.parse(line) as { turns: unknown[] };
    for (const turn of turns) {
      if (typeof turn === 'string') texts.push(turn);
      else if (turn !== null && typeof turn === 'object' && 'text' in turn) texts.push(String(turn.text));
    }
  }
  return texts;
}

/** The dev set's conversations as customer texts (a button tap reads as its digit). */
export function devConversations(): string[][] {
  const lines = readFileSync(resolve(ROOT, 'evals/datasets/dev.jsonl'), 'utf8').split('\n').filter(Boolean);
  const digits: Record<string, string> = { menu_order: '1', menu_faq: '2', menu_agent: '3' };
  return lines.map((line) => {
    const { turns } = JSON.parse(line) as { turns: unknown[] };
    return turns.map((turn) => {
      if (typeof turn === 'string') return turn;
      if (turn !== null && typeof turn === 'object' && 'text' in turn) return String(turn.text);
      if (turn !== null && typeof turn === 'object' && 'button' in turn)
        return digits[String(turn.button)] ?? '2';
      return 'hello';
    });
  });
}

/** Meta escapes every non-ASCII character in the bodies it signs (WHATSAPP.md, Signature). */
export function metaJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function sign(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface TextDelivery {
  /** The phone number; absent for a customer who uses a WhatsApp username (2026). */
  waId?: string;
  /** The business-scoped user id Meta sends since 2026. */
  userId?: string;
  wamid: string;
  text: string;
  /** Unix seconds. */
  timestamp: number;
  name?: string;
}

/** One `messages` webhook as Meta sends it: envelope, metadata, contact and message. */
export function textWebhook(messages: TextDelivery[], phoneNumberId = '106540352242922'): string {
  return metaJson({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
              contacts: messages.map((m) => ({
                profile: { name: m.name ?? 'Customer' },
                ...(m.waId ? { wa_id: m.waId } : {}),
                ...(m.userId ? { user_id: m.userId } : {}),
              })),
              messages: messages.map((m) => ({
                ...(m.waId ? { from: m.waId } : {}),
                ...(m.userId ? { from_user_id: m.userId } : {}),
                id: m.wamid,
                timestamp: String(m.timestamp),
                type: 'text',
                text: { body: m.text },
              })),
            },
          },
        ],
      },
    ],
  });
}

/** A wamid shaped like Meta's (base64 of a protobuf-ish id), unique per `n`. */
export function wamid(prefix: string, n: number): string {
  return `wamid.HBgM${Buffer.from(`${prefix}:${n}:${'0'.repeat(12)}`).toString('base64')}`;
}

const names = ['Sara', 'Omar', 'Layla', 'Fahad', 'Noura', 'Khalid', 'Dana', 'Yousef', 'Hind', 'Majed'];

/**
 * An endless source of realistic signed deliveries: texts from the dev set, a pool of customers,
 * unique wamids, one message per POST (Meta's usual shape). As in 2026 webhooks, every customer has
 * a user id and one in five has no phone number (a username user).
 */
export function deliverySource(options: { secret: string; customers: number; seed?: string }) {
  const texts = devTexts();
  const prefix = options.seed ?? `bench${Date.now()}`;
  let n = 0;
  return () => {
    const i = n++;
    const customer = (i * 7919) % options.customers;
    const body = textWebhook([
      {
        ...(customer % 5 === 0 ? {} : { waId: `9665${String(10_000_000 + customer).slice(-8)}` }),
        userId: `SA.bench${customer.toString(36).padStart(10, '0')}`,
        wamid: wamid(prefix, i),
        text: texts[i % texts.length] ?? 'hello',
        timestamp: Math.floor(Date.now() / 1000),
        name: names[customer % names.length] ?? 'Customer',
      },
    ]);
    return { body, signature: sign(body, options.secret) };
  };
}
