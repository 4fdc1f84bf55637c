import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_TEXT_READ } from '../../src/agent/agent.js';
import { messages } from '../../src/store/schema/index.js';
import { createHarness, type Harness } from '../support/harness.js';
import { metaJson, signedRequest, textEnvelope } from '../support/meta.js';
import { classify } from './classify-helper.js';

let harness: Harness | undefined;
afterEach(() => harness?.close());

describe('long messages', () => {
  // Not a speed target (those are the benchmark's): a guard against patterns that backtrack
  // quadratically, which took 24 s on the first of these and froze the whole process meanwhile.
  it.each([
    ['one Arabic letter, repeated', 'ط'.repeat(32_768)],
    ['one Latin letter, repeated', 'a'.repeat(32_768)],
    ['capitals', 'A'.repeat(32_768)],
    ['mixed-script tokens', 'orderطلب'.repeat(4_096)],
  ])('are classified without catastrophic backtracking: %s', (_, text) => {
    const started = performance.now();
    classify(text, { previous: [text] });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('are stored whole, and the bot reads as much as WhatsApp allows in one message', async () => {
    harness = await createHarness();
    const request = 'I want to talk to a human';
    const text = `${'hello '.repeat(MAX_TEXT_READ / 6 + 1)}${request}`;
    const body = metaJson(
      textEnvelope([
        { waId: '966500000931', id: 'wamid.long.1', text, timestamp: Math.floor(Date.now() / 1000) },
      ]),
    );
    expect((await harness.app.fetch(await signedRequest(body, undefined))).status).toBe(200);
    await harness.baton.settled();
    const [stored] = await harness.db.select().from(messages).where(eq(messages.direction, 'in'));
    expect(stored?.text).toBe(text);
    expect(stored?.status).toBe('done');
    // the request lies beyond what the bot reads: answered, but not handed off
    expect(await harness.packets()).toEqual([]);
    expect(await harness.replies('966500000931')).toHaveLength(1);
  });
});
