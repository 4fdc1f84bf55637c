import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEvalCli } from '../../evals/lib/cli.js';

// No injected player: the cases go through play.ts, i.e. the webhook, worker, agent and outbox.
describe('npm run eval through the real pipeline', () => {
  it('plays a tiny dataset without run errors and records replies and latency', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'baton-eval-e2e-'));
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
});
