import { Hono } from 'hono';
import { startServer } from './fake-server.js';

export interface GraphCall {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

type Scripted = { status: number; body: unknown; headers?: Record<string, string> } | 'hang';

/**
 * A local stand-in for the Graph API's `/{version}/{phone-number-id}/messages`. Answers from a
 * script in order, then succeeds; records every call.
 */
export async function startFakeGraph(script: Scripted[] = []) {
  const calls: GraphCall[] = [];
  const queue = [...script];
  let sent = 0;
  const app = new Hono();
  app.post('/:version/:phone/messages', async (c) => {
    const body = (await c.req.json()) as Record<string, unknown>;
    calls.push({ path: c.req.path, authorization: c.req.header('authorization'), body });
    if (body.status === 'read') return c.json({ success: true });
    const next = queue.shift();
    if (next === 'hang') {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      return c.json({}, 504);
    }
    if (next !== undefined) return c.json(next.body as object, next.status as 200, next.headers);
    sent++;
    return c.json({
      messaging_product: 'whatsapp',
      contacts: [{ input: body.to, wa_id: body.to }],
      messages: [{ id: `wamid.fake.${sent}` }],
    });
  });
  const server = await startServer(app);
  return { ...server, calls, sends: () => calls.filter((call) => call.body.status !== 'read') };
}

export const graphError = (status: number, code: number, message = 'error') => ({
  status,
  body: {
    error: {
      message,
      type: 'OAuthException',
      code,
      error_data: { messaging_product: 'whatsapp', details: message },
      fbtrace_id: 'A1',
    },
  },
});
