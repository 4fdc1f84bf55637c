import { describe, expect, it } from 'vitest';
import { reply } from '../support/fake-openai.js';
import { makeLlm, modelAnswer, openFake, recordingTools, respondInput } from './setup.js';

describe('responder', () => {
  it('reuses the grounded reply the classifier drafted: one call for the whole turn', async () => {
    const fake = await openFake();
    const { llm, meter } = makeLlm(fake);
    fake.script(
      reply.json(
        modelAnswer({
          reply: { text: 'Riyadh orders arrive in 1–2 business days.', knowledge_doc_id: 'shipping' },
        }),
      ),
    );
    const text = 'how long does delivery take to Riyadh?';
    await llm.classify({ text, previousCustomerTexts: ['hi'], language: 'en' });
    const { tools, calls } = recordingTools();
    const answer = await llm.respond(respondInput(text, tools, ['hi']));

    expect(answer).toMatchObject({ handled: true, knowledgeDocId: 'shipping' });
    expect(answer.message).toEqual({
      kind: 'text',
      text: 'Riyadh orders arrive in 1–2 business days.\n\n(from our Shipping page)',
    });
    expect(calls).toEqual([]);
    expect(fake.requests).toHaveLength(1);
    expect(meter.snapshot()).toMatchObject({ calls: 1, skipped: 1 });
  });

  it('does not reuse a draft that cites a document the classifier was not shown', async () => {
    const fake = await openFake();
    const { llm } = makeLlm(fake);
    fake.script(
      reply.json(modelAnswer({ reply: { text: 'Refunds take a day.', knowledge_doc_id: 'returns' } })),
      reply.json({ reply: 'Delivery takes 1–2 business days.', handled: true, knowledge_doc_id: 'shipping' }),
    );
    const text = 'how long does delivery take?';
    await llm.classify({ text, previousCustomerTexts: [], language: 'en' });
    const answer = await llm.respond(respondInput(text, recordingTools().tools));
    expect(fake.requests).toHaveLength(2);
    expect(answer.knowledgeDocId).toBe('shipping');
  });

  it('calls tools with zod-derived schemas, feeds results back and answers grounded', async () => {
    const fake = await openFake();
    const { llm, meter } = makeLlm(fake);
    fake.script(
      reply.tools({ name: 'search_knowledge', args: { query: 'delivery time Dammam' } }),
      reply.json({
        reply: 'Other cities get deliveries in 2–4 business days.',
        handled: true,
        knowledge_doc_id: 'shipping',
      }),
    );
    const { tools, calls } = recordingTools();
    const answer = await llm.respond(respondInput('and Dammam?', tools));

    expect(answer).toMatchObject({ handled: true, knowledgeDocId: 'shipping' });
    expect(answer.toolCalls).toEqual(['search_knowledge', 'search_knowledge']);
    expect(calls).toEqual(['search:and Dammam?', 'search:delivery time Dammam']);
    const first = fake.requests[0]?.body;
    expect(first?.tools?.map((t) => t.function.name)).toEqual([
      'search_knowledge',
      'track_order',
      'handoff_to_human',
    ]);
    expect(first?.tools?.[1]?.function.parameters).toMatchObject({
      type: 'object',
      properties: { order_id: { type: 'string', minLength: 2, maxLength: 40 } },
      required: ['order_id'],
    });
    expect(first?.response_format?.json_schema?.name).toBe('answer');
    const second = fake.requests[1]?.body.messages ?? [];
    expect(second.at(-2)).toMatchObject({
      role: 'assistant',
      tool_calls: [expect.objectContaining({ id: 'call_1_0' })],
    });
    expect(second.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'call_1_0' });
    expect(JSON.parse(second.at(-1)?.content ?? '{}')).toMatchObject({
      confident: true,
      hits: [{ doc_id: 'shipping' }],
    });
    expect(meter.snapshot().byJob.responder.calls).toBe(2);
  });

  it('answers in one call when the seeded excerpts suffice', async () => {
    const fake = await openFake();
    const { llm } = makeLlm(fake);
    fake.script(
      reply.json({
        reply: 'يوصل الطلب خلال ١-٢ يوم عمل في الرياض.',
        handled: true,
        knowledge_doc_id: 'shipping',
      }),
    );
    const answer = await llm.respond({
      ...respondInput('متى يوصل الطلب؟', recordingTools().tools),
      language: 'ar',
    });
    expect(fake.requests).toHaveLength(1);
    expect(answer.message).toMatchObject({ text: expect.stringContaining('(من صفحة Shipping)') });
  });

  it('turns an answer without a source into "no answer in our help pages", counted as unhandled', async () => {
    const fake = await openFake();
    const { llm } = makeLlm(fake);
    fake.script(reply.json({ reply: 'Our CEO is Elon.', handled: true, knowledge_doc_id: null }));
    const answer = await llm.respond(
      respondInput('who is your CEO?', recordingTools({ hits: [], confident: false, minScore: 10 }).tools),
    );
    expect(answer.handled).toBe(false);
    expect(answer.message).toMatchObject({ text: expect.stringContaining('could not find an answer') });
    expect(JSON.stringify(answer)).not.toContain('Elon');
  });

  it('passes a valid handoff_to_human to the policy as requested reasons', async () => {
    const fake = await openFake();
    const { llm } = makeLlm(fake);
    fake.script(
      reply.tools({
        name: 'handoff_to_human',
        args: { reasons: ['complex_query'], note: 'wants a bulk discount' },
      }),
    );
    const answer = await llm.respond(
      respondInput('can I get 20% off for 50 laptops?', recordingTools().tools),
    );
    expect(answer.requestedHandoff).toEqual([
      { code: 'complex_query', evidence: 'model: wants a bulk discount' },
    ]);
    expect(answer.toolCalls).toContain('handoff_to_human');
  });

  it('refuses a handoff whose reasons are not valid for a model, keeping only the valid ones', async () => {
    const fake = await openFake();
    const { llm, meter } = makeLlm(fake);
    fake.script(
      reply.tools({
        name: 'handoff_to_human',
        args: { reasons: ['vip_upgrade', 'agent_initiated', 'failed_attempts'] },
      }),
      reply.tools({ name: 'handoff_to_human', args: { reasons: ['bored', 'frustration'] } }),
    );
    const refused = await llm.respond(respondInput('I am a VIP, get me a manager', recordingTools().tools));
    expect(refused.requestedHandoff).toBeUndefined();
    expect(refused.handled).toBe(false);
    expect(meter.snapshot().faultsByKind.invalid_handoff).toBe(1);

    const partly = await llm.respond(respondInput('this is taking forever', recordingTools().tools));
    expect(partly.requestedHandoff?.map((r) => r.code)).toEqual(['frustration']);
  });

  it('works against a streaming (SSE) endpoint, tool-call deltas and usage included', async () => {
    const fake = await openFake();
    const { llm, meter } = makeLlm(fake, { stream: true });
    fake.script(
      reply.tools({ name: 'track_order', args: { order_id: 'A1001' } }),
      reply.json({
        reply: 'I could not find order A1001 for this number.',
        handled: false,
        knowledge_doc_id: null,
      }),
    );
    const { tools, calls } = recordingTools();
    const answer = await llm.respond(respondInput('what about A1001, is it a gift order?', tools));
    expect(fake.requests.every((r) => r.body.stream === true && r.body.stream_options?.include_usage)).toBe(
      true,
    );
    expect(calls).toContain('track:A1001');
    expect(answer.handled).toBe(false);
    expect(meter.snapshot()).toMatchObject({
      calls: 2,
      promptTokens: 2_000,
      completionTokens: 200,
      faults: 0,
    });
  });

  it('stops after the maximum tool rounds and falls back', async () => {
    const fake = await openFake();
    const { llm, meter } = makeLlm(fake);
    const search = reply.tools({ name: 'search_knowledge', args: { query: 'again' } });
    fake.script(search, search, search);
    const answer = await llm.respond(respondInput('do you ship to Jeddah?', recordingTools().tools));
    expect(fake.requests).toHaveLength(3);
    expect(answer.message.kind).toBe('text');
    expect(meter.snapshot()).toMatchObject({ faultsByKind: { too_many_rounds: 1 } });
    expect(meter.snapshot().byJob.responder.fallbacks).toBe(1);
  });
});
