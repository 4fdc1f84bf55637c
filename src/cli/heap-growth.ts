import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what survived its last full collection before it collects
 * again. V8 picks up to four times, and keeps the pages it grew into: with 48 MB in use, the
 * server's RSS moved between 232 and 283 MB from one thousand conversations to the next. Less
 * growth means more full collections, whose pauses show in a webhook flood's p99: at 75 % RSS
 * stayed at 212–218 MB and the flood's p99 went from 16–19 to 22 ms; 50 % and 20 % saved more
 * memory and cost more (24 and 28 ms) (README, "Performance and reliability").
 */
const HEAP_GROWING_PERCENT = 75;

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
