import { writeFile } from 'node:fs/promises';
import { MEASURES } from '../measures/measure-catalogue';
import { USED_RESOURCE_TYPES } from '../worker/compact-resource';
import type { MeasureRunConfig } from '../worker/measure-run';
import type { LoadOptions, MalformedLine } from './export-loader';
import { loadForMeasure } from './load-for-measure';
import { defaultThreadCount } from './load-in-threads';
import { parseMeasureArgs, USAGE, type MeasureArgs } from './measure-args';
import { listExportFiles, type ExportFile } from './ndjson-export';
import { ProgressLine } from './progress-line';
import { formatStrataTable } from './strata-table';

/** Where the command writes; the real process by default, strings in tests. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress is then rewritten in place). */
  readonly interactive: boolean;
}

/** Exit codes: 0 done, 1 nothing readable (or the report could not be written), 2 usage error. */
export type ExitCode = 0 | 1 | 2;

/** Malformed lines shown one by one; the rest are only counted. */
const MAX_LISTED = 50;

/**
 * `npm run measure`: reads a Bulk Data export, evaluates one measure for every patient, prints the strata table to
 * stdout and writes the summary MeasureReport to `--out`. Resolves to the exit code; never throws on bad input.
 */
export async function runMeasureCommand(argv: readonly string[], io: CommandIo): Promise<ExitCode> {
  const parsed = parseMeasureArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.stderr(`measure: ${parsed.message}\n\n${USAGE}\n`);
    return 2;
  }
  return measure(parsed.args, io);
}

async function measure(args: MeasureArgs, io: CommandIo): Promise<ExitCode> {
  const progress = new ProgressLine(io.stderr, io.interactive, !args.quiet);
  let files: ExportFile[];
  try {
    files = await listExportFiles(args.ndjsonDir);
  } catch (e) {
    io.stderr(`measure: cannot read the directory ${args.ndjsonDir}: ${errorText(e)}\n`);
    return 1;
  }
  const used = files.filter((f) => f.resourceType === undefined || USED_RESOURCE_TYPES.has(f.resourceType));
  const unused = files.filter((f) => !used.includes(f));
  if (used.length === 0) {
    io.stderr(`measure: no .ndjson files the measure can read in ${args.ndjsonDir}\n`);
    return 1;
  }
  if (unused.length > 0)
    progress.done(`Skipping ${unused.length} file(s) of types the measure does not read: ${names(unused)}`);

  const started = performance.now();
  let listed = 0;
  const onMalformed = (m: MalformedLine): void => {
    if (++listed > MAX_LISTED) return;
    progress.clear();
    io.stderr(`${m.file}:${m.line}: ${m.reason}; line skipped\n`);
  };
  const config: MeasureRunConfig = {
    measures: [args.measure],
    period: args.period,
    stratifiers: args.stratifiers,
    utcOffsetMinutes: args.utcOffsetMinutes,
  };
  const loadOptions: LoadOptions = {
    parseAll: args.parseAll,
    onMalformed,
    onProgress: (file, n) => {
      progress.update(`Reading ${file.name}: ${n.toLocaleString('en-US')} lines`);
    },
    onFileDone: (file, n) => {
      progress.done(`Read ${file.name}: ${n.toLocaleString('en-US')} lines`);
    },
  };
  const threads = args.threads === 'default' ? defaultThreadCount(used.reduce((n, f) => n + f.bytes, 0)) : args.threads;
  const loaded = await loadForMeasure(used, config, { ...loadOptions, threads, reportLimit: MAX_LISTED });
  const { stats, patients, orphans } = loaded;
  for (const u of stats.unreadable) io.stderr(`${u.file}: could not be read to the end (${u.message})\n`);
  const num = (n: number): string => n.toLocaleString('en-US');
  const withThreads = loaded.threads > 1 ? ` with ${loaded.threads} threads` : '';
  progress.done(
    `Read ${num(stats.lines)} lines in ${seconds(started)}${withThreads}: kept ${num(stats.kept)} resources for ` +
      `${num(patients)} patients; left out ${num(stats.unparsed + stats.skipped['unused-code'])} with no code the ` +
      `measures use (${num(stats.unparsed)} of them not even parsed), ${num(stats.skipped['unused-type'])} of unused ` +
      `types, ${num(stats.skipped['no-patient'])} without a patient reference.`,
  );
  if (orphans > 0) progress.done(`${orphans} patient(s) referenced without a Patient resource were left out.`);
  if (patients === 0) {
    await loaded.close();
    summariseMalformed(io, stats.malformed);
    io.stderr(`measure: no Patient resources could be read from ${args.ndjsonDir}; nothing to report\n`);
    return 1;
  }

  const evaluating = performance.now();
  const run = await loaded.evaluate((n) => {
    progress.update(`Evaluating: ${n.toLocaleString('en-US')} of ${patients.toLocaleString('en-US')}`);
  });
  progress.done(`Evaluated ${run.patients.toLocaleString('en-US')} patients in ${seconds(evaluating)}`);
  const [outcome] = run.finish({
    reference: args.reference,
    suppression: args.suppression,
    date: new Date().toISOString(),
  });
  if (outcome === undefined) throw new Error('a run of one measure finished without its outcome');

  io.stdout(
    formatStrataTable(outcome.report, {
      measure: MEASURES[args.measure],
      period: args.period,
      patientsEvaluated: outcome.patientsEvaluated,
    }),
  );
  const warnings = Object.entries(outcome.warningCounts).sort((a, b) => b[1] - a[1]);
  if (warnings.length > 0 && !args.quiet)
    io.stderr(`Data warnings: ${warnings.map(([code, n]) => `${code} ${n.toLocaleString('en-US')}`).join(', ')}\n`);
  summariseMalformed(io, stats.malformed);
  try {
    await writeFile(args.out, `${JSON.stringify(outcome.measureReport, null, 2)}\n`);
  } catch (e) {
    io.stderr(`measure: cannot write ${args.out}: ${errorText(e)}\n`);
    return 1;
  }
  progress.done(`Wrote the summary MeasureReport to ${args.out}`);
  return 0;
}

function summariseMalformed(io: CommandIo, malformed: number): void {
  if (malformed === 0) return;
  const hidden = malformed > MAX_LISTED ? ` (the first ${MAX_LISTED} are listed above)` : '';
  io.stderr(`${malformed.toLocaleString('en-US')} malformed line(s) skipped${hidden}\n`);
}

function names(files: readonly ExportFile[]): string {
  const shown = files.slice(0, 8).map((f) => f.name);
  return files.length > shown.length ? `${shown.join(', ')}, …` : shown.join(', ');
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

function errorText(e: unknown): string {
  if (e instanceof Error) return 'code' in e && typeof e.code === 'string' ? e.code : e.message;
  return String(e);
}
