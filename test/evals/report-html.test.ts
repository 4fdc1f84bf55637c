import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../evals/lib/html.js';
import { buildReport } from '../../evals/lib/metrics.js';
import { renderReportHtml } from '../../evals/lib/report-html.js';
import { evalCase, outcome, run } from './fixtures.js';

describe('report.html', () => {
  it('escapes every dataset-derived string', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const failing = outcome(
      evalCase({ id: `id-${evil}`, lang: 'en', tags: [`tag-${evil}`], expect: { replyContains: [evil] } }),
      [{}],
    );
    const report = buildReport([run(failing)], {
      startedAt: '2026-11-24T08:00:00.000Z',
      durationMs: 5,
      datasets: [`data-${evil}.jsonl`],
      provider: 'offline',
      repeat: 1,
    });
    const page = renderReportHtml(report);
    expect(page).not.toContain('<img');
    expect(page).toContain('id-&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('tag-&lt;img');
    expect(page).toContain('data-&lt;img');
    expect(page).toContain('no reply contains &quot;&lt;img');
  });

  it('escapes interpolations but keeps nested markup', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html`<p>${'<b>'}${html`<i>${'&'}</i>`}</p>`.value).toBe('<p>&lt;b&gt;<i>&amp;</i></p>');
  });
});
