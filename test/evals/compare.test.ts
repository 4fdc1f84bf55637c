import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { compareReports, formatDiff, parseBaseline } from '../../evals/lib/compare.js';
import {
  describeGate,
  evaluateGates,
  type GateResult,
  implicitGates,
  metrics,
  parseGate,
} from '../../evals/lib/gates.js';
import { buildReport, type ReportMeta } from '../../evals/lib/metrics.js';
import type { HandoffOutcome } from '../../evals/lib/outcome.js';
import { renderReportHtml } from '../../evals/lib/report-html.js';
import { fixedOutcomes, outcome, run } from './fixtures.js';

const meta: ReportMeta = {
  startedAt: '2026-11-24T08:00:00.000Z',
  durationMs: 1,
  datasets: [{ path: 'x.jsonl', sha256: 'abc' }],
  concurrency: 1,
  provider: 'offline',
  repeat: 1,
};

function reports() {
  const baseline = buildReport(
    fixedOutcomes().map((item) => run(item)),
    meta,
  );
  // The planted regression: a-esc-ok no longer escalates; d-false stops escalating falsely.
  const current = fixedOutcomes().map((item) => {
    if (item.case.id === 'a-esc-ok') return outcome(item.case, [{}, {}]);
    if (item.case.id === 'd-false') return outcome(item.case, [{ latencyMs: 500 }]);
    return item;
  });
  return {
    baseline,
    current: buildReport(
      current.map((item) => run(item)),
      meta,
    ),
  };
}

describe('--baseline', () => {
  it('finds the planted regression: a case flipped to fail, recall and F1 down', () => {
    const { baseline, current } = reports();
    // Through JSON, as the CLI reads a baseline from report.json.
    const diff = compareReports(parseBaseline(JSON.stringify(baseline), 'report.json'), current);
    expect(diff.nowFailing).toEqual([
      { id: 'a-esc-ok', why: expect.stringContaining('expected a handoff, none happened') },
    ]);
    expect(diff.nowPassing).toEqual(['d-false']);
    const f1 = diff.metrics.find((item) => item.metric === 'f1');
    // Baseline tp 3 fp 1 fn 2 → F1 2/3; now tp 2 fp 0 fn 3 → precision 1, recall 0.4, F1 4/7.
    expect(f1?.change).toBe('worse');
    expect(f1?.before).toBeCloseTo(2 / 3);
    expect(f1?.after).toBeCloseTo(4 / 7);
    expect(diff.metrics.find((item) => item.metric === 'precision')?.change).toBe('better');
    expect(diff.metrics.find((item) => item.metric === 'falseEscalationRate')?.change).toBe('better');
    expect(diff.metrics.find((item) => item.metric === 'missedEscalationRate')?.change).toBe('worse');
    expect(diff.metrics.find((item) => item.metric === 'knowledgeAccuracy')?.change).toBe('same');

    const text = formatDiff(diff);
    expect(text).toMatch(/▼ worse\s+f1\s+0\.667 →\s+0\.571/);
    expect(text).toContain('Pass → fail (1):\n  a-esc-ok: ');
    expect(text).toContain('Fail → pass (1):\n  d-false');
    expect(text).not.toMatch(/knowledgeAccuracy/);
  });

  it('lists cases added and removed since the baseline', () => {
    const { baseline } = reports();
    const smaller = buildReport(
      fixedOutcomes()
        .filter((item) => item.case.id !== 'i-missed')
        .map((item) => run(item)),
      meta,
    );
    const diff = compareReports(parseBaseline(JSON.stringify(baseline), 'b.json'), smaller);
    expect(diff.removed).toEqual(['i-missed']);
    expect(diff.added).toEqual([]);
  });

  it('does not compare latency across different concurrency, and says why', () => {
    const { baseline } = reports();
    const slower = buildReport(
      fixedOutcomes().map((item) =>
        run({ ...item, turns: item.turns.map((turn) => ({ ...turn, latencyMs: turn.latencyMs * 3 })) }),
      ),
      { ...meta, concurrency: 8 },
    );
    const diff = compareReports(parseBaseline(JSON.stringify(baseline), 'b.json'), slower);
    expect(diff.metrics.find((item) => item.metric === 'latencyP95')).toMatchObject({
      change: 'n/a',
      note: expect.stringContaining('the baseline ran 1 cases in flight, this run 8'),
    });
    expect(formatDiff(diff)).toContain(
      'latency not compared: the baseline ran 1 cases in flight, this run 8',
    );
    expect(formatDiff(diff)).not.toMatch(/worse\s+latencyP95/);
    // Same concurrency: the slowdown is a real regression.
    const same = compareReports(parseBaseline(JSON.stringify(baseline), 'b.json'), {
      ...slower,
      meta: { ...slower.meta, concurrency: 1 },
    });
    expect(same.metrics.find((item) => item.metric === 'latencyP95')?.change).toBe('worse');
    expect(same.notes).toEqual([]);
  });

  it('compares fallbackRate, lower being better', () => {
    const { baseline } = reports();
    const failing = buildReport(
      fixedOutcomes().map((item) => run({ ...item, llm: { ...item.llm, fallbacks: 1 } })),
      meta,
    );
    const diff = compareReports(parseBaseline(JSON.stringify(baseline), 'b.json'), failing);
    expect(diff.metrics.find((item) => item.metric === 'fallbackRate')).toMatchObject({
      before: 0,
      change: 'worse',
    });
  });

  it('compares recall and precision per trigger, and warns when the two runs measured different things', () => {
    const { baseline } = reports();
    // d-false (escalate: false) now hands off for frustration as well: frustration's precision 1 → 1/2.
    const current = buildReport(
      fixedOutcomes().map((item) =>
        run(
          item.case.id === 'd-false'
            ? {
                ...item,
                handoff: { ...(item.handoff as HandoffOutcome), reasons: ['complex_query', 'frustration'] },
              }
            : item.case.id === 'b-wrong-queue'
              ? {
                  ...item,
                  case: { ...item.case, expect: { ...item.case.expect, queue: 'general' as const } },
                }
              : item,
        ),
      ),
      { ...meta, datasets: [{ path: 'x.jsonl', sha256: 'def' }], lang: ['en', 'ar'] },
    );
    const diff = compareReports(parseBaseline(JSON.stringify(baseline), 'b.json'), current);
    expect(diff.metrics.find((item) => item.metric === 'byReason.frustration.precision')).toMatchObject({
      before: 1,
      after: 0.5,
      change: 'worse',
    });
    expect(diff.metrics.find((item) => item.metric === 'byReason.frustration.recall')?.change).toBe('same');
    expect(diff.warnings).toEqual([
      'the datasets differ (by sha256): the baseline played x.jsonl (sha256 abc…); this run x.jsonl (sha256 def…)',
      'the cases were selected differently: the baseline every case, this run --lang en,ar',
      '1 case(s) have other labels (expect) in this run, so their flips may be label changes: b-wrong-queue',
    ]);
    const text = formatDiff(diff);
    expect(text).toMatch(/^Compared with the baseline:\n {2}⚠ the datasets differ/);
    expect(text).toMatch(/▼ worse\s+byReason\.frustration\.precision\s+1\.000 →\s+0\.500 {2}\(−0\.500\)/);
    expect(renderReportHtml(current, { diff })).toContain('⚠ the cases were selected differently');

    // Key order in a label is not a change; a baseline from before these fields compares on what it has.
    const reordered = JSON.parse(JSON.stringify(baseline));
    for (const result of reordered.results)
      result.expected = Object.fromEntries(Object.entries(result.expected).reverse());
    delete reordered.byReason;
    delete reordered.meta.datasets;
    const old = compareReports(parseBaseline(JSON.stringify(reordered), 'old.json'), reports().current);
    expect(old.warnings).toEqual([
      'cannot tell whether the datasets are the same: the baseline does not record them',
    ]);
    expect(old.metrics.find((item) => item.metric === 'byReason.frustration.precision')?.change).toBe('n/a');
  });

  it('rejects a file that is not a report', () => {
    expect(() => parseBaseline('{"cases": 3}', 'old.json')).toThrow(/old\.json: not an eval report: results/);
    expect(() => parseBaseline('nope', 'old.json')).toThrow(/old\.json: not JSON/);
  });
});

describe('--fail-under / --fail-over', () => {
  const { baseline: report } = reports();

  it('fails a gate below the threshold and passes one above', () => {
    const results = evaluateGates(report, [
      parseGate('f1=0.9', 'under'),
      parseGate('precision=0.7', 'under'),
      parseGate('missedEscalationRate=0.3', 'over'),
    ]);
    expect(results.map((item) => [item.metric, item.passed])).toEqual([
      ['f1', false],
      ['precision', true],
      ['missedEscalationRate', false],
    ]);
  });

  it('fails a gate on a metric nothing measured', () => {
    const empty = buildReport([], meta);
    expect(evaluateGates(empty, [parseGate('f1=0.1', 'under')])[0]).toMatchObject({
      value: null,
      passed: false,
    });
  });

  it('adds fallbackRate ≤ 0 for the openai provider unless the user gates it', () => {
    expect(implicitGates('offline', [])).toEqual([]);
    expect(implicitGates('openai', [])).toEqual([
      { metric: 'fallbackRate', kind: 'over', threshold: 0, implicit: true },
    ]);
    expect(implicitGates('openai', [parseGate('fallbackRate=0.05', 'over')])).toEqual([]);
  });

  it('fails a cost gate when a model has no price, and says so', () => {
    const unpriced = buildReport(
      fixedOutcomes().map((item) => run({ ...item, llm: { ...item.llm, unpricedModels: ['llama3.1'] } })),
      meta,
    );
    const [gate] = evaluateGates(unpriced, [parseGate('costPerConversation=1', 'over')]);
    expect(gate).toMatchObject({ value: null, passed: false });
    expect(describeGate(gate as GateResult)).toBe(
      'FAIL costPerConversation = cost unknown: no price for llama3.1 (add it to DEFAULT_PRICES in src/llm/meter.ts) (must be ≤ $1.00000)',
    );
    expect(evaluateGates(report, [parseGate('costPerConversation=1', 'over')])[0]?.passed).toBe(true);
  });

  it('rejects unknown metrics and malformed thresholds', () => {
    expect(() => parseGate('f2=0.9', 'under')).toThrow(/unknown metric "f2"/);
    expect(() => parseGate('f1', 'under')).toThrow(/expected metric=value/);
    expect(() => parseGate('f1=high', 'under')).toThrow(/not a number/);
    expect(() => parseGate('f1=90', 'under')).toThrow(/between 0 and 1/);
  });

  it('documents every gate name in the README', async () => {
    const readme = await readFile(new URL('../../evals/README.md', import.meta.url), 'utf8');
    for (const name of Object.keys(metrics)) expect(readme).toContain(`\`${name}\``);
  });
});
