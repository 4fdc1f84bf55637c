import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * Whether the generator at `moduleUrl` was run as a command (not imported by a test) and should
 * write its files: it takes no arguments, `--help` says what it writes and writes nothing, and any
 * other argument is refused (exit 2) rather than ignored while files are rewritten.
 */
export function generatorShouldRun(moduleUrl: string, usage: string): boolean {
  const entry = process.argv[1];
  if (entry === undefined || moduleUrl !== pathToFileURL(entry).href) return false;
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
