import { afterEach, describe, expect, it } from 'vitest';
import { packetSchema } from '../../../src/handoff/packet.js';
import type { SinkFailure } from '../../../src/handoff/sinks/handlers.js';
import { slackMessage } from '../../../src/handoff/sinks/slack.js';
import { teamsMessage } from '../../../src/handoff/sinks/teams.js';
import { verifyBatonSignature } from '../../../src/handoff/sinks/webhook.js';
import type { ReceiverRoute } from '../../support/fake-receivers.js';
import { arabicPacket } from './packet-fixture.js';
import { allSinks, SECRETS, type SinkHarness, sinkHarness } from './sink-harness.js';

const harnesses: SinkHarness[] = [];
afterEach(async () => {
  for (const harness of harnesses.splice(0)) await harness.close();
});

async function start(...args: Parameters<typeof sinkHarness>) {
  const harness = await sinkHarness(...args);
  harnesses.push(harness);
  return harness;
}

const routeOf: Record<string, ReceiverRoute> = {
  'sink:slack': 'slack',
  'sink:webhook': 'hook',
  'sink:zendesk': 'zendesk',
  'sink:teams': 'teams',
};

describe('sink handlers through the outbox', () => {
  it('delivers a handoff to every sink once, in the shape each receiver expects', async () => {
    const h = await start();
    const packet = arabicPacket();
    await h.enqueue(packet);
    const rows = await h.settle();
    expect(rows.map((r) => [r.kind, r.status, r.attempts])).toEqual([
      ['sink:slack', 'done', 0],
      ['sink:webhook', 'done', 0],
      ['sink:zendesk', 'done', 0],
      ['sink:teams', 'done', 0],
    ]);
    const base = { publicBaseUrl: 'https://baton.example' };
    const [slack] = h.receivers.requests('slack');
    expect(JSON.parse(slack?.text ?? '')).toEqual(slackMessage(packet, base));
    const [teams] = h.receivers.requests('teams');
    expect(JSON.parse(teams?.text ?? '')).toEqual(teamsMessage(packet, base));
    expect(teams?.query.sig).toBe(SECRETS.teamsSig);

    const [hook] = h.receivers.requests('hook');
    expect(hook?.headers['x-baton-event']).toBe('handoff.created');
    // one installation's row ids are another's too: the handoff's random id makes it unique anywhere
    expect(hook?.headers['x-baton-delivery']).toBe(`${packet.id}.${rows[1]?.id}`);
    expect(
      await verifyBatonSignature(hook?.rawBody ?? '', hook?.headers['x-baton-signature'], SECRETS.webhook),
    ).toBe(true);
    expect(packetSchema.parse(JSON.parse(hook?.text ?? ''))).toEqual(packet);

    const [create] = h.receivers.requests('zendesk');
    expect(create?.headers['idempotency-key']).toBe(packet.id);
    expect(atob(create?.headers.authorization?.replace('Basic ', '') ?? '')).toBe(
      `bot@acme.example/token:${SECRETS.zendeskToken}`,
    );
    expect(h.receivers.tickets()).toHaveLength(1);
    expect(h.receivers.tickets()[0]).toMatchObject({ external_id: packet.id, priority: 'urgent' });
  });

  it.each(['sink:slack', 'sink:webhook', 'sink:zendesk', 'sink:teams'])(
    '%s retries a 500 and then succeeds',
    async (kind) => {
      const h = await start();
      const route = routeOf[kind] ?? 'slack';
      h.receivers.failTimes(route, 1, 500);
      await h.enqueue(arabicPacket());
      const rows = await h.settle();
      const row = rows.find((r) => r.kind === kind);
      expect(row).toMatchObject({ status: 'done', attempts: 1, lastError: null });
      const posts = h.receivers.requests(route).filter((r) => r.method === 'POST');
      expect(posts).toHaveLength(2);
      if (kind === 'sink:webhook') {
        // The same delivery id on the retry lets the receiver drop a repeat.
        expect(new Set(posts.map((p) => p.headers['x-baton-delivery'])).size).toBe(1);
      }
      expect(rows.every((r) => r.status === 'done')).toBe(true);
    },
  );

  it('waits for Retry-After on a 429 before trying again', async () => {
    const h = await start();
    h.receivers.failTimes('slack', 1, 429, { 'retry-after': '120' });
    await h.enqueue(arabicPacket());
    const before = h.clock.now();
    await h.dispatcher.kick();
    const waiting = (await h.rows()).find((r) => r.kind === 'sink:slack');
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting?.lastError).toMatch(/^HTTP 429/);
    expect(waiting?.nextAttemptAt).toBeGreaterThanOrEqual(before + 120_000);
    const rows = await h.settle();
    expect(rows.find((r) => r.kind === 'sink:slack')?.status).toBe('done');
  });

  it('retries a timeout', async () => {
    const h = await start();
    h.receivers.script('teams', { hangMs: 1_000 });
    await h.enqueue(arabicPacket());
    await h.dispatcher.kick();
    expect((await h.rows()).find((r) => r.kind === 'sink:teams')?.lastError).toBe('timeout after 300 ms');
    expect((await h.settle()).find((r) => r.kind === 'sink:teams')?.status).toBe('done');
  });

  it('fails a permanent 4xx for good without throwing or holding back the other sinks', async () => {
    const failures: SinkFailure[] = [];
    const h = await start(undefined, { onGiveUp: async (failure) => void failures.push(failure) });
    h.receivers.script('slack', { status: 404, body: 'no_service' });
    h.receivers.script('zendesk', {
      status: 422,
      body: { error: 'RecordInvalid', description: 'Record validation errors' },
    });
    await h.enqueue(arabicPacket());
    const rows = await h.settle();
    expect(rows.map((r) => [r.kind, r.status, r.attempts])).toEqual([
      ['sink:slack', 'failed', 0],
      ['sink:webhook', 'done', 0],
      ['sink:zendesk', 'failed', 0],
      ['sink:teams', 'done', 0],
    ]);
    expect(rows[0]?.lastError).toBe('HTTP 404: no_service');
    expect(rows[2]?.lastError).toContain('HTTP 422: {"error":"RecordInvalid"');
    expect(h.receivers.requests('slack')).toHaveLength(1);
    expect(failures.map((f) => [f.kind, f.packet.id, f.error, f.code])).toEqual([
      ['slack', arabicPacket().id, 'HTTP 404: no_service', 404],
      ['zendesk', arabicPacket().id, rows[2]?.lastError, 422],
    ]);
  });

  it('gives up after the configured attempts when a sink stays down', async () => {
    const h = await start(undefined, { maxAttempts: 3 });
    h.receivers.failTimes('hook', 5, 503);
    await h.enqueue(arabicPacket());
    const rows = await h.settle();
    expect(rows.find((r) => r.kind === 'sink:webhook')).toMatchObject({
      status: 'failed',
      lastError: expect.stringMatching(/^HTTP 503/),
    });
    expect(h.receivers.requests('hook')).toHaveLength(3);
  });

  it('never stores a secret in last_error, even when a receiver echoes it back', async () => {
    const h = await start();
    const echo = (text: string) => ({ status: 400, body: `rejected: ${text}` });
    h.receivers.script('slack', echo(h.receivers.urls.slack));
    h.receivers.script('hook', echo(`secret=${SECRETS.webhook}`));
    h.receivers.script(
      'zendesk',
      echo(`token ${SECRETS.zendeskToken} auth ${btoa(`bot@acme.example/token:${SECRETS.zendeskToken}`)}`),
    );
    h.receivers.script('teams', echo(`sig=${SECRETS.teamsSig}`));
    await h.enqueue(arabicPacket());
    const rows = await h.settle();
    expect(rows.every((r) => r.status === 'failed')).toBe(true);
    const errors = rows.map((r) => r.lastError ?? '').join('\n');
    for (const secret of [...Object.values(SECRETS), h.receivers.urls.slack])
      expect(errors).not.toContain(secret);
    expect(errors.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it('reports a refused connection as retryable without the secret URL', async () => {
    const h = await start((r) =>
      allSinks(r, { slack: { webhookUrl: 'http://127.0.0.1:9/services/T0/B0/SLACKSECRETPATH' } }),
    );
    await h.enqueue(arabicPacket());
    await h.dispatcher.kick();
    const slack = (await h.rows()).find((r) => r.kind === 'sink:slack');
    expect(slack).toMatchObject({ status: 'pending', attempts: 1 });
    expect(slack?.lastError).toMatch(/^network error/);
    expect(slack?.lastError).not.toContain('SLACKSECRETPATH');
  });
});
