import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DatasetError, type EvalCase, parseDataset } from './case-schema.js';
import type { RunResult } from './metrics.js';
import type { CaseOutcome } from './outcome.js';
import type { PlayOptions } from './play.js';
import { scoreCase } from './score.js';

export interface LoadedCase {
  /** The case id; `file.jsonl:id` when another dataset of the same run uses that id too. */
  key: string;
  file: string;
  evalCase: EvalCase;
}

/** The shape of `playCase` in play.ts; tests pass a fake that returns fixed outcomes. */
export type PlayFunction = (evalCase: EvalCase, options: PlayOptions) => Promise<CaseOutcome>;

/**
 * Reads and validates every dataset before anything is played, and reports the problems of all
 * files at once: a contract error must stop the run before it starts, not after ten minutes.
 */
export async function loadDatasets(paths: readonly string[]): Promise<LoadedCase[]> {
  const problems: string[] = [];
  const loaded: LoadedCase[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      problems.push(`${path}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    try {
      for (const evalCase of parseDataset(text, path))
        loaded.push({ key: evalCase.id, file: path, evalCase });
    } catch (error) {
      if (!(error instanceof DatasetError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new DatasetError(problems);
  // Ids are unique per file only (EVAL_FORMAT.md); qualify the clashes so results stay distinct.
  const files = new Map<string, Set<string>>();
  for (const item of loaded) files.set(item.key, (files.get(item.key) ?? new Set()).add(item.file));
  return loaded.map((item) =>
    (files.get(item.key)?.size ?? 0) > 1
      ? { ...item, key: `${basename(item.file)}:${item.evalCase.id}` }
      : item,
  );
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
      llm: { calls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, faults: 0 },
    };
  }
}

/**
 * Plays every case `repeat` times with at most `concurrency` plays in flight. Each play builds its
 * own in-memory database, so plays share nothing; results keep dataset order whatever finishes first.
 */
export async function runCases(cases: readonly LoadedCase[], options: RunOptions): Promise<RunResult[]> {
  const jobs = cases.flatMap((item) =>
    Array.from({ length: options.repeat }, (_, index) => ({ item, run: index + 1 })),
  );
  const results: RunResult[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index];
      if (!job) break;
      const outcome = await playSafely(options.play, job.item.evalCase, options.playOptions);
      const result: RunResult = { key: job.item.key, run: job.run, outcome, score: scoreCase(outcome) };
      results[index] = result;
      options.onResult?.(result);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, jobs.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
