import { afterEach } from 'vitest';
import { promptBundle } from '../../src/generated/prompts.js';
import type { Classification } from '../../src/llm/classification.js';
import { LlmMeter } from '../../src/llm/meter.js';
import { OfflineLlm } from '../../src/llm/offline/offline-llm.js';
import type { ModelClassification } from '../../src/llm/openai/classify-job.js';
import { OpenAiLlm, type OpenAiLlmOptions } from '../../src/llm/openai/openai-llm.js';
import { selectPrompts } from '../../src/llm/openai/prompts.js';
import type { KnowledgeSearchResult, RespondInput, SummariseInput } from '../../src/llm/port.js';
import { type FakeOpenAi, startFakeOpenAi } from '../support/fake-openai.js';

const fakes: FakeOpenAi[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
});

/** A fake OpenAI server closed after the test. */
export async function openFake(): Promise<FakeOpenAi> {
  const fake = await startFakeOpenAi();
  fakes.push(fake);
  return fake;
}

export const shippingHit = {
  docId: 'shipping',
  title: 'Shipping',
  heading: 'Delivery times',
  text: 'Orders inside Riyadh arrive in 1–2 business days; other cities in 2–4 business days.',
  score: 9,
  coverage: 1,
  matched: 2,
  ownTerms: ['ship', 'long'],
};

/** The adapter on the fake server, with the real prompts, the offline engine as fallback and no retry pause. */
export function makeLlm(fake: FakeOpenAi, options: Partial<OpenAiLlmOptions> = {}) {
  const meter = options.meter ?? new LlmMeter();
  const llm = new OpenAiLlm({
    apiKey: 'sk-test',
    baseURL: fake.baseURL,
    model: 'gpt-4o-mini',
    timeoutMs: 2_000,
    prompts: selectPrompts(promptBundle, 'v1'),
    fallback: new OfflineLlm(),
    retryDelayMs: 0,
    knowledge: { search: (query) => (/ship|deliver/i.test(query) ? [shippingHit] : []) },
    ...options,
    meter,
  });
  return { llm, meter };
}

/** A classifier answer in the model's wire shape: calm, an FAQ, nothing drafted unless overridden. */
export function modelAnswer(overrides: Partial<ModelClassification> = {}): ModelClassification {
  return {
    language: 'en',
    intent: 'faq',
    frustration: 0.1,
    frustration_rationale: 'calm question',
    frustration_evidence: [],
    human_request: { requested: false, evidence: null },
    sensitive_topics: [],
    area: 'general',
    entities: { order_ids: [], amounts: [] },
    complex_query: { needed: false, evidence: null },
    reply: null,
    handoff_summary: null,
    ...overrides,
  };
}

export const faqClassification: Classification = {
  language: 'en',
  intent: 'faq',
  frustration: 0,
  frustrationEvidence: [],
  humanRequest: { requested: false },
  sensitiveTopics: [],
  area: 'general',
  entities: { orderIds: [], amounts: [] },
  needsPerson: { needed: false },
};

/** Tools that record what they were asked; the knowledge knows shipping, orders are never found. */
export function recordingTools(
  search: KnowledgeSearchResult = { hits: [shippingHit], confident: true, minScore: 10 },
) {
  const calls: string[] = [];
  return {
    calls,
    tools: {
      async searchKnowledge(query: string) {
        calls.push(`search:${query}`);
        return search;
      },
      async trackOrder(orderId: string) {
        calls.push(`track:${orderId}`);
        return { found: false as const, reason: 'not_found' as const };
      },
      async customerOrders() {
        calls.push('orders');
        return { found: false as const, reason: 'not_found' as const };
      },
    },
  };
}

export function respondInput(
  text: string,
  tools: RespondInput['tools'],
  previous: string[] = [],
): RespondInput {
  const at = '2026-11-24T08:00:00.000Z';
  return {
    text,
    language: 'en',
    classification: faqClassification,
    history: [
      ...previous.map((t) => ({ from: 'customer' as const, text: t, at })),
      { from: 'customer', text, at },
    ],
    tools,
  };
}

export function summariseInput(texts: string[], overrides: Partial<SummariseInput> = {}): SummariseInput {
  return {
    transcript: texts.map((text) => ({ from: 'customer', text, at: '2026-11-24T08:00:00.000Z' })),
    reasons: [{ code: 'sensitive_topic', evidence: 'refund: "refund"' }],
    customerName: 'Sara',
    facts: { orderIds: ['A1001'], amounts: ['250 SAR'] },
    botAttempts: [],
    ...overrides,
  };
}
