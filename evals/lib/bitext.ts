import { parse } from 'csv-parse/sync';
import { type EvalCase, evalCaseSchema } from './case-schema.js';

/**
 * Bitext customer-support intents → what Baton should do with a one-message conversation, per
 * the escalation policy (README, "How the bot decides"). Each row says why, and evals/README.md prints this
 * table (a test keeps the two identical). `reason` is left out where two triggers are defensible,
 * so the case still checks escalation and queue without rewarding one guess over the other.
 */
export interface IntentMapping {
  escalate: boolean;
  reason?: 'human_requested' | 'sensitive_topic' | 'complex_query';
  queue?: 'general' | 'orders' | 'billing' | 'technical';
  why: string;
}

export const bitextMapping: Record<string, IntentMapping> = {
  contact_human_agent: {
    escalate: true,
    reason: 'human_requested',
    queue: 'general',
    why: 'asks for a person',
  },
  get_refund: {
    escalate: true,
    reason: 'sensitive_topic',
    queue: 'billing',
    why: 'refund request: sensitive, money',
  },
  track_refund: {
    escalate: true,
    reason: 'sensitive_topic',
    queue: 'billing',
    why: 'a refund owed; no tool can see refunds',
  },
  cancel_order: {
    escalate: true,
    reason: 'sensitive_topic',
    queue: 'orders',
    why: 'order cancellation request (cancellations go to orders)',
  },
  payment_issue: {
    escalate: true,
    queue: 'billing',
    why: 'a failed or wrong payment is money; sensitive or complex depending on wording',
  },
  complaint: {
    escalate: true,
    queue: 'general',
    why: 'a formal claim needs a person; not money, delivery or app',
  },
  change_order: {
    escalate: true,
    reason: 'complex_query',
    queue: 'orders',
    why: 'order changes need a person; the bot has no tool for them',
  },
  registration_problems: {
    escalate: true,
    reason: 'complex_query',
    queue: 'technical',
    why: 'sign-up errors are an account problem the knowledge base cannot fix',
  },
  track_order: { escalate: false, why: 'the order tool answers' },
  delivery_options: { escalate: false, why: 'knowledge: shipping' },
  delivery_period: { escalate: false, why: 'knowledge: shipping' },
  check_payment_methods: { escalate: false, why: 'knowledge: payments' },
  check_refund_policy: { escalate: false, why: 'a policy question, not a request (knowledge: returns)' },
  check_cancellation_fee: { escalate: false, why: 'a policy question (knowledge: cancellation)' },
  create_account: { escalate: false, why: 'account help; one unanswered turn is no trigger' },
  edit_account: { escalate: false, why: 'knowledge: account (Account > Profile)' },
  recover_password: { escalate: false, why: 'knowledge: account (password reset)' },
  review: { escalate: false, why: 'feedback; one unanswered turn is no trigger' },
};

/** Intents whose right answer depends on wording the intent label does not capture. */
export const bitextExcluded: Record<string, string> = {
  contact_customer_service:
    'mixes requests to talk to customer service with questions about its hours ("what hours can I call")',
  check_invoice: 'DESIGN.md names invoices as sensitive, yet the knowledge base answers where invoices are',
  get_invoice: 'same as check_invoice',
  delete_account:
    'mostly "cancel my Premium/Gold account": a subscription cancellation (billing) or an account deletion the knowledge base answers',
  switch_account: 'plan switches (free/pro/gold) the demo shop does not sell; subscription change or FAQ',
  change_shipping_address:
    'profile address (knowledge: account) or an order in flight (complex_query, orders); seldom says which',
  set_up_shipping_address: 'adding an address (FAQ) mixed with errors entering one (technical)',
  place_order:
    'buying in general: no knowledge document, no trigger, but "problems purchasing" reads as a complaint',
  newsletter_subscription:
    'subscribing (no escalation) mixed with cancelling a subscription (sensitive by wording)',
};

export interface BitextRow {
  /** 1-based data row (the header is not counted), stable across runs: the case id uses it. */
  row: number;
  utterance: string;
  intent: string;
  /** Bitext's linguistic flags, one letter each ("BQZ"); Z marks spelling errors and typos. */
  flags: string;
}

/** Parses the CSV (quoted fields may hold commas and newlines) and checks its header. */
export function parseBitextCsv(text: string): BitextRow[] {
  const records: Record<string, string>[] = parse(text, { columns: true, skip_empty_lines: true, bom: true });
  const first = records[0];
  if (first === undefined) throw new Error('not a Bitext CSV: no header and data rows');
  if (!('utterance' in first) || !('intent' in first)) {
    throw new Error('not a Bitext CSV: expected the columns "utterance" and "intent"');
  }
  return records.map((record, index) => ({
    row: index + 1,
    utterance: (record.utterance ?? '').trim(),
    intent: (record.intent ?? '').trim(),
    flags: (record.tags ?? '').trim(),
  }));
}

export function bitextCase(row: BitextRow, mapping: IntentMapping): EvalCase {
  const expect = {
    escalate: mapping.escalate,
    ...(mapping.reason ? { reason: mapping.reason } : {}),
    ...(mapping.queue ? { queue: mapping.queue } : {}),
  };
  // Parsed, not just typed: the importer's output must be valid for the runner by construction.
  return evalCaseSchema.parse({
    id: `bitext-${row.row}`,
    lang: 'en',
    // `typos` lets a report show how the classifier does on misspelt messages (byTag).
    tags: ['bitext', `intent:${row.intent}`, ...(row.flags.includes('Z') ? ['typos'] : [])],
    turns: [row.utterance],
    expect,
  });
}

/** mulberry32: a tiny seeded generator, so `--seed 7` draws the same sample on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const next = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export interface ImportOptions {
  limit?: number;
  perIntent?: number;
  seed: number;
}

export interface ImportResult {
  cases: EvalCase[];
  /** Rows left out because their intent is in `bitextExcluded`, by intent. */
  excluded: Record<string, number>;
  /** Rows whose intent is in neither table (a newer dataset): never guessed, reported. */
  unknown: Record<string, number>;
}

/**
 * Maps rows to cases. Sampling (`perIntent`, then `limit`) draws from a seeded shuffle so a sample
 * spans every intent instead of the first ones in file order; the output is in file order.
 */
export function importBitext(rows: readonly BitextRow[], options: ImportOptions): ImportResult {
  const excluded: Record<string, number> = {};
  const unknown: Record<string, number> = {};
  const mapped: { row: BitextRow; mapping: IntentMapping }[] = [];
  for (const row of rows) {
    const mapping = bitextMapping[row.intent];
    if (row.utterance === '') continue;
    if (mapping) mapped.push({ row, mapping });
    else if (row.intent in bitextExcluded) excluded[row.intent] = (excluded[row.intent] ?? 0) + 1;
    else unknown[row.intent] = (unknown[row.intent] ?? 0) + 1;
  }
  let chosen = mapped;
  if (options.perIntent !== undefined || options.limit !== undefined) {
    const taken = new Map<string, number>();
    chosen = shuffle(mapped, options.seed).filter(({ row }) => {
      const count = taken.get(row.intent) ?? 0;
      if (options.perIntent !== undefined && count >= options.perIntent) return false;
      taken.set(row.intent, count + 1);
      return true;
    });
    if (options.limit !== undefined) chosen = chosen.slice(0, options.limit);
    chosen.sort((a, b) => a.row.row - b.row.row);
  }
  return { cases: chosen.map(({ row, mapping }) => bitextCase(row, mapping)), excluded, unknown };
}

/** The mapping as the Markdown tables of evals/README.md. */
export function bitextMappingMarkdown(): string {
  const mapped = Object.entries(bitextMapping).map(
    ([intent, m]) =>
      `| \`${intent}\` | ${m.escalate ? 'yes' : 'no'} | ${m.reason ? `\`${m.reason}\`` : '—'} | ${m.queue ? `\`${m.queue}\`` : '—'} | ${m.why} |`,
  );
  const excluded = Object.entries(bitextExcluded).map(([intent, why]) => `| \`${intent}\` | ${why} |`);
  return [
    '| intent | escalate | reason | queue | why |',
    '| --- | --- | --- | --- | --- |',
    ...mapped,
    '',
    'Left out (ambiguous):',
    '',
    '| intent | why |',
    '| --- | --- |',
    ...excluded,
  ].join('\n');
}
