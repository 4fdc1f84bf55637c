import { signBody } from '../../src/channel/whatsapp/signature.js';

/** Meta escapes non-ASCII characters in the bodies it signs; so do we, to test the raw-bytes rule. */
export function metaJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export interface TextMessageSpec {
  waId: string;
  id: string;
  text: string;
  timestamp: number;
  name?: string;
}

export function textEnvelope(items: TextMessageSpec[], phoneNumberId = 'sandbox') {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'waba-1',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550000000', phone_number_id: phoneNumberId },
              contacts: items.map((m) => ({ profile: { name: m.name ?? 'Customer' }, wa_id: m.waId })),
              messages: items.map((m) => ({
                from: m.waId,
                id: m.id,
                timestamp: String(m.timestamp),
                type: 'text',
                text: { body: m.text },
              })),
            },
          },
        ],
      },
    ],
  };
}

export async function signedRequest(body: string, secret: string | undefined, path = '/webhooks/whatsapp') {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== undefined) headers['x-hub-signature-256'] = await signBody(body, secret);
  return new Request(`http://localhost${path}`, { method: 'POST', headers, body });
}
