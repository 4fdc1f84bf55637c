import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { createHarness, type Harness } from '../support/harness.js';
import { metaJson, signedRequest, textEnvelope } from '../support/meta.js';

let harness: Harness | undefined;
afterEach(() => harness?.close());

const SECRET = 'request-log-secret';

describe('the request log line', () => {
  it('is one line per request; a webhook adds its channel and counts to it', async () => {
    const lines: Record<string, unknown>[] = [];
    harness = await createHarness({
      env: { WHATSAPP_APP_SECRET: SECRET, CONVERSATION_SETTLE_MS: '600000' },
      logger: createLogger({ level: 'info', write: (line) => lines.push(JSON.parse(line)) }),
    });
    const body = metaJson(
      textEnvelope([
        { waId: '966500000001', id: 'wamid.log-1', text: 'مرحبا', timestamp: 1_760_000_000 },
        { waId: '966500000002', id: 'wamid.log-2', text: 'hello', timestamp: 1_760_000_001 },
      ]),
    );
    const posts = [
      await harness.app.request(await signedRequest(body, SECRET)),
      // Meta redelivers: both are duplicates now.
      await harness.app.request(await signedRequest(body, SECRET)),
      await harness.app.request(await signedRequest(body, 'not-the-secret')),
    ];
    expect(posts.map((response) => response.status)).toEqual([200, 200, 401]);

    const requests = lines.filter((line) => line.path === '/webhooks/whatsapp');
    expect(requests).toHaveLength(3);
    expect(requests.every((line) => line.msg === 'request' && typeof line.ms === 'number')).toBe(true);
    expect(requests[0]).toMatchObject({
      status: 200,
      channel: 'whatsapp',
      stored: 2,
      duplicates: 0,
      statuses: 0,
      ignored: 0,
    });
    expect(requests[1]).toMatchObject({ status: 200, channel: 'whatsapp', stored: 0, duplicates: 2 });
    expect(requests[2]).toMatchObject({ status: 401 });
    expect(requests[2]).not.toHaveProperty('stored');
    // The fields belong to their own request, not to the next one on the same app.
    const health = await harness.app.request('/health');
    expect(health.status).toBe(200);
    expect(lines.at(-1)).toMatchObject({ msg: 'request', path: '/health' });
    expect(lines.at(-1)).not.toHaveProperty('channel');
  });
});
