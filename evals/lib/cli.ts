import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeDocument } from '../../src/knowledge/document.js';
import { type EvalArgs, parseEvalArgs, UsageError, usage } from './args.js';
import { DatasetError } from './case-schema.js';
import { type Baseline, compareReports, formatDiff, parseBaseline } from './compare.js';
import { describeGate, evaluateGates } from './gates.js';
import { buildReport } from './metrics.js';
import { createProgress, type ProgressStream } from './progress.js';
import { renderReportHtml } from './report-html.js';
import { filterCases, loadDatasets, type PlayFunction, runCases } from './runner.js';
import { formatSummary } from './terminal.js';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
  /** Defaults to play.ts's playCase; tests inject a fake that returns fixed outcomes. */
  play?: PlayFunction;
  loadKnowledge?: (root: string) => Promise<KnowledgeDocument[]>;
  now?: () => Date;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Exit codes: 0 ran (whatever the pass rate), 1 a --fail-under/--fail-over gate failed, 2 usage or contract error. */
export async function runEvalCli(argv: readonly string[], io: CliIo): Promise<number> {
  const err = (text: string) => io.stderr.write(`${text}\n`);
  const now = io.now ?? (() => new Date());
  let args: EvalArgs;
  try {
    // `npx tsx evals/run.ts -- --dataset x` forwards the separator; npm run strips it.
    args = parseEvalArgs(argv[0] === '--' ? argv.slice(1) : argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`eval: ${error.message}\n\n${usage}`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(`${usage}\n`);
    return 0;
  }

  const datasets = args.datasets.length > 0 ? args.datasets : await defaultDatasets();
  if (datasets.length === 0) {
    err('eval: no dataset: pass --dataset <path.jsonl> or add evals/datasets/*.jsonl');
    return 2;
  }
  let baseline: Baseline | undefined;
  let cases: Awaited<ReturnType<typeof loadDatasets>>;
  try {
    cases = filterCases(await loadDatasets(datasets), args.filter);
    if (args.baseline) baseline = parseBaseline(await readFile(args.baseline, 'utf8'), args.baseline);
  } catch (error) {
    if (error instanceof DatasetError) {
      err(
        `eval: the dataset breaks the contract (shared/EVAL_FORMAT.md); nothing was played:\n${error.message}`,
      );
    } else {
      err(`eval: ${error instanceof Error ? error.message : String(error)}`);
    }
    return 2;
  }
  if (cases.length === 0) {
    err(`eval: no case matches --filter ${args.filter.join(', ')}`);
    return 2;
  }

  const loadKnowledge =
    io.loadKnowledge ?? (await import('../../src/knowledge/load-fs.js')).loadKnowledgeFromDirectory;
  const knowledge = await loadKnowledge(join(repoRoot, 'knowledge'));
  // Loaded lazily so that tests with a fake player never build the whole app.
  const play = io.play ?? (await import('./play.js')).playCase;
  const startedAt = now();
  const progress = createProgress(cases.length * args.repeat, io.stderr);
  const results = await runCases(cases, {
    play,
    playOptions: {
      provider: args.provider,
      knowledge,
      ...(args.model === undefined ? {} : { model: args.model }),
      ...(args.prompts === undefined ? {} : { prompts: args.prompts }),
    },
    concurrency: args.concurrency,
    repeat: args.repeat,
    onResult: (result) => progress.tick(result.score.passed),
  });
  progress.stop();

  const report = buildReport(results, {
    startedAt: startedAt.toISOString(),
    durationMs: now().getTime() - startedAt.getTime(),
    datasets: datasets.map((path) => relative(process.cwd(), path) || path),
    provider: args.provider,
    ...(args.model === undefined ? {} : { model: args.model }),
    ...(args.prompts === undefined ? {} : { prompts: args.prompts }),
    ...(args.filter.length > 0 ? { filter: args.filter } : {}),
    repeat: args.repeat,
  });
  const gates = evaluateGates(report, args.gates);
  const diff = baseline ? compareReports(baseline, report) : undefined;

  const out = args.out ?? join(repoRoot, 'evals', 'reports', startedAt.toISOString().replace(/[:.]/g, '-'));
  await mkdir(out, { recursive: true });
  const json = { ...report, ...(gates.length > 0 ? { gates } : {}), ...(diff ? { comparison: diff } : {}) };
  await writeFile(join(out, 'report.json'), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(join(out, 'report.html'), renderReportHtml(report, { gates, ...(diff ? { diff } : {}) }));

  io.stdout.write(`${formatSummary(report)}\n`);
  if (diff) io.stdout.write(`\n${formatDiff(diff)}\n`);
  if (gates.length > 0)
    io.stdout.write(`\nGates:\n${gates.map((gate) => `  ${describeGate(gate)}`).join('\n')}\n`);
  io.stdout.write(`\nReport: ${join(out, 'report.html')}\n`);
  const failed = gates.filter((gate) => !gate.passed);
  if (failed.length > 0) {
    err(`eval: ${failed.length} gate(s) failed: ${failed.map((gate) => gate.metric).join(', ')}`);
    return 1;
  }
  return 0;
}

async function defaultDatasets(): Promise<string[]> {
  const dir = join(repoRoot, 'evals', 'datasets');
  const names = await readdir(dir).catch(() => []);
  return names
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => join(dir, name));
}
