import { describe, expect, it } from 'vitest';
import { buildReport, type ReportMeta } from '../../evals/lib/metrics.js';
import { scoreCase } from '../../evals/lib/score.js';
import { evalCase, fixedOutcomes, handoff, outcome, run } from './fixtures.js';

const meta: ReportMeta = {
  startedAt: '2026-11-24T08:00:00.000Z',
  durationMs: 1,
  datasets: [{ path: 'x.jsonl', sha256: 'abc' }],
  concurrency: 1,
  provider: 'offline',
  repeat: 1,
};

// Every expected number below was worked out by hand from the comments in fixtures.ts.

/** A trigger expected once that fired once, where it was expected. */
const recalledOnce = {
  expected: 1,
  recalled: 1,
  recall: 1,
  fired: 1,
  firedOnNoEscalation: 0,
  firedOnOtherReason: 0,
  firedUnlabelled: 0,
  precision: 1,
};

describe('scoring the fixed nine-case set', () => {
  const report = buildReport(
    fixedOutcomes().map((item) => run(item)),
    meta,
  );

  it('counts passes and names the failing checks', () => {
    expect(report.cases).toBe(9);
    expect(report.passed).toBe(2);
    expect(report.failed).toBe(7);
    expect(report.passRate).toBeCloseTo(2 / 9);
    expect(report.errors).toBe(1);
    const why = Object.fromEntries(report.failures.map((item) => [item.id, item.why]));
    expect(Object.keys(why)).toEqual([
      'b-wrong-queue',
      'c-missed',
      'd-false',
      'f-faq-bad',
      'g-late-silent',
      'h-crash',
      'i-missed',
    ]);
    expect(why['b-wrong-queue']).toBe('queue: expected queue billing, got general');
    expect(why['c-missed']).toMatch(
      /^escalate: expected a handoff, none happened; reason: .*; queue: .*; priority: /,
    );
    expect(why['d-false']).toContain(
      'expected no handoff, got handoff at turn 1 (complex_query → technical/normal)',
    );
    expect(why['f-faq-bad']).toBe(
      'knowledge: expected a reply grounded in "returns", got [shipping]; replyExcludes: a reply contains "A1001"',
    );
    expect(why['g-late-silent']).toBe(
      'replies: no bot reply to turn 2; atTurn: expected handoff at turn 1, got handoff at turn 2 (human_requested → vip/urgent); ' +
        'priority: expected priority high, got urgent; afterHours: after hours, but the customer got no reply at turn 2',
    );
    expect(why['h-crash']).toBe('run: run failed: boom');
  });

  it('computes the escalation confusion and rates, leaving the errored run out', () => {
    // h-crash measured nothing: it is not a true negative, though it still fails its case.
    expect(report.escalation).toMatchObject({ tp: 3, fp: 1, fn: 2, tn: 2 });
    expect(report.escalation.precision).toBeCloseTo(0.75);
    expect(report.escalation.recall).toBeCloseTo(0.6);
    expect(report.escalation.f1).toBeCloseTo(2 / 3);
    expect(report.escalation.accuracy).toBeCloseTo(5 / 8);
    expect(report.missedEscalationRate).toBeCloseTo(0.4);
    expect(report.falseEscalationRate).toBeCloseTo(1 / 3);
  });

  it('leaves errored runs out of conditional and unconditional accuracies', () => {
    const crashed = (id: string) =>
      run(
        outcome(
          evalCase({
            id,
            expect: { escalate: true, queue: 'orders', knowledge: 'shipping', replyExcludes: ['x'] },
          }),
          [{}],
          { handoff: handoff(1, ['frustration'], 'orders', 'high'), error: 'webhook answered 500' },
        ),
      );
    const errored = buildReport([crashed('e1'), crashed('e2')], meta);
    expect(errored).toMatchObject({ errors: 2, passed: 0, failed: 2 });
    expect(errored.escalation).toMatchObject({ tp: 0, fp: 0, fn: 0, tn: 0, accuracy: null });
    expect(errored.counts.queue).toEqual({ correct: 0, total: 0 });
    expect(errored.counts.knowledge).toEqual({ correct: 0, total: 0 });
    expect(errored.counts.replyExcludes).toEqual({ correct: 0, total: 0 });
    expect(errored.confusion.queue.counts).toEqual({});
    expect(errored.byReason.frustration).toMatchObject({ expected: 0, fired: 0 });
  });

  it('judges routing only where the bot escalated as it should', () => {
    expect(report.counts.atTurn).toEqual({ correct: 2, total: 3 });
    expect(report.counts.queue).toEqual({ correct: 2, total: 3 });
    expect(report.counts.priority).toEqual({ correct: 2, total: 3 });
    expect(report.counts.afterHours).toEqual({ correct: 0, total: 1 });
    expect(report.counts.knowledge).toEqual({ correct: 1, total: 2 });
    expect(report.counts.replyContains).toEqual({ correct: 1, total: 1 });
    expect(report.counts.replyExcludes).toEqual({ correct: 0, total: 1 });
    expect(report.queueAccuracy).toBeCloseTo(2 / 3);
    expect(report.afterHoursAccuracy).toBe(0);
    expect(report.knowledgeAccuracy).toBe(0.5);
    expect(report.replyExcludesRate).toBe(0);
  });

  it('builds queue and priority confusion matrices with a "none" row and column', () => {
    expect(report.confusion.queue.labels).toEqual([
      'general',
      'orders',
      'billing',
      'technical',
      'vip',
      'none',
    ]);
    expect(report.confusion.queue.counts).toEqual({
      orders: { orders: 1 },
      billing: { general: 1 },
      general: { none: 1 },
      none: { technical: 1, none: 2 },
      vip: { vip: 1 },
    });
    expect(report.confusion.priority.counts).toEqual({
      high: { high: 2, urgent: 1 },
      normal: { none: 1 },
      none: { normal: 1, none: 2 },
    });
  });

  it('recalls reasons per trigger', () => {
    expect(report.byReason).toMatchObject({
      human_requested: { expected: 1, recalled: 0, recall: 0, fired: 1 },
      failed_attempts: { expected: 1, recalled: 0, recall: 0, fired: 0 },
      frustration: { expected: 1, recalled: 1, recall: 1, fired: 1 },
      sensitive_topic: { expected: 1, recalled: 1, recall: 1, fired: 1 },
      complex_query: { expected: 0, recalled: 0, recall: null, fired: 1 },
    });
  });

  it('says per trigger where it fired, and its precision over labelled fires', () => {
    // complex_query fired on d-false (escalate: false); human_requested on g-late-silent, which
    // expects an escalation but labels no reason: it says nothing about precision either way.
    expect(report.byReason).toEqual({
      human_requested: {
        expected: 1,
        recalled: 0,
        recall: 0,
        fired: 1,
        firedOnNoEscalation: 0,
        firedOnOtherReason: 0,
        firedUnlabelled: 1,
        precision: null,
      },
      failed_attempts: {
        expected: 1,
        recalled: 0,
        recall: 0,
        fired: 0,
        firedOnNoEscalation: 0,
        firedOnOtherReason: 0,
        firedUnlabelled: 0,
        precision: null,
      },
      frustration: recalledOnce,
      sensitive_topic: recalledOnce,
      complex_query: {
        expected: 0,
        recalled: 0,
        recall: null,
        fired: 1,
        firedOnNoEscalation: 1,
        firedOnOtherReason: 0,
        firedUnlabelled: 0,
        precision: 0,
      },
    });
  });

  it('counts a trigger firing beside or instead of the labelled reason against its precision', () => {
    const human = (id: string, reasons: string[], error?: string) =>
      run(
        outcome(evalCase({ id, expect: { escalate: true, reason: 'human_requested' } }), [{}], {
          handoff: handoff(1, reasons, 'general', 'normal'),
          ...(error ? { error } : {}),
        }),
      );
    const quiet = run(
      outcome(evalCase({ id: 'quiet', expect: { escalate: false } }), [{}], {
        handoff: handoff(1, ['frustration'], 'general', 'high'),
      }),
    );
    const byReason = buildReport(
      [
        human('both', ['human_requested', 'frustration']),
        human('instead', ['frustration']),
        human('right', ['frustration', 'human_requested']),
        human('crashed', ['frustration'], 'boom'),
        run(
          outcome(evalCase({ id: 'own', expect: { reason: 'frustration' } }), [{}], {
            handoff: handoff(1, ['frustration'], 'general', 'high'),
          }),
        ),
        quiet,
      ],
      meta,
    ).byReason;
    // The crashed run measured nothing; "own" labels the reason without `escalate` and still counts.
    expect(byReason.frustration).toEqual({
      expected: 1,
      recalled: 1,
      recall: 1,
      fired: 5,
      firedOnNoEscalation: 1,
      firedOnOtherReason: 3,
      firedUnlabelled: 0,
      precision: 1 / 5,
    });
    expect(byReason.human_requested).toMatchObject({ expected: 3, recalled: 2, fired: 2, precision: 1 });
  });

  it('breaks down by language and by tag', () => {
    const en = report.byLanguage.en;
    expect(en).toMatchObject({
      cases: 6,
      passed: 2,
      escalation: { tp: 3, fp: 0, fn: 1, tn: 1, precision: 1, recall: 0.75 },
    });
    expect(en?.escalation.f1).toBeCloseTo(6 / 7);
    expect(en?.escalation.accuracy).toBeCloseTo(4 / 5);
    expect(report.byLanguage.ar).toMatchObject({
      cases: 3,
      passed: 0,
      escalation: { tp: 0, fp: 1, fn: 1, tn: 1, precision: 0, recall: 0, f1: 0 },
    });
    expect(Object.keys(report.byTag)).toEqual(['faq', 't1', 't2']);
    expect(report.byTag.t1).toMatchObject({ cases: 3, passed: 1, queueAccuracy: 0.5, escalation: { f1: 1 } });
    expect(report.byTag.t2).toMatchObject({
      falseEscalationRate: 1,
      escalation: { tp: 0, fp: 1, fn: 2, tn: 0, accuracy: 0 },
    });
    expect(report.byTag.faq).toMatchObject({
      knowledgeAccuracy: 0.5,
      escalation: { precision: null, recall: null, f1: null, accuracy: 1 },
    });
  });

  it('totals LLM usage and takes nearest-rank latency percentiles over turns', () => {
    expect(report.llm).toMatchObject({ calls: 6, promptTokens: 450, completionTokens: 60 });
    expect(report.llm.costUsd).toBeCloseTo(0.009);
    expect(report.llm.perConversation.calls).toBeCloseTo(6 / 9);
    expect(report.llm.perConversation.promptTokens).toBe(50);
    expect(report.llm.perConversation.costUsd).toBeCloseTo(0.001);
    expect(report.llm).toMatchObject({ fallbacks: 0, turns: 13, fallbackRate: 0, unpricedModels: [] });
    // 13 turns: 50 60 70 100 200 300 [400] 500 600 700 800 900 [1000]
    expect(report.latencyMs).toEqual({ p50: 400, p95: 1000, turns: 13 });
  });
});

describe('LLM faults, fallbacks and cost', () => {
  it('sums fallbacks and faults by kind, rates fallbacks per customer turn, and keeps an unpriced cost unknown', () => {
    const a = outcome(evalCase({ id: 'a', expect: {} }, 2), [{}, {}], {
      llm: {
        calls: 4,
        faults: 3,
        faultsByKind: { server_error: 2, timeout: 1 },
        fallbacks: 1,
        costUsd: 0.01,
      },
    });
    const b = outcome(evalCase({ id: 'b', expect: {} }, 2), [{}, {}], {
      llm: {
        calls: 2,
        faults: 2,
        faultsByKind: { server_error: 2 },
        fallbacks: 2,
        unpricedModels: ['llama3.1'],
      },
    });
    const report = buildReport([run(a), run(b)], meta);
    expect(report.llm).toMatchObject({
      calls: 6,
      faults: 5,
      faultsByKind: { server_error: 4, timeout: 1 },
      fallbacks: 3,
      turns: 4,
      fallbackRate: 0.75,
      costUsd: null,
      unpricedModels: ['llama3.1'],
      perConversation: { costUsd: null },
    });
    expect(buildReport([run(a)], meta).llm).toMatchObject({ costUsd: 0.01, fallbackRate: 0.5 });
  });
});

describe('scoreCase details', () => {
  it('passes afterHours when the packet says so and the handoff turn got a reply', () => {
    const score = scoreCase(
      outcome(
        evalCase({ id: 'x', expect: { afterHours: true } }),
        [{ replies: ['An agent will answer on Sunday at 9:00'] }],
        {
          handoff: handoff(1, ['human_requested'], 'general', 'normal', true),
        },
      ),
    );
    expect(score.passed).toBe(true);
  });

  it('does not require replies after the handoff', () => {
    const score = scoreCase(
      outcome(evalCase({ id: 'x', expect: { escalate: true } }, 3), [{}, {}, { replies: [] }], {
        handoff: handoff(2, ['frustration'], 'general', 'high'),
      }),
    );
    expect(score.checks.find((item) => item.name === 'replies')?.passed).toBe(true);
  });

  it('checks only what the case expects, plus run and replies', () => {
    const score = scoreCase(outcome(evalCase({ id: 'x', expect: {} }), [{}]));
    expect(score.checks.map((item) => item.name)).toEqual(['run', 'replies']);
  });
});

describe('pass^k with --repeat', () => {
  it('passes a case only when every run passed', () => {
    const stable = evalCase({ id: 'stable', lang: 'en', expect: { escalate: false } });
    const flaky = evalCase({ id: 'flaky', lang: 'en', expect: { escalate: false } });
    const tripped = outcome(flaky, [{}], { handoff: handoff(1, ['frustration'], 'general', 'high') });
    const runs = [1, 2, 3].flatMap((n) => [
      run(outcome(stable, [{}]), n),
      run(n === 2 ? tripped : outcome(flaky, [{}]), n),
    ]);
    const report = buildReport(runs, { ...meta, repeat: 3 });
    expect(report.cases).toBe(2);
    expect(report.runs).toBe(6);
    expect(report.passed).toBe(5);
    expect(report.passHatK).toEqual({ k: 3, cases: 2, passed: 1, rate: 0.5 });
    expect(report.results.find((item) => item.id === 'flaky')).toMatchObject({
      runs: 3,
      passes: 2,
      passed: false,
    });
    expect(report.failures).toEqual([
      expect.objectContaining({ id: 'flaky', why: expect.stringMatching(/^run 2\/3: escalate: /), run: 2 }),
    ]);
    // The details come from the failing run: its handoff and its turns.
    expect(report.failures[0]).toMatchObject({
      expected: { escalate: false },
      handoff: { atTurn: 1, reasons: ['frustration'], queue: 'general', priority: 'high' },
      turns: [{ index: 1, input: 'message 1', replies: ['ok'], knowledgeDocs: [] }],
    });
  });
});
