import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runEvalCli } from '../../evals/lib/cli.js';
import { startFakeOpenAi } from '../support/fake-openai.js';
import { temporaryDirectory } from '../support/temporary-directory.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

// No injected player: the cases go through play.ts, i.e. the webhook, worker, agent and outbox.
describe('npm run eval through the real pipeline', () => {
  it('plays a tiny dataset without run errors and records replies and latency', async () => {
    const dir = temporaryDirectory('baton-eval-e2e-');
    const dataset = join(dir, 'tiny.jsonl');
    const cases = [
      { id: 'hi', lang: 'en', turns: ['hi'], expect: {} },
      { id: 'agent', lang: 'en', turns: [{ button: 'menu_agent' }], expect: {} },
    ];
    await writeFile(dataset, cases.map((item) => JSON.stringify(item)).join('\n'));
    let stdout = '';
    let stderr = '';
    const code = await runEvalCli(['--dataset', dataset, '--out', dir], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text), isTTY: false },
    });
    expect(code, stderr).toBe(0);
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
    // The failures name the crash, if any, so a red run says why.
    expect(report.errors, JSON.stringify(report.failures)).toBe(0);
    expect(report).toMatchObject({ cases: 2, latencyMs: { turns: 2 } });
    expect(report.latencyMs.p50).toBeGreaterThan(0);
    expect(stdout).toContain('Baton eval: 2 cases');
  });

  it('fails the run when a broken model made the offline engine answer, instead of showing its 100 %', async () => {
    const fake = await startFakeOpenAi(); // nothing scripted: every request gets a 500
    try {
      for (const name of [
        'OPENAI_API_KEY',
        'AZURE_OPENAI_ENDPOINT',
        'LLM_PROMPTS',
        'LLM_MODEL',
        'LLM_STREAM',
      ])
        vi.stubEnv(name, undefined);
      vi.stubEnv('LLM_BASE_URL', fake.baseURL);
      const dir = temporaryDirectory('baton-eval-broken-');
      const dataset = join(dir, 'tiny.jsonl');
      const cases = [
        {
          id: 'ship',
          lang: 'en',
          turns: ['how long does shipping to Riyadh take?'],
          expect: { escalate: false },
        },
        { id: 'warranty', lang: 'en', turns: ['is my laptop under warranty?'], expect: { escalate: false } },
      ];
      await writeFile(dataset, cases.map((item) => JSON.stringify(item)).join('\n'));
      let stdout = '';
      let stderr = '';
      const code = await runEvalCli(['--dataset', dataset, '--out', dir, '--provider', 'openai'], {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text), isTTY: false },
      });
      expect(fake.requests.length).toBeGreaterThan(0);
      expect(code, stderr).toBe(1);
      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
      expect(report.llm.fallbacks).toBeGreaterThan(0);
      expect(report.llm.faultsByKind.server_error).toBeGreaterThan(0);
      expect(report.llm.fallbackRate).toBeGreaterThan(0);
      expect(report.meta).toMatchObject({ provider: 'openai', llmHost: new URL(fake.baseURL).host });
      expect(stdout).toMatch(
        /FAIL fallbackRate = \d\.\d{3} \(must be ≤ 0\.000; implicit with --provider openai\)/,
      );
      expect(stdout).toContain('faults (failed attempts, retries included)');
      expect(stderr).toContain("the figures above are partly the offline engine's, not the model's");
      expect(stderr).toContain('--fail-over fallbackRate=0.05');
    } finally {
      await fake.close();
    }
  });
});
