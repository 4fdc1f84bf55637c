import { parseArgs } from 'node:util';

/**
 * A generator takes no arguments: `--help` says what it writes and writes nothing, and any other
 * argument is refused (exit 2) rather than ignored while files are rewritten.
 */
export function generatorShouldRun(usage: string): boolean {
  let help: boolean | undefined;
  try {
    help = parseArgs({ options: { help: { type: 'boolean', short: 'h' } } }).values.help;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
  if (help === true) console.log(usage);
  return help !== true;
}
