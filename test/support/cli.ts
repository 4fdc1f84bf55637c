import { type SpawnSyncReturns, spawnSync } from 'node:child_process';

/**
 * Runs one of `src/cli` as `npm run` does, on the given database. Node loads tsx itself: going
 * through npx costs a second a run (the CLI tests run a few dozen).
 */
export function runCli(
  script: string,
  args: readonly string[],
  databaseUrl: string,
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}`, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' },
    encoding: 'utf8',
  });
}
