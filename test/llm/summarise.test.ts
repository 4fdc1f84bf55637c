import { describe, expect, it } from 'vitest';
import { summariseOffline } from '../../src/llm/offline/summarise.js';
import { finishSummary } from '../../src/llm/openai/summarise-job.js';
import { reply } from '../support/fake-openai.js';
import { makeLlm, modelAnswer, openFake, summariseInput } from './setup.js';

describe('offline summary', () => {
  it("pairs its quotes: a double quote in the customer's words is written as the inch mark it is", () => {
    const summary = summariseOffline(summariseInput(['شاشة اللابتوب 14" مكسورة، الطلب A2001']));
    expect(summary).toContain('Said: "شاشة اللابتوب 14″ مكسورة، الطلب A2001".');
    expect(summary.split('"')).toHaveLength(3);
  });

  it('says each thing the bot tried once, with how often', () => {
    const summary = summariseOffline({
      ...summariseInput(['question number 1 about my parcel']),
      botAttempts: [
        'could not find an answer',
        'answered from knowledge "shipping"',
        'could not find an answer',
      ],
    });
    expect(summary).toMatch(
      /Bot tried: could not find an answer \(2 times\); answered from knowledge "shipping"\.$/,
    );
  });
});

describe('summariser', () => {
  it('writes the agent note in one plain-text call from the transcript, reasons and facts', async () => {
    const fake = await openFake();
    const { llm, meter } = makeLlm(fake);
    fake.script(
      reply.text('Sara wants a refund of 250 SAR for order A1001 (arrived late). Calm. Bot tried nothing.'),
    );
    const summary = await llm.summarise(summariseInput(['hi', 'I want a refund for A1001, 250 SAR']));
    expect(summary).toBe(
      'Sara wants a refund of 250 SAR for order A1001 (arrived late). Calm. Bot tried nothing.',
    );
    const body = fake.requests[0]?.body;
    expect(body?.response_format).toBeUndefined();
    expect(body?.tools).toBeUndefined();
    const user = body?.messages[1]?.content ?? '';
    expect(user).toContain('Escalation reasons: sensitive_topic (refund: "refund")');
    expect(user).toContain('Orders: A1001');
    expect(user).toContain(
      '<transcript>\ncustomer: hi\ncustomer: I want a refund for A1001, 250 SAR\n</transcript>',
    );
    expect(meter.snapshot().byJob.summariser.calls).toBe(1);
  });

  it('clips a long answer to 600 characters and keeps the facts the model left out', async () => {
    const fake = await openFake();
    const { llm } = makeLlm(fake);
    fake.script(reply.text(`The customer is unhappy. ${'They explain at length. '.repeat(60)}`));
    const summary = await llm.summarise(summariseInput(['refund please']));
    expect(summary.length).toBeLessThanOrEqual(600);
    expect(summary).toMatch(/Orders: A1001\. Amounts: 250 SAR\.$/);
  });

  it('reuses the note the classifier wrote for the turn that triggered the handoff: no extra call', async () => {
    const fake = await openFake();
    const { llm, meter } = makeLlm(fake);
    fake.script(
      reply.json(
        modelAnswer({
          intent: 'complaint',
          sensitive_topics: [{ topic: 'refund', evidence: 'refund' }],
          handoff_summary: 'Customer asks for a refund of 250 SAR on order A1001.',
        }),
      ),
    );
    const text = 'I want a refund for A1001, 250 SAR';
    await llm.classify({ text, previousCustomerTexts: ['hi'], language: 'en' });
    const summary = await llm.summarise(
      summariseInput(['hi', text], { botAttempts: ['looked up order A1001'] }),
    );
    expect(summary).toBe(
      'Customer asks for a refund of 250 SAR on order A1001. Escalated for: sensitive topic. Bot tried: looked up order A1001.',
    );
    expect(fake.requests).toHaveLength(1);
    expect(meter.snapshot()).toMatchObject({ calls: 1, skipped: 1 });
  });

  it('an Arabic conversation still gets an English note within the limit', () => {
    const note = finishSummary(
      'x'.repeat(900),
      summariseInput(['ابي استرجاع فلوسي'], { facts: { orderIds: ['A7'], amounts: [] } }),
    );
    expect(note.length).toBeLessThanOrEqual(600);
    expect(note.endsWith('Orders: A7.')).toBe(true);
  });
});
