import { byReason, type CaseResult, caseResults, type ReasonMetrics, routingMatrix } from './breakdowns.js';
import type { CaseOutcome } from './outcome.js';
import type { CaseScore } from './score.js';
import { type ConfusionMatrix, type Count, f1Score, percentile, ratio } from './stats.js';

export type { CaseResult, ReasonMetrics };

/** One play of one case. With `--repeat K` a case has K of these, `run` 1..K. */
export interface RunResult {
  /** The case id, or `file:id` when two datasets share an id (ids are only unique per file). */
  key: string;
  run: number;
  outcome: CaseOutcome;
  score: CaseScore;
}

export interface EscalationCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  accuracy: number | null;
}

/** The main metrics, computed the same way for the whole run, each language and each tag. */
export interface GroupMetrics {
  /** Distinct cases; `runs` = cases × K. Every count and rate below counts runs. */
  cases: number;
  runs: number;
  passed: number;
  failed: number;
  passRate: number | null;
  /** Runs that crashed (they fail, and count as "no handoff" below: that is what the customer got). */
  errors: number;
  escalation: EscalationCounts;
  /** fn / (tp + fn): escalations the bot should have made and did not. */
  missedEscalationRate: number | null;
  /** fp / (fp + tn): handoffs where none was wanted. */
  falseEscalationRate: number | null;
  atTurnAccuracy: number | null;
  queueAccuracy: number | null;
  priorityAccuracy: number | null;
  afterHoursAccuracy: number | null;
  knowledgeAccuracy: number | null;
  replyContainsRate: number | null;
  replyExcludesRate: number | null;
  counts: Record<
    'atTurn' | 'queue' | 'priority' | 'afterHours' | 'knowledge' | 'replyContains' | 'replyExcludes',
    Count
  >;
}

export interface Report extends GroupMetrics {
  meta: ReportMeta;
  byLanguage: Record<string, GroupMetrics>;
  byTag: Record<string, GroupMetrics>;
  byReason: Record<string, ReasonMetrics>;
  confusion: { queue: ConfusionMatrix; priority: ConfusionMatrix };
  llm: {
    calls: number;
    promptTokens: number;
    completionTokens: number;
    costUsd: number;
    faults: number;
    perConversation: {
      calls: number | null;
      promptTokens: number | null;
      completionTokens: number | null;
      costUsd: number | null;
    };
  };
  latencyMs: { p50: number | null; p95: number | null; turns: number };
  /** pass^k: the share of cases that passed all K runs. Equal to passRate when K = 1. */
  passHatK: { k: number; cases: number; passed: number; rate: number | null };
  failures: { id: string; why: string }[];
  results: CaseResult[];
}

export interface ReportMeta {
  startedAt: string;
  durationMs: number;
  datasets: string[];
  provider: string;
  model?: string;
  prompts?: string;
  filter?: string[];
  repeat: number;
}

/**
 * Only an explicit `escalate` label enters the escalation confusion: inferring one from `queue` or
 * `reason` would quietly relabel datasets written by others.
 */
function expectsEscalation(outcome: CaseOutcome): boolean | undefined {
  return outcome.case.expect.escalate;
}

function passedCheck(result: RunResult, name: string): boolean {
  return result.score.checks.find((item) => item.name === name)?.passed ?? false;
}

/**
 * Queue, priority, atTurn and afterHours are judged only where the bot did escalate and was meant
 * to: a missed escalation is already counted once as a miss and should not drag routing down too.
 */
function conditional(
  results: readonly RunResult[],
  name: 'atTurn' | 'queue' | 'priority' | 'afterHours',
): Count {
  const eligible = results.filter(
    (result) =>
      result.outcome.case.expect[name] !== undefined &&
      expectsEscalation(result.outcome) !== false &&
      result.outcome.handoff !== undefined,
  );
  return { correct: eligible.filter((result) => passedCheck(result, name)).length, total: eligible.length };
}

function unconditional(
  results: readonly RunResult[],
  name: 'knowledge' | 'replyContains' | 'replyExcludes',
): Count {
  const eligible = results.filter((result) => result.outcome.case.expect[name] !== undefined);
  return { correct: eligible.filter((result) => passedCheck(result, name)).length, total: eligible.length };
}

export function escalationCounts(results: readonly RunResult[]): EscalationCounts {
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const result of results) {
    const expected = expectsEscalation(result.outcome);
    if (expected === undefined) continue;
    const actual = result.outcome.handoff !== undefined;
    if (expected && actual) counts.tp += 1;
    else if (expected) counts.fn += 1;
    else if (actual) counts.fp += 1;
    else counts.tn += 1;
  }
  const precision = ratio(counts.tp, counts.tp + counts.fp);
  const recall = ratio(counts.tp, counts.tp + counts.fn);
  const labelled = counts.tp + counts.fp + counts.fn + counts.tn;
  return {
    ...counts,
    precision,
    recall,
    f1: f1Score(precision, recall),
    accuracy: ratio(counts.tp + counts.tn, labelled),
  };
}

export function groupMetrics(results: readonly RunResult[]): GroupMetrics {
  const escalation = escalationCounts(results);
  const passed = results.filter((result) => result.score.passed).length;
  const counts = {
    atTurn: conditional(results, 'atTurn'),
    queue: conditional(results, 'queue'),
    priority: conditional(results, 'priority'),
    afterHours: conditional(results, 'afterHours'),
    knowledge: unconditional(results, 'knowledge'),
    replyContains: unconditional(results, 'replyContains'),
    replyExcludes: unconditional(results, 'replyExcludes'),
  };
  const rate = (count: Count) => ratio(count.correct, count.total);
  return {
    cases: new Set(results.map((result) => result.key)).size,
    runs: results.length,
    passed,
    failed: results.length - passed,
    passRate: ratio(passed, results.length),
    errors: results.filter((result) => result.outcome.error !== undefined).length,
    escalation,
    missedEscalationRate: ratio(escalation.fn, escalation.tp + escalation.fn),
    falseEscalationRate: ratio(escalation.fp, escalation.fp + escalation.tn),
    atTurnAccuracy: rate(counts.atTurn),
    queueAccuracy: rate(counts.queue),
    priorityAccuracy: rate(counts.priority),
    afterHoursAccuracy: rate(counts.afterHours),
    knowledgeAccuracy: rate(counts.knowledge),
    replyContainsRate: rate(counts.replyContains),
    replyExcludesRate: rate(counts.replyExcludes),
    counts,
  };
}

function groupBy(
  results: readonly RunResult[],
  keysOf: (result: RunResult) => string[],
): Record<string, GroupMetrics> {
  const groups = new Map<string, RunResult[]>();
  for (const result of results) {
    for (const key of keysOf(result)) groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  const sorted = [...groups.keys()].sort();
  return Object.fromEntries(sorted.map((key) => [key, groupMetrics(groups.get(key) ?? [])]));
}

export function languageOf(outcome: CaseOutcome): string {
  return outcome.case.lang ?? 'unknown';
}

/** Aggregates every run into the report that `report.json`, the table and the HTML page show. */
export function buildReport(results: readonly RunResult[], meta: ReportMeta): Report {
  const runs = results.length;
  const llmTotals = { calls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, faults: 0 };
  for (const { outcome } of results) {
    llmTotals.calls += outcome.llm.calls;
    llmTotals.promptTokens += outcome.llm.promptTokens;
    llmTotals.completionTokens += outcome.llm.completionTokens;
    llmTotals.costUsd += outcome.llm.costUsd;
    llmTotals.faults += outcome.llm.faults;
  }
  const latencies = results.flatMap((result) => result.outcome.turns.map((turn) => turn.latencyMs));
  const cases = caseResults(results);
  const passedAll = cases.filter((item) => item.passed).length;
  return {
    meta,
    ...groupMetrics(results),
    byLanguage: groupBy(results, (result) => [languageOf(result.outcome)]),
    byTag: groupBy(results, (result) => [...new Set(result.outcome.case.tags ?? [])]),
    byReason: byReason(results),
    confusion: { queue: routingMatrix(results, 'queue'), priority: routingMatrix(results, 'priority') },
    llm: {
      ...llmTotals,
      perConversation: {
        calls: ratio(llmTotals.calls, runs),
        promptTokens: ratio(llmTotals.promptTokens, runs),
        completionTokens: ratio(llmTotals.completionTokens, runs),
        costUsd: ratio(llmTotals.costUsd, runs),
      },
    },
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), turns: latencies.length },
    passHatK: {
      k: meta.repeat,
      cases: cases.length,
      passed: passedAll,
      rate: ratio(passedAll, cases.length),
    },
    failures: cases.filter((item) => !item.passed).map((item) => ({ id: item.id, why: item.why ?? '' })),
    results: cases,
  };
}
