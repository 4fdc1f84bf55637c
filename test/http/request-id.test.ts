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
});
