import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { FixedClock } from '../../src/util/clock.js';
import { reply } from '../support/fake-openai.js';
import { createHarness, type Harness, repoKnowledge } from '../support/harness.js';
import { makeLlm, modelAnswer, openFake } from './setup.js';

/** The whole pipeline (webhook → worker → graph → outbox) with the OpenAI adapter on the fake server. */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function open() {
  const fake = await openFake();
  const knowledge = new KnowledgeBase(await repoKnowledge());
  const { llm, meter } = makeLlm(fake, { knowledge });
  const harness: Harness = await createHarness({
    clock: new FixedClock(Date.parse('2026-11-24T11:00:00+03:00')),
    llm,
  });
  cleanups.push(() => harness.close());
  return { fake, meter, harness, knowledge };
}

const notUnderstood = { reply: 'Sorry?', handled: false, knowledge_doc_id: null };

describe('the OpenAI adapter in the agent graph', () => {
  it('answers an FAQ conversation in fewer calls than turns', async () => {
    const { fake, meter, harness, knowledge } = await open();
    const question = 'do you deliver to Jeddah?';
    const [hit] = knowledge.search(question, 'en');
    if (hit === undefined) throw new Error('the demo knowledge should know Jeddah');
    fake.script(
      reply.json(modelAnswer({ intent: 'greeting' })),
      reply.json(modelAnswer({ reply: { text: 'Yes, we deliver to Jeddah.', knowledge_doc_id: hit.docId } })),
    );
    await harness.post({ waId: '966500000701', text: 'hello' });
    await harness.post({ waId: '966500000701', button: 'menu_faq' });
    await harness.post({ waId: '966500000701', text: question });

    const replies = await harness.replies('966500000701');
    expect(replies).toHaveLength(3);
    expect(replies[2]).toContain('Yes, we deliver to Jeddah.');
    expect(fake.requests).toHaveLength(2);
    expect(meter.snapshot()).toMatchObject({ calls: 2, skipped: 2, faults: 0 });
    expect(await harness.packets()).toEqual([]);
  });

  it('the policy hands off on the model’s classification and its drafted reply is never sent', async () => {
    const { fake, meter, harness } = await open();
    fake.script(
      reply.json(
        modelAnswer({
          intent: 'complaint',
          area: 'billing',
          sensitive_topics: [{ topic: 'charge', evidence: 'charged twice' }],
          entities: { order_ids: [], amounts: [{ value: 350, currency: 'SAR', text: '350 SAR' }] },
          reply: { text: 'Refund approved!', knowledge_doc_id: 'returns' },
          handoff_summary: 'Customer says they were charged twice (350 SAR) and wants the money back.',
        }),
      ),
    );
    await harness.post({ waId: '966500000702', text: 'I was charged twice, 350 SAR, fix it' });

    const [packet] = await harness.packets();
    expect(packet?.reasons.map((r) => r.code)).toEqual(['sensitive_topic']);
    expect(packet?.queue).toBe('billing');
    expect(packet?.summary).toContain('charged twice (350 SAR)');
    expect(packet?.summary.length).toBeLessThanOrEqual(600);
    const replies = await harness.replies('966500000702');
    expect(replies.join('\n')).not.toContain('Refund approved');
    expect(meter.snapshot().calls).toBe(1);
  });

  it('forces a failed_attempts handoff the model never asked for', async () => {
    const { fake, meter, harness } = await open();
    for (let i = 0; i < 3; i++)
      fake.script(reply.json(modelAnswer({ intent: 'unknown' })), reply.json(notUnderstood));
    fake.script(reply.text('Customer sent three messages the bot could not understand.'));
    for (const text of ['blorp', 'zzzz qqq', 'flibber']) await harness.post({ waId: '966500000703', text });

    const [packet] = await harness.packets();
    expect(packet?.reasons.map((r) => r.code)).toEqual(['failed_attempts']);
    expect(fake.requests.at(-1)?.body.messages[0]?.content).toContain('handoff note');
    expect(meter.snapshot().byJob).toMatchObject({
      classifier: { calls: 3 },
      responder: { calls: 3 },
      summariser: { calls: 1 },
    });
  });

  it('ignores a model handoff with a reason the policy does not accept', async () => {
    const { fake, harness } = await open();
    fake.script(
      reply.json(modelAnswer({ intent: 'unknown' })),
      reply.tools({
        name: 'handoff_to_human',
        args: { reasons: ['agent_initiated'], note: 'because I said so' },
      }),
    );
    await harness.post({ waId: '966500000704', text: 'what is the meaning of life' });
    expect(await harness.packets()).toEqual([]);
    expect(await harness.replies('966500000704')).toEqual([
      expect.stringContaining('could not find an answer'),
    ]);
  });

  it('never leaves the customer without a reply when the provider is down', async () => {
    const { fake, meter, harness } = await open();
    for (let i = 0; i < 8; i++) fake.script(reply.error(503, 'overloaded'));
    await harness.post({ waId: '966500000705', text: 'how long does shipping take?' });
    await harness.post({ waId: '966500000705', text: 'what payment methods do you accept?' });

    const replies = await harness.replies('966500000705');
    expect(replies).toHaveLength(2);
    expect(replies.every((text) => text.length > 0)).toBe(true);
    const snapshot = meter.snapshot();
    expect(snapshot.faultsByKind.server_error).toBeGreaterThanOrEqual(4);
    expect(snapshot.fallbacks).toBeGreaterThanOrEqual(2);
  });
});
