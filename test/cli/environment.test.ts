import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../support/temporary-directory.js';

const module = pathToFileURL(resolve('src/cli/environment.ts')).href;
const tsx = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;

/** `environment()` in a fresh process started in `cwd`, printing the variables asked for. */
function variablesIn(cwd: string, env: Record<string, string>, names: string[]): string[] {
  const script = `const { environment } = await import(${JSON.stringify(module)}); const e = environment(); console.log(JSON.stringify(${JSON.stringify(names)}.map((n) => e[n] ?? null)));`;
  const out = execFileSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[];
}

describe('the environment of the server and the command-line tools', () => {
  it('reads a .env file in the working directory, and a variable already set wins over it', () => {
    const dir = temporaryDirectory('baton-env-');
    writeFileSync(join(dir, '.env'), 'FRUSTRATION_THRESHOLD=0.9\nBUSINESS_NAME=Nour Home\n');
    expect(
      variablesIn(dir, { BUSINESS_NAME: 'Set Outside' }, ['FRUSTRATION_THRESHOLD', 'BUSINESS_NAME']),
    ).toEqual(['0.9', 'Set Outside']);
    // none there: nothing read, nothing fails
    expect(variablesIn(tmpdir(), {}, ['FRUSTRATION_THRESHOLD'])).toEqual([null]);
  }, 30_000);
});
