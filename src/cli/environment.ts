import { existsSync } from 'node:fs';

/**
 * The process's environment, with a `.env` file in the working directory read into it first. A
 * variable the environment already sets wins over the file's, as with Node's `--env-file`.
 */
export function environment(): NodeJS.ProcessEnv {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return process.env;
}
