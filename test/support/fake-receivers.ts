import type { Context } from 'hono';
import { Hono } from 'hono';
import { startServer } from './fake-server.js';

export type ReceiverRoute = 'slack' | 'hook' | 'zendesk' | 'teams';

export interface ReceivedRequest {
  route: ReceiverRoute;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The bytes exactly as sent, for signature checks. */
  rawBody: Uint8Array;
  text: string;
}

/**
 * What a route answers next, before doing its normal work: an error status, a delay longer
 * than the client's timeout, or (Zendesk) creating the ticket and then answering 500, as when
 * a response is lost after the work was done.
 */
export type Scripted =
  | { status: number; body?: string | object; headers?: Record<string, string> }
  | { hangMs: number }
  | 'create-then-500';

export interface FakeTicket {
  id: number;
  external_id: string | null;
  [field: string]: unknown;
}

const paths: Record<ReceiverRoute, string> = {
  slack: '/slack',
  hook: '/hook',
  zendesk: '/zendesk/api/v2/tickets.json',
  teams: '/teams',
};

/**
 * Local stand-ins for a Slack incoming webhook, a generic webhook receiver, the Zendesk Tickets
 * API (with its idempotency-key replay and external_id look-up) and a Teams Workflows webhook.
 * Records every request; answers from a per-route script first, then succeeds.
 */
export async function startFakeReceivers() {
  const received: ReceivedRequest[] = [];
  const scripts: Record<ReceiverRoute, Scripted[]> = { slack: [], hook: [], zendesk: [], teams: [] };
  const tickets: FakeTicket[] = [];
  const byKey = new Map<string, { body: string; ticket: FakeTicket }>();

  const record = async (c: Context, route: ReceiverRoute) => {
    const rawBody = new Uint8Array(await c.req.arrayBuffer());
    const request: ReceivedRequest = {
      route,
      method: c.req.method,
      path: c.req.path,
      query: c.req.query(),
      headers: c.req.header(),
      rawBody,
      text: new TextDecoder().decode(rawBody),
    };
    received.push(request);
    return request;
  };

  /** Answers from the script when it has something; undefined means "carry on". */
  const scripted = async (
    c: Context,
    route: ReceiverRoute,
  ): Promise<Response | 'create-then-500' | undefined> => {
    const next = scripts[route].shift();
    if (next === undefined) return undefined;
    if (next === 'create-then-500') return next;
    if ('hangMs' in next) {
      await new Promise((resolve) => setTimeout(resolve, next.hangMs));
      return c.text('too late', 504);
    }
    const body = typeof next.body === 'object' ? JSON.stringify(next.body) : (next.body ?? 'error');
    return new Response(body, { status: next.status, headers: next.headers ?? {} });
  };

  const createTicket = (request: ReceivedRequest) => {
    const key = request.headers['idempotency-key'];
    const earlier = key === undefined ? undefined : byKey.get(key);
    if (earlier) {
      if (earlier.body !== request.text) {
        return { status: 400, ticket: undefined, lookup: 'hit' as const };
      }
      return { status: 201, ticket: earlier.ticket, lookup: 'hit' as const };
    }
    const { ticket } = JSON.parse(request.text) as { ticket: Record<string, unknown> };
    const created: FakeTicket = {
      ...ticket,
      id: tickets.length + 1,
      external_id: typeof ticket.external_id === 'string' ? ticket.external_id : null,
    };
    tickets.push(created);
    if (key !== undefined) byKey.set(key, { body: request.text, ticket: created });
    return { status: 201, ticket: created, lookup: 'miss' as const };
  };

  /** A plain receiver: records, answers from its script, else succeeds with `ok`. */
  const plain = (route: ReceiverRoute, ok: (c: Context) => Response) => async (c: Context) => {
    await record(c, route);
    const answer = await scripted(c, route);
    return answer instanceof Response ? answer : ok(c);
  };

  const app = new Hono();
  app.post(
    paths.slack,
    plain('slack', (c) => c.text('ok')),
  );
  app.post(
    paths.hook,
    plain('hook', (c) => c.json({ received: true })),
  );
  // Workflows accept the request and run the flow later.
  app.post(
    paths.teams,
    plain('teams', (c) => c.body(null, 202)),
  );
  app.get(paths.zendesk, async (c) => {
    await record(c, 'zendesk');
    const externalId = c.req.query('external_id');
    const found = tickets.filter((t) => externalId === undefined || t.external_id === externalId);
    return c.json({ tickets: found, count: found.length });
  });
  app.post(paths.zendesk, async (c) => {
    const request = await record(c, 'zendesk');
    if (!request.headers.authorization) return c.json({ error: "Couldn't authenticate you" }, 401);
    const answer = await scripted(c, 'zendesk');
    if (answer instanceof Response) return answer;
    const result = createTicket(request);
    if (answer === 'create-then-500') return c.json({ error: 'InternalError' }, 500);
    if (result.ticket === undefined) {
      return c.json(
        {
          error: 'IdempotentRequestError',
          description: "Request parameters don't match the given idempotency key",
        },
        400,
      );
    }
    c.header('x-idempotency-lookup', result.lookup);
    return c.json({ ticket: result.ticket }, 201);
  });

  const server = await startServer(app);
  return {
    ...server,
    urls: Object.fromEntries(
      Object.entries(paths).map(([route, path]) => [route, `${server.url}${path}`]),
    ) as Record<ReceiverRoute, string>,
    /** The Zendesk base URL (the API paths hang under it). */
    zendeskBaseUrl: `${server.url}/zendesk`,
    requests: (route?: ReceiverRoute) => received.filter((r) => route === undefined || r.route === route),
    tickets: () => [...tickets],
    /** Queues answers for a route, used one per request before normal service resumes. */
    script: (route: ReceiverRoute, ...answers: Scripted[]) => {
      scripts[route].push(...answers);
    },
    /** Fails the next `times` requests of a route with `status` (500 unless told). */
    failTimes: (route: ReceiverRoute, times: number, status = 500, headers?: Record<string, string>) => {
      for (let i = 0; i < times; i++) {
        scripts[route].push({
          status,
          body: { error: `scripted ${status}` },
          ...(headers ? { headers } : {}),
        });
      }
    },
  };
}

export type FakeReceivers = Awaited<ReturnType<typeof startFakeReceivers>>;
