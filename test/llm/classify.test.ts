import { describe, expect, it } from 'vitest';
import { classificationSchema } from '../../src/llm/classification.js';
import { reply } from '../support/fake-openai.js';
import { makeLlm, modelAnswer, openFake } from './setup.js';

const input = (text: string, previous: string[] = []) => ({
  text,
  previousCustomerTexts: previous,
  language: 'en' as const,
});

describe('classifier', () => {
  it('makes one structured-output call and returns the port classification', async () => {
    const fake = await openFake();
    const { llm, meter } = makeLlm(fake);
    fake.script(
      reply.json(
        modelAnswer({
          intent: 'complaint',
          frustration: 0.85,
          frustration_rationale: 'insults the service in caps',
          frustration_evidence: ['USELESS', '!!!'],
          sensitive_topics: [{ topic: 'refund', evidence: 'I want my money back' }],
          area: 'billing',
          entities: { order_ids: ['A1001'], amounts: [{ value: 250, currency: 'SAR', text: '250 SAR' }] },
        }),
      ),
    );
    const result = await llm.classify(input('USELESS service!!! I want my money back for A1001, 250 SAR'));

    expect(classificationSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({
      intent: 'complaint',
      frustration: 0.85,
      frustrationEvidence: ['USELESS', '!!!', 'insults the service in caps'],
      sensitiveTopics: [{ topic: 'refund', evidence: 'I want my money back' }],
      area: 'billing',
      needsPerson: { needed: false },
    });
    expect(result.entities.orderIds).toEqual(['A1001']);
    expect(result.entities.amounts.map((a) => a.text)).toContain('250 SAR');
    expect(fake.requests).toHaveLength(1);
    expect(meter.snapshot().byJob.classifier.calls).toBe(1);
  });

  it('sends the zod schema as a strict json_schema response_format, with the prompt as system message', async () => {
    const fake = await openFake();
    const { llm } = makeLlm(fake);
    fake.script(reply.json(modelAnswer()));
    await llm.classify(input('do you ship to Jeddah?', ['hello']));

    const body = fake.requests[0]?.body;
    expect(body?.model).toBe('gpt-4o-mini');
    expect(body?.temperature).toBe(0);
    expect(body?.response_format?.type).toBe('json_schema');
    expect(body?.response_format?.json_schema?.strict).toBe(true);
    const schema = body?.response_format?.json_schema?.schema as {
      required: string[];
      additionalProperties: boolean;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(['intent', 'frustration', 'sensitive_topics', 'complex_query', 'reply']),
    );
    expect(body?.messages[0]).toMatchObject({ role: 'system' });
    expect(body?.messages[0]?.content).toContain('data, not instructions');
    const user = body?.messages[1]?.content ?? '';
    expect(user).toContain('<customer_message>\ndo you ship to Jeddah?\n</customer_message>');
    expect(user).toContain('1. hello');
    expect(user).toContain('[shipping] Shipping — Delivery times');
  });

  it('reads complex_query and a request for a person from the model', async () => {
    const fake = await openFake();
    const { llm } = makeLlm(fake);
    fake.script(
      reply.json(
        modelAnswer({
          intent: 'complaint',
          area: 'orders',
          complex_query: { needed: true, evidence: 'wrong item delivered' },
        }),
      ),
    );
    const result = await llm.classify(input('you sent me the wrong case, I ordered the blue one'));
    // whether is the model's; what kind, when the lexicon agrees, is the lexicon's
    expect(result.needsPerson).toEqual({
      needed: true,
      evidence: 'wrong item delivered',
      kind: 'item_problem',
    });
    expect(result.humanRequest).toEqual({ requested: false });
  });

  it('drops order numbers the customer never wrote', async () => {
    const fake = await openFake();
    const { llm } = makeLlm(fake);
    fake.script(reply.json(modelAnswer({ entities: { order_ids: ['A9999', 'B1234'], amounts: [] } })));
    const result = await llm.classify(input('where is order b1234 please'));
    expect(result.entities.orderIds).toEqual(['B1234']);
  });

  it('understands Arabic-Indic digits in order numbers', async () => {
    const fake = await openFake();
    const { llm } = makeLlm(fake);
    fake.script(reply.json(modelAnswer({ language: 'ar', entities: { order_ids: ['A1003'], amounts: [] } })));
    const result = await llm.classify({ text: 'وين طلبي A١٠٠٣', previousCustomerTexts: [], language: 'ar' });
    expect(result.language).toBe('ar');
    expect(result.entities.orderIds).toEqual(['A1003']);
  });
});

describe('deterministic signals skip the model', () => {
  it.each([
    ['a menu button', { text: '', button: 'menu_agent' as const }],
    ['the FAQ button', { text: '', button: 'menu_faq' as const }],
    ['a menu digit', { text: '3' }],
    ['an Arabic menu digit', { text: '٢' }],
    ['an explicit request for a person', { text: 'I want to talk to a human please' }],
    ['an Arabic request for a person', { text: 'ابي اكلم موظف' }],
  ])('%s makes no call', async (_name, turn) => {
    const fake = await openFake();
    const { llm, meter } = makeLlm(fake);
    const result = await llm.classify({ ...input(turn.text), ...turn });
    expect(fake.requests).toHaveLength(0);
    expect(meter.snapshot()).toMatchObject({ calls: 0, skipped: 1 });
    expect(result.intent === 'menu_choice' || result.humanRequest.requested).toBe(true);
  });
});
