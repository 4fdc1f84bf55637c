import { describe, expect, it } from 'vitest';
import { LlmMeter } from '../../src/llm/meter.js';

describe('LlmMeter', () => {
  it('prices a call by the longest matching model prefix', () => {
    const meter = new LlmMeter();
    meter.call(
      'classifier',
      'gpt-4o-mini-2024-07-18',
      { promptTokens: 1_000_000, completionTokens: 1_000_000 },
      10,
    );
    meter.call('responder', 'gpt-4o', { promptTokens: 1_000_000, completionTokens: 0 }, 10);
    const snapshot = meter.snapshot();
    expect(snapshot.byJob.classifier.costUsd).toBeCloseTo(0.75);
    expect(snapshot.byJob.responder.costUsd).toBeCloseTo(2.5);
    expect(snapshot.costUsd).toBeCloseTo(3.25);
    expect(snapshot.unpricedModels).toEqual([]);
  });

  it('counts an unknown model at zero cost and flags it', () => {
    const meter = new LlmMeter();
    meter.call('classifier', 'llama3.1:8b', { promptTokens: 500, completionTokens: 50 }, 10);
    expect(meter.snapshot()).toMatchObject({
      calls: 1,
      promptTokens: 500,
      costUsd: 0,
      unpricedModels: ['llama3.1:8b'],
    });
  });

  it('takes a price table', () => {
    const meter = new LlmMeter({ prices: { 'my-deployment': { input: 1, output: 2 } } });
    meter.call('summariser', 'my-deployment', { promptTokens: 1_000, completionTokens: 1_000 }, 10);
    expect(meter.snapshot().costUsd).toBeCloseTo(0.003);
  });

  it('counts faults by kind, fallbacks and skipped turns; reset clears them but keeps prompt sizes', () => {
    const meter = new LlmMeter();
    meter.promptSize('classifier', 'classifier/v1', 'x'.repeat(400));
    meter.fault('timeout');
    meter.fault('timeout');
    meter.fault('unknown_tool');
    meter.fallback('responder');
    meter.skip();
    meter.call('classifier', 'gpt-4o-mini', undefined, 8_000);
    expect(meter.snapshot()).toMatchObject({
      calls: 1,
      faults: 3,
      faultsByKind: { timeout: 2, unknown_tool: 1 },
      fallbacks: 1,
      skipped: 1,
      promptSizes: { classifier: { id: 'classifier/v1', chars: 400, approxTokens: 100 } },
    });
    meter.reset();
    expect(meter.snapshot()).toMatchObject({
      calls: 0,
      faults: 0,
      fallbacks: 0,
      skipped: 0,
      faultsByKind: {},
    });
    expect(meter.snapshot().promptSizes.classifier?.chars).toBe(400);
  });
});
