import { parseArgs } from 'node:util';
import { type Language, languages } from './case-schema.js';
import { type Gate, metrics, parseGate } from './gates.js';

export interface EvalArgs {
  /** Empty: the repository's evals/datasets/*.jsonl. */
  datasets: string[];
  provider: 'offline' | 'openai';
  model?: string;
  prompts?: string;
  concurrency: number;
  filter: string[];
  /** Keep only cases whose `lang` is one of these; empty: every case. */
  lang: Language[];
  /** Undefined: evals/reports/<timestamp>/. */
  out?: string;
  repeat: number;
  baseline?: string;
  gates: Gate[];
  /** `--compare old.json new.json`: diff two saved reports; nothing is played. */
  compare?: [string, string];
  help: boolean;
}

/** A bad command line: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const usage = `Usage: npm run eval -- [options]

  --dataset <path.jsonl>     dataset to play; repeat for several (default: evals/datasets/*.jsonl)
  --provider offline|openai  LLM engine (default: offline)
  --model <name>             model for --provider openai (default: LLM_MODEL, else the prompt file's model)
  --prompts <versions>       prompt versions for --provider openai: v2, or per job classifier=v2,responder=v1
                             (prompts/<job>/<version>.md, bundled by npm run prompts:bundle; default: LLM_PROMPTS, else v1)
  --concurrency <N>          cases played at once (default: 4); latency grows with it
  --filter <glob>            keep cases whose id or a tag matches; * and ? wildcards; repeatable
  --lang en|ar               keep cases whose lang is one of these; repeatable or a comma list (en,ar);
                             with --filter a case must match both
  --out <dir>                where report.json and report.html go (default: evals/reports/<timestamp>/)
  --repeat <K>               play every case K times; reports pass^K (default: 1)
  --baseline <report.json>   print what changed since an earlier run
  --fail-under <metric>=<v>  exit 1 when the metric is below v; repeatable (e.g. f1=0.9)
  --fail-over <metric>=<v>   exit 1 when the metric is above v (for missedEscalationRate, costs…)
                             with --provider openai, fallbackRate ≤ 0 is gated unless you gate it yourself
  --compare <old.json> <new.json>
                             print what changed between two saved report.json files; plays nothing
                             and takes no other option
  -h, --help                 this text

Metrics: ${Object.keys(metrics).join(', ')}`;

function positiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new UsageError(`${flag} "${value}": expected a whole number ≥ 1`);
  return number;
}

/** `--lang ar --lang en` or `--lang en,ar`; anything but en and ar is a usage error. */
function parseLanguages(values: readonly string[]): Language[] {
  const chosen: Language[] = [];
  for (const value of values) {
    for (const part of value.split(',')) {
      const lang = part.trim();
      if (!(languages as readonly string[]).includes(lang))
        throw new UsageError(
          `--lang "${value}": expected ${languages.join(' or ')} (or a comma list of them)`,
        );
      if (!chosen.includes(lang as Language)) chosen.push(lang as Language);
    }
  }
  return chosen;
}

/**
 * `--compare old.json new.json` is a mode of its own: it reads two reports and plays nothing, so a
 * flag meant for a run (a dataset, a filter, a gate) would be silently ignored; refuse it instead.
 */
function compareFiles(
  values: ReturnType<typeof parse>['values'],
  positionals: readonly string[],
): [string, string] | undefined {
  if (!values.compare) {
    if (positionals.length > 0)
      throw new UsageError(
        `unexpected argument "${positionals[0]}" (did you mean --compare old.json new.json?)`,
      );
    return undefined;
  }
  const [before, after] = positionals;
  if (positionals.length !== 2 || before === undefined || after === undefined)
    throw new UsageError(`--compare takes two report.json files, old then new; got ${positionals.length}`);
  const others = Object.keys(values).filter((name) => name !== 'compare' && name !== 'help');
  if (others.length > 0)
    throw new UsageError(
      `--compare plays nothing and takes no other option; drop ${others.map((name) => `--${name}`).join(', ')}`,
    );
  return [before, after];
}

export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  let values: ReturnType<typeof parse>['values'];
  let positionals: string[];
  try {
    ({ values, positionals } = parse(argv));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const compare = compareFiles(values, positionals);
  const provider = values.provider ?? 'offline';
  if (provider !== 'offline' && provider !== 'openai') {
    throw new UsageError(`--provider "${provider}": expected offline or openai`);
  }
  // The offline engine has no model and no prompts: accepting them would record a setup never measured.
  for (const flag of ['model', 'prompts'] as const) {
    if (values[flag] !== undefined && provider !== 'openai')
      throw new UsageError(`--${flag} needs --provider openai (the offline engine uses no model or prompts)`);
  }
  const gates: Gate[] = [];
  try {
    for (const text of values['fail-under'] ?? []) gates.push(parseGate(text, 'under'));
    for (const text of values['fail-over'] ?? []) gates.push(parseGate(text, 'over'));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  return {
    datasets: values.dataset ?? [],
    provider,
    ...(values.model === undefined ? {} : { model: values.model }),
    ...(values.prompts === undefined ? {} : { prompts: values.prompts }),
    concurrency: positiveInt('--concurrency', values.concurrency, 4),
    filter: values.filter ?? [],
    lang: parseLanguages(values.lang ?? []),
    ...(values.out === undefined ? {} : { out: values.out }),
    repeat: positiveInt('--repeat', values.repeat, 1),
    ...(values.baseline === undefined ? {} : { baseline: values.baseline }),
    gates,
    ...(compare === undefined ? {} : { compare }),
    help: values.help ?? false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      dataset: { type: 'string', multiple: true },
      provider: { type: 'string' },
      model: { type: 'string' },
      prompts: { type: 'string' },
      concurrency: { type: 'string' },
      filter: { type: 'string', multiple: true },
      lang: { type: 'string', multiple: true },
      out: { type: 'string' },
      repeat: { type: 'string' },
      baseline: { type: 'string' },
      'fail-under': { type: 'string', multiple: true },
      'fail-over': { type: 'string', multiple: true },
      compare: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
