import { Hono } from 'hono';
import { startServer } from './fake-server.js';

export interface InfobipCall {
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export type InfobipScripted = { status: number; body: unknown; headers?: Record<string, string> } | 'hang';

const SINGLE = [
  '/whatsapp/1/message/text',
  '/whatsapp/1/message/interactive/buttons',
  '/whatsapp/1/message/interactive/list',
];

/**
 * A local stand-in for Infobip's WhatsApp API: text, interactive buttons and list (single answers),
 * template (bulk answer) and mark-as-read. Answers sends from a script in order, then succeeds with
 * a PENDING status and a fresh message id; records every call.
 */
export async function startFakeInfobip(script: InfobipScripted[] = [], options: { hangMs?: number } = {}) {
  const calls: InfobipCall[] = [];
  const queue = [...script];
  let sent = 0;
  const pending = (to: unknown) => ({
    to,
    messageCount: 1,
    messageId: `ib-${++sent}`,
    status: {
      groupId: 1,
      groupName: 'PENDING',
      id: 7,
      name: 'PENDING_ENROUTE',
      description: 'Message sent to next instance',
    },
  });
  const app = new Hono();

  app.post('/whatsapp/1/senders/:sender/message/:id/read', (c) => {
    calls.push({ path: c.req.path, authorization: c.req.header('authorization'), body: undefined });
    return c.body(null, 200);
  });

  app.post('/whatsapp/1/message/*', async (c) => {
    const body = (await c.req.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    calls.push({ path: c.req.path, authorization: c.req.header('authorization'), body });
    const next = queue.shift();
    if (next === 'hang') {
      await new Promise((resolve) => setTimeout(resolve, options.hangMs ?? 1_000));
      return c.json({}, 504);
    }
    if (next !== undefined) return c.json(next.body as object, next.status as 400, next.headers);
    if (SINGLE.includes(c.req.path)) return c.json(pending(body?.to));
    if (c.req.path === '/whatsapp/1/message/template') {
      const messages = Array.isArray(body?.messages) ? (body.messages as { to?: unknown }[]) : [];
      return c.json({ messages: messages.map((m) => pending(m.to)), bulkId: 'bulk-1' });
    }
    return c.json(infobipError(404, 'NOT_FOUND', 'no such endpoint').body, 404);
  });

  const server = await startServer(app);
  return {
    ...server,
    calls,
    sends: () => calls.filter((call) => !call.path.endsWith('/read')),
    script: (...items: InfobipScripted[]) => queue.push(...items),
  };
}

/** Infobip's classic error body: `{requestError: {serviceException: {messageId, text}}}`. */
export const infobipError = (
  status: number,
  messageId: string,
  text: string,
  headers?: Record<string, string>,
) => ({
  status,
  body: { requestError: { serviceException: { messageId, text } } },
  ...(headers ? { headers } : {}),
});
