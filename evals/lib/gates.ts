import type { Report } from './metrics.js';

/** The metrics a gate or a baseline diff can name. `better` says which direction is an improvement. */
export interface MetricDefinition {
  better: 'higher' | 'lower';
  /** How to print it: a 0..1 rate, USD or milliseconds. */
  unit: 'rate' | 'usd' | 'ms';
  get(report: GateableReport): number | null;
}

/**
 * The part of a report the metrics read. A baseline is an older report.json, so everything beyond
 * the headline numbers is optional: an old file still compares on what it has.
 */
export interface GateableReport {
  passRate?: number | null;
  escalation?: {
    precision?: number | null;
    recall?: number | null;
    f1?: number | null;
    accuracy?: number | null;
  };
  missedEscalationRate?: number | null;
  falseEscalationRate?: number | null;
  atTurnAccuracy?: number | null;
  queueAccuracy?: number | null;
  priorityAccuracy?: number | null;
  afterHoursAccuracy?: number | null;
  knowledgeAccuracy?: number | null;
  replyContainsRate?: number | null;
  replyExcludesRate?: number | null;
  passHatK?: { rate?: number | null };
  llm?: { perConversation?: { costUsd?: number | null }; fallbackRate?: number | null };
  latencyMs?: { p50?: number | null; p95?: number | null };
}

const rate = (get: (report: GateableReport) => number | null | undefined): MetricDefinition => ({
  better: 'higher',
  unit: 'rate',
  get: (report) => get(report) ?? null,
});
const lowerRate = (get: (report: GateableReport) => number | null | undefined): MetricDefinition => ({
  better: 'lower',
  unit: 'rate',
  get: (report) => get(report) ?? null,
});

export const metrics: Record<string, MetricDefinition> = {
  passRate: rate((r) => r.passRate),
  passHatK: rate((r) => r.passHatK?.rate),
  precision: rate((r) => r.escalation?.precision),
  recall: rate((r) => r.escalation?.recall),
  f1: rate((r) => r.escalation?.f1),
  accuracy: rate((r) => r.escalation?.accuracy),
  missedEscalationRate: lowerRate((r) => r.missedEscalationRate),
  falseEscalationRate: lowerRate((r) => r.falseEscalationRate),
  atTurnAccuracy: rate((r) => r.atTurnAccuracy),
  queueAccuracy: rate((r) => r.queueAccuracy),
  priorityAccuracy: rate((r) => r.priorityAccuracy),
  afterHoursAccuracy: rate((r) => r.afterHoursAccuracy),
  knowledgeAccuracy: rate((r) => r.knowledgeAccuracy),
  replyContainsRate: rate((r) => r.replyContainsRate),
  replyExcludesRate: rate((r) => r.replyExcludesRate),
  /** Jobs the offline engine answered after the model failed, per customer turn. */
  fallbackRate: lowerRate((r) => r.llm?.fallbackRate),
  costPerConversation: { better: 'lower', unit: 'usd', get: (r) => r.llm?.perConversation?.costUsd ?? null },
  latencyP50: { better: 'lower', unit: 'ms', get: (r) => r.latencyMs?.p50 ?? null },
  latencyP95: { better: 'lower', unit: 'ms', get: (r) => r.latencyMs?.p95 ?? null },
};

export interface Gate {
  metric: string;
  /** `under`: fail when the metric is below the threshold; `over`: fail when above it. */
  kind: 'under' | 'over';
  threshold: number;
  /** Added by the runner, not asked for: `fallbackRate ≤ 0` with `--provider openai`. */
  implicit?: boolean;
}

/**
 * With a model, every turn the offline engine answered instead is a turn the report does not
 * measure the model on: unless the user set their own `fallbackRate` gate, none is allowed.
 */
export function implicitGates(provider: string, gates: readonly Gate[]): Gate[] {
  if (provider !== 'openai' || gates.some((gate) => gate.metric === 'fallbackRate')) return [];
  return [{ metric: 'fallbackRate', kind: 'over', threshold: 0, implicit: true }];
}

/** Parses `f1=0.9`; throws a message for the usage error when the name or the number is wrong. */
export function parseGate(text: string, kind: Gate['kind']): Gate {
  const match = /^([A-Za-z0-9]+)=(.+)$/.exec(text);
  const flag = `--fail-${kind}`;
  if (!match?.[1] || match[2] === undefined)
    throw new Error(`${flag} "${text}": expected metric=value, e.g. f1=0.9`);
  const metric = match[1];
  const definition = metrics[metric];
  if (!definition) {
    throw new Error(
      `${flag} "${text}": unknown metric "${metric}"; known: ${Object.keys(metrics).join(', ')}`,
    );
  }
  const threshold = Number(match[2]);
  if (!Number.isFinite(threshold)) throw new Error(`${flag} "${text}": "${match[2]}" is not a number`);
  if (definition.unit === 'rate' && (threshold < 0 || threshold > 1)) {
    throw new Error(`${flag} "${text}": ${metric} is a rate between 0 and 1`);
  }
  return { metric, kind, threshold };
}

export interface GateResult extends Gate {
  value: number | null;
  passed: boolean;
  /** Why the value is missing, when it is. */
  note?: string;
}

/**
 * A metric that could not be measured (no case labelled for it) fails its gate: a CI check that
 * passes because nothing was measured would hide a dataset or filter mistake.
 */
export function evaluateGates(report: Report, gates: readonly Gate[]): GateResult[] {
  return gates.map((gate) => {
    const unpriced = report.llm.unpricedModels;
    if (gate.metric === 'costPerConversation' && unpriced.length > 0) {
      const note = `cost unknown: no price for ${unpriced.join(', ')} (add it to DEFAULT_PRICES in src/llm/meter.ts)`;
      return { ...gate, value: null, passed: false, note };
    }
    const value = metrics[gate.metric]?.get(report) ?? null;
    const passed =
      value !== null && (gate.kind === 'under' ? value >= gate.threshold : value <= gate.threshold);
    return { ...gate, value, passed };
  });
}

export function describeGate(result: GateResult): string {
  const shown =
    result.value === null ? (result.note ?? 'not measured') : formatMetric(result.metric, result.value);
  const limit = formatMetric(result.metric, result.threshold);
  const rule = result.kind === 'under' ? `must be ≥ ${limit}` : `must be ≤ ${limit}`;
  const implicit = result.implicit ? '; implicit with --provider openai' : '';
  return `${result.passed ? 'ok  ' : 'FAIL'} ${result.metric} = ${shown} (${rule}${implicit})`;
}

export function formatMetric(name: string, value: number | null): string {
  if (value === null) return '—';
  const unit = metrics[name]?.unit ?? 'rate';
  if (unit === 'usd') return `$${value.toFixed(5)}`;
  if (unit === 'ms') return `${value.toFixed(0)} ms`;
  return value.toFixed(3);
}
