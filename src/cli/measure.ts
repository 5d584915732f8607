import { runMeasureCommand } from './measure-command';

// The process entry of `npm run measure`; everything testable lives in measure-command.ts.
process.exitCode = await runMeasureCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive: process.stderr.isTTY,
});
