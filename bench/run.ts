import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { boundHeapGrowth } from '../src/cli/heap-growth.js';
import { runInboxBenchmark } from './inbox.js';
import { runIngestBenchmark } from './ingest.js';
import { ROOT } from './lib/webhooks.js';
import { runLlmBenchmark } from './llm.js';
import { runMemoryBenchmark } from './memory.js';
import { runTurnBenchmark } from './turn.js';

const usage = `usage: npm run bench [-- options]
  --only ingest,turn,llm,memory,inbox   run some (the others keep their figures from the last results)
  --quick                               smaller counts, for a smoke run (the results say so)
  --out FILE                            where the results go (default bench/results.json)`;

/** `npm run bench`: the benchmarks in turn, a table on the terminal and `bench/results.json`. */
function options() {
  try {
    return parseArgs({
      options: {
        only: { type: 'string' },
        quick: { type: 'boolean', default: false },
        out: { type: 'string', default: resolve(ROOT, 'bench/results.json') },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
}
const values = options();
// The turn and inbox benchmarks run Baton in this process: with the server's heap settings.
boundHeapGrowth();
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const all = ['ingest', 'turn', 'llm', 'memory', 'inbox'] as const;
type Benchmark = (typeof all)[number];
const asked = values.only ? values.only.split(',').map((s) => s.trim()) : [...all];
const unknown = asked.filter((name) => !(all as readonly string[]).includes(name));
// a name that runs nothing would still rewrite the results file with this machine and this time
if (unknown.length > 0) {
  console.error(`no benchmark ${unknown.join(', ')}\n${usage}`);
  process.exit(2);
}
const selected = new Set(asked as Benchmark[]);
const quick = values.quick;

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  os: `${process.platform} ${release()}`,
  node: process.version,
};

const previous = existsSync(values.out)
  ? (JSON.parse(readFileSync(values.out, 'utf8')) as Record<string, unknown>)
  : {};
const results: Record<string, unknown> = {
  ...previous,
  machine,
  at: new Date().toISOString(),
  command: `npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  quick,
};

const log = (message: string) => process.stderr.write(`${message}\n`);
const started = Date.now();

if (selected.has('ingest')) {
  log(
    `ingest: ${quick ? 5 : 20} s per server at 64 connections (bare Hono, route without storage, Baton, Baton with worker)…`,
  );
  results.ingest = await runIngestBenchmark({ seconds: quick ? 5 : 20, connections: 64 });
}
if (selected.has('turn')) {
  log(`turn: ${quick ? 300 : 2_000} turns through the worker…`);
  results.turn = await runTurnBenchmark({ turns: quick ? 300 : 2_000, warmup: quick ? 30 : 100 });
}
if (selected.has('llm')) {
  log('llm: the dev eval set, Baton and the ReAct baseline against the counting model…');
  results.llm = await runLlmBenchmark();
}
if (selected.has('memory')) {
  log(`memory: ${quick ? 2_000 : 10_000} conversations through the built server…`);
  results.memory = await runMemoryBenchmark({ conversations: quick ? 2_000 : 10_000 });
}
if (selected.has('inbox')) {
  log(`inbox: ${quick ? 5_000 : 30_000} resolved handoffs, listed and searched…`);
  results.inbox = await runInboxBenchmark({ resolved: quick ? 5_000 : 30_000, repeats: quick ? 10 : 40 });
}
results.seconds = Math.round((Date.now() - started) / 1000);
writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);

type Row = [string, string, string, string];
const rows: Row[] = [];
const ok = (pass: boolean) => (pass ? 'met' : 'MISSED');
const ingest = results.ingest as Awaited<ReturnType<typeof runIngestBenchmark>> | undefined;
if (ingest) {
  rows.push([
    'ingest rps (bare Hono)',
    `${ingest.rps} (${ingest.bareRps})`,
    'ratio ≥ 0.30',
    `${ingest.ratio} ${ok(ingest.ratio >= 0.3)}`,
  ]);
  rows.push(['ingest p50 / p99 ms', `${ingest.p50Ms} / ${ingest.p99Ms}`, 'p99 < 25', ok(ingest.p99Ms < 25)]);
  rows.push(['ingest errors', String(ingest.errors), '0', ok(ingest.errors === 0)]);
  const floor = ingest.webhookFloor;
  rows.push([
    'webhook route without storage rps, p50 / p99 ms',
    `${floor.rps}, ${floor.p50Ms} / ${floor.p99Ms}`,
    '(informative)',
    '',
  ]);
  if (ingest.withWorker) {
    const w = ingest.withWorker;
    rows.push([
      'ingest with worker rps, p99 ms',
      `${w.rps}, ${w.p99Ms}`,
      '(informative)',
      `ratio ${w.ratio}`,
    ]);
  }
}
const turn = results.turn as Awaited<ReturnType<typeof runTurnBenchmark>> | undefined;
if (turn) {
  rows.push([
    `turn p50 / p99 ms (${turn.turns} turns)`,
    `${turn.p50Ms} / ${turn.p99Ms}`,
    'p50 ≤ 3, p99 ≤ 15',
    ok(turn.p50Ms <= 3 && turn.p99Ms <= 15),
  ]);
  rows.push([
    'of which the agent graph p50 / p99 ms',
    `${turn.graph.p50Ms} / ${turn.graph.p99Ms}`,
    '(informative)',
    '',
  ]);
  rows.push([
    'LangGraph alone, same path, empty nodes',
    `${turn.langGraphFloor.p50Ms} / ${turn.langGraphFloor.p99Ms}`,
    '(informative)',
    '',
  ]);
}
const llm = results.llm as Awaited<ReturnType<typeof runLlmBenchmark>> | undefined;
if (llm) {
  rows.push([
    'LLM calls per turn (baseline)',
    `${llm.callsPerTurn} (${llm.baselineCallsPerTurn})`,
    '≤ 1.3',
    ok(llm.callsPerTurn <= 1.3),
  ]);
  rows.push([
    'LLM prompt tokens per turn (baseline)',
    `${llm.promptTokensPerTurn} (${llm.baselinePromptTokensPerTurn})`,
    '≥ 40 % fewer',
    `${Math.round(llm.promptTokenSaving * 100)} % ${ok(llm.promptTokenSaving >= 0.4)}`,
  ]);
}
const memory = results.memory as Awaited<ReturnType<typeof runMemoryBenchmark>> | undefined;
if (memory) {
  rows.push([
    `RSS MB after ${memory.conversations} conversations`,
    String(memory.rssMbAt10k),
    '≤ 250',
    ok(memory.rssMbAt10k <= 250),
  ]);
  rows.push(['heap KB per conversation after 1k', String(memory.heapKbPerConversationAfter1k), '≈ 0', '']);
}
const inbox = results.inbox as Awaited<ReturnType<typeof runInboxBenchmark>> | undefined;
if (inbox) {
  const figure = (f: { p50Ms: number; p99Ms: number }) => `${f.p50Ms} / ${f.p99Ms}`;
  rows.push([
    `inbox Resolved tab p50 / p99 ms (${inbox.resolved} resolved)`,
    figure(inbox.resolvedTab),
    '(informative)',
    '',
  ]);
  rows.push(['inbox search, a name nobody has', figure(inbox.searchRare), '(informative)', '']);
  rows.push(['inbox search, a word half share', figure(inbox.searchCommon), '(informative)', '']);
  rows.push(['inbox search, a phone number', figure(inbox.searchPhone), '(informative)', '']);
}
const widths = [0, 1, 2, 3].map((i) =>
  Math.max(...[['measure', 'value', 'target', ''], ...rows].map((r) => r[i]?.length ?? 0)),
);
const line = (r: readonly string[]) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
console.log(
  `${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}${quick ? ' (quick run)' : ''}`,
);
console.log(line(['measure', 'value', 'target', '']));
for (const row of rows) console.log(line(row));
console.log(`written to ${values.out} in ${results.seconds} s`);
