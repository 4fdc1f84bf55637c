import type { BaselineDiff } from './compare.js';
import { describeGate, formatMetric, type GateResult } from './gates.js';
import { html, Markup } from './html.js';
import type { CaseFailure, GroupMetrics, Report } from './metrics.js';
import { type ConfusionMatrix, type Count, cell, formatRate } from './stats.js';
import { formatFallbackRate } from './terminal.js';

/** Plain CSS, no scripts, no fonts or images from elsewhere: the page is read offline or as a CI artefact. */
const style = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1d2330}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2.2rem;border-bottom:1px solid #dde2ea;padding-bottom:.3rem}
.meta{color:#5b6474}table{border-collapse:collapse;margin:.6rem 0}th,td{padding:.3rem .6rem;border:1px solid #dde2ea;text-align:right}
th:first-child,td:first-child,.text{text-align:left}th{background:#f3f5f9}td.text{max-width:640px;word-break:break-word}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:.6rem}
.card{border:1px solid #dde2ea;border-radius:8px;padding:.6rem .8rem}.card b{font-size:1.4rem;display:block}.card span{color:#5b6474}
.chart{display:grid;grid-template-columns:max-content 1fr max-content;gap:.25rem .7rem;align-items:center;margin:.6rem 0}
.bar{background:#eef1f6;height:14px;border-radius:3px;min-width:200px}.bar i{display:block;height:100%;background:#3b6fd8;border-radius:3px}
.bar.warn i{background:#d9822b}.ok{color:#1f7a3d}.bad{color:#b42318}.diag{font-weight:700;outline:2px solid #1f7a3d55}
.legend{color:#5b6474;font-size:.9em}
details{margin:.4rem 0}summary{cursor:pointer;font-weight:600}.transcript li{margin:.3rem 0}.customer{font-weight:600}.bot{margin-left:1.2rem;white-space:pre-wrap}
`;

const pct = (rate: number | null) => formatRate(rate);
const frac = (count: Count) => `${count.correct}/${count.total}`;

function card(title: string, rate: number | null, detail: string): Markup {
  return html`<div class="card"><span>${title}</span><b>${pct(rate)}</b><span>${detail}</span></div>`;
}

function headline(report: Report): Markup {
  const e = report.escalation;
  const cards = [
    card('Cases passed', report.passRate, `${report.passed}/${report.runs}`),
    card('Escalation precision', e.precision, `${e.tp}/${e.tp + e.fp}`),
    card('Escalation recall', e.recall, `${e.tp}/${e.tp + e.fn}`),
    card('Escalation F1', e.f1, `tp ${e.tp} · fp ${e.fp} · fn ${e.fn} · tn ${e.tn}`),
    card('Escalation accuracy', e.accuracy, `${e.tp + e.tn}/${e.tp + e.tn + e.fp + e.fn}`),
    card('Missed escalations', report.missedEscalationRate, `${e.fn}/${e.tp + e.fn} (lower is better)`),
    card('False escalations', report.falseEscalationRate, `${e.fp}/${e.fp + e.tn} (lower is better)`),
    card('Handoff at the right turn', report.atTurnAccuracy, frac(report.counts.atTurn)),
    card('Queue, given escalation', report.queueAccuracy, frac(report.counts.queue)),
    card('Priority, given escalation', report.priorityAccuracy, frac(report.counts.priority)),
    card('After-hours notice', report.afterHoursAccuracy, frac(report.counts.afterHours)),
    card('Knowledge grounding', report.knowledgeAccuracy, frac(report.counts.knowledge)),
    card('replyContains', report.replyContainsRate, frac(report.counts.replyContains)),
    card('replyExcludes', report.replyExcludesRate, frac(report.counts.replyExcludes)),
  ];
  if (report.errors > 0)
    cards.push(
      card(
        'Runs ended in an error',
        report.errors / report.runs,
        `${report.errors}/${report.runs} (not measured: left out of the escalation metrics)`,
      ),
    );
  if (report.passHatK.k > 1) {
    const p = report.passHatK;
    cards.push(card(`pass^${p.k} (all ${p.k} runs pass)`, p.rate, `${p.passed}/${p.cases} cases`));
  }
  return html`<div class="cards">${cards}</div>`;
}

function bars(rows: { label: string; rate: number | null; detail: string }[], warn = false): Markup {
  const items = rows.map(
    (row) =>
      html`<span>${row.label}</span><div class="bar${warn ? ' warn' : ''}" title="${pct(row.rate)}"><i style="width:${((row.rate ?? 0) * 100).toFixed(1)}%"></i></div><span>${pct(row.rate)} <span class="legend">${row.detail}</span></span>`,
  );
  return html`<div class="chart">${items}</div>`;
}

function languageCharts(groups: Record<string, GroupMetrics>): Markup {
  const entries = Object.entries(groups);
  const metric = (title: string, pick: (m: GroupMetrics) => [number | null, string]) =>
    html`<h3>${title}</h3>${bars(entries.map(([label, m]) => ({ label, rate: pick(m)[0], detail: pick(m)[1] })))}`;
  return html`${metric('Cases passed', (m) => [m.passRate, `${m.passed}/${m.runs}`])}
${metric('Escalation recall', (m) => [m.escalation.recall, `${m.escalation.tp}/${m.escalation.tp + m.escalation.fn}`])}
${metric('Escalation precision', (m) => [m.escalation.precision, `${m.escalation.tp}/${m.escalation.tp + m.escalation.fp}`])}
${metric('Queue accuracy (given escalation)', (m) => [m.queueAccuracy, frac(m.counts.queue)])}`;
}

function groupTable(groups: Record<string, GroupMetrics>): Markup {
  const rows = Object.entries(groups).map(
    ([name, m]) =>
      html`<tr><td class="text">${name}</td><td>${m.cases}</td><td>${pct(m.passRate)} (${m.passed}/${m.runs})</td><td>${pct(m.escalation.precision)}</td><td>${pct(m.escalation.recall)}</td><td>${pct(m.escalation.f1)}</td><td>${m.escalation.fn}</td><td>${m.escalation.fp}</td><td>${pct(m.queueAccuracy)} (${frac(m.counts.queue)})</td><td>${pct(m.priorityAccuracy)}</td><td>${pct(m.knowledgeAccuracy)} (${frac(m.counts.knowledge)})</td></tr>`,
  );
  return html`<table><tr><th></th><th>cases</th><th>passed</th><th>precision</th><th>recall</th><th>F1</th><th>missed</th><th>false</th><th>queue</th><th>priority</th><th>knowledge</th></tr>${rows}</table>`;
}

function matrix(m: ConfusionMatrix): Markup {
  const max = Math.max(1, ...Object.values(m.counts).flatMap((row) => Object.values(row)));
  const rows = m.labels.map((expected) => {
    const cells = m.labels.map((actual) => {
      const count = cell(m, expected, actual);
      const alpha = count === 0 ? 0 : 0.12 + 0.6 * (count / max);
      const colour =
        expected === actual ? `rgba(31,122,61,${alpha.toFixed(2)})` : `rgba(180,35,24,${alpha.toFixed(2)})`;
      return html`<td class="${expected === actual ? 'diag' : ''}" style="background:${colour}">${count || ''}</td>`;
    });
    return html`<tr><th>${expected}</th>${cells}</tr>`;
  });
  const head = m.labels.map((label) => html`<th>${label}</th>`);
  return html`<table><tr><th>expected ↓ / got →</th>${head}</tr>${rows}</table>`;
}

function escalationMatrix(report: Report): Markup {
  const e = report.escalation;
  return html`<table><tr><th>expected ↓ / got →</th><th>handoff</th><th>no handoff</th></tr>
<tr><th>escalate</th><td class="diag">${e.tp} (tp)</td><td class="bad">${e.fn} (missed)</td></tr>
<tr><th>no escalation</th><td class="bad">${e.fp} (false)</td><td class="diag">${e.tn} (tn)</td></tr></table>`;
}

function triggerChart(report: Report): Markup {
  const rows = Object.entries(report.byReason).map(([label, r]) => ({
    label,
    rate: r.recall,
    detail: `${r.recalled}/${r.expected} recalled · fired ${r.fired}×`,
  }));
  return bars(rows);
}

/** Where each trigger fired, so a trigger that fires on the wrong conversations shows. */
function triggerPrecision(report: Report): Markup {
  const rows = Object.entries(report.byReason).map(
    ([label, r]) =>
      html`<tr><td class="text">${label}</td><td>${r.fired}</td><td>${r.recalled}</td><td class="${r.firedOnNoEscalation > 0 ? 'bad' : ''}">${r.firedOnNoEscalation}</td><td class="${r.firedOnOtherReason > 0 ? 'bad' : ''}">${r.firedOnOtherReason}</td><td>${r.firedUnlabelled}</td><td>${pct(r.precision)} (${r.recalled}/${r.recalled + r.firedOnNoEscalation + r.firedOnOtherReason})</td></tr>`,
  );
  return html`<p class="legend">Fired: runs whose packet had the reason. Precision = fired on a case labelled with it ÷ fired on a case labelled with any reason or <code>escalate: false</code>; fires on cases that label neither (an escalation labelled with a queue only, say) are not counted either way.</p>
<table><tr><th>reason</th><th>fired</th><th>on its own label</th><th>on escalate: false</th><th>on another reason</th><th>unlabelled</th><th>precision</th></tr>${rows}</table>`;
}

function describeExpected(expected: CaseFailure['expected']): string {
  const parts = Object.entries(expected).map(([key, value]) => `${key} ${JSON.stringify(value)}`);
  return parts.length > 0 ? parts.join(' · ') : 'nothing beyond a finished run and replies';
}

function describeGot(failure: CaseFailure): string {
  if (failure.error !== undefined) return `the run ended in an error: ${failure.error}`;
  const h = failure.handoff;
  if (h === null) return 'no handoff';
  return `handoff at turn ${h.atTurn}: reasons ${h.reasons.join(', ') || 'none'} → queue ${h.queue}, priority ${h.priority}${h.afterHours ? ', after hours' : ''}`;
}

/** The conversation as played: the customer's turns, the bot's replies and where the handoff happened. */
function transcript(failure: CaseFailure): Markup {
  const turns = failure.turns.map((turn) => {
    const replies =
      turn.replies.length === 0
        ? html`<div class="bot legend">(no bot reply)</div>`
        : turn.replies.map((reply) => html`<div class="bot">🤖 ${reply}</div>`);
    const docs =
      turn.knowledgeDocs.length > 0
        ? html`<div class="legend">grounded in ${turn.knowledgeDocs.join(', ')}</div>`
        : html``;
    const handoff = failure.handoff?.atTurn === turn.index ? html`<div class="bad">⇢ handoff</div>` : html``;
    return html`<li><div class="customer">👤 ${turn.input}</div>${replies}${docs}${handoff}</li>`;
  });
  return html`<details><summary>${failure.id}</summary>
<p><b>expected</b>: ${describeExpected(failure.expected)}<br><b>got</b> (run ${failure.run}): ${describeGot(failure)}</p>
<ol class="transcript">${turns}</ol></details>`;
}

function failuresTable(report: Report): Markup {
  if (report.failures.length === 0) return html`<p class="ok">Every case passed.</p>`;
  const byId = new Map(report.results.map((result) => [result.id, result]));
  const rows = report.failures.map((failure) => {
    const result = byId.get(failure.id);
    return html`<tr><td class="text">${failure.id}</td><td class="text">${result?.lang ?? ''}</td><td class="text">${(result?.tags ?? []).join(', ')}</td><td class="text">${failure.why}</td></tr>`;
  });
  return html`<table><tr><th class="text">case</th><th class="text">lang</th><th class="text">tags</th><th class="text">why it failed</th></tr>${rows}</table>
<h3>Transcripts of the failing cases</h3>${report.failures.map(transcript)}`;
}

function diffSection(diff: BaselineDiff | undefined): Markup {
  if (!diff) return html``;
  const changed = diff.metrics.filter((item) => item.change === 'better' || item.change === 'worse');
  const rows = changed.map(
    (item) =>
      html`<tr><td class="text">${item.metric}</td><td>${formatMetric(item.metric, item.before)}</td><td>${formatMetric(item.metric, item.after)}</td><td class="${item.change === 'better' ? 'ok' : 'bad'}">${item.change}</td></tr>`,
  );
  const flips = (title: string, ids: string[]) =>
    ids.length === 0
      ? html``
      : html`<h3>${title} (${ids.length})</h3><ul>${ids.map((id) => html`<li>${id}</li>`)}</ul>`;
  return html`<h2>Compared with the baseline</h2>
${diff.warnings.map((warning) => html`<p class="bad">⚠ ${warning}</p>`)}
${diff.notes.map((note) => html`<p class="legend">${note}</p>`)}
${changed.length === 0 ? html`<p>No metric changed.</p>` : html`<table><tr><th>metric</th><th>baseline</th><th>now</th><th></th></tr>${rows}</table>`}
${flips(
  'Pass → fail',
  diff.nowFailing.map((item) => `${item.id}: ${item.why}`),
)}
${flips('Fail → pass', diff.nowPassing)}`;
}

function gatesSection(gates: readonly GateResult[]): Markup {
  if (gates.length === 0) return html``;
  const items = gates.map(
    (gate) => html`<li class="${gate.passed ? 'ok' : 'bad'}">${describeGate(gate)}</li>`,
  );
  return html`<h2>Gates</h2><ul>${items}</ul>`;
}

function faultKinds(report: Report): string {
  const kinds = Object.entries(report.llm.faultsByKind).map(([kind, count]) => `${kind} ${count}`);
  return kinds.length > 0 ? `: ${kinds.join(', ')}` : '';
}

function fallbackWarning(report: Report): Markup {
  const { llm } = report;
  if (llm.fallbacks === 0) return html``;
  return html`<p class="bad"><b>The model failed:</b> the offline engine answered ${llm.fallbacks} job(s) over ${llm.turns} customer turns (${llm.faults} faults${faultKinds(report)}). The figures below are partly the offline engine's, not the model's.</p>`;
}

export interface HtmlExtras {
  diff?: BaselineDiff;
  gates?: readonly GateResult[];
}

/** report.html: one self-contained page a person can open from a CI artefact with nothing else. */
export function renderReportHtml(report: Report, extras: HtmlExtras = {}): string {
  const { meta, llm } = report;
  const per = llm.perConversation;
  const ms = (value: number | null) => (value === null ? '—' : `${value.toFixed(0)} ms`);
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Baton eval report — ${meta.startedAt}</title><style>${new Markup(style)}</style></head><body>
<h1>Baton eval report</h1>
<p class="meta">${meta.startedAt} · ${report.cases} cases${meta.repeat > 1 ? ` × ${meta.repeat} runs` : ''} · provider ${meta.provider}${meta.model ? ` (${meta.model}${meta.llmHost ? ` at ${meta.llmHost}` : ''})` : ''}${meta.prompts?.length ? ` · prompts ${meta.prompts.join(', ')}` : ''} · concurrency ${meta.concurrency} · ${(meta.durationMs / 1000).toFixed(1)} s<br>datasets: ${meta.datasets.map((file) => `${file.path} (sha256 ${file.sha256.slice(0, 12)}…)`).join(', ')}${meta.filter?.length ? ` · filter ${meta.filter.join(', ')}` : ''}${meta.lang?.length ? ` · lang ${meta.lang.join(', ')}` : ''}</p>
${fallbackWarning(report)}
${gatesSection(extras.gates ?? [])}
<h2>Summary</h2>${headline(report)}
<h2>Escalation</h2>${escalationMatrix(report)}
<h2>Per trigger: was the expected reason in the packet?</h2>${triggerChart(report)}
<h3>Per trigger: where did it fire?</h3>${triggerPrecision(report)}
<h2>Per language</h2>${languageCharts(report.byLanguage)}${groupTable(report.byLanguage)}
<h2>Queue confusion matrix</h2><p class="legend">Rows: the expected queue (none = the case expects no escalation). Columns: the queue of the handoff (none = no handoff). Green: right; red: wrong.</p>${matrix(report.confusion.queue)}
<h2>Priority confusion matrix</h2>${matrix(report.confusion.priority)}
<h2>Per tag</h2>${groupTable(report.byTag)}
<h2>Cost and latency</h2>
<table><tr><th>LLM calls</th><td>${llm.calls}</td><td>${(per.calls ?? 0).toFixed(2)} per conversation; a call is one HTTP attempt, retries included</td></tr>
<tr><th>Faults</th><td>${llm.faults}</td><td>failed attempts (timeouts, 5xx, malformed answers…), retries included${faultKinds(report)}</td></tr>
<tr><th>Fallbacks</th><td>${llm.fallbacks}</td><td>jobs the offline engine answered because the model failed: fallbackRate ${formatFallbackRate(llm.fallbackRate)} over ${llm.turns} customer turns</td></tr>
<tr><th>Prompt tokens</th><td>${llm.promptTokens}</td><td>${(per.promptTokens ?? 0).toFixed(0)} per conversation</td></tr>
<tr><th>Completion tokens</th><td>${llm.completionTokens}</td><td>${(per.completionTokens ?? 0).toFixed(0)} per conversation</td></tr>
<tr><th>Estimated cost</th>${llm.costUsd === null ? html`<td>unknown</td><td>no price for ${llm.unpricedModels.join(', ')}</td>` : html`<td>$${llm.costUsd.toFixed(4)}</td><td>$${(per.costUsd ?? 0).toFixed(5)} per conversation</td>`}</tr>
<tr><th>Latency per turn</th><td>p50 ${ms(report.latencyMs.p50)}</td><td>p95 ${ms(report.latencyMs.p95)} (${report.latencyMs.turns} turns), measured with up to ${meta.concurrency} cases in flight: latency grows with --concurrency</td></tr></table>
${diffSection(extras.diff)}
<h2>Failures (${report.failures.length})</h2>${failuresTable(report)}
</body></html>
`;
  return page.value;
}
