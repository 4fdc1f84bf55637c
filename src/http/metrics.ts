import { count, eq } from 'drizzle-orm';
import type { Db } from '../store/db.js';
import { handoffs, messages, outbox } from '../store/schema/index.js';

/**
 * Process counters (webhook requests and items, outbox attempts; the LLM meter's through `collect`);
 * the database gives the gauges at scrape time.
 */
export class Metrics {
  private readonly counters = new Map<string, { help: string; values: Map<string, number> }>();
  private readonly collectors = new Map<string, () => string[]>();

  /**
   * Adds exposition lines computed at scrape time from another source (the LLM meter). Keyed, so
   * registering the same source twice keeps one.
   */
  collect(key: string, lines: () => string[]): void {
    this.collectors.set(key, lines);
  }

  inc(name: string, help: string, labels: Record<string, string> = {}, by = 1): void {
    const counter = this.counters.get(name) ?? { help, values: new Map<string, number>() };
    this.counters.set(name, counter);
    const key = Object.entries(labels)
      .map(([k, v]) => `${k}="${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`)
      .join(',');
    counter.values.set(key, (counter.values.get(key) ?? 0) + by);
  }

  /** Prometheus text exposition format 0.0.4. */
  async render(db: Db): Promise<string> {
    const lines: string[] = [];
    for (const [name, counter] of this.counters) {
      lines.push(`# HELP ${name} ${counter.help}`, `# TYPE ${name} counter`);
      for (const [labels, value] of counter.values)
        lines.push(`${name}${labels ? `{${labels}}` : ''} ${value}`);
    }
    const gauge = (name: string, help: string, rows: { labels: string; value: number }[]) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
      for (const row of rows) lines.push(`${name}{${row.labels}} ${row.value}`);
    };
    const open = await db
      .select({ queue: handoffs.queue, status: handoffs.status, n: count() })
      .from(handoffs)
      .groupBy(handoffs.queue, handoffs.status);
    gauge(
      'baton_handoffs',
      'Handoffs by queue and status.',
      open.map((r) => ({ labels: `queue="${r.queue}",status="${r.status}"`, value: r.n })),
    );
    const jobs = await db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status);
    gauge(
      'baton_outbox_jobs',
      'Outbox jobs by status.',
      jobs.map((r) => ({ labels: `status="${r.status}"`, value: r.n })),
    );
    const failed = await db.select({ n: count() }).from(messages).where(eq(messages.status, 'failed'));
    gauge('baton_messages_failed', 'Messages that could not be handled or delivered.', [
      { labels: '', value: failed[0]?.n ?? 0 },
    ]);
    for (const collect of this.collectors.values()) lines.push(...collect());
    return `${lines.join('\n').replaceAll('{}', '')}\n`;
  }
}
