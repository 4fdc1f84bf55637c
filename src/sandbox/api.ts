import { Hono } from 'hono';
import { z } from 'zod';
import { signBody } from '../channel/whatsapp/signature.js';
import type { AppEnv } from '../http/context.js';
import { BatonError } from '../http/errors.js';
import { jsonBody } from '../http/json-body.js';
import { listConversationMessages } from '../store/repos/messages.js';
import { conversationIdFor } from '../util/ids.js';
import { buildWebhookBody, type SandboxInput } from './payload.js';
import { sameMachineOnly } from './same-machine.js';

const waId = z.string().regex(/^\d{6,15}$/, 'digits of a phone number, like 966500000001');
const mediaTypes = z.enum(['image', 'audio', 'video', 'document', 'sticker', 'location']);
const sendSchema = z.union([
  z.strictObject({
    waId,
    name: z.string().max(100).optional(),
    text: z.string().min(1).max(4096),
    id: z.string().optional(),
  }),
  z.strictObject({
    waId,
    name: z.string().max(100).optional(),
    button: z.string().min(1).max(256),
    id: z.string().optional(),
  }),
  z.strictObject({
    waId,
    name: z.string().max(100).optional(),
    type: mediaTypes,
    caption: z.string().max(1024).optional(),
    id: z.string().optional(),
  }),
]);
export type SandboxMessageRequest = z.infer<typeof sendSchema>;

/** The parts of a stored outbound message (an OutboundMessage) the simulator shows. */
interface StoredPayload {
  kind?: string;
  buttons?: { id: string; title: string }[];
  sections?: { rows: { id: string; title: string }[] }[];
}

function toInput(body: SandboxMessageRequest): SandboxInput {
  if ('text' in body) return { kind: 'text', text: body.text };
  if ('button' in body) return { kind: 'button', button: body.button };
  return { kind: 'media', type: body.type, ...(body.caption === undefined ? {} : { caption: body.caption }) };
}

/**
 * The simulator's API: a message posted here becomes a signed Meta webhook delivered to our own
 * `/webhooks/whatsapp`, so it takes exactly the path a real message takes.
 */
export function sandboxApi(deliver: (request: Request) => Promise<Response> | Response): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', sameMachineOnly);

  app.post('/messages', async (c) => {
    const { config, clock } = c.var.deps;
    const message = await jsonBody(c.req.raw, sendSchema);
    const wamid = message.id ?? `wamid.sandbox.${crypto.randomUUID()}`;
    const body = buildWebhookBody({
      phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID ?? 'sandbox',
      customer: {
        waId: message.waId,
        ...(message.name === undefined ? {} : { name: message.name }),
      },
      wamid,
      timestampMs: clock.now(),
      input: toInput(message),
    });
    const headers = new Headers({ 'content-type': 'application/json' });
    if (config.WHATSAPP_APP_SECRET !== undefined) {
      headers.set('x-hub-signature-256', await signBody(body, config.WHATSAPP_APP_SECRET));
    }
    const url = new URL('/webhooks/whatsapp', c.req.url);
    const response = await deliver(new Request(url, { method: 'POST', headers, body }));
    if (!response.ok) throw new BatonError('internal', `webhook answered ${response.status}`);
    return c.json({ id: wamid }, 202);
  });

  app.get('/messages', async (c) => {
    const parsed = waId.safeParse(c.req.query('waId'));
    if (!parsed.success) throw new BatonError('bad_request', 'waId: digits of a phone number');
    const conversationId = await conversationIdFor('whatsapp', parsed.data);
    const rows = await listConversationMessages(c.var.deps.db, conversationId);
    return c.json({
      messages: rows.map((row) => {
        const payload = row.payload as StoredPayload | null;
        return {
          id: row.id,
          direction: row.direction,
          author: row.author,
          type: row.type,
          text: row.text,
          ...(payload?.kind === 'buttons' ? { buttons: payload.buttons } : {}),
          // List rows (the CSAT scores) flattened, so the simulator can make them tappable.
          ...(payload?.kind === 'list'
            ? {
                rows: (payload.sections ?? []).flatMap((s) => s.rows.map(({ id, title }) => ({ id, title }))),
              }
            : {}),
          status: row.status,
          at: new Date(row.sentAt).toISOString(),
        };
      }),
    });
  });

  return app;
}
