import { type EvalCase, priorityNames, queueNames, reasonCodes } from './case-schema.js';
import type { RunResult } from './metrics.js';
import type { HandoffOutcome } from './outcome.js';
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
  /** Of `fired`, runs whose case is labelled `escalate: false`: the trigger made a false escalation. */
  firedOnNoEscalation: number;
  /**
   * Of `fired`, runs whose case is labelled with another `reason` (whether or not that reason fired
   * too): the trigger claimed a conversation that belongs to another one.
   */
  firedOnOtherReason: number;
  /**
   * Of `fired`, runs whose case has neither a `reason` label nor `escalate: false` (say an escalation
   * labelled with a queue only): nothing says whether the trigger was right, so precision leaves them out.
   */
  firedUnlabelled: number;
  /**
   * recalled / (recalled + firedOnNoEscalation + firedOnOtherReason): of the runs where it fired on
   * a case that says which reason is right (or that none is), the share labelled with this reason.
   * `null` when it never fired on such a case.
   */
  precision: number | null;
}

/** One customer turn as it was played: what the customer sent and what the bot answered. */
export interface TranscriptTurn {
  index: number;
  input: string;
  replies: string[];
  knowledgeDocs: string[];
  latencyMs: number;
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
  /** The run the details below come from: the first failing one, else run 1. */
  run: number;
  /** The case's `expect`, as labelled. */
  expected: EvalCase['expect'];
  /** The first handoff of that run; `null` when none happened. */
  handoff: HandoffOutcome | null;
  error?: string;
  turns: TranscriptTurn[];
}

/** A failing case in `report.json` `failures`: why, and everything needed to see what happened. */
export interface CaseFailure {
  id: string;
  why: string;
  run: number;
  expected: EvalCase['expect'];
  handoff: HandoffOutcome | null;
  error?: string;
  turns: TranscriptTurn[];
}

/**
 * Per trigger: recall over the runs labelled with the reason, and where it fired — on its own label,
 * on an `escalate: false` case, on another reason's case, or on a case that labels no reason.
 */
export function byReason(results: readonly RunResult[]): Record<string, ReasonMetrics> {
  const codes = new Set<string>(reasonCodes);
  for (const result of results) for (const code of result.outcome.handoff?.reasons ?? []) codes.add(code);
  return Object.fromEntries(
    [...codes].map((code): [string, ReasonMetrics] => {
      const expecting = results.filter((result) => result.outcome.case.expect.reason === code);
      const recalled = expecting.filter((result) => result.outcome.handoff?.reasons.includes(code)).length;
      const firing = results.filter((result) => result.outcome.handoff?.reasons.includes(code));
      let firedOnNoEscalation = 0;
      let firedOnOtherReason = 0;
      let firedUnlabelled = 0;
      for (const { outcome } of firing) {
        const { reason, escalate } = outcome.case.expect;
        if (escalate === false) firedOnNoEscalation += 1;
        else if (reason === undefined) firedUnlabelled += 1;
        else if (reason !== code) firedOnOtherReason += 1;
      }
      return [
        code,
        {
          expected: expecting.length,
          recalled,
          recall: ratio(recalled, expecting.length),
          fired: firing.length,
          firedOnNoEscalation,
          firedOnOtherReason,
          firedUnlabelled,
          precision: ratio(recalled, recalled + firedOnNoEscalation + firedOnOtherReason),
        },
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
    const shown = failing ?? runs[0];
    return {
      id: key,
      lang: first?.lang ?? 'unknown',
      tags: first?.tags ?? [],
      runs: runs.length,
      passes,
      passed: passes === runs.length,
      ...(why === undefined ? {} : { why }),
      run: shown?.run ?? 1,
      expected: first?.expect ?? {},
      handoff: shown?.outcome.handoff ?? null,
      ...(shown?.outcome.error === undefined ? {} : { error: shown.outcome.error }),
      turns: (shown?.outcome.turns ?? []).map((turn) => ({
        index: turn.index,
        input: turn.input,
        replies: turn.replies,
        knowledgeDocs: turn.knowledgeDocs,
        latencyMs: turn.latencyMs,
      })),
    };
  });
}
