import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { DatasetError, type EvalCase, parseDataset } from './case-schema.js';
import type { RunResult } from './metrics.js';
import { type CaseOutcome, noLlmUsage } from './outcome.js';
import type { PlayOptions } from './play.js';
import { scoreCase } from './score.js';

export interface LoadedCase {
  /** The case id; `file.jsonl:id` (or `dir/file.jsonl:id`) when another dataset of the run uses that id too. */
  key: string;
  file: string;
  evalCase: EvalCase;
}

/** The shape of `playCase` in play.ts; tests pass a fake that returns fixed outcomes. */
export type PlayFunction = (evalCase: EvalCase, options: PlayOptions) => Promise<CaseOutcome>;

/** A dataset file that could not be read (missing, a directory, no permission): not a contract problem. */
export class DatasetReadError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'DatasetReadError';
  }
}

export interface LoadedDatasets {
  cases: LoadedCase[];
  /** Every file as given, with the sha256 of its bytes: report.json says exactly what was measured. */
  files: { path: string; sha256: string }[];
}

/**
 * Reads and validates every dataset before anything is played, and reports the problems of all
 * files at once: a contract error must stop the run before it starts, not after ten minutes.
 */
export async function loadDatasetFiles(paths: readonly string[]): Promise<LoadedDatasets> {
  const unreadable: string[] = [];
  const problems: string[] = [];
  const loaded: LoadedCase[] = [];
  const files: LoadedDatasets['files'] = [];
  for (const path of paths) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      unreadable.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    files.push({ path, sha256: createHash('sha256').update(bytes).digest('hex') });
    try {
      for (const evalCase of parseDataset(bytes.toString('utf8'), path))
        loaded.push({ key: evalCase.id, file: path, evalCase });
    } catch (error) {
      if (!(error instanceof DatasetError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (unreadable.length > 0) throw new DatasetReadError(unreadable);
  if (problems.length > 0) throw new DatasetError(problems);
  // Ids are unique per file only (FORMAT.md); qualify the clashes so results stay distinct.
  const filesOfId = new Map<string, Set<string>>();
  for (const item of loaded) filesOfId.set(item.key, (filesOfId.get(item.key) ?? new Set()).add(item.file));
  const labels = fileLabels(paths);
  const cases = loaded.map((item) =>
    (filesOfId.get(item.key)?.size ?? 0) > 1
      ? { ...item, key: `${labels.get(item.file) ?? item.file}:${item.evalCase.id}` }
      : item,
  );
  return { cases, files };
}

/** The cases alone, for callers that do not report on the files (bench/llm.ts). */
export async function loadDatasets(paths: readonly string[]): Promise<LoadedCase[]> {
  return (await loadDatasetFiles(paths)).cases;
}

/**
 * The shortest trailing part of each path that tells the files apart: `dev.jsonl` alone, or
 * `a/set.jsonl` and `b/set.jsonl` when two files share a name, so clashing ids stay distinct.
 */
export function fileLabels(paths: readonly string[]): Map<string, string> {
  const parts = paths.map((path) => resolve(path).split(sep).filter(Boolean));
  const labels = new Map<string, string>();
  for (const [index, path] of paths.entries()) {
    const own = parts[index] ?? [];
    let depth = 1;
    while (
      depth < own.length &&
      parts.some((other, j) => j !== index && other.slice(-depth).join('/') === own.slice(-depth).join('/'))
    )
      depth++;
    labels.set(path, own.slice(-depth).join('/'));
  }
  return labels;
}

/** The same file given twice would play every case twice under one id: refuse it (a usage error). */
export function repeatedFiles(paths: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    if (seen.has(absolute) && !repeated.includes(path)) repeated.push(path);
    seen.add(absolute);
  }
  return repeated;
}

/** `*` matches any run of characters, `?` one; the whole id or tag must match. */
export function globToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** Keeps a case when any pattern matches its id or any of its tags. */
export function filterCases(cases: readonly LoadedCase[], patterns: readonly string[]): LoadedCase[] {
  if (patterns.length === 0) return [...cases];
  const regexps = patterns.map(globToRegExp);
  return cases.filter(({ key, evalCase }) =>
    regexps.some(
      (regexp) =>
        regexp.test(evalCase.id) || regexp.test(key) || (evalCase.tags ?? []).some((tag) => regexp.test(tag)),
    ),
  );
}

/** Keeps the cases whose `lang` is one of `langs`; a case without `lang` matches none. Empty: all. */
export function filterByLanguage(cases: readonly LoadedCase[], langs: readonly string[]): LoadedCase[] {
  if (langs.length === 0) return [...cases];
  return cases.filter(({ evalCase }) => evalCase.lang !== undefined && langs.includes(evalCase.lang));
}

export interface RunOptions {
  play: PlayFunction;
  playOptions: PlayOptions;
  concurrency: number;
  repeat: number;
  onResult?: (result: RunResult) => void;
}

/** An exception escaping the player must cost one case, not the whole run. */
async function playSafely(
  play: PlayFunction,
  evalCase: EvalCase,
  options: PlayOptions,
): Promise<CaseOutcome> {
  try {
    return await play(evalCase, options);
  } catch (error) {
    return {
      case: evalCase,
      error: error instanceof Error ? error.message : String(error),
      turns: [],
      llm: noLlmUsage(),
    };
  }
}

/**
 * Plays every case `repeat` times with at most `concurrency` plays in flight. Each play builds its
 * own in-memory database, so plays share nothing; results keep dataset order whatever finishes first.
 */
export async function runCases(cases: readonly LoadedCase[], options: RunOptions): Promise<RunResult[]> {
  const jobs = cases.flatMap((item, position) =>
    Array.from({ length: options.repeat }, (_, index) => ({ item, position, run: index + 1 })),
  );
  const results: RunResult[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index];
      if (!job) break;
      const outcome = await playSafely(options.play, job.item.evalCase, {
        ...options.playOptions,
        position: job.position,
      });
      const result: RunResult = { key: job.item.key, run: job.run, outcome, score: scoreCase(outcome) };
      results[index] = result;
      options.onResult?.(result);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, jobs.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
