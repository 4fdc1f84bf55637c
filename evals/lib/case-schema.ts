import { z } from 'zod';
import { orderSchema } from '../../src/orders/order.js';

/**
 * The eval case contract, exactly as evals/FORMAT.md states it. Every object is strict
 * because the format promises that unknown fields are an error: a typo such as `"escalte"` must
 * stop the run instead of silently dropping an expectation.
 */

export const reasonCodes = [
  'human_requested',
  'failed_attempts',
  'frustration',
  'sensitive_topic',
  'complex_query',
] as const;
export const queueNames = ['general', 'orders', 'billing', 'technical', 'vip'] as const;
export const priorityNames = ['low', 'normal', 'high', 'urgent'] as const;
export const languages = ['en', 'ar'] as const;
export type Language = (typeof languages)[number];

/** A message or a tag of only spaces measures nothing and is almost always a dataset-generation bug. */
const nonBlank = z.string().refine((text) => text.trim() !== '', { error: 'must not be blank' });

const textTurnSchema = z.strictObject({ text: nonBlank });
const buttonTurnSchema = z.strictObject({ button: z.enum(['menu_order', 'menu_faq', 'menu_agent']) });
const mediaTurnSchema = z.strictObject({
  type: z.enum(['image', 'audio', 'video', 'document', 'location', 'sticker']),
  caption: z.string().optional(),
});
export const turnSchema = z.union([nonBlank, textTurnSchema, buttonTurnSchema, mediaTurnSchema]);

const customerSchema = z.strictObject({
  waId: z.string().min(1).optional(),
  userId: z.string().min(1).optional(),
  name: z.string().optional(),
  tier: z.enum(['standard', 'vip']).optional(),
});

/** The expectations only a handoff can meet: with `escalate: false` they contradict the label. */
const handoffFields = ['atTurn', 'reason', 'queue', 'priority', 'afterHours'] as const;

/**
 * `YYYY-MM-DD…`: the format checks leave `2026-02-30` or `2026-13-45` through, and `Date.parse`
 * rolls them over into another day instead of refusing them.
 */
export function calendarDateExists(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isoWithOffset = z.iso.datetime({ offset: true });
/** Zod's format check refuses `2026-02-30T…` as "not ISO-8601"; say what is really wrong first. */
const nowSchema = z.string().superRefine((text, ctx) => {
  if (!calendarDateExists(text)) {
    ctx.addIssue({ code: 'custom', message: `the date ${text.slice(0, 10)} does not exist` });
  } else if (!isoWithOffset.safeParse(text).success) {
    ctx.addIssue({
      code: 'custom',
      message: 'expected ISO-8601 with an offset, e.g. 2026-11-24T11:00:00+03:00',
    });
  }
});

const expectSchema = z.strictObject({
  escalate: z.boolean().optional(),
  atTurn: z.number().int().min(1).optional(),
  reason: z.enum(reasonCodes).optional(),
  queue: z.enum(queueNames).optional(),
  priority: z.enum(priorityNames).optional(),
  afterHours: z.boolean().optional(),
  knowledge: z.string().min(1).optional(),
  replyContains: z.array(z.string().min(1)).optional(),
  replyExcludes: z.array(z.string().min(1)).optional(),
});

export const evalCaseSchema = z
  .strictObject({
    id: z.string().min(1),
    lang: z.enum(languages).optional(),
    tags: z.array(nonBlank).optional(),
    now: nowSchema.optional(),
    customer: customerSchema.optional(),
    // The order shape is owned by the order port; FORMAT.md's Order is that same record.
    orders: z.array(orderSchema).optional(),
    turns: z.array(turnSchema).min(1),
    expect: expectSchema,
  })
  .superRefine((value, ctx) => {
    // Zod may run this on a case with other problems; only compare when both fields are sound.
    if (value.expect?.escalate === false) {
      for (const field of handoffFields) {
        if (value.expect[field] === undefined) continue;
        ctx.addIssue({
          code: 'custom',
          path: ['expect', field],
          message: `contradicts "escalate": false (only a handoff has a ${field}); drop one of the two`,
        });
      }
    }
    for (const [index, order] of (Array.isArray(value.orders) ? value.orders : []).entries()) {
      if (typeof order?.eta === 'string' && !calendarDateExists(order.eta)) {
        ctx.addIssue({
          code: 'custom',
          path: ['orders', index, 'eta'],
          message: `the date ${order.eta} does not exist`,
        });
      }
    }
    const atTurn = value.expect?.atTurn;
    if (typeof atTurn === 'number' && Array.isArray(value.turns) && atTurn > value.turns.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['expect', 'atTurn'],
        message: `turn ${atTurn} does not exist: the case has ${value.turns.length} turn(s)`,
      });
    }
  });

export type EvalCase = z.infer<typeof evalCaseSchema>;
export type EvalTurn = z.infer<typeof turnSchema>;
export type ReasonCode = (typeof reasonCodes)[number];

/** Every problem in a dataset, one `file:line: field.path: message` per entry. */
export class DatasetError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'DatasetError';
  }
}

/**
 * Parses a JSONL dataset. Collects the problems of every line before throwing, so a dataset
 * author fixes them in one pass instead of one run per typo.
 */
export function parseDataset(text: string, fileName: string): EvalCase[] {
  const cases: EvalCase[] = [];
  const problems: string[] = [];
  const firstLineOfId = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const lineNo = index + 1;
    if (line.trim() === '') continue;
    const where = `${fileName}:${lineNo}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      problems.push(
        `${where}: (line): invalid JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
      continue;
    }
    const result = evalCaseSchema.safeParse(json);
    if (!result.success) {
      for (const problem of describeIssues(result.error.issues, [], json))
        problems.push(`${where}: ${problem}`);
      continue;
    }
    const firstLine = firstLineOfId.get(result.data.id);
    if (firstLine !== undefined) {
      problems.push(`${where}: id: duplicate id "${result.data.id}" (first on line ${firstLine})`);
      continue;
    }
    firstLineOfId.set(result.data.id, lineNo);
    cases.push(result.data);
  }
  if (problems.length > 0) throw new DatasetError(problems);
  return cases;
}

type Path = readonly PropertyKey[];
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  errors?: Issue[][];
}

function formatPath(path: Path): string {
  if (path.length === 0) return '(case)';
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out === '' ? String(key) : `${out}.${String(key)}`;
  }, '');
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Turns zod issues into `field.path: message` lines a dataset author can act on. */
function describeIssues(issues: readonly Issue[], base: Path, root: unknown): string[] {
  const out: string[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) out.push(`${formatPath([...path, key])}: unknown field`);
    } else if (issue.code === 'invalid_union' && issue.errors) {
      const branch = closestBranch(issue.errors);
      if (branch) out.push(...describeIssues(branch, path, root));
      else out.push(`${formatPath(path)}: ${unionHint(path)}`);
    } else if (
      (issue.code === 'invalid_type' || issue.code === 'invalid_value') &&
      valueAt(root, path) === undefined
    ) {
      out.push(`${formatPath(path)}: required field is missing`);
    } else {
      out.push(`${formatPath(path)}: ${issue.message}`);
    }
  }
  return out;
}

/**
 * A turn that matches no union branch gets the errors of the branch it most resembles (the one
 * that did not reject it at the root and has the fewest complaints), because "Invalid input" on
 * `{"button":"menu_agnet"}` hides the real typo. A tie means we can't tell what was meant.
 */
function closestBranch(branches: Issue[][]): Issue[] | undefined {
  const plausible = branches.filter(
    (branch) => !branch.some((issue) => issue.code === 'invalid_type' && issue.path.length === 0),
  );
  const fewest = Math.min(...plausible.map((branch) => branch.length));
  const best = plausible.filter((branch) => branch.length === fewest);
  return best.length === 1 ? best[0] : undefined;
}

function unionHint(path: Path): string {
  if (path[0] === 'turns') {
    return 'a turn is a string, {"text"}, {"button": "menu_order"|"menu_faq"|"menu_agent"} or {"type", "caption"?}';
  }
  return 'value matches none of the allowed shapes';
}
