import type { GroupMetrics, Report } from './metrics.js';
import { type ConfusionMatrix, type Count, cell, formatRate } from './stats.js';

/** Right-aligns every column but the first, which holds names. Plain text: CI logs keep it intact. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((text, column) =>
        column === 0 ? text.padEnd(widths[column] ?? 0) : text.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

function fraction(count: Count): string {
  return `${count.correct}/${count.total}`;
}

function headline(report: Report): string[][] {
  const e = report.escalation;
  const rows: [string, number | null, string][] = [
    ['Cases passed', report.passRate, `${report.passed}/${report.runs}`],
    ['Escalation precision', e.precision, `${e.tp}/${e.tp + e.fp}`],
    ['Escalation recall', e.recall, `${e.tp}/${e.tp + e.fn}`],
    ['Escalation F1', e.f1, `tp ${e.tp} fp ${e.fp} fn ${e.fn} tn ${e.tn}`],
    ['Escalation accuracy', e.accuracy, `${e.tp + e.tn}/${e.tp + e.tn + e.fp + e.fn}`],
    ['Missed escalations', report.missedEscalationRate, `${e.fn}/${e.tp + e.fn}`],
    ['False escalations', report.falseEscalationRate, `${e.fp}/${e.fp + e.tn}`],
    ['Handoff at the right turn', report.atTurnAccuracy, fraction(report.counts.atTurn)],
    ['Queue (given escalation)', report.queueAccuracy, fraction(report.counts.queue)],
    ['Priority (given escalation)', report.priorityAccuracy, fraction(report.counts.priority)],
    ['After-hours notice', report.afterHoursAccuracy, fraction(report.counts.afterHours)],
    ['Knowledge grounding', report.knowledgeAccuracy, fraction(report.counts.knowledge)],
    ['replyContains', report.replyContainsRate, fraction(report.counts.replyContains)],
    ['replyExcludes', report.replyExcludesRate, fraction(report.counts.replyExcludes)],
  ];
  if (report.errors > 0)
    rows.push([
      'Runs ended in an error (not measured)',
      report.errors / report.runs,
      `${report.errors}/${report.runs}`,
    ]);
  if (report.passHatK.k > 1) {
    const p = report.passHatK;
    rows.push([`pass^${p.k} (all ${p.k} runs pass)`, p.rate, `${p.passed}/${p.cases}`]);
  }
  return rows.map(([name, rate, count]) => [name, formatRate(rate), count]);
}

function groupRows(groups: Record<string, GroupMetrics>): string[][] {
  return Object.entries(groups).map(([name, m]) => [
    name,
    String(m.cases),
    `${formatRate(m.passRate)} (${m.passed}/${m.runs})`,
    formatRate(m.escalation.precision),
    formatRate(m.escalation.recall),
    formatRate(m.escalation.f1),
    `${m.escalation.fn}/${m.escalation.fp}`,
    formatRate(m.queueAccuracy),
    formatRate(m.priorityAccuracy),
    formatRate(m.knowledgeAccuracy),
  ]);
}

const groupHeaders = [
  '',
  'cases',
  'passed',
  'precision',
  'recall',
  'F1',
  'missed/false',
  'queue',
  'priority',
  'knowledge',
];

export function matrixTable(matrix: ConfusionMatrix): string {
  // Rows nobody expected (e.g. `low` in a dataset with no low-priority case) are noise in a terminal.
  const rows = matrix.labels.filter((label) => matrix.counts[label] !== undefined);
  return table(
    ['expected \\ got', ...matrix.labels],
    rows.map((expected) => [
      expected,
      ...matrix.labels.map((actual) => {
        const count = cell(matrix, expected, actual);
        return count === 0 ? '·' : expected === actual ? `[${count}]` : String(count);
      }),
    ]),
  );
}

const FAILURES_SHOWN = 25;

/** The summary printed after a run: headline metrics with counts, breakdowns, cost, failures. */
export function formatSummary(report: Report): string {
  const { meta } = report;
  const out: string[] = [];
  const seconds = (meta.durationMs / 1000).toFixed(1);
  const repeat = meta.repeat > 1 ? ` × ${meta.repeat} runs` : '';
  const model = meta.model ? ` (${meta.model}${meta.llmHost ? ` at ${meta.llmHost}` : ''})` : '';
  const prompts = meta.prompts?.length ? `, prompts ${meta.prompts.join(' ')}` : '';
  const selected =
    (meta.filter?.length ? `, filter ${meta.filter.join(' ')}` : '') +
    (meta.lang?.length ? `, lang ${meta.lang.join(',')}` : '');
  out.push(
    `Baton eval: ${report.cases} cases${selected}${repeat}, provider ${meta.provider}${model}${prompts}, ${seconds} s`,
    '',
  );
  out.push(table(['metric', 'rate', 'count'], headline(report)), '');
  out.push('By language', table(groupHeaders, groupRows(report.byLanguage)), '');
  const reasons = Object.entries(report.byReason).map(([code, r]) => [
    code,
    String(r.expected),
    String(r.recalled),
    formatRate(r.recall),
    String(r.fired),
    String(r.firedOnNoEscalation),
    String(r.firedOnOtherReason),
    String(r.firedUnlabelled),
    formatRate(r.precision),
  ]);
  out.push(
    'By trigger (recall: expected reason in the packet; fired on: where else it fired; precision: own label / labelled fires)',
    table(
      [
        'reason',
        'expected',
        'recalled',
        'recall',
        'fired',
        'on no-esc',
        'on other',
        'unlabelled',
        'precision',
      ],
      reasons,
    ),
    '',
  );
  out.push(
    'Queue confusion (rows: expected, columns: got; none = no handoff)',
    matrixTable(report.confusion.queue),
    '',
  );
  out.push('Priority confusion', matrixTable(report.confusion.priority), '');
  if (Object.keys(report.byTag).length > 0)
    out.push('By tag', table(groupHeaders, groupRows(report.byTag)), '');
  out.push(...llmLines(report));
  const ms = (value: number | null) => (value === null ? '—' : `${value.toFixed(0)} ms`);
  out.push(
    `Latency per turn: p50 ${ms(report.latencyMs.p50)}, p95 ${ms(report.latencyMs.p95)} over ${report.latencyMs.turns} turns, ` +
      `measured with up to ${meta.concurrency} cases in flight (latency grows with --concurrency)`,
  );
  if (report.failures.length > 0) {
    out.push('', `Failures (${report.failures.length}):`);
    for (const failure of report.failures.slice(0, FAILURES_SHOWN))
      out.push(`  ${failure.id}: ${failure.why}`);
    if (report.failures.length > FAILURES_SHOWN) {
      out.push(`  … ${report.failures.length - FAILURES_SHOWN} more in report.json / report.html`);
    }
  }
  return out.join('\n');
}

/** What the model cost and how often it failed, with the terms defined where they are printed. */
export function llmLines(report: Report): string[] {
  const { llm } = report;
  const per = llm.perConversation;
  const cost =
    llm.costUsd === null
      ? `cost unknown (no price for ${llm.unpricedModels.join(', ')})`
      : `$${llm.costUsd.toFixed(4)} ($${(per.costUsd ?? 0).toFixed(5)}/conversation)`;
  const lines = [
    `LLM: ${llm.calls} calls (HTTP attempts, retries included; ${(per.calls ?? 0).toFixed(1)}/conversation), ` +
      `${llm.promptTokens}+${llm.completionTokens} tokens, ${cost}`,
  ];
  if (report.meta.provider === 'offline' && llm.faults === 0 && llm.fallbacks === 0) return lines;
  const kinds = Object.entries(llm.faultsByKind)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  lines.push(
    `  faults (failed attempts, retries included): ${llm.faults}${kinds ? ` — ${kinds}` : ''}`,
    `  fallbacks (jobs the offline engine answered because the model failed): ${llm.fallbacks} over ` +
      `${llm.turns} customer turns, fallbackRate ${formatFallbackRate(llm.fallbackRate)}` +
      (llm.fallbacks > 0 ? ' — these figures are partly the offline engine, not the model' : ''),
  );
  return lines;
}

export function formatFallbackRate(rate: number | null): string {
  return rate === null ? '—' : rate.toFixed(3);
}
