import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EvalCase } from '../../evals/lib/case-schema.js';
import { runEvalCli } from '../../evals/lib/cli.js';
import type { CaseOutcome } from '../../evals/lib/outcome.js';
import type { PlayOptions } from '../../evals/lib/play.js';
import type { PlayFunction } from '../../evals/lib/runner.js';
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

const llmVariables = [
  'OPENAI_API_KEY',
  'LLM_BASE_URL',
  'LLM_MODEL',
  'LLM_PROMPTS',
  'LLM_TIMEOUT_MS',
  'LLM_STREAM',
  'AZURE_OPENAI_ENDPOINT',
  'AZURE_OPENAI_API_KEY',
  'AZURE_OPENAI_DEPLOYMENT',
];

let dir: string;
let dataset: string;
afterEach(() => {
  vi.unstubAllEnvs();
});
beforeEach(async () => {
  // The developer's shell must not decide whether these tests see a model.
  for (const name of llmVariables) vi.stubEnv(name, undefined);
  dir = await mkdtemp(join(tmpdir(), 'baton-eval-'));
  dataset = join(dir, 'cases.jsonl');
  await writeFile(dataset, `${cases.map((item) => JSON.stringify(item)).join('\n')}\n`);
  return () => rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[], play: PlayFunction = fakePlay(new Set())) {
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
    expect(report.byReason.human_requested).toEqual({
      expected: 0,
      recalled: 0,
      recall: null,
      fired: 1,
      firedOnNoEscalation: 0,
      firedOnOtherReason: 0,
      firedUnlabelled: 1,
      precision: null,
    });
    expect(result.stdout).toMatch(/Escalation recall\s+50\.0%\s+1\/2/);
    expect(result.stdout).toContain('esc-2: escalate: expected a handoff');
    expect(result.stdout).toContain(
      `Report: ${join(out, 'report.html')}\n        ${join(out, 'report.json')}`,
    );
    expect(result.stderr).toContain('eval: 4/4 plays, 1 failed');
    expect(report.meta).toMatchObject({
      provider: 'offline',
      concurrency: 4,
      datasets: [
        { path: expect.stringMatching(/cases\.jsonl$/), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ],
    });
    expect(report.meta.model).toBeUndefined();
    // What the failing case looked like: the customer's turns, the bot's replies, no handoff.
    expect(report.failures[0]).toMatchObject({
      expected: { escalate: true, queue: 'general' },
      handoff: null,
      turns: [{ index: 1, replies: ['hello'] }],
    });

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
    expect((await cli(['--model', 'gpt-4o', '--dataset', dataset])).stderr).toContain(
      '--model needs --provider openai',
    );
    expect((await cli(['--prompts', 'v1', '--dataset', dataset])).code).toBe(2);
  });

  it('says a dataset is empty or unreadable, not that it matches no filter or breaks the contract', async () => {
    const empty = join(dir, 'empty.jsonl');
    await writeFile(empty, '\n');
    const none = await cli(['--dataset', empty, '--out', join(dir, 'x')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`eval: the dataset holds no case: ${empty}`);
    expect(none.stderr).not.toContain('--filter');
    const missing = await cli(['--dataset', join(dir, 'missing.jsonl')]);
    expect(missing.stderr).toMatch(
      /eval: cannot read the dataset; nothing was played:\n.*missing\.jsonl: ENOENT/,
    );
    expect(missing.stderr).not.toContain('contract');
  });

  it('keeps cases of two same-named files apart and refuses a file given twice', async () => {
    const { mkdir } = await import('node:fs/promises');
    for (const sub of ['a', 'b']) {
      await mkdir(join(dir, sub));
      await writeFile(
        join(dir, sub, 'set.jsonl'),
        `${JSON.stringify(cases[2])}\n${JSON.stringify({ ...cases[3], id: `only-${sub}` })}\n`,
      );
    }
    const out = join(dir, 'two');
    const both = await cli([
      '--dataset',
      join(dir, 'a', 'set.jsonl'),
      '--dataset',
      join(dir, 'b', 'set.jsonl'),
      '--out',
      out,
    ]);
    expect(both.code).toBe(0);
    const report = await readReport(out);
    expect(report.results.map((item: { id: string; runs: number }) => [item.id, item.runs])).toEqual([
      ['a/set.jsonl:faq-1', 1],
      ['only-a', 1],
      ['b/set.jsonl:faq-1', 1],
      ['only-b', 1],
    ]);
    const twice = await cli(['--dataset', dataset, '--dataset', join(dir, '.', 'cases.jsonl')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('given more than once');
  });

  it('gives every case without a customer id its own position, hence its own fresh waId', async () => {
    const positions: number[] = [];
    const play = async (evalCase: EvalCase, options: PlayOptions) => {
      positions.push(options.position ?? -1);
      return fakePlay(new Set())(evalCase);
    };
    expect(
      (await cli(['--dataset', dataset, '--out', join(dir, 'p'), '--concurrency', '1'], play)).code,
    ).toBe(0);
    expect(positions).toEqual([0, 1, 2, 3]);
    const { freshWaId } = await import('../../evals/lib/play.js');
    expect(new Set(positions.map(freshWaId)).size).toBe(4);
    expect(freshWaId(3)).toMatch(/^\d{12}$/);
  });

  it('exits 1 when a run ended in an error, leaving it out of the escalation counts', async () => {
    const out = join(dir, 'errored');
    const crashing = async (evalCase: EvalCase): Promise<CaseOutcome> =>
      evalCase.id === 'faq-1'
        ? outcome(evalCase, [], { error: 'turn 1: webhook answered 500' })
        : fakePlay(new Set())(evalCase);
    const result = await cli(['--dataset', dataset, '--out', out], crashing);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'eval: 1 of 4 run(s) ended in an error and measured nothing (they fail their case and are left out of the escalation metrics):\n  faq-1: turn 1: webhook answered 500',
    );
    const report = await readReport(out);
    expect(report).toMatchObject({ errors: 1, escalation: { tp: 2, tn: 1 } });
  });

  it('exits 2 before playing anything when the openai provider cannot run', async () => {
    const played: string[] = [];
    const noEndpoint = await cli(['--dataset', dataset, '--provider', 'openai'], fakePlay(new Set(), played));
    expect(noEndpoint.code).toBe(2);
    expect(noEndpoint.stderr).toContain(
      '--provider openai needs OPENAI_API_KEY, LLM_BASE_URL or AZURE_OPENAI_ENDPOINT',
    );

    vi.stubEnv('LLM_BASE_URL', 'http://127.0.0.1:9/v1');
    const v2 = await cli(
      ['--dataset', dataset, '--provider', 'openai', '--prompts', 'v2'],
      fakePlay(new Set(), played),
    );
    expect(v2.code).toBe(2);
    expect(v2.stderr).toContain('no prompt classifier/v2; available: classifier/v1');

    vi.stubEnv('LLM_PROMPTS', 'v3');
    const v3 = await cli(['--dataset', dataset, '--provider', 'openai'], fakePlay(new Set(), played));
    expect(v3.code).toBe(2);
    expect(v3.stderr).toContain('no prompt classifier/v3');
    expect(played).toEqual([]);
    // the offline engine reads no prompt, yet a version that does not exist is a typo to stop on
    const offline = await cli(['--dataset', dataset], fakePlay(new Set(), played));
    expect(offline.code).toBe(2);
    expect(offline.stderr).toContain('no prompt classifier/v3');
    expect(played).toEqual([]);
  });

  it('records the model, the endpoint host and the prompts; a fallbackRate gate of your own replaces the implicit one', async () => {
    vi.stubEnv('LLM_BASE_URL', 'http://models.internal:11434/v1');
    vi.stubEnv('OPENAI_API_KEY', 'sk-secret-do-not-print');
    vi.stubEnv('LLM_MODEL', 'llama3.1');
    const fallingBack = async (evalCase: EvalCase): Promise<CaseOutcome> =>
      outcome(evalCase, [{ replies: ['hello'] }], {
        ...((evalCase.expect.escalate ?? false)
          ? { handoff: handoff(1, ['human_requested'], 'general', 'normal') }
          : {}),
        llm: {
          calls: 2,
          faults: 2,
          faultsByKind: { server_error: 2 },
          fallbacks: evalCase.id === 'faq-1' ? 1 : 0,
        },
      });
    const out = join(dir, 'own-gate');
    const accepted = await cli(
      ['--dataset', dataset, '--out', out, '--provider', 'openai', '--fail-over', 'fallbackRate=0.3'],
      fallingBack,
    );
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout).toContain('ok   fallbackRate = 0.250 (must be ≤ 0.300)');
    expect(accepted.stderr).toContain('the figures above are partly the offline engine');
    const report = await readReport(out);
    expect(report.meta).toMatchObject({
      model: 'llama3.1',
      llmHost: 'models.internal:11434',
      prompts: ['classifier/v1', 'responder/v1', 'summariser/v1'],
    });
    expect(report.llm).toMatchObject({
      fallbacks: 1,
      turns: 4,
      fallbackRate: 0.25,
      faultsByKind: { server_error: 8 },
    });
    expect(await readFile(join(out, 'report.json'), 'utf8')).not.toContain('sk-secret');

    const implicit = await cli(
      ['--dataset', dataset, '--out', join(dir, 'implicit'), '--provider', 'openai'],
      fallingBack,
    );
    expect(implicit.code).toBe(1);
    expect(implicit.stdout).toContain(
      'FAIL fallbackRate = 0.250 (must be ≤ 0.000; implicit with --provider openai)',
    );
    expect(implicit.stderr).toContain('accept some fallbacks with --fail-over fallbackRate=0.05');
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

  it('keeps cases by --lang, with --filter too, and records it', async () => {
    const played: string[] = [];
    const out = join(dir, 'arabic');
    const arabic = await cli(
      ['--dataset', dataset, '--out', out, '--lang', 'ar'],
      fakePlay(new Set(), played),
    );
    expect(arabic.code).toBe(0);
    expect(played.sort()).toEqual(['esc-2', 'faq-2']);
    const report = await readReport(out);
    expect(report.meta.lang).toEqual(['ar']);
    expect(Object.keys(report.byLanguage)).toEqual(['ar']);
    expect(arabic.stdout).toContain('Baton eval: 2 cases, lang ar, provider offline');
    expect(await readFile(join(out, 'report.html'), 'utf8')).toContain(' · lang ar');

    const both: string[] = [];
    const out2 = join(dir, 'arabic-trigger');
    const combined = await cli(
      ['--dataset', dataset, '--out', out2, '--filter', 'trigger:*', '--lang', 'ar'],
      fakePlay(new Set(), both),
    );
    expect(combined.code).toBe(0);
    expect(both).toEqual(['esc-2']);
    expect((await readReport(out2)).meta).toMatchObject({ filter: ['trigger:*'], lang: ['ar'] });

    const all: string[] = [];
    const out3 = join(dir, 'all-langs');
    const listed = await cli(
      ['--dataset', dataset, '--out', out3, '--lang', 'en,ar', '--lang', 'en'],
      fakePlay(new Set(), all),
    );
    expect(listed.code).toBe(0);
    expect(all).toHaveLength(4);
    expect((await readReport(out3)).meta.lang).toEqual(['en', 'ar']);
  });

  it('refuses an unknown --lang and names --lang when no case matches', async () => {
    const played: string[] = [];
    for (const value of ['fr', 'en,', 'EN', '']) {
      const result = await cli(['--dataset', dataset, '--lang', value], fakePlay(new Set(), played));
      expect(result.code, value).toBe(2);
      expect(result.stderr, value).toContain(`--lang "${value}": expected en or ar`);
    }
    const none = await cli(
      ['--dataset', dataset, '--filter', 'faq-1', '--lang', 'ar'],
      fakePlay(new Set(), played),
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('eval: no case matches --filter faq-1 and --lang ar (4 case(s) in');
    await writeFile(dataset, `${JSON.stringify({ id: 'no-lang', turns: ['hi'], expect: {} })}\n`);
    const unlabelled = await cli(['--dataset', dataset, '--lang', 'en'], fakePlay(new Set(), played));
    expect(unlabelled.stderr).toContain('eval: no case matches --lang en');
    expect(played).toEqual([]);
  });

  it('shows per-trigger precision and where each trigger fired in the table and the page', async () => {
    const out = join(dir, 'triggers');
    // faq-1 (escalate: false) gets a human_requested handoff: a fire on a no-escalation case.
    const result = await cli(['--dataset', dataset, '--out', out], fakePlay(new Set(['faq-1'])));
    expect(result.stdout).toMatch(
      /reason\s+expected\s+recalled\s+recall\s+fired\s+on no-esc\s+on other\s+unlabelled\s+precision/,
    );
    expect(result.stdout).toMatch(/human_requested\s+0\s+0\s+—\s+3\s+1\s+0\s+2\s+0\.0%/);
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Per trigger: where did it fire?');
    expect(html).toMatch(/human_requested<\/td><td>3<\/td><td>0<\/td><td class="bad">1<\/td>/);
    expect((await readReport(out)).byReason.human_requested).toMatchObject({ precision: 0 });
  });

  it('--compare diffs two saved reports without playing anything', async () => {
    const labelled = cases.map((item) =>
      item.id === 'esc-1' ? { ...item, expect: { ...item.expect, reason: 'human_requested' } } : item,
    );
    await writeFile(dataset, `${labelled.map((item) => JSON.stringify(item)).join('\n')}\n`);
    const first = join(dir, 'c1');
    const second = join(dir, 'c2');
    expect((await cli(['--dataset', dataset, '--out', first])).code).toBe(0);
    // faq-1 now escalates (human_requested on an escalate: false case): that trigger's precision falls.
    expect((await cli(['--dataset', dataset, '--out', second], fakePlay(new Set(['faq-1'])))).code).toBe(0);
    const played: string[] = [];
    const [before, after] = [join(first, 'report.json'), join(second, 'report.json')];
    const result = await cli(['--compare', before, after], fakePlay(new Set(), played));
    expect(result.code).toBe(0);
    expect(played).toEqual([]);
    expect(result.stdout).toContain(`Compared ${before} (old) with ${after} (new):`);
    expect(result.stdout).toMatch(/▼ worse\s+falseEscalationRate\s+0\.000 →\s+0\.500/);
    expect(result.stdout).toMatch(/▼ worse\s+byReason\.human_requested\.precision\s+1\.000 →\s+0\.500/);
    expect(result.stdout).not.toContain('byReason.human_requested.recall');
    expect(result.stdout).toContain('Pass → fail (1):\n  faq-1: escalate: expected no handoff');
    expect(result.stdout).not.toContain('⚠');

    // Another dataset, another selection, a relabelled case: the diff is made, with warnings.
    await writeFile(dataset, `${cases.map((item) => JSON.stringify(item)).join('\n')}\n`);
    const third = join(dir, 'c3');
    expect((await cli(['--dataset', dataset, '--out', third, '--filter', 'esc-*'])).code).toBe(0);
    const warned = await cli(['--compare', before, join(third, 'report.json')]);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(
      /⚠ the datasets differ \(by sha256\): .*c1\/report\.json played .*cases\.jsonl/,
    );
    expect(warned.stdout).toContain(`⚠ the cases were selected differently: ${before} every case,`);
    expect(warned.stdout).toContain('--filter esc-*');
    expect(warned.stdout).toContain('⚠ 1 case(s) have other labels (expect)');
    expect(warned.stdout).toMatch(/label changes: esc-1$/m);
  });

  it('--compare refuses anything but two reports, and nothing else on the line', async () => {
    const report = join(dir, 'r.json');
    const out = join(dir, 'r');
    expect((await cli(['--dataset', dataset, '--out', out])).code).toBe(0);
    const saved = join(out, 'report.json');
    const played: string[] = [];
    const attempts: [string[], string][] = [
      [['--compare', saved], '--compare takes two report.json files, old then new; got 1'],
      [['--compare', saved, saved, saved], 'got 3'],
      [['--compare', saved, saved, '--dataset', dataset], 'takes no other option; drop --dataset'],
      [['--compare', saved, saved, '--fail-under', 'f1=0.5'], 'drop --fail-under'],
      [[saved, saved], `unexpected argument "${saved}"`],
      [['--compare', join(dir, 'missing.json'), saved], 'eval: --compare: ENOENT'],
      [['--compare', dataset, saved], `eval: --compare: ${dataset}: not JSON`],
    ];
    await writeFile(report, '{"cases": 1}');
    attempts.push([['--compare', saved, report], `eval: --compare: ${report}: not an eval report: results`]);
    for (const [argv, message] of attempts) {
      const result = await cli(argv, fakePlay(new Set(), played));
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).toContain(message);
    }
    expect(played).toEqual([]);
  });
});
