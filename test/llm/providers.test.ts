import { describe, expect, it } from 'vitest';
import { LlmMeter } from '../../src/llm/meter.js';
import { OfflineLlm } from '../../src/llm/offline/offline-llm.js';
import { createOpenAiLlm } from '../../src/llm/openai/factory.js';
import { reply } from '../support/fake-openai.js';
import { makeLlm, modelAnswer, openFake } from './setup.js';

const question = { text: 'do you ship to Tabuk?', previousCustomerTexts: [], language: 'en' as const };

describe('providers', () => {
  it('OpenAI: bearer key on /v1/chat/completions', async () => {
    const fake = await openFake();
    const { llm } = makeLlm(fake);
    fake.script(reply.json(modelAnswer()));
    await llm.classify(question);
    expect(fake.requests[0]).toMatchObject({ path: '/v1/chat/completions', authorization: 'Bearer sk-test' });
  });

  it('a local server (Ollama, llama.cpp) needs only LLM_BASE_URL, and its model is reported unpriced', async () => {
    const fake = await openFake();
    const meter = new LlmMeter();
    const llm = createOpenAiLlm(
      { LLM_BASE_URL: fake.baseURL, LLM_MODEL: 'llama3.1:8b' },
      { fallback: new OfflineLlm(), meter },
    );
    fake.script(reply.json(modelAnswer({ area: 'orders' })));
    expect((await llm.classify(question)).area).toBe('orders');
    expect(fake.requests[0]?.body.model).toBe('llama3.1:8b');
    expect(meter.snapshot()).toMatchObject({ calls: 1, costUsd: 0, unpricedModels: ['llama3.1:8b'] });
  });

  it('Azure OpenAI: the deployment path, api-version and api-key header', async () => {
    const fake = await openFake();
    const llm = createOpenAiLlm(
      {
        AZURE_OPENAI_ENDPOINT: fake.url,
        AZURE_OPENAI_API_KEY: 'azure-key',
        AZURE_OPENAI_DEPLOYMENT: 'baton-mini',
        AZURE_OPENAI_API_VERSION: '2024-10-21',
      },
      { fallback: new OfflineLlm() },
    );
    fake.script(reply.json(modelAnswer({ area: 'orders' })));
    expect((await llm.classify(question)).area).toBe('orders');
    expect(fake.requests[0]).toMatchObject({
      path: '/openai/deployments/baton-mini/chat/completions',
      deployment: 'baton-mini',
      apiVersion: '2024-10-21',
      apiKey: 'azure-key',
      body: { model: 'baton-mini' },
    });
  });

  it('streams structured output over SSE when LLM_STREAM is on', async () => {
    const fake = await openFake();
    const meter = new LlmMeter();
    const llm = createOpenAiLlm(
      { OPENAI_API_KEY: 'sk-test', LLM_BASE_URL: fake.baseURL, LLM_STREAM: true },
      { fallback: new OfflineLlm(), meter },
    );
    fake.script(reply.json(modelAnswer({ area: 'orders' }), { prompt_tokens: 800, completion_tokens: 90 }));
    expect((await llm.classify(question)).area).toBe('orders');
    expect(fake.requests[0]?.body).toMatchObject({ stream: true, response_format: { type: 'json_schema' } });
    expect(meter.snapshot()).toMatchObject({ promptTokens: 800, completionTokens: 90 });
    expect(meter.snapshot().costUsd).toBeCloseTo((800 * 0.15 + 90 * 0.6) / 1_000_000);
  });

  it('Azure without a deployment is a configuration error at start-up', () => {
    expect(() =>
      createOpenAiLlm(
        { AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com' },
        { fallback: new OfflineLlm() },
      ),
    ).toThrow(/AZURE_OPENAI_DEPLOYMENT/);
  });
});
