import { describe, expect, it } from 'vitest';
import type { FaultKind } from '../../src/llm/meter.js';
import { OfflineLlm } from '../../src/llm/offline/offline-llm.js';
import { TURN_GRACE_MS } from '../../src/llm/openai/openai-llm.js';
import { type FakeReply, reply } from '../support/fake-openai.js';
import { createHarness } from '../support/harness.js';
import { makeLlm, modelAnswer, openFake, recordingTools, respondInput, summariseInput } from './setup.js';

const classifyInput = {
  text: 'do you deliver on Fridays?',
  previousCustomerTexts: [],
  language: 'en' as const,
};

const classifierFaults: [FaultKind, FakeReply][] = [
  ['rate_limited', reply.error(429, 'Rate limit reached for gpt-4o-mini')],
  ['server_error', reply.error(500)],
  ['server_error', reply.error(503, 'overloaded')],
  ['timeout', reply.hang(5_000)],
  ['malformed', reply.malformed()],
  ['malformed', reply.text('Sure! The intent is faq.')],
  ['schema_violation', reply.json({ ...modelAnswer(), intent: 'shopping', frustration: 7 })],
];

describe('classifier faults', () => {
  it.each(classifierFaults)('%s once: retried, the second answer is used', async (kind, fault) => {
    const fake = await openFake();
    const { llm, meter } = makeLlm(fake, { timeoutMs: 300 });
    fake.script(fault, reply.json(modelAnswer({ intent: 'faq', area: 'orders' })));
    const result = await llm.classify(classifyInput);
    expect(result.area).toBe('orders');
    expect(fake.requests).toHaveLength(2);
    const snapshot = meter.snapshot();
    expect(snapshot.faultsByKind).toEqual({ [kind]: 1 });
    expect(snapshot.fallbacks).toBe(0);
    expect(snapshot.calls).toBe(2);
  });

  it.each(classifierFaults)('%s twice: the offline engine classifies the turn', async (kind, fault) => {
    const fake = await openFake();
    const { llm, meter } = makeLlm(fake, { timeoutMs: 300 });
    fake.script(fault, fault);
    const result = await llm.classify(classifyInput);
    expect(result).toEqual(await new OfflineLlm().classify(classifyInput));
    expect(fake.requests).toHaveLength(2);
    expect(meter.snapshot()).toMatchObject({
      faultsByKind: { [kind]: 2 },
      byJob: { classifier: { fallbacks: 1 } },
    });
  });

  it('does not retry a request the server rejects (400): straight to the fallback', async () => {
    const fake = await openFake();
    const { llm, meter } = makeLlm(fake);
    fake.script(reply.error(400, "Invalid schema for response_format 'classification'"));
    const result = await llm.classify(classifyInput);
    expect(result.intent).toBeDefined();
    expect(fake.requests).toHaveLength(1);
    expect(meter.snapshot()).toMatchObject({ faultsByKind: { client_error: 1 }, fallbacks: 1 });
  });

  it('gives up on a hanging server within the configured timeout', async () => {
    const fake = await openFake();
    const { llm } = makeLlm(fake, { timeoutMs: 200 });
    fake.script(reply.hang(10_000), reply.hang(10_000));
    const started = Date.now();
    await llm.classify(classifyInput);
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});

const responderFaults: [FaultKind, FakeReply][] = [
  ['rate_limited', reply.error(429)],
  ['server_error', reply.error(502)],
  ['timeout', reply.hang(5_000)],
  ['malformed', reply.malformed()],
  ['schema_violation', reply.json({ reply: 'Yes.', handled: 'yes' })],
  [
    'schema_violation',
    reply.json({ reply: 'Refunds take 1 day.', handled: true, knowledge_doc_id: 'returns' }),
  ],
  ['unknown_tool', reply.tools({ name: 'delete_all_orders', args: {} })],
  ['bad_tool_arguments', reply.tools({ name: 'track_order', args: { order_id: '' } })],
  ['bad_tool_arguments', reply.tools({ name: 'search_knowledge', args: '{"query": "ship' })],
];

describe('responder faults', () => {
  it.each(responderFaults)('%s once: retried, the customer gets the model answer', async (kind, fault) => {
    const fake = await openFake();
    const { llm, meter } = makeLlm(fake, { timeoutMs: 300 });
    fake.script(
      fault,
      reply.json({ reply: 'Riyadh: 1–2 business days.', handled: true, knowledge_doc_id: 'shipping' }),
    );
    const answer = await llm.respond(respondInput('how long is delivery?', recordingTools().tools));
    expect(answer.message).toMatchObject({ text: expect.stringContaining('Riyadh: 1–2 business days.') });
    expect(meter.snapshot().faultsByKind).toEqual({ [kind]: 1 });
  });

  it.each(responderFaults)('%s twice: the offline engine answers the turn', async (kind, fault) => {
    const fake = await openFake();
    const { llm, meter } = makeLlm(fake, { timeoutMs: 300 });
    fake.script(fault, fault);
    const { tools } = recordingTools();
    const input = respondInput('how long is delivery?', tools);
    const answer = await llm.respond(input);
    expect(answer).toEqual(await new OfflineLlm().respond(input));
    expect(meter.snapshot()).toMatchObject({
      faultsByKind: { [kind]: 2 },
      byJob: { responder: { fallbacks: 1 } },
    });
  });

  it('retries once per turn, not once per tool round', async () => {
    const fake = await openFake();
    const { llm, meter } = makeLlm(fake);
    fake.script(
      reply.error(500),
      reply.tools({ name: 'search_knowledge', args: { query: 'delivery' } }),
      reply.error(500),
    );
    const answer = await llm.respond(respondInput('how long is delivery?', recordingTools().tools));
    expect(fake.requests).toHaveLength(3);
    expect(answer.handled).toBe(true);
    expect(meter.snapshot()).toMatchObject({ faultsByKind: { server_error: 2 }, fallbacks: 1 });
  });
});

describe('summariser faults', () => {
  it.each([
    ['rate_limited', reply.error(429)],
    ['timeout', reply.hang(5_000)],
    ['malformed', reply.text('   ')],
  ] as [FaultKind, FakeReply][])('%s twice: the extractive summary stands in', async (kind, fault) => {
    const fake = await openFake();
    const { llm, meter } = makeLlm(fake, { timeoutMs: 300 });
    fake.script(fault, fault);
    const input = summariseInput(['I want a refund for A1001, 250 SAR']);
    expect(await llm.summarise(input)).toBe(await new OfflineLlm().summarise(input));
    expect(meter.snapshot()).toMatchObject({
      faultsByKind: { [kind]: 2 },
      byJob: { summariser: { fallbacks: 1 } },
    });
  });
});

describe("a turn's time budget", () => {
  // Each call may take 300 ms, and all the turn's calls end within that plus the grace, counted
  // from when the turn began (the agent's work before the first call is part of the wait).
  const timeoutMs = 300;
  const budgetMs = timeoutMs + TURN_GRACE_MS;

  it('a turn that used it up before a job started calls no model: the offline engine answers at once', async () => {
    const fake = await openFake();
    const { llm, meter } = makeLlm(fake, { timeoutMs });
    const turnStartedAt = Date.now() - budgetMs - 100;
    const classify = { ...classifyInput, turnStartedAt };
    expect(await llm.classify(classify)).toEqual(await new OfflineLlm().classify(classifyInput));
    const respond = { ...respondInput('how long is delivery?', recordingTools().tools), turnStartedAt };
    expect(await llm.respond(respond)).toEqual(await new OfflineLlm().respond(respond));
    const summarise = { ...summariseInput(['I want a refund for A1001']), turnStartedAt };
    expect(await llm.summarise(summarise)).toBe(await new OfflineLlm().summarise(summarise));
    expect(fake.requests).toHaveLength(0);
    expect(meter.snapshot()).toMatchObject({ faultsByKind: { timeout: 3 }, fallbacks: 3 });
  });

  it('a job late in the turn gets only what is left of it, and no retry after that', async () => {
    const fake = await openFake();
    const { llm } = makeLlm(fake, { timeoutMs });
    fake.script(reply.hang(5_000), reply.hang(5_000));
    const started = Date.now();
    // 100 ms left: one call cut to that, where a fresh turn would wait 300 ms and retry.
    await llm.classify({ ...classifyInput, turnStartedAt: started - budgetMs + 100 });
    expect(Date.now() - started).toBeLessThan(timeoutMs);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('faults in /metrics', () => {
  it('the wired service reports the model calls, faults and fallbacks it saw', async () => {
    const fake = await openFake();
    // Nothing scripted: every call gets a 500, so each job retries once and falls back.
    const harness = await createHarness({
      env: { OPENAI_API_KEY: 'sk-test', LLM_BASE_URL: fake.baseURL, LLM_TIMEOUT_MS: '2000' },
    });
    try {
      await harness.post({ waId: '966500000991', text: 'my order A1001 has not arrived, where is it?' });
      expect(await harness.replies('966500000991')).not.toEqual([]);
      const metrics = await (await harness.app.request('/metrics')).text();
      const value = (line: string) => Number(metrics.match(new RegExp(`^${line} (\\d+)$`, 'm'))?.[1] ?? 0);
      expect(fake.requests.length).toBeGreaterThanOrEqual(2);
      expect(value('baton_llm_faults_total\\{kind="server_error"\\}')).toBe(fake.requests.length);
      expect(value('baton_llm_fallbacks_total\\{job="classifier"\\}')).toBe(1);
      expect(value('baton_llm_calls_total\\{job="classifier"\\}')).toBe(2);
    } finally {
      harness.close();
    }
  });
});
