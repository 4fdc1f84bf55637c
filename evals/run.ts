import { runEvalCli } from './lib/cli.js';

// `npm run eval -- …`: plays the datasets, writes report.json + report.html, gates CI (see evals/README.md).
process.exitCode = await runEvalCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
