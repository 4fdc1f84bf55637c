import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/store/db.js';
import { metaJson } from '../support/meta.js';

/** Texts that each get exactly one reply and never escalate (checked against the offline engine). */
export const ONE_REPLY_TEXTS = [
  'do you deliver to Jeddah?',
  'what payment methods do you accept?',
  'how do I return an item?',
  'what are your opening hours?',
  'do you ship to Dammam?',
  'can I pay with Apple Pay?',
  'thanks',
  'hello',
  'how long does delivery take?',
  'هل توصلون إلى جدة؟',
  'ما هي طرق الدفع؟',
] as const;

/** A small seeded PRNG (mulberry32), so a failing storm can be replayed from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Delivery {
  conversation: number;
  /** Position of the message within its conversation (0-based). */
  index: number;
  waId: string;
  wamid: string;
  text: string;
  /** Unix seconds. */
  timestamp: number;
  duplicate: boolean;
}

/**
 * A storm: `conversations` customers with `perConversation` messages each, every conversation's
 * messages in order but the conversations interleaved at random, plus `duplicates` redeliveries of
 * random earlier messages inserted at random later positions. Deterministic for a seed.
 */
export function storm(options: {
  conversations: number;
  perConversation: number;
  duplicates: number;
  seed: number;
  prefix: string;
  start?: number;
}): Delivery[] {
  const random = rng(options.seed);
  const start = options.start ?? Math.floor(Date.now() / 1000) - 3_600;
  const queues: Delivery[][] = Array.from({ length: options.conversations }, (_, c) => {
    const waId = `9665${String(40_000_000 + c).slice(-8)}`;
    return Array.from({ length: options.perConversation }, (_, index) => ({
      conversation: c,
      index,
      waId,
      wamid: `wamid.${options.prefix}.${c}.${index}`,
      text: ONE_REPLY_TEXTS[(c + index) % ONE_REPLY_TEXTS.length] ?? 'hello',
      timestamp: start + index * 7,
      duplicate: false,
    }));
  });
  const out: Delivery[] = [];
  let left = options.conversations * options.perConversation;
  // Interleave: pick a random non-empty conversation each time, weighted by what it has left.
  while (left > 0) {
    let pick = Math.floor(random() * left);
    for (const queue of queues) {
      if (pick < queue.length) {
        const next = queue.shift();
        if (next) out.push(next);
        break;
      }
      pick -= queue.length;
    }
    left--;
  }
  for (let d = 0; d < options.duplicates; d++) {
    const original = Math.floor(random() * out.length);
    const item = out[original];
    if (item === undefined) continue;
    const at = original + 1 + Math.floor(random() * (out.length - original));
    out.splice(at, 0, { ...item, duplicate: true });
  }
  return out;
}

export function deliveryBody(d: Pick<Delivery, 'waId' | 'wamid' | 'text' | 'timestamp'>): string {
  return metaJson({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'waba-1',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550000000', phone_number_id: '100000000000001' },
              contacts: [{ profile: { name: 'Customer' }, wa_id: d.waId }],
              messages: [
                {
                  from: d.waId,
                  id: d.wamid,
                  timestamp: String(d.timestamp),
                  type: 'text',
                  text: { body: d.text },
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

export const signature = (body: string, secret: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** A webhook POST of `body` signed with `secret`, as Meta sends it, to an app in the same process. */
export function postWebhook(
  app: { request(path: string, init: RequestInit): Response | Promise<Response> },
  body: string,
  secret: string,
): Promise<Response> {
  return Promise.resolve(
    app.request('/webhooks/whatsapp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature(body, secret) },
      body,
    }),
  );
}

/** Inbound messages not yet handled plus sends not yet finished: 0 once all the work is done. */
export async function openWork(db: Db): Promise<number> {
  const [row] = await db.all<{ open: number }>(
    sql`SELECT (SELECT count(*) FROM messages WHERE direction = 'in' AND status = 'received')
          + (SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')) AS open`,
  );
  return row?.open ?? 1;
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function pool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, i: number) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) {
        const item = items[i];
        if (item !== undefined) await work(item, i);
      }
    }),
  );
}

/** Polls `check` until it returns true or `timeoutMs` passes; bounded. */
export async function until(
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 200,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Map.groupBy (Node 20 lacks it). */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
