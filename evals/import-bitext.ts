import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { bitextMappingMarkdown, importBitext, parseBitextCsv } from './lib/bitext.js';

const usage = `Usage: npm run eval:import-bitext -- <bitext.csv> [--per-intent N] [--limit N] [--seed S] > cases.jsonl
       npm run eval:import-bitext -- --mapping      print the intent mapping as Markdown

Writes one eval case per mapped row to stdout (JSONL); ambiguous intents are left out (see evals/README.md).
--per-intent and --limit draw a sample with the seeded shuffle (--seed, default 1), so it is repeatable.`;

function count(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new Error(`${flag} "${value}": expected a whole number ≥ 0`);
  return number;
}

async function main(argv: string[]): Promise<number> {
  let options: {
    csv: string | undefined;
    perIntent?: number;
    limit?: number;
    seed: number;
    mapping: boolean;
  };
  try {
    const { values, positionals } = parseArgs({
      args: argv[0] === '--' ? argv.slice(1) : argv,
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
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    if (positionals.length > 1) throw new Error('one CSV file at a time');
    const perIntent = count('--per-intent', values['per-intent']);
    const limit = count('--limit', values.limit);
    options = {
      csv: positionals[0],
      ...(perIntent === undefined ? {} : { perIntent }),
      ...(limit === undefined ? {} : { limit }),
      seed: count('--seed', values.seed) ?? 1,
      mapping: values.mapping ?? false,
    };
  } catch (error) {
    process.stderr.write(
      `import-bitext: ${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`,
    );
    return 2;
  }
  if (options.mapping) {
    process.stdout.write(`${bitextMappingMarkdown()}\n`);
    return 0;
  }
  if (options.csv === undefined) {
    process.stderr.write(`import-bitext: which CSV?\n\n${usage}\n`);
    return 2;
  }
  const result = importBitext(parseBitextCsv(await readFile(options.csv, 'utf8')), options);
  process.stdout.write(result.cases.map((item) => `${JSON.stringify(item)}\n`).join(''));
  const summary = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([intent, rows]) => `${intent} ${rows}`)
      .join(', ');
  process.stderr.write(`import-bitext: wrote ${result.cases.length} cases\n`);
  if (Object.keys(result.excluded).length > 0) {
    process.stderr.write(`import-bitext: left out ambiguous intents: ${summary(result.excluded)}\n`);
  }
  if (Object.keys(result.unknown).length > 0) {
    process.stderr.write(
      `import-bitext: left out intents with no mapping (add them to evals/lib/bitext.ts): ${summary(result.unknown)}\n`,
    );
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
