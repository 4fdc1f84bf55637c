import { runImportBitext } from './lib/import-bitext-cli.js';

process.exitCode = await runImportBitext(process.argv.slice(2), process);
