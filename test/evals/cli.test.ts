import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EvalCase } from '../../evals/lib/case-schema.js';
import { runEvalCli } from '../../evals/lib/cli.js';
import type { CaseOutcome } from '../../evals/lib/outcome.js';
import { handoff, outcome } from './fixtures.js';

const cases = [
  {
    id: 'esc-1',
    lang: 'en',
    tags: ['trigger:human'],
    turns: ['agent please'],
    expect: { escalate: true, queue: 'general' },
  },
  {
    id: 'esc-2',
    lang: 'ar',
    tags: ['trigger:human'],
    turns: ['ابي موظف'],
    expect: { escalate: true, queue: 'general' },
  },
  { id: 'faq-1', lang: 'en', tags: ['faq'], turns: ['shipping?'], expect: { escalate: false } },
  {
    id: 'faq-2',
    lang: 'ar',
    tags: ['faq', '<script>alert(1)</script>'],
    turns: ['الشحن؟'],
    expect: { escalate: false },
  },
];

/** Plays every case "right" except the ids in `wrong`, which get the opposite escalation. */
function fakePlay(wrong: ReadonlySet<string>, played: string[] = []) {
  return async (evalCase: EvalCase): Promise<CaseOutcome> => {
    played.push(evalCase.id);
    const escalate = (evalCase.expect.escalate ?? false) !== wrong.has(evalCase.id);
    return outcome(evalCase, [{ replies: ['hello'], latencyMs: 10 }], {
      ...(escalate ? { handoff: handoff(1, ['human_requested'], 'general', 'normal') } : {}),
    });
  };
}

let dir: string;
let dataset: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-eval-'));
  dataset = join(dir, 'cases.jsonl');
  await writeFile(dataset, `${cases.map((item) => JSON.stringify(item)).join('\n')}\n`);
});

async function cli(argv: string[], play = fakePlay(new Set())) {
  let stdout = '';
  let stderr = '';
  const code = await runEvalCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    play,
    loadKnowledge: async () => [],
  });
  return { code, stdout, stderr };
}

async function readReport(out: string) {
  return JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
}

describe('npm run eval', () => {
  it('writes report.json and report.html and prints the table', async () => {
    const out = join(dir, 'out');
    const result = await cli(['--dataset', dataset, '--out', out], fakePlay(new Set(['esc-2'])));
    expect(result.code).toBe(0);
    const report = await readReport(out);
    expect(report).toMatchObject({
      cases: 4,
      passed: 3,
      failed: 1,
      escalation: { tp: 1, fp: 0, fn: 1, tn: 2, precision: 1, recall: 0.5, accuracy: 0.75 },
      missedEscalationRate: 0.5,
      falseEscalationRate: 0,
      queueAccuracy: 1,
      llm: { calls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 },
      latencyMs: { p50: 10, p95: 10 },
      failures: [
        {
          id: 'esc-2',
          why: 'escalate: expected a handoff, none happened; queue: expected queue general, got no handoff',
        },
      ],
    });
    expect(report.escalation.f1).toBeCloseTo(2 / 3);
    expect(Object.keys(report.byLanguage)).toEqual(['ar', 'en']);
    expect(report.byReason.human_requested).toEqual({ expected: 0, recalled: 0, recall: null, fired: 1 });
    expect(result.stdout).toMatch(/Escalation recall\s+50\.0%\s+1\/2/);
    expect(result.stdout).toContain('esc-2: escalate: expected a handoff');
    expect(result.stderr).toContain('eval: 4/4 plays, 1 failed');

    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=/);
    expect(html).toContain('Queue confusion matrix');
  });

  it('exits 1 when a --fail-under gate fails, and says which', async () => {
    const out = join(dir, 'gated');
    const failing = await cli(
      ['--dataset', dataset, '--out', out, '--fail-under', 'f1=0.9', '--fail-under', 'precision=0.9'],
      fakePlay(new Set(['esc-2'])),
    );
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain('1 gate(s) failed: f1');
    expect(failing.stdout).toMatch(/FAIL f1 = 0\.667 \(must be ≥ 0\.900\)/);
    expect(failing.stdout).toMatch(/ok {3}precision = 1\.000/);
    const passing = await cli(['--dataset', dataset, '--out', out, '--fail-under', 'f1=0.6']);
    expect(passing.code).toBe(0);
  });

  it('prints what changed against a --baseline', async () => {
    const first = join(dir, 'first');
    expect((await cli(['--dataset', dataset, '--out', first])).code).toBe(0);
    const second = await cli(
      ['--dataset', dataset, '--out', join(dir, 'second'), '--baseline', join(first, 'report.json')],
      fakePlay(new Set(['esc-1'])),
    );
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/▼ worse\s+recall\s+1\.000 →\s+0\.500/);
    expect(second.stdout).toContain('Pass → fail (1):\n  esc-1: escalate: expected a handoff, none happened');
    const report = await readReport(join(dir, 'second'));
    expect(report.comparison.nowFailing).toEqual([{ id: 'esc-1', why: expect.any(String) }]);
  });

  it('stops before playing anything when a line breaks the contract', async () => {
    await writeFile(
      dataset,
      `${JSON.stringify(cases[0])}\n{"id":"bad","turns":["x"],"expect":{"queue":"sales"}}\n`,
    );
    const played: string[] = [];
    const result = await cli(['--dataset', dataset, '--out', join(dir, 'x')], fakePlay(new Set(), played));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${dataset}:2: expect.queue: Invalid option`);
    expect(played).toEqual([]);
  });

  it('exits 2 on usage errors', async () => {
    for (const argv of [
      ['--fail-under', 'bogus=0.5'],
      ['--provider', 'anthropic'],
      ['--repeat', '0'],
      ['--concurrency', 'many'],
      ['--datset', 'x.jsonl'],
      ['--dataset', join(dir, 'missing.jsonl')],
    ]) {
      const result = await cli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
    }
    expect((await cli(['--fail-under', 'bogus=0.5'])).stderr).toMatch(
      /unknown metric "bogus"; known: passRate/,
    );
    expect((await cli(['--dataset', dataset, '--filter', 'nothing-*'])).stderr).toContain('no case matches');
  });

  it('filters by id or tag glob and repeats each case K times', async () => {
    const played: string[] = [];
    const out = join(dir, 'filtered');
    const result = await cli(
      [
        '--dataset',
        dataset,
        '--out',
        out,
        '--filter',
        'faq-1',
        '--filter',
        'trigger:*',
        '--repeat',
        '2',
        '--concurrency',
        '3',
      ],
      fakePlay(new Set(), played),
    );
    expect(result.code).toBe(0);
    expect([...played].sort()).toEqual(['esc-1', 'esc-1', 'esc-2', 'esc-2', 'faq-1', 'faq-1']);
    const report = await readReport(out);
    expect(report).toMatchObject({ cases: 3, runs: 6, passHatK: { k: 2, cases: 3, passed: 3, rate: 1 } });
    expect(report.results.map((item: { id: string }) => item.id)).toEqual(['esc-1', 'esc-2', 'faq-1']);
  });
});
