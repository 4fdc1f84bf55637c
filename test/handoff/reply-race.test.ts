import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { replyToHandoff } from '../../src/handoff/lifecycle/reply.js';
import { resolveHandoff } from '../../src/handoff/lifecycle/resolve.js';
import { addAgent } from '../../src/inbox/agents.js';
import type { Db } from '../../src/store/db.js';
import { agents, handoffs, messages, outbox } from '../../src/store/schema/index.js';
import { createHarness, type Harness } from '../support/harness.js';

let harness: Harness;
afterEach(() => harness?.close());

describe('an agent action racing a change of the handoff', () => {
  it('is neither stored nor sent when the handoff was resolved between its read and its write', async () => {
    harness = await createHarness();
    const { agent, token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: Date.now() });
    await harness.post({ waId: '966500000990', text: 'agent please' });
    const [packet] = await harness.packets();
    const handoffId = packet?.id ?? '';
    const claimed = await harness.app.request(`/api/handoffs/${handoffId}/claim`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(claimed.status).toBe(200);
    await harness.baton.settled();
    const sendsBefore = (await harness.db.select().from(outbox)).length;
    // a colleague's resolve lands after the reply read the handoff, before its batch
    const db = harness.db;
    const racing = new Proxy(db, {
      get(target, key, receiver) {
        if (key !== 'batch') return Reflect.get(target, key, receiver);
        return async (statements: Parameters<Db['batch']>[0]) => {
          await target.update(handoffs).set({ status: 'resolved' }).where(eq(handoffs.id, handoffId));
          return target.batch(statements);
        };
      },
    });
    const [row] = await db.select().from(agents).where(eq(agents.id, agent.id));
    if (row === undefined) throw new Error('no agent');
    const reply = replyToHandoff({ ...harness.baton.deps.lifecycle, db: racing }, row, handoffId, {
      text: 'Here is your refund',
    });
    await expect(reply).rejects.toMatchObject({ code: 'conflict' });
    expect((await db.select().from(outbox)).length).toBe(sendsBefore);
    const stored = await db.select().from(messages).where(eq(messages.text, 'Here is your refund'));
    expect(stored).toEqual([]);
  });

  it("does not resolve a handoff a colleague claimed after it was released, read as the agent's own", async () => {
    harness = await createHarness();
    const layla = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: Date.now() });
    const omar = await addAgent(harness.db, { name: 'Omar', queues: ['*'], now: Date.now() });
    await harness.post({ waId: '966500000991', text: 'agent please' });
    const [packet] = await harness.packets();
    const handoffId = packet?.id ?? '';
    await harness.app.request(`/api/handoffs/${handoffId}/claim`, {
      method: 'POST',
      headers: { authorization: `Bearer ${layla.token}` },
    });
    // Layla's resolve read the handoff as hers; Omar holds it by the time it writes
    const db = harness.db;
    const racing = new Proxy(db, {
      get(target, key, receiver) {
        if (key !== 'batch') return Reflect.get(target, key, receiver);
        return async (statements: Parameters<Db['batch']>[0]) => {
          await target
            .update(handoffs)
            .set({ assignedAgentId: omar.agent.id })
            .where(eq(handoffs.id, handoffId));
          return target.batch(statements);
        };
      },
    });
    const [row] = await db.select().from(agents).where(eq(agents.id, layla.agent.id));
    if (row === undefined) throw new Error('no agent');
    const resolving = resolveHandoff({ ...harness.baton.deps.lifecycle, db: racing }, row, handoffId);
    await expect(resolving).rejects.toMatchObject({ code: 'conflict' });
    const [after] = await db.select().from(handoffs).where(eq(handoffs.id, handoffId));
    expect(after).toMatchObject({ status: 'assigned', assignedAgentId: omar.agent.id });
  });
});
