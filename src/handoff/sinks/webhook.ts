/**
 * The generic webhook sink: the packet as JSON, signed like GitHub and Meta sign theirs, so a
 * receiver (an n8n or Zapier flow, a CRM) can prove the request came from this Baton.
 *
 * Headers:
 * - `X-Baton-Signature: sha256=<hex>`: HMAC-SHA256 of the exact body bytes, keyed with the secret.
 * - `X-Baton-Event: handoff.created`
 * - `X-Baton-Delivery: <handoff id>.<outbox row id>`: the same on every retry, so receivers can drop
 *   repeats, and unique across Baton installations (the handoff id is random, the row id per database).
 */
import { signBody, verifySignature } from '../../channel/whatsapp/signature.js';
import type { Packet } from '../packet.js';

export const BATON_EVENT_HANDOFF_CREATED = 'handoff.created';

export interface WebhookRequest {
  body: string;
  headers: Record<string, string>;
}

/** The body and headers of one delivery; the body is signed exactly as it will be sent. */
export async function webhookRequest(
  packet: Packet,
  options: { secret: string; deliveryId: string | number },
): Promise<WebhookRequest> {
  const body = JSON.stringify(packet);
  return {
    body,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Baton-Webhook/1',
      'x-baton-event': BATON_EVENT_HANDOFF_CREATED,
      'x-baton-delivery': String(options.deliveryId),
      'x-baton-signature': await signBody(body, options.secret),
    },
  };
}

const encoder = new TextEncoder();

/**
 * For receivers: true only when `header` is a valid `sha256=` signature of `rawBody` under
 * `secret`. Verify the raw bytes as received, before parsing: re-serialised JSON differs (key
 * order, `\u` escapes of Arabic) and will not match. Constant time; fails closed on a missing
 * header or secret; never throws.
 */
export function verifyBatonSignature(
  rawBody: Uint8Array | ArrayBuffer | string,
  header: string | null | undefined,
  secret: string,
): Promise<boolean> {
  const bytes =
    typeof rawBody === 'string'
      ? encoder.encode(rawBody)
      : rawBody instanceof ArrayBuffer
        ? new Uint8Array(rawBody)
        : rawBody;
  return verifySignature(bytes, header, secret);
}
