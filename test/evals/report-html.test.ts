import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../evals/lib/html.js';
import { buildReport } from '../../evals/lib/metrics.js';
import { renderReportHtml } from '../../evals/lib/report-html.js';
import { evalCase, handoff, outcome, run } from './fixtures.js';

describe('report.html', () => {
  it('escapes every dataset-derived string', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const failing = outcome(
      evalCase({ id: `id-${evil}`, lang: 'en', tags: [`tag-${evil}`], expect: { replyExcludes: [evil] } }),
      [{ replies: [`reply-${evil}`], docs: [`doc-${evil}`] }],
      { handoff: handoff(1, [`reason-${evil}`], `queue-${evil}`, 'high') },
    );
    failing.turns[0] = { ...failing.turns[0], input: `input-${evil}` } as (typeof failing.turns)[0];
    const report = buildReport([run(failing)], {
      startedAt: '2026-11-24T08:00:00.000Z',
      durationMs: 5,
      datasets: [{ path: `data-${evil}.jsonl`, sha256: 'abc' }],
      provider: 'offline',
      repeat: 1,
      concurrency: 1,
    });
    const page = renderReportHtml(report);
    expect(page).not.toContain('<img');
    expect(page).toContain('id-&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('tag-&lt;img');
    expect(page).toContain('data-&lt;img');
    expect(page).toContain('a reply contains &quot;&lt;img');
    // The failing case's transcript: what the customer sent, what the bot said, the handoff.
    for (const part of ['input', 'reply', 'doc', 'reason', 'queue'])
      expect(page).toContain(`${part}-&lt;img src=x onerror=alert(1)&gt;`);
    expect(page).toContain('Transcripts of the failing cases');
  });

  it('shows faults, fallbacks and an unknown cost', () => {
    const played = outcome(evalCase({ id: 'x', expect: {} }), [{}, {}], {
      llm: {
        calls: 4,
        faults: 4,
        faultsByKind: { server_error: 3, timeout: 1 },
        fallbacks: 2,
        unpricedModels: ['llama3.1'],
      },
    });
    const page = renderReportHtml(
      buildReport([run(played)], {
        startedAt: '2026-11-24T08:00:00.000Z',
        durationMs: 5,
        datasets: [{ path: 'x.jsonl', sha256: 'abc' }],
        provider: 'openai',
        repeat: 1,
        concurrency: 8,
      }),
    );
    expect(page).toMatch(/<th>Faults<\/th><td>4<\/td><td>failed attempts[^<]*server_error 3, timeout 1/);
    expect(page).toMatch(
      /<th>Fallbacks<\/th><td>2<\/td><td>jobs the offline engine answered[^<]*fallbackRate 1\.000 over 2 customer turns/,
    );
    expect(page).toContain('The model failed:');
    expect(page).toMatch(/<td>unknown<\/td><td>no price for llama3\.1/);
    expect(page).toContain('up to 8 cases in flight');
  });

  it('escapes interpolations but keeps nested markup', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html`<p>${'<b>'}${html`<i>${'&'}</i>`}</p>`.value).toBe('<p>&lt;b&gt;<i>&amp;</i></p>');
  });
});
