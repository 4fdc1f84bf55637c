import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Classification } from '../../src/llm/classification.js';
import { classify } from './classify-helper.js';

/**
 * A regression floor on the public Bitext intent set (English, synthetic; ../shared/data/bitext).
 * It guards phrasing variety the hand-written tables cannot, not accuracy on real traffic.
 */
const DATASET = fileURLToPath(
  new URL('../../../shared/data/bitext/Bitext_Sample_Customer_Service_Training_Dataset.csv', import.meta.url),
);

interface Row {
  readonly utterance: string;
  readonly intent: string;
  readonly tags: string;
}

/** Columns: utterance, intent, entity_type, entity_value, start_offset, end_offset, category, tags. */
function parseLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"' && quoted && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells;
}

function load(): Row[] {
  const [, ...lines] = readFileSync(DATASET, 'utf8').trim().split(/\r?\n/);
  return lines.map((line) => {
    const cells = parseLine(line);
    return { utterance: cells[0] ?? '', intent: cells[1] ?? '', tags: cells[7] ?? '' };
  });
}

describe.skipIf(!existsSync(DATASET))('Bitext benchmark', () => {
  let results: { row: Row; result: Classification }[] = [];
  beforeAll(() => {
    results = load().map((row) => ({ row, result: classify(row.utterance) }));
  });

  function share(select: (row: Row) => boolean, holds: (result: Classification) => boolean): number {
    const selected = results.filter(({ row }) => select(row));
    return selected.filter(({ result }) => holds(result)).length / selected.length;
  }
  const intentIs = (intent: string) => (row: Row) => row.intent === intent;
  const hasTopic = (topic: string) => (result: Classification) =>
    result.sensitiveTopics.some((hit) => hit.topic === topic);

  it('hears most requests for a human', () => {
    expect(share(intentIs('contact_human_agent'), (r) => r.humanRequest.requested)).toBeGreaterThan(0.85);
  });

  it('hears almost no human request where there is none', () => {
    const elsewhere = (row: Row) => !row.intent.startsWith('contact_');
    expect(share(elsewhere, (r) => r.humanRequest.requested)).toBeLessThan(0.01);
  });

  it('reads tracking questions as order status', () => {
    expect(share(intentIs('track_order'), (r) => r.intent === 'order_status')).toBeGreaterThan(0.95);
  });

  it('reads cancellation and refund requests as sensitive', () => {
    expect(share(intentIs('cancel_order'), hasTopic('cancellation'))).toBeGreaterThan(0.8);
    expect(share(intentIs('get_refund'), hasTopic('refund'))).toBeGreaterThan(0.8);
  });

  it('hears requests Bitext flags as misspelt (Z) about as well (typo tolerance)', () => {
    const misspelt = (intent: string) => (row: Row) => row.intent === intent && row.tags.includes('Z');
    expect(share(misspelt('cancel_order'), hasTopic('cancellation'))).toBeGreaterThan(0.8);
    expect(share(misspelt('get_refund'), hasTopic('refund'))).toBeGreaterThan(0.8);
    expect(share(misspelt('complaint'), (r) => r.needsPerson.needed)).toBeGreaterThan(0.85);
    expect(share(misspelt('check_refund_policy'), (r) => r.sensitiveTopics.length > 0)).toBeLessThan(0.15);
  });

  it('sends formal complaints and sign-up errors to a person', () => {
    expect(share(intentIs('complaint'), (r) => r.needsPerson.needed)).toBeGreaterThan(0.85);
    expect(share(intentIs('registration_problems'), (r) => r.needsPerson.needed)).toBeGreaterThan(0.85);
  });

  it('keeps policy questions out of the sensitive topics', () => {
    const sensitive = (r: Classification) => r.sensitiveTopics.length > 0;
    expect(share(intentIs('check_refund_policy'), sensitive)).toBeLessThan(0.06);
    expect(share(intentIs('check_cancellation_fee'), sensitive)).toBeLessThan(0.05);
    expect(share(intentIs('check_payment_methods'), sensitive)).toBe(0);
    expect(share(intentIs('delivery_options'), sensitive)).toBe(0);
  });

  it('sends order changes to a person and password help to the knowledge base', () => {
    expect(share(intentIs('change_order'), (r) => r.needsPerson.needed)).toBeGreaterThan(0.85);
    expect(share(intentIs('recover_password'), (r) => r.needsPerson.needed)).toBeLessThan(0.05);
  });

  it('almost never calls a polite message frustrated', () => {
    const polite = (row: Row) => !row.tags.includes('W');
    expect(share(polite, (r) => r.frustration >= 0.7)).toBeLessThan(0.005);
  });
});
