import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { round } from './lib/stats.js';
import { ROOT } from './lib/webhooks.js';

export interface MemorySample {
  conversations: number;
  messages: number;
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
}

export interface MemoryResult {
  conversations: number;
  rssMbAt10k: number;
  heapUsedMbAt10k: number;
  /** Growth per conversation after the first thousand (least-squares slope of RSS and of heap). */
  rssKbPerConversationAfter1k: number;
  heapKbPerConversationAfter1k: number;
  samples: MemorySample[];
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/**
 * RSS of a whole Baton (Node wiring, libSQL file, offline engine) after handling `conversations`
 * conversations, in a child process of its own so the benchmark's own memory does not count.
 * Samples after a full GC every thousand conversations.
 */
export async function runMemoryBenchmark(options: { conversations?: number } = {}): Promise<MemoryResult> {
  const total = options.conversations ?? 10_000;
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', resolve(ROOT, 'bench/memory-child.ts'), String(total), '1000'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err = (err + chunk.toString()).slice(-5_000);
  });
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  if (code !== 0) throw new Error(`memory child exited ${code}: ${err}`);
  const samples = out
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as MemorySample);
  const last = samples.at(-1);
  if (last === undefined) throw new Error('memory child printed no sample');
  const after1k = samples.filter((s) => s.conversations >= 1_000);
  const kb = (mbPerConversation: number) => round(mbPerConversation * 1024, 3);
  return {
    conversations: last.conversations,
    rssMbAt10k: round(last.rssMb, 1),
    heapUsedMbAt10k: round(last.heapUsedMb, 1),
    rssKbPerConversationAfter1k: kb(slope(after1k.map((s) => ({ x: s.conversations, y: s.rssMb })))),
    heapKbPerConversationAfter1k: kb(slope(after1k.map((s) => ({ x: s.conversations, y: s.heapUsedMb })))),
    samples: samples.map((s) => ({
      ...s,
      rssMb: round(s.rssMb, 1),
      heapUsedMb: round(s.heapUsedMb, 1),
      externalMb: round(s.externalMb, 1),
    })),
  };
}
