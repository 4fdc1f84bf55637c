import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';

let harness: Harness | undefined;
afterEach(() => harness?.close());

describe('x-request-id', () => {
  it('is on every response: handlers, 404, errors; an incoming one is kept', async () => {
    harness = await createHarness({ env: { WHATSAPP_APP_SECRET: 'request-id-secret' } });
    const { app } = harness;
    const health = await app.request('/health');
    expect(health.status).toBe(200);
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const missing = await app.request('/no/such/route');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-request-id')).toBe(
      ((await missing.json()) as { requestId: string }).requestId,
    );

    const unsigned = await app.request('/webhooks/whatsapp', { method: 'POST', body: '{}' });
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const metrics = await app.request('/metrics', { headers: { 'x-request-id': 'from-the-proxy' } });
    expect(metrics.headers.get('x-request-id')).toBe('from-the-proxy');
  });

  it('replaces an incoming one that is not an id, rather than log it', async () => {
    harness = await createHarness();
    for (const bad of ['A'.repeat(15_000), 'two words', 'quote"d', '']) {
      const response = await harness.app.request('/health', { headers: { 'x-request-id': bad } });
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    const traced = await harness.app.request('/health', {
      headers: { 'x-request-id': '01JDX4ZP2N3Q:edge-1.a_b' },
    });
    expect(traced.headers.get('x-request-id')).toBe('01JDX4ZP2N3Q:edge-1.a_b');
  });
});
