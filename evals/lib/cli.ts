import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeDocument } from '../../src/knowledge/document.js';
import { type EvalArgs, parseEvalArgs, UsageError, usage } from './args.js';
import { DatasetError } from './case-schema.js';
import { type Baseline, compareReports, formatDiff, parseBaseline } from './compare.js';
import { describeGate, evaluateGates, formatMetric, implicitGates } from './gates.js';
import { buildReport, type Report } from './metrics.js';
import { createProgress, type ProgressStream } from './progress.js';
import { renderReportHtml } from './report-html.js';
import {
  DatasetReadError,
  filterByLanguage,
  filterCases,
  type LoadedCase,
  type LoadedDatasets,
  loadDatasetFiles,
  type PlayFunction,
  repeatedFiles,
  runCases,
} from './runner.js';
import { checkEngineSetup, type EngineDescription, SetupError } from './setup.js';
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

/**
 * Exit codes: 0 ran (whatever the pass rate); 1 a gate failed (implicit ones included) or a run
 * ended in an error; 2 usage, an unreadable or contract-breaking dataset, or an engine that cannot
 * run (nothing is played then).
 */
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
  if (args.compare) return compareFiles(args.compare, io);

  const datasets = args.datasets.length > 0 ? args.datasets : await defaultDatasets();
  if (datasets.length === 0) {
    err('eval: no dataset: pass --dataset <path.jsonl> or add evals/datasets/*.jsonl');
    return 2;
  }
  const repeated = repeatedFiles(datasets);
  if (repeated.length > 0) {
    err(`eval: --dataset ${repeated.join(', ')} given more than once; pass each file once\n\n${usage}`);
    return 2;
  }
  let baseline: Baseline | undefined;
  let loaded: LoadedDatasets;
  let cases: LoadedCase[];
  try {
    loaded = await loadDatasetFiles(datasets);
    cases = filterByLanguage(filterCases(loaded.cases, args.filter), args.lang);
    if (args.baseline) baseline = parseBaseline(await readFile(args.baseline, 'utf8'), args.baseline);
  } catch (error) {
    if (error instanceof DatasetReadError) {
      err(`eval: cannot read the dataset; nothing was played:\n${error.message}`);
    } else if (error instanceof DatasetError) {
      err(`eval: the dataset breaks the contract (evals/FORMAT.md); nothing was played:\n${error.message}`);
    } else {
      err(`eval: ${error instanceof Error ? error.message : String(error)}`);
    }
    return 2;
  }
  if (cases.length === 0) {
    const selectors = [
      ...(args.filter.length > 0 ? [`--filter ${args.filter.join(', ')}`] : []),
      ...(args.lang.length > 0 ? [`--lang ${args.lang.join(', ')}`] : []),
    ];
    err(
      selectors.length > 0
        ? `eval: no case matches ${selectors.join(' and ')} (${loaded.cases.length} case(s) in ${datasets.join(', ')})`
        : `eval: the dataset holds no case: ${datasets.join(', ')}`,
    );
    return 2;
  }
  const engineOptions = {
    provider: args.provider,
    ...(args.model === undefined ? {} : { model: args.model }),
    ...(args.prompts === undefined ? {} : { prompts: args.prompts }),
  };
  let engine: EngineDescription;
  try {
    engine = checkEngineSetup(engineOptions);
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    err(`eval: the ${args.provider} provider cannot run; nothing was played:\n${error.message}`);
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
    playOptions: { ...engineOptions, knowledge },
    concurrency: args.concurrency,
    repeat: args.repeat,
    onResult: (result) => progress.tick(result.score.passed),
  });
  progress.stop();

  const report = buildReport(results, {
    startedAt: startedAt.toISOString(),
    durationMs: now().getTime() - startedAt.getTime(),
    datasets: loaded.files.map((file) => ({
      path: relative(process.cwd(), file.path) || file.path,
      sha256: file.sha256,
    })),
    provider: args.provider,
    ...engine,
    ...(args.filter.length > 0 ? { filter: args.filter } : {}),
    ...(args.lang.length > 0 ? { lang: args.lang } : {}),
    repeat: args.repeat,
    concurrency: args.concurrency,
  });
  const gates = evaluateGates(report, [...args.gates, ...implicitGates(args.provider, args.gates)]);
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
  io.stdout.write(`\nReport: ${join(out, 'report.html')}\n        ${join(out, 'report.json')}\n`);

  let code = 0;
  if (report.errors > 0) {
    err(errorsMessage(report));
    code = 1;
  }
  const failed = gates.filter((gate) => !gate.passed);
  if (failed.length > 0) {
    err(`eval: ${failed.length} gate(s) failed: ${failed.map((gate) => gate.metric).join(', ')}`);
    code = 1;
  }
  if (report.llm.fallbacks > 0)
    err(
      fallbackMessage(
        report,
        failed.some((gate) => gate.implicit),
      ),
    );
  return code;
}

/**
 * `--compare old.json new.json`: the `--baseline` diff between two saved reports, with nothing
 * played. Exit 0 whatever changed; 2 when a file cannot be read or is not a report.
 */
async function compareFiles([oldPath, newPath]: [string, string], io: CliIo): Promise<number> {
  const reports: Baseline[] = [];
  for (const path of [oldPath, newPath]) {
    try {
      reports.push(parseBaseline(await readFile(path, 'utf8'), path));
    } catch (error) {
      io.stderr.write(`eval: --compare: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
  }
  const [before, after] = reports as [Baseline, Baseline];
  const diff = compareReports(before, after, { before: oldPath, after: newPath });
  io.stdout.write(`${formatDiff(diff, `Compared ${oldPath} (old) with ${newPath} (new):`)}\n`);
  return 0;
}

const ERRORS_SHOWN = 3;

/** FORMAT.md: "every case also requires the run finished without an error". */
function errorsMessage(report: Report): string {
  const errored = report.results.filter((result) => result.error !== undefined);
  const shown = errored.slice(0, ERRORS_SHOWN).map((result) => `  ${result.id}: ${result.error}`);
  const more =
    errored.length > ERRORS_SHOWN ? [`  … ${errored.length - ERRORS_SHOWN} more in report.json`] : [];
  return [
    `eval: ${report.errors} of ${report.runs} run(s) ended in an error and measured nothing ` +
      '(they fail their case and are left out of the escalation metrics):',
    ...shown,
    ...more,
  ].join('\n');
}

function fallbackMessage(report: Report, gateFailed: boolean): string {
  const { llm } = report;
  const kinds = Object.entries(llm.faultsByKind)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  const head =
    `eval: the model failed and the offline engine answered ${llm.fallbacks} job(s) over ` +
    `${llm.turns} customer turn(s) (fallbackRate ${formatMetric('fallbackRate', llm.fallbackRate)}; ` +
    `${llm.faults} faults${kinds ? `: ${kinds}` : ''}): the figures above are partly the offline engine's, not the model's.`;
  return gateFailed
    ? `${head}\nFix the model or its endpoint, or accept some fallbacks with --fail-over fallbackRate=0.05.`
    : head;
}

async function defaultDatasets(): Promise<string[]> {
  const dir = join(repoRoot, 'evals', 'datasets');
  const names = await readdir(dir).catch(() => []);
  return names
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => join(dir, name));
}
