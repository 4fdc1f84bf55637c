import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { deadLetterOldest } from '../../src/conversation/dead-letter.js';
import { messages } from '../../src/store/schema/index.js';
import { conversationIdFor } from '../../src/util/ids.js';
import { createHarness, type Harness } from '../support/harness.js';
import { metaJson, signedRequest, textEnvelope } from '../support/meta.js';

let harness: Harness | undefined;
afterEach(() => harness?.close());

describe('the dead-letter path of the Workers conversation objects', () => {
  it('marks the oldest pending message failed with the error, visible in /metrics', async () => {
    // A long settle wait keeps the messages pending, as they are while a conversation object retries.
    harness = await createHarness({ env: { CONVERSATION_SETTLE_MS: '600000' } });
    const waId = '966500000777';
    const base = Math.floor(Date.now() / 1000);
    const body = metaJson(
      textEnvelope([
        { waId, id: 'wamid.dl.2', text: 'second', timestamp: base + 1 },
        { waId, id: 'wamid.dl.1', text: 'first', timestamp: base },
      ]),
    );
    expect((await harness.app.fetch(await signedRequest(body, undefined))).status).toBe(200);
    const conversationId = await conversationIdFor('whatsapp', waId);
    const { db } = harness;

    const id = await deadLetterOldest(db, conversationId, 'Error: D1_ERROR', 8, Date.now());

    const rows = await db.select().from(messages).where(eq(messages.conversationId, conversationId));
    const first = rows.find((r) => r.externalId === 'wamid.dl.1');
    expect(first?.id).toBe(id);
    expect(first).toMatchObject({ status: 'failed', error: 'processing failed 8 times: Error: D1_ERROR' });
    expect(rows.find((r) => r.externalId === 'wamid.dl.2')?.status).toBe('received');
    const metrics = await (await harness.app.request('/metrics')).text();
    expect(metrics).toMatch(/^baton_messages_failed 1$/m);
  });
});
