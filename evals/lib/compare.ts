import { z } from 'zod';
import { formatMetric, type GateableReport, metrics } from './gates.js';
import type { Report } from './metrics.js';

const nullableNumber = z.number().nullable().optional();

/**
 * What a baseline must hold. Deliberately loose (unknown fields are ignored, most are optional):
 * a baseline is an older report.json, and adding a metric must not make every old report unreadable.
 */
const baselineSchema = z.object({
  passRate: nullableNumber,
  escalation: z
    .object({
      precision: nullableNumber,
      recall: nullableNumber,
      f1: nullableNumber,
      accuracy: nullableNumber,
    })
    .optional(),
  missedEscalationRate: nullableNumber,
  falseEscalationRate: nullableNumber,
  atTurnAccuracy: nullableNumber,
  queueAccuracy: nullableNumber,
  priorityAccuracy: nullableNumber,
  afterHoursAccuracy: nullableNumber,
  knowledgeAccuracy: nullableNumber,
  replyContainsRate: nullableNumber,
  replyExcludesRate: nullableNumber,
  passHatK: z.object({ rate: nullableNumber }).optional(),
  llm: z
    .object({
      perConversation: z.object({ costUsd: nullableNumber }).optional(),
      fallbackRate: nullableNumber,
    })
    .optional(),
  meta: z.object({ concurrency: z.number().optional() }).optional(),
  latencyMs: z.object({ p50: nullableNumber, p95: nullableNumber }).optional(),
  results: z.array(z.object({ id: z.string(), passed: z.boolean() })),
});
export type Baseline = z.infer<typeof baselineSchema> & GateableReport;

export function parseBaseline(text: string, fileName: string): Baseline {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileName}: not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = baselineSchema.safeParse(json);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new Error(
      `${fileName}: not an eval report: ${first?.path.join('.') || '(root)'}: ${first?.message}`,
    );
  }
  return result.data;
}

export interface MetricDelta {
  metric: string;
  before: number | null;
  after: number | null;
  delta: number | null;
  change: 'better' | 'worse' | 'same' | 'n/a';
  /** Why the metric was not compared, when it was not for a reason other than a missing value. */
  note?: string;
}

export interface BaselineDiff {
  metrics: MetricDelta[];
  /** Passed in the baseline, fail now: the regressions a prompt change must explain. */
  nowFailing: { id: string; why: string }[];
  nowPassing: string[];
  added: string[];
  removed: string[];
  /** Metrics left out of the comparison on purpose, and why. */
  notes: string[];
}

/** Floating-point noise from summing costs and rates is not a change. */
const EPSILON = 1e-9;

/** Latency is measured with several cases in flight; a different number in flight is a different load. */
function latencyNote(baseline: Baseline, current: Report): string | undefined {
  const before = baseline.meta?.concurrency;
  const after = current.meta.concurrency;
  if (before === after) return undefined;
  return before === undefined
    ? `latency not compared: the baseline does not record its concurrency (this run: ${after} cases in flight)`
    : `latency not compared: the baseline ran ${before} cases in flight, this run ${after}, and latency grows with load`;
}

export function compareReports(baseline: Baseline, current: Report): BaselineDiff {
  const skipLatency = latencyNote(baseline, current);
  const deltas: MetricDelta[] = Object.entries(metrics).map(([metric, definition]) => {
    const before = definition.get(baseline);
    const after = definition.get(current);
    if (skipLatency && definition.unit === 'ms')
      return { metric, before, after, delta: null, change: 'n/a', note: skipLatency };
    if (before === null || after === null) return { metric, before, after, delta: null, change: 'n/a' };
    const delta = after - before;
    const improved = definition.better === 'higher' ? delta > 0 : delta < 0;
    const change = Math.abs(delta) < EPSILON ? 'same' : improved ? 'better' : 'worse';
    return { metric, before, after, delta, change };
  });
  const before = new Map(baseline.results.map((result) => [result.id, result.passed]));
  const after = new Map(current.results.map((result) => [result.id, result]));
  const nowFailing: BaselineDiff['nowFailing'] = [];
  const nowPassing: string[] = [];
  for (const [id, result] of after) {
    const was = before.get(id);
    if (was === true && !result.passed) nowFailing.push({ id, why: result.why ?? '' });
    if (was === false && result.passed) nowPassing.push(id);
  }
  return {
    metrics: deltas,
    nowFailing,
    nowPassing,
    added: [...after.keys()].filter((id) => !before.has(id)),
    removed: [...before.keys()].filter((id) => !after.has(id)),
    notes: skipLatency ? [skipLatency] : [],
  };
}

function signed(metric: string, delta: number): string {
  const text = formatMetric(metric, Math.abs(delta));
  return `${delta < 0 ? '−' : '+'}${text}`;
}

const LIST_LIMIT = 30;

function list(title: string, items: string[]): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, LIST_LIMIT).map((item) => `  ${item}`);
  const more =
    items.length > LIST_LIMIT ? [`  … and ${items.length - LIST_LIMIT} more (see report.json)`] : [];
  return [`${title} (${items.length}):`, ...shown, ...more];
}

/** The diff as plain text for the terminal and CI logs; unchanged metrics are left out. */
export function formatDiff(diff: BaselineDiff): string {
  const changed = diff.metrics.filter((item) => item.change === 'better' || item.change === 'worse');
  const lines = ['Compared with the baseline:'];
  if (changed.length === 0) lines.push('  no metric changed');
  for (const item of changed) {
    const arrow = item.change === 'better' ? '▲ better' : '▼ worse ';
    lines.push(
      `  ${arrow}  ${item.metric.padEnd(22)} ${formatMetric(item.metric, item.before).padStart(10)} → ${formatMetric(item.metric, item.after).padStart(10)}  (${signed(item.metric, item.delta ?? 0)})`,
    );
  }
  for (const note of diff.notes) lines.push(`  ${note}`);
  lines.push(
    ...list(
      'Pass → fail',
      diff.nowFailing.map((item) => `${item.id}: ${item.why}`),
    ),
  );
  lines.push(...list('Fail → pass', diff.nowPassing));
  lines.push(...list('New cases (not in the baseline)', diff.added));
  lines.push(...list('Cases gone since the baseline', diff.removed));
  return lines.join('\n');
}
