import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { metaJson, signedRequest, textEnvelope } from '../support/meta.js';

const SECRET = 'metrics-test-app-secret';

let harness: Harness;
afterEach(() => harness?.close());

/** The value of one exposition line, or undefined when the series is absent. */
async function metric(series: string): Promise<number | undefined> {
  const text = await (await harness.app.request('/metrics')).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics counters', () => {
  it('counts webhook requests by status, what they brought, and the outbox attempts', async () => {
    harness = await createHarness({ env: { WHATSAPP_APP_SECRET: SECRET, WEBHOOK_BODY_LIMIT_BYTES: '4096' } });
    const body = metaJson(
      textEnvelope([
        {
          waId: '966500000771',
          id: 'wamid.metrics.1',
          text: 'how long does shipping take?',
          timestamp: Math.floor(Date.now() / 1000),
        },
      ]),
    );
    const post = async (request: Request) => (await harness.app.fetch(request)).status;
    expect(await post(await signedRequest(body, SECRET))).toBe(200);
    expect(await post(await signedRequest(body, SECRET))).toBe(200); // Meta redelivers
    expect(await post(await signedRequest(body, 'a-forged-secret'))).toBe(401);
    expect(await post(await signedRequest(' '.repeat(5_000), SECRET))).toBe(413);
    await harness.baton.settled();

    const whatsapp = (status: number) =>
      `baton_webhook_requests_total{channel="whatsapp",status="${status}"}`;
    expect(await metric(whatsapp(200))).toBe(2);
    expect(await metric(whatsapp(401))).toBe(1);
    expect(await metric(whatsapp(413))).toBe(1);
    expect(await metric('baton_webhook_items_total{channel="whatsapp",result="stored"}')).toBe(1);
    expect(await metric('baton_webhook_items_total{channel="whatsapp",result="duplicate"}')).toBe(1);
    // The answer was sent once through the outbox.
    expect(await metric('baton_outbox_attempts_total{kind="send",outcome="delivered"}')).toBe(1);
  });
});
