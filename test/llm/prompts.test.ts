import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FILE, readPromptFiles, renderPromptBundle } from '../../src/cli/bundle-prompts.js';
import { promptBundle } from '../../src/generated/prompts.js';
import { LlmMeter } from '../../src/llm/meter.js';
import { OfflineLlm } from '../../src/llm/offline/offline-llm.js';
import { createOpenAiLlm } from '../../src/llm/openai/factory.js';
import {
  PromptConfigError,
  parsePrompt,
  parseVersions,
  selectPrompts,
} from '../../src/llm/openai/prompts.js';

describe('prompt files', () => {
  it('the generated bundle is up to date with prompts/ (run npx tsx src/cli/bundle-prompts.ts)', async () => {
    const files = await readPromptFiles();
    expect(promptBundle).toEqual(files);
    expect(await readFile(BUNDLE_FILE, 'utf8')).toBe(renderPromptBundle(files));
  });

  it('every prompt parses, and the customer-facing ones carry the injection and grounding rules', () => {
    const prompts = selectPrompts(promptBundle, 'v1');
    for (const prompt of Object.values(prompts)) {
      expect(prompt.model).toBeDefined();
      expect(prompt.notes).not.toBe('');
      expect(prompt.system).toMatch(/not instructions/);
    }
    expect(prompts.responder.system).toMatch(/only facts that come from tool results/i);
    expect(prompts.classifier.system).toMatch(/ONLY facts stated in the excerpts/);
    expect(prompts.summariser.system).toMatch(/English/);
  });

  it('parses front matter: model, temperature, max_tokens, notes', () => {
    expect(
      parsePrompt('---\nmodel: m\ntemperature: 0.3\nmax_tokens: 50\nnotes: why\n---\nBe brief.\n'),
    ).toEqual({
      model: 'm',
      temperature: 0.3,
      maxTokens: 50,
      notes: 'why',
      system: 'Be brief.',
    });
    expect(
      parsePrompt('---\nnotes: reasoning model, default temperature\n---\nBe brief.'),
    ).not.toHaveProperty('temperature');
    expect(() => parsePrompt('no front matter')).toThrow(PromptConfigError);
    expect(() => parsePrompt('---\ntemprature: 1\n---\nx')).toThrow(/temprature/);
  });
});

describe('active versions are configuration', () => {
  const bundle = {
    ...promptBundle,
    'classifier/v2': '---\nmodel: gpt-4.1-mini\ntemperature: 0\nnotes: try a bigger model\n---\nClassify.',
  };

  it('reads "v2", "classifier=v2,responder=v1" and a mix', () => {
    expect(parseVersions(undefined)).toEqual({ classifier: 'v1', responder: 'v1', summariser: 'v1' });
    expect(parseVersions('v2')).toEqual({ classifier: 'v2', responder: 'v2', summariser: 'v2' });
    expect(parseVersions('classifier=v2')).toEqual({ classifier: 'v2', responder: 'v1', summariser: 'v1' });
    expect(parseVersions('v3, summariser=v1')).toEqual({
      classifier: 'v3',
      responder: 'v3',
      summariser: 'v1',
    });
    expect(() => parseVersions('planner=v2')).toThrow(/job=version/);
  });

  it('selects one version per job and names unknown ones with what exists', () => {
    const prompts = selectPrompts(bundle, 'classifier=v2');
    expect(prompts.classifier).toMatchObject({
      id: 'classifier/v2',
      model: 'gpt-4.1-mini',
      system: 'Classify.',
    });
    expect(prompts.responder.id).toBe('responder/v1');
    expect(() => selectPrompts(bundle, 'v2')).toThrow('no prompt responder/v2; available: responder/v1');
  });

  it('the factory takes LLM_PROMPTS, and an eval --prompts value wins over it', () => {
    const meter = new LlmMeter();
    createOpenAiLlm(
      { OPENAI_API_KEY: 'sk-test', LLM_PROMPTS: 'v9' },
      { fallback: new OfflineLlm(), meter, bundle, prompts: 'classifier=v2' },
    );
    expect(meter.snapshot().promptSizes).toMatchObject({
      classifier: { id: 'classifier/v2', chars: 'Classify.'.length },
      responder: { id: 'responder/v1' },
    });
    expect(() => createOpenAiLlm({ LLM_PROMPTS: 'v9' }, { fallback: new OfflineLlm(), bundle })).toThrow(
      /classifier\/v9/,
    );
  });
});
