import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what survived its last full collection before it collects
 * again. V8 picks up to four times, and keeps the pages it grew into: with 48 MB in use, the
 * server's RSS moved between 232 and 287 MB from one thousand conversations to the next. Less
 * growth means more full collections, whose pauses show in a webhook flood's p99: doubling at
 * most kept RSS at 218–235 MB for a p99 of 19–23 ms instead of 16–21; 75 % and 50 % saved more
 * memory and cost more (22–27 and 22–24 ms) (README, "Performance and reliability").
 */
const HEAP_GROWING_PERCENT = 100;

/**
 * The V8 flag for Baton's heap growth, unless the operator gave node their own (only on its
 * command line: node refuses this flag in `NODE_OPTIONS`).
 */
export function heapGrowthFlag(execArgv: readonly string[]): string | undefined {
  const given = execArgv.some((arg) => /^--heap[-_]growing[-_]percent=/.test(arg));
  return given ? undefined : `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

/**
 * Bounds the heap's growth for this process, however it was started (`npm start`, `node
 * build/server.js`, a container): V8 reads the factor at every full collection, so a flag set at
 * start holds from the first one. `node --heap-growing-percent=N build/server.js` wins.
 */
export function boundHeapGrowth(): void {
  const flag = heapGrowthFlag(process.execArgv);
  if (flag !== undefined) setFlagsFromString(flag);
}
