import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { bitextMappingMarkdown, importBitext, parseBitextCsv } from './bitext.js';

export interface ImportIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const usage = `Usage: npm run -s eval:import-bitext -- <bitext.csv> [--per-intent N] [--limit N] [--seed S] > cases.jsonl
       npm run eval:import-bitext -- --mapping      print the intent mapping as Markdown

Writes one eval case per mapped row to stdout (JSONL); ambiguous intents are left out (see evals/README.md).
--per-intent and --limit draw a sample with the seeded shuffle (--seed, default 1), so it is repeatable.`;

function count(flag: string, value: string | undefined, min = 1): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min)
    throw new Error(`${flag} "${value}": expected a whole number ≥ ${min}`);
  return number;
}

/**
 * `npm run -s eval:import-bitext`: exit 0 written, 2 a usage error or a file that is missing or not
 * a Bitext CSV (one line on stderr, no stack trace).
 */
export async function runImportBitext(argv: readonly string[], io: ImportIo): Promise<number> {
  let options: {
    csv: string | undefined;
    perIntent?: number;
    limit?: number;
    seed: number;
    mapping: boolean;
  };
  try {
    const { values, positionals } = parseArgs({
      args: argv[0] === '--' ? argv.slice(1) : [...argv],
      allowPositionals: true,
      options: {
        'per-intent': { type: 'string' },
        limit: { type: 'string' },
        seed: { type: 'string' },
        mapping: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout.write(`${usage}\n`);
      return 0;
    }
    if (positionals.length > 1) throw new Error('one CSV file at a time');
    const perIntent = count('--per-intent', values['per-intent']);
    const limit = count('--limit', values.limit);
    options = {
      csv: positionals[0],
      ...(perIntent === undefined ? {} : { perIntent }),
      ...(limit === undefined ? {} : { limit }),
      seed: count('--seed', values.seed, 0) ?? 1,
      mapping: values.mapping ?? false,
    };
  } catch (error) {
    io.stderr.write(`import-bitext: ${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`);
    return 2;
  }
  if (options.mapping) {
    io.stdout.write(`${bitextMappingMarkdown()}\n`);
    return 0;
  }
  if (options.csv === undefined) {
    io.stderr.write(`import-bitext: which CSV?\n\n${usage}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(options.csv, 'utf8');
  } catch (error) {
    io.stderr.write(`import-bitext: cannot read ${options.csv}: ${messageOf(error)}\n`);
    return 2;
  }
  let rows: ReturnType<typeof parseBitextCsv>;
  try {
    rows = parseBitextCsv(text);
  } catch (error) {
    const message = messageOf(error);
    io.stderr.write(
      `import-bitext: ${options.csv}: ${message.startsWith('not a Bitext CSV') ? message : `not a Bitext CSV: ${message}`}\n`,
    );
    return 2;
  }
  const result = importBitext(rows, options);
  io.stdout.write(result.cases.map((item) => `${JSON.stringify(item)}\n`).join(''));
  const summary = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([intent, rows]) => `${intent} ${rows}`)
      .join(', ');
  io.stderr.write(`import-bitext: wrote ${result.cases.length} cases\n`);
  if (Object.keys(result.excluded).length > 0) {
    io.stderr.write(`import-bitext: left out ambiguous intents: ${summary(result.excluded)}\n`);
  }
  if (Object.keys(result.unknown).length > 0) {
    io.stderr.write(
      `import-bitext: left out intents with no mapping (add them to evals/lib/bitext.ts): ${summary(result.unknown)}\n`,
    );
  }
  return 0;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
