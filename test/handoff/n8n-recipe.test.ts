import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { webhookRequest } from '../../src/handoff/sinks/webhook.js';
import { arabicPacket } from './sinks/packet-fixture.js';

/** The Code node exactly as the README shows it, run the way n8n runs it. */
function readmeCodeNode() {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const block = /<!-- n8n-verify:start -->\s*```js\n([\s\S]*?)```\s*<!-- n8n-verify:end -->/.exec(readme);
  if (!block?.[1]) throw new Error('the n8n recipe is missing from the README');
  const run = new Function('items', '$env', 'require', block[1]) as (
    items: unknown[],
    env: Record<string, string>,
    require: NodeRequire,
  ) => { json: unknown }[];
  return (items: unknown[], env: Record<string, string>) => run(items, env, createRequire(import.meta.url));
}

function n8nItems(body: string, headers: Record<string, string>) {
  return [{ json: { headers }, binary: { data: { data: Buffer.from(body, 'utf8').toString('base64') } } }];
}

describe('the n8n recipe in the README', () => {
  const secret = 'n8n-shared-secret-0123456789';
  const codeNode = readmeCodeNode();

  it('accepts a delivery Baton signed and returns the packet', async () => {
    const packet = arabicPacket();
    const request = await webhookRequest(packet, { secret, deliveryId: 7 });
    const [item] = codeNode(n8nItems(request.body, request.headers), { BATON_WEBHOOK_SECRET: secret });
    expect(item?.json).toEqual(JSON.parse(request.body));
  });

  it('throws on a tampered body or a wrong secret', async () => {
    const request = await webhookRequest(arabicPacket(), { secret, deliveryId: 8 });
    const tampered = request.body.replace('"priority":"', '"priority":"x');
    expect(() => codeNode(n8nItems(tampered, request.headers), { BATON_WEBHOOK_SECRET: secret })).toThrow(
      /mismatch/,
    );
    expect(() =>
      codeNode(n8nItems(request.body, request.headers), { BATON_WEBHOOK_SECRET: 'other' }),
    ).toThrow(/mismatch/);
    expect(() => codeNode(n8nItems(request.body, {}), { BATON_WEBHOOK_SECRET: secret })).toThrow(/mismatch/);
  });
});
