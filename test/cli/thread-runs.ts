import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from './run-cli';

/** What one run printed and wrote, with what may differ between runs (times, paths, thread count) taken out. */
export interface ComparableRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The summary MeasureReport without its `date`. */
  readonly report: unknown;
  /** Whether the run said it read with worker threads. */
  readonly threaded: boolean;
}

/**
 * Runs `npm run measure -- <argv> --threads <threads>` on `dir`. In stderr, timings, the thread count and the output
 * path are blanked, and the data-warning counts are sorted: counts tied between codes may be listed in either order.
 */
export async function runWithThreads(dir: string, threads: number, argv: readonly string[]): Promise<ComparableRun> {
  const out = join(dir, `report-${threads}.json`);
  const run = await runCli([...argv, '--ndjson', dir, '--out', out, '--threads', String(threads)]);
  const stderr = run.stderr
    .replace(/ in \d+\.\d s/g, ' in … s')
    .replace(/ with \d+ threads/g, '')
    .replaceAll(out, '<out>')
    .replace(/^Data warnings: (.*)$/m, (_, list: string) => `Data warnings: ${list.split(', ').sort().join(', ')}`);
  let report: unknown;
  if (run.code === 0) {
    const parsed: unknown = JSON.parse(await readFile(out, 'utf8'));
    report = JSON.stringify(parsed, (key, value: unknown) => (key === 'date' ? undefined : value));
  }
  return { code: run.code, stdout: run.stdout, stderr, report, threaded: / with \d+ threads/.test(run.stderr) };
}
