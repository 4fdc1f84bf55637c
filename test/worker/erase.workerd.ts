import { env, SELF } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customerFootprint, eraseCustomer } from '../../src/store/repos/erase-customer.js';
import { customers, messages, outbox } from '../../src/store/schema/index.js';
import { conversationIdFor } from '../../src/util/ids.js';
import { openD1 } from '../../src/worker/d1.js';
import { client, nextWaId, type WorkerTarget, waitFor } from './scenarios.js';

const db = openD1(env.DB);
const target: WorkerTarget = {
  fetch: (path, init) => SELF.fetch(`http://baton.test${path}`, init),
  appSecret: env.WHATSAPP_APP_SECRET,
  agentToken: async () => '',
};
const { say } = client(() => target);

describe('erasing a customer on D1', () => {
  it('runs the same batch of deletes', async () => {
    const waId = nextWaId();
    await say(waId, 'I want to talk to a human');
    const conversationId = await conversationIdFor('whatsapp', waId);
    await waitFor(
      () => db.select().from(outbox).where(eq(outbox.conversationId, conversationId)),
      (rows) => rows.length > 0 && rows.every((row) => row.status !== 'pending' && row.status !== 'sending'),
    );
    expect((await customerFootprint(db, waId)).customers).toBe(1);
    await eraseCustomer(db, waId);
    expect(await customerFootprint(db, waId)).toMatchObject({ customers: 0, conversations: 0, messages: 0 });
    expect(await db.select().from(customers).where(eq(customers.waId, waId))).toEqual([]);
    expect(await db.select().from(messages).where(eq(messages.conversationId, conversationId))).toEqual([]);
  });
});
