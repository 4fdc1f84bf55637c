import type { FaultKind } from '../../src/llm/meter.js';
import {
  byReason,
  type CaseFailure,
  type CaseResult,
  caseResults,
  type ReasonMetrics,
  routingMatrix,
} from './breakdowns.js';
import type { CaseOutcome } from './outcome.js';
import type { CaseScore } from './score.js';
import { type ConfusionMatrix, type Count, f1Score, percentile, ratio } from './stats.js';

export type { CaseFailure, CaseResult, ReasonMetrics };

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
  /**
   * Runs that ended in an error. They fail their case but measured nothing, so they are left out
   * of every escalation count, matrix and accuracy below (a crash is not a "no handoff").
   */
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
    /** HTTP attempts to the model, retries included. */
    calls: number;
    promptTokens: number;
    completionTokens: number;
    /** `null` when a model has no known price (`unpricedModels`): unknown, not free. */
    costUsd: number | null;
    unpricedModels: string[];
    /** Failed attempts (retries included); one job can fault twice before it falls back. */
    faults: number;
    faultsByKind: Partial<Record<FaultKind, number>>;
    /** Jobs the offline engine answered because the model failed: those figures are not the model's. */
    fallbacks: number;
    /** Customer turns played, the denominator of `fallbackRate`. */
    turns: number;
    /** fallbacks / customer turns; a turn runs up to three jobs, so it can exceed 1. */
    fallbackRate: number | null;
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
  failures: CaseFailure[];
  results: CaseResult[];
}

export interface ReportMeta {
  startedAt: string;
  durationMs: number;
  /** Each file as given on the command line, with the sha256 of its bytes. */
  datasets: { path: string; sha256: string }[];
  provider: string;
  /** The model the calls used (openai only): `--model`, `LLM_MODEL` or the prompt's / app's default. */
  model?: string;
  /** Host of the LLM endpoint (openai only); never a key. */
  llmHost?: string;
  /** `job/version` of every prompt used (openai only). */
  prompts?: string[];
  filter?: string[];
  /** `--lang`: the languages kept; absent when every case was. */
  lang?: string[];
  repeat: number;
  /** Cases played at once: latency depends on it, so runs with different values do not compare it. */
  concurrency: number;
}

/**
 * Only an explicit `escalate` label enters the escalation confusion: inferring one from `queue` or
 * `reason` would quietly relabel datasets written by others.
 */
function expectsEscalation(outcome: CaseOutcome): boolean | undefined {
  return outcome.case.expect.escalate;
}

/** Runs that finished: an errored run observed nothing, so no metric but `passRate` counts it. */
export function measured(results: readonly RunResult[]): RunResult[] {
  return results.filter((result) => result.outcome.error === undefined);
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
  const eligible = measured(results).filter(
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
  const eligible = measured(results).filter((result) => result.outcome.case.expect[name] !== undefined);
  return { correct: eligible.filter((result) => passedCheck(result, name)).length, total: eligible.length };
}

export function escalationCounts(results: readonly RunResult[]): EscalationCounts {
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const result of measured(results)) {
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

function llmTotals(results: readonly RunResult[]): Report['llm'] {
  const runs = results.length;
  const totals = { calls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, faults: 0, fallbacks: 0 };
  const faultsByKind: Partial<Record<FaultKind, number>> = {};
  const unpriced = new Set<string>();
  let turns = 0;
  for (const { outcome } of results) {
    totals.calls += outcome.llm.calls;
    totals.promptTokens += outcome.llm.promptTokens;
    totals.completionTokens += outcome.llm.completionTokens;
    totals.costUsd += outcome.llm.costUsd;
    totals.faults += outcome.llm.faults;
    totals.fallbacks += outcome.llm.fallbacks;
    for (const [kind, count] of Object.entries(outcome.llm.faultsByKind) as [FaultKind, number][])
      faultsByKind[kind] = (faultsByKind[kind] ?? 0) + count;
    for (const model of outcome.llm.unpricedModels) unpriced.add(model);
    turns += outcome.turns.length;
  }
  const costUsd = unpriced.size > 0 ? null : totals.costUsd;
  return {
    ...totals,
    costUsd,
    unpricedModels: [...unpriced].sort(),
    faultsByKind,
    turns,
    fallbackRate: ratio(totals.fallbacks, turns),
    perConversation: {
      calls: ratio(totals.calls, runs),
      promptTokens: ratio(totals.promptTokens, runs),
      completionTokens: ratio(totals.completionTokens, runs),
      costUsd: costUsd === null ? null : ratio(costUsd, runs),
    },
  };
}

/** Aggregates every run into the report that `report.json`, the table and the HTML page show. */
export function buildReport(results: readonly RunResult[], meta: ReportMeta): Report {
  const latencies = results.flatMap((result) => result.outcome.turns.map((turn) => turn.latencyMs));
  const cases = caseResults(results);
  const passedAll = cases.filter((item) => item.passed).length;
  return {
    meta,
    ...groupMetrics(results),
    byLanguage: groupBy(results, (result) => [languageOf(result.outcome)]),
    byTag: groupBy(results, (result) => [...new Set(result.outcome.case.tags ?? [])]),
    byReason: byReason(measured(results)),
    confusion: {
      queue: routingMatrix(measured(results), 'queue'),
      priority: routingMatrix(measured(results), 'priority'),
    },
    llm: llmTotals(results),
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), turns: latencies.length },
    passHatK: {
      k: meta.repeat,
      cases: cases.length,
      passed: passedAll,
      rate: ratio(passedAll, cases.length),
    },
    failures: cases
      .filter((item) => !item.passed)
      .map(({ id, why, ...detail }) => ({
        id,
        why: why ?? '',
        run: detail.run,
        expected: detail.expected,
        handoff: detail.handoff,
        ...(detail.error === undefined ? {} : { error: detail.error }),
        turns: detail.turns,
      })),
    results: cases,
  };
}
