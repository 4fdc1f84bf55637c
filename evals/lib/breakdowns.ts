import { priorityNames, queueNames, reasonCodes } from './case-schema.js';
import type { RunResult } from './metrics.js';
import { type ConfusionMatrix, confusionMatrix, ratio } from './stats.js';

/** The per-trigger and per-case parts of the report, apart from the headline metrics in metrics.ts. */

export interface ReasonMetrics {
  /** Runs whose case expects this reason. */
  expected: number;
  /** Of those, runs whose packet included it. */
  recalled: number;
  recall: number | null;
  /** Runs whose packet included it, expected or not: shows a trigger firing too eagerly. */
  fired: number;
}

export interface CaseResult {
  id: string;
  lang: string;
  tags: string[];
  runs: number;
  passes: number;
  /** Passed every run (pass^k); with one run, simply passed. */
  passed: boolean;
  why?: string;
}

export function byReason(results: readonly RunResult[]): Record<string, ReasonMetrics> {
  const codes = new Set<string>(reasonCodes);
  for (const result of results) for (const code of result.outcome.handoff?.reasons ?? []) codes.add(code);
  return Object.fromEntries(
    [...codes].map((code) => {
      const expecting = results.filter((result) => result.outcome.case.expect.reason === code);
      const recalled = expecting.filter((result) => result.outcome.handoff?.reasons.includes(code)).length;
      const fired = results.filter((result) => result.outcome.handoff?.reasons.includes(code)).length;
      return [
        code,
        { expected: expecting.length, recalled, recall: ratio(recalled, expecting.length), fired },
      ];
    }),
  );
}

/** Rows: the expected label, or `none` for cases labelled `escalate: false`; columns: what happened. */
export function routingMatrix(results: readonly RunResult[], field: 'queue' | 'priority'): ConfusionMatrix {
  const pairs: [string, string][] = [];
  for (const result of results) {
    const { expect } = result.outcome.case;
    const expected = expect[field] ?? (expect.escalate === false ? 'none' : undefined);
    if (expected === undefined) continue;
    pairs.push([expected, result.outcome.handoff?.[field] ?? 'none']);
  }
  return confusionMatrix(field === 'queue' ? queueNames : priorityNames, pairs);
}

function whyFailed(result: RunResult): string {
  return result.score.checks
    .filter((item) => !item.passed)
    .map((item) => `${item.name}: ${item.why ?? 'failed'}`)
    .join('; ');
}

export function caseResults(results: readonly RunResult[]): CaseResult[] {
  const byKey = new Map<string, RunResult[]>();
  for (const result of results) byKey.set(result.key, [...(byKey.get(result.key) ?? []), result]);
  return [...byKey.entries()].map(([key, runs]) => {
    const first = runs[0]?.outcome.case;
    const passes = runs.filter((run) => run.score.passed).length;
    const failing = runs.find((run) => !run.score.passed);
    const why = failing
      ? `${runs.length > 1 ? `run ${failing.run}/${runs.length}: ` : ''}${whyFailed(failing)}`
      : undefined;
    return {
      id: key,
      lang: first?.lang ?? 'unknown',
      tags: first?.tags ?? [],
      runs: runs.length,
      passes,
      passed: passes === runs.length,
      ...(why === undefined ? {} : { why }),
    };
  });
}
