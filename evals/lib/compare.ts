import { z } from 'zod';
import { formatMetric, type GateableReport, metrics } from './gates.js';

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
  meta: z
    .object({
      concurrency: z.number().optional(),
      datasets: z.array(z.object({ path: z.string(), sha256: z.string() })).optional(),
      filter: z.array(z.string()).optional(),
      lang: z.array(z.string()).optional(),
    })
    .optional(),
  latencyMs: z.object({ p50: nullableNumber, p95: nullableNumber }).optional(),
  byReason: z.record(z.string(), z.object({ recall: nullableNumber, precision: nullableNumber })).optional(),
  results: z.array(
    z.object({ id: z.string(), passed: z.boolean(), why: z.string().optional(), expected: z.unknown() }),
  ),
});
/** A report.json as read back: an older run's, or either side of `--compare`. A `Report` is one too. */
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
  /** The headline metrics (the gate names), then `byReason.<code>.recall` and `.precision`. */
  metrics: MetricDelta[];
  /** Passed in the baseline, fail now: the regressions a prompt change must explain. */
  nowFailing: { id: string; why: string }[];
  nowPassing: string[];
  added: string[];
  removed: string[];
  /** Metrics left out of the comparison on purpose, and why. */
  notes: string[];
  /**
   * Why the two reports may not measure the same thing: other dataset bytes, another `--filter` or
   * `--lang`, cases whose labels changed. The diff is still made; read it with these in mind.
   */
  warnings: string[];
}

/** How the two sides are named in notes and warnings. */
export interface DiffNames {
  before: string;
  after: string;
}

const RUN_NAMES: DiffNames = { before: 'the baseline', after: 'this run' };

/** Longer lists are cut in the text and the warnings; report.json keeps them whole. */
const LIST_LIMIT = 30;

/** Floating-point noise from summing costs and rates is not a change. */
const EPSILON = 1e-9;

/** Latency is measured with several cases in flight; a different number in flight is a different load. */
function latencyNote(baseline: Baseline, current: Baseline, names: DiffNames): string | undefined {
  const before = baseline.meta?.concurrency;
  const after = current.meta?.concurrency;
  if (before === after) return undefined;
  if (before === undefined || after === undefined) {
    const [missing, other, count] =
      before === undefined ? [names.before, names.after, after] : [names.after, names.before, before];
    return `latency not compared: ${missing} does not record its concurrency (${other}: ${count} cases in flight)`;
  }
  return `latency not compared: ${names.before} ran ${before} cases in flight, ${names.after} ${after}, and latency grows with load`;
}

function delta(
  metric: string,
  better: 'higher' | 'lower',
  before: number | null,
  after: number | null,
): MetricDelta {
  if (before === null || after === null) return { metric, before, after, delta: null, change: 'n/a' };
  const difference = after - before;
  const improved = better === 'higher' ? difference > 0 : difference < 0;
  const change = Math.abs(difference) < EPSILON ? 'same' : improved ? 'better' : 'worse';
  return { metric, before, after, delta: difference, change };
}

/** Recall and precision of every trigger either report has; an older report without them gives n/a. */
function reasonDeltas(baseline: Baseline, current: Baseline): MetricDelta[] {
  const codes = [
    ...new Set([...Object.keys(current.byReason ?? {}), ...Object.keys(baseline.byReason ?? {})]),
  ];
  return codes.flatMap((code) =>
    (['recall', 'precision'] as const).map((field) =>
      delta(
        `byReason.${code}.${field}`,
        'higher',
        baseline.byReason?.[code]?.[field] ?? null,
        current.byReason?.[code]?.[field] ?? null,
      ),
    ),
  );
}

function describeDatasets(datasets: { path: string; sha256: string }[]): string {
  return datasets.map((file) => `${file.path} (sha256 ${file.sha256.slice(0, 12)}…)`).join(', ');
}

function describeSelection(meta: Baseline['meta']): string {
  const parts = [
    ...(meta?.filter?.length ? [`--filter ${meta.filter.join(', ')}`] : []),
    ...(meta?.lang?.length ? [`--lang ${meta.lang.join(',')}`] : []),
  ];
  return parts.length > 0 ? parts.join(' ') : 'every case';
}

/** Key order in JSON does not make two labels different. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}

function comparabilityWarnings(baseline: Baseline, current: Baseline, names: DiffNames): string[] {
  const warnings: string[] = [];
  const [beforeSets, afterSets] = [baseline.meta?.datasets, current.meta?.datasets];
  if (beforeSets === undefined || afterSets === undefined) {
    warnings.push(
      `cannot tell whether the datasets are the same: ${beforeSets === undefined ? names.before : names.after} does not record them`,
    );
  } else {
    const hashes = (sets: { sha256: string }[]) => canonical(sets.map((file) => file.sha256).sort());
    if (hashes(beforeSets) !== hashes(afterSets))
      warnings.push(
        `the datasets differ (by sha256): ${names.before} played ${describeDatasets(beforeSets)}; ${names.after} ${describeDatasets(afterSets)}`,
      );
  }
  const [beforeSelection, afterSelection] = [
    describeSelection(baseline.meta),
    describeSelection(current.meta),
  ];
  if (beforeSelection !== afterSelection)
    warnings.push(
      `the cases were selected differently: ${names.before} ${beforeSelection}, ${names.after} ${afterSelection}`,
    );
  const labels = new Map(baseline.results.map((result) => [result.id, result.expected]));
  const relabelled = current.results
    .filter(
      (result) =>
        labels.get(result.id) !== undefined &&
        result.expected !== undefined &&
        canonical(labels.get(result.id)) !== canonical(result.expected),
    )
    .map((result) => result.id);
  if (relabelled.length > 0) {
    const shown = relabelled.slice(0, LIST_LIMIT).join(', ');
    const more = relabelled.length > LIST_LIMIT ? ` … and ${relabelled.length - LIST_LIMIT} more` : '';
    warnings.push(
      `${relabelled.length} case(s) have other labels (expect) in ${names.after}, so their flips may be label changes: ${shown}${more}`,
    );
  }
  return warnings;
}

export function compareReports(
  baseline: Baseline,
  current: Baseline,
  names: DiffNames = RUN_NAMES,
): BaselineDiff {
  const skipLatency = latencyNote(baseline, current, names);
  const deltas: MetricDelta[] = Object.entries(metrics).map(([metric, definition]) => {
    const before = definition.get(baseline);
    const after = definition.get(current);
    if (skipLatency && definition.unit === 'ms')
      return { metric, before, after, delta: null, change: 'n/a', note: skipLatency };
    return delta(metric, definition.better, before, after);
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
    metrics: [...deltas, ...reasonDeltas(baseline, current)],
    nowFailing,
    nowPassing,
    added: [...after.keys()].filter((id) => !before.has(id)),
    removed: [...before.keys()].filter((id) => !after.has(id)),
    notes: skipLatency ? [skipLatency] : [],
    warnings: comparabilityWarnings(baseline, current, names),
  };
}

function signed(metric: string, delta: number): string {
  const text = formatMetric(metric, Math.abs(delta));
  return `${delta < 0 ? '−' : '+'}${text}`;
}

function list(title: string, items: string[]): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, LIST_LIMIT).map((item) => `  ${item}`);
  const more =
    items.length > LIST_LIMIT ? [`  … and ${items.length - LIST_LIMIT} more (see report.json)`] : [];
  return [`${title} (${items.length}):`, ...shown, ...more];
}

/** The diff as plain text for the terminal and CI logs; unchanged metrics are left out. */
export function formatDiff(diff: BaselineDiff, title = 'Compared with the baseline:'): string {
  const changed = diff.metrics.filter((item) => item.change === 'better' || item.change === 'worse');
  const lines = [title, ...diff.warnings.map((warning) => `  ⚠ ${warning}`)];
  if (changed.length === 0) lines.push('  no metric changed');
  const width = Math.max(22, ...changed.map((item) => item.metric.length));
  for (const item of changed) {
    const arrow = item.change === 'better' ? '▲ better' : '▼ worse ';
    lines.push(
      `  ${arrow}  ${item.metric.padEnd(width)} ${formatMetric(item.metric, item.before).padStart(10)} → ${formatMetric(item.metric, item.after).padStart(10)}  (${signed(item.metric, item.delta ?? 0)})`,
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
