import { expect, it } from 'vitest';
import { metaJson, signedRequest, textEnvelope } from '../support/meta.js';

/**
 * The Worker's end-to-end behaviour over HTTP only, so the same scenarios run against the Worker
 * in workerd under vitest (flow.workerd.ts) and against the real bundle under `wrangler dev`
 * (bundle.wrangler.ts). Processing runs after the webhook's 200, in Durable Objects, so the
 * scenarios poll for its results.
 */
export interface WorkerTarget {
  fetch(path: string, init?: RequestInit): Promise<Response>;
  appSecret: string;
  /** A bearer token of an agent in every queue. */
  agentToken(): Promise<string>;
}

export interface SandboxLine {
  direction: 'in' | 'out';
  author: string;
  text: string | null;
  status: string;
}

let sequence = 0;
/** A customer of its own per scenario, so scenarios sharing a database do not see each other. */
export const nextWaId = () => `96650${String(Date.now() % 10_000_000).padStart(7, '0')}${sequence++ % 10}`;

export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const sentReplies = (lines: SandboxLine[]) =>
  lines.filter((line) => line.direction === 'out' && line.status === 'sent');

export function client(target: () => WorkerTarget) {
  return {
    async say(waId: string, text: string): Promise<void> {
      const response = await target().fetch('/api/sandbox/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ waId, name: 'Sara', text }),
      });
      expect(response.status).toBe(202);
    },
    async conversation(waId: string): Promise<SandboxLine[]> {
      const response = await target().fetch(`/api/sandbox/messages?waId=${waId}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { messages: SandboxLine[] }).messages;
    },
    /** Posts a Meta delivery to the webhook, signed with the app secret or with a forged signature. */
    async deliver(body: string, signature: 'valid' | 'forged'): Promise<Response> {
      const request = await signedRequest(body, target().appSecret);
      const headers = new Headers(request.headers);
      if (signature === 'forged') headers.set('x-hub-signature-256', `sha256=${'0'.repeat(64)}`);
      return target().fetch('/webhooks/whatsapp', { method: 'POST', headers, body });
    },
  };
}

/** Declares the shared scenarios (inside the caller's describe). */
export function workerScenarios(target: () => WorkerTarget): void {
  const { say, conversation, deliver } = client(target);

  it('is healthy on D1', async () => {
    const response = await target().fetch('/health');
    expect(await response.json()).toMatchObject({ ok: true, database: 'ok', sending: 'ok' });
  });

  it('answers an order question: webhook → conversation object → agent → outbox object → sandbox', async () => {
    await say('966500000001', 'where is my order A1001?');
    const lines = await waitFor(
      () => conversation('966500000001'),
      (l) => sentReplies(l).some((line) => /A1001/.test(line.text ?? '')),
    );
    expect(lines.find((line) => line.direction === 'in')).toMatchObject({ status: 'done' });
    expect(sentReplies(lines).map((line) => line.text)).toContainEqual(
      expect.stringMatching(/A1001: shipped/),
    );
  });

  it('hands off to a person, who sees the packet and answers through the agent API', async () => {
    const waId = nextWaId();
    await say(waId, 'I want to talk to a real person please');
    const notice = await waitFor(
      () => conversation(waId),
      (l) => sentReplies(l).length > 0,
    );
    expect(sentReplies(notice)[0]?.author).toBe('system');

    const token = await target().agentToken();
    const api = (path: string, init: RequestInit = {}) =>
      target().fetch(`/api${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
    const { handoffs } = (await (await api('/handoffs')).json()) as { handoffs: { id: string }[] };
    const details = await Promise.all(
      handoffs.map(async ({ id }) => {
        const detail = (await (await api(`/handoffs/${id}`)).json()) as {
          packet: { customer: { waId?: string }; reasons: { code: string }[] };
        };
        return { id, packet: detail.packet };
      }),
    );
    const handoff = details.find((h) => h.packet.customer.waId === waId);
    expect(handoff?.packet.reasons.map((r) => r.code)).toContain('human_requested');

    expect((await api(`/handoffs/${handoff?.id}/claim`, { method: 'POST' })).status).toBe(200);
    const answer = 'Hi Sara, Noura here. How can I help?';
    const reply = await api(`/handoffs/${handoff?.id}/reply`, {
      method: 'POST',
      body: JSON.stringify({ text: answer }),
    });
    expect(reply.status).toBe(202);
    // The agent's reply leaves through the outbox object, woken from the request (waitUntil).
    const lines = await waitFor(
      () => conversation(waId),
      (l) => sentReplies(l).some((line) => line.text === answer),
    );
    expect(sentReplies(lines).find((line) => line.text === answer)?.author).toBe('agent');
  });

  it('streams live inbox events made in other isolates: a handoff from a conversation object, a claim', async () => {
    const token = await target().agentToken();
    const abort = new AbortController();
    const stream = await target().fetch('/api/events', {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    expect(stream.status).toBe(200);
    const events = sseEvents(stream);
    try {
      expect((await events.next()).event).toBe('ready');
      const waId = nextWaId();
      await say(waId, 'I want to talk to a real person please');
      const created = await events.until((e) => e.event === 'handoff.created');
      const { handoffId } = JSON.parse(created.data) as { handoffId: string };
      const claim = await target().fetch(`/api/handoffs/${handoffId}/claim`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(claim.status).toBe(200);
      const updated = await events.until((e) => e.event === 'handoff.updated');
      expect(JSON.parse(updated.data)).toMatchObject({ handoffId, status: 'assigned' });
    } finally {
      abort.abort();
      await events.close();
    }
  });

  it('rejects a webhook whose signature does not match, and stores nothing', async () => {
    const waId = nextWaId();
    const body = metaJson(
      textEnvelope([
        { waId, id: `wamid.forged.${waId}`, text: 'hello', timestamp: Math.floor(Date.now() / 1000) },
      ]),
    );
    const response = await deliver(body, 'forged');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'unauthorized' });
    expect(await conversation(waId)).toEqual([]);
  });

  it('stores a redelivered message once and answers it once', async () => {
    const waId = nextWaId();
    const body = metaJson(
      textEnvelope([
        {
          waId,
          id: `wamid.redelivered.${waId}`,
          text: 'what are your opening hours?',
          timestamp: Math.floor(Date.now() / 1000),
        },
      ]),
    );
    expect((await deliver(body, 'valid')).status).toBe(200);
    expect((await deliver(body, 'valid')).status).toBe(200);
    const answered = await waitFor(
      () => conversation(waId),
      (l) => sentReplies(l).length > 0 && l.every((line) => line.status !== 'received'),
    );
    // Time for a second, wrongly scheduled turn to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const lines = await conversation(waId);
    expect(lines.filter((line) => line.direction === 'in')).toHaveLength(1);
    expect(lines.filter((line) => line.direction === 'out')).toEqual(
      answered.filter((line) => line.direction === 'out'),
    );
  });
}

interface SseEvent {
  event: string;
  data: string;
}

/** Reads a server-sent event stream event by event, each read bounded by a timeout. */
function sseEvents(response: Response, timeoutMs = 20_000) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  const next = async (): Promise<SseEvent> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const end = buffered.indexOf('\n\n');
      if (end >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const field = (name: string) =>
          block
            .split('\n')
            .find((line) => line.startsWith(`${name}:`))
            ?.slice(name.length + 1)
            .trim() ?? '';
        return { event: field('event'), data: field('data') };
      }
      const left = until - Date.now();
      if (left <= 0) throw new Error('no server-sent event in time');
      let timer: ReturnType<typeof setTimeout> | undefined;
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, fail) => {
          timer = setTimeout(() => fail(new Error('no server-sent event in time')), left);
        }),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) throw new Error('the event stream ended');
      buffered += decoder.decode(chunk.value, { stream: true });
    }
  };
  return {
    next,
    /** The next event that matches, skipping heartbeats and others. */
    async until(match: (event: SseEvent) => boolean): Promise<SseEvent> {
      for (;;) {
        const event = await next();
        if (match(event)) return event;
      }
    },
    close: () => reader.cancel().catch(() => {}),
  };
}
