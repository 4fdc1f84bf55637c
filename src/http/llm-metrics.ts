import type { LlmMeter } from '../llm/meter.js';
import type { Metrics } from './metrics.js';

/**
 * The LLM meter's counts in `/metrics`: calls, tokens, fallbacks by job, faults by kind, and the
 * turns answered without a call. Read from the meter at scrape time, so nothing is counted twice.
 * The meter only grows in a running server (only the eval runner resets it, per conversation), so
 * these are Prometheus counters.
 *
 * Wiring (src/wiring.ts, after the meter and the metrics exist): `attachLlmMeter(metrics, meter);`
 */
export function attachLlmMeter(metrics: Metrics, meter: LlmMeter): void {
  metrics.collect('llm', () => llmMetricLines(meter));
}

const label = (value: string) => value.replaceAll('\\', '\\\\').replaceAll('"', '\\"');

export function llmMetricLines(meter: LlmMeter): string[] {
  const snapshot = meter.snapshot();
  const lines: string[] = [];
  const counter = (name: string, help: string, values: [labels: string, value: number][]) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
    for (const [labels, value] of values) lines.push(`${name}${labels ? `{${labels}}` : ''} ${value}`);
  };
  const jobs = Object.entries(snapshot.byJob);
  counter(
    'baton_llm_calls_total',
    'Model calls (failed attempts included), by job.',
    jobs.map(([job, stats]) => [`job="${label(job)}"`, stats.calls]),
  );
  counter(
    'baton_llm_prompt_tokens_total',
    'Prompt tokens the provider reported, by job.',
    jobs.map(([job, stats]) => [`job="${label(job)}"`, stats.promptTokens]),
  );
  counter(
    'baton_llm_completion_tokens_total',
    'Completion tokens the provider reported, by job.',
    jobs.map(([job, stats]) => [`job="${label(job)}"`, stats.completionTokens]),
  );
  counter(
    'baton_llm_fallbacks_total',
    'Jobs answered by the offline engine after the model failed, by job.',
    jobs.map(([job, stats]) => [`job="${label(job)}"`, stats.fallbacks]),
  );
  counter(
    'baton_llm_faults_total',
    'Model faults (timeout, rate_limited, server_error, malformed, schema_violation, unknown_tool…), by kind.',
    Object.entries(snapshot.faultsByKind).map(([kind, n]) => [`kind="${label(kind)}"`, n ?? 0]),
  );
  counter(
    'baton_llm_skipped_total',
    'Turns answered without a model call (deterministic signals, reused drafts).',
    [['', snapshot.skipped]],
  );
  return lines;
}
