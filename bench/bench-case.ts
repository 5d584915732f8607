import { loadExport } from '../src/cli/export-loader';
import { loadForMeasure } from '../src/cli/load-for-measure';
import { defaultThreadCount } from '../src/cli/load-in-threads';
import { listExportFiles, readLineBatches, type ExportFile } from '../src/cli/ndjson-export';
import { stratumKeysOf } from '../src/domain/stratum-keys';
import { evaluatePatient, evaluatePatientMeasures } from '../src/measures/evaluate-patient';
import type { PatientRecord } from '../src/measures/types';
import { USED_RESOURCE_TYPES } from '../src/worker/compact-resource';
import { MeasureRun, type MeasureRunConfig } from '../src/worker/measure-run';
import { PeakMemory } from './peak-memory';

// One measurement in a fresh process, so that its peak memory is its own:
//   node --import tsx bench/bench-case.ts <parse-all|parse-used|pipeline|pipeline-1|evaluate> <export dir>
// Prints one JSON line. `pipeline` is what `npm run measure` does by default (worker threads, one per core, at most
// 8, or one thread below 256 MB); `pipeline-1` is `--threads 1` (everything in the main thread).

const MODES = ['parse-all', 'parse-used', 'pipeline', 'pipeline-1', 'evaluate'] as const;
export type BenchMode = (typeof MODES)[number];

export interface CaseResult {
  readonly mode: BenchMode;
  /** Wall time of what the mode measures. */
  readonly ms: number;
  /** CPU time (user + system, all threads, so garbage collection included) of the same; steadier on a busy machine. */
  readonly cpuMs: number;
  readonly lines: number;
  readonly bytes: number;
  readonly patients: number;
  /** Pipeline: threads that read and evaluated (1: the main thread alone). */
  readonly threads?: number;
  /** Pipeline: time to read into compact records, and to evaluate them. */
  readonly loadMs?: number;
  readonly evaluateMs?: number;
  /** Evaluate: CMS165 alone, on fresh record objects. */
  readonly cms165OnlyMs?: number;
  /** Evaluate: both measures again on fresh record objects, once the code has run (steady state). */
  readonly secondPassMs?: number;
  /** Evaluate: each part alone over every record, in ms (fresh record objects, so no memoised facts). */
  readonly breakdown?: Readonly<Record<string, number>>;
  /** Of the whole process (every thread). */
  readonly peakRss: number;
  /** Of the main thread's V8 heap only: worker threads have heaps of their own. */
  readonly peakHeap: number;
}

const CONFIG: Omit<MeasureRunConfig, 'measures'> = {
  period: { start: '2026-01-01', end: '2026-12-31' },
  stratifiers: [['race'], ['ethnicity'], ['language'], ['race', 'sex']],
};

const isUsed = (f: ExportFile): boolean => f.resourceType === undefined || USED_RESOURCE_TYPES.has(f.resourceType);

async function parseOnly(files: readonly ExportFile[], memory: PeakMemory): Promise<{ lines: number }> {
  let lines = 0;
  let sink = 0;
  for (const file of files) {
    for await (const batch of readLineBatches(file)) {
      for (const text of batch.lines) {
        if (text === '') continue;
        const value: unknown = JSON.parse(text);
        // Touch the result so the parse cannot be optimised away.
        if (typeof value === 'object' && value !== null) sink++;
        lines++;
      }
      memory.sample();
    }
  }
  if (sink !== lines) throw new Error('a line did not parse to an object');
  return { lines };
}

function evaluateAll(records: readonly PatientRecord[], measures: MeasureRunConfig['measures'], memory: PeakMemory) {
  const run = new MeasureRun({ ...CONFIG, measures });
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (record !== undefined) run.add(record);
    if (i % 1000 === 0) memory.sample();
  }
  run.finish();
}

/** Each part of `MeasureRun.add` alone, so a slow part can be named. */
function breakdown(records: readonly PatientRecord[]): Record<string, number> {
  const time = (fn: (r: PatientRecord) => void): number => {
    const fresh = records.map((r) => ({ ...r }));
    const t = performance.now();
    for (const r of fresh) fn(r);
    return performance.now() - t;
  };
  const asOf = CONFIG.period.end;
  const dimensions = [...new Set(CONFIG.stratifiers.flat())];
  return {
    stratumKeysOf: time((r) => stratumKeysOf(r.resources, { asOf })),
    // What `MeasureRun` computes: only the dimensions its stratifiers use.
    'stratumKeysOf(stratified)': time((r) => stratumKeysOf(r.resources, { asOf, dimensions })),
    cms165: time((r) => evaluatePatient('cms165', r, CONFIG.period)),
    cms122: time((r) => evaluatePatient('cms122', r, CONFIG.period)),
    'cms165+cms122': time((r) => evaluatePatientMeasures(['cms165', 'cms122'], r, CONFIG.period)),
  };
}

async function main(): Promise<void> {
  const [modeArg, dir] = process.argv.slice(2);
  const mode = MODES.find((m) => m === modeArg);
  if (dir === undefined || mode === undefined)
    throw new Error('usage: bench-case.ts <parse-all|parse-used|pipeline|pipeline-1|evaluate> <export dir>');
  const all = await listExportFiles(dir);
  const used = all.filter(isUsed);
  const memory = new PeakMemory();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const cpuSince = (start: NodeJS.CpuUsage): number => {
    const d = process.cpuUsage(start);
    return (d.user + d.system) / 1000;
  };
  let result: Omit<CaseResult, 'peakRss' | 'peakHeap'>;
  if (mode === 'parse-all' || mode === 'parse-used') {
    const files = mode === 'parse-all' ? all : used;
    const { lines } = await parseOnly(files, memory);
    result = { mode, ms: performance.now() - started, cpuMs: cpuSince(cpu), lines, bytes: sum(files), patients: 0 };
  } else if (mode === 'pipeline' || mode === 'pipeline-1') {
    // Exactly the command's path (`loadForMeasure`), with the stratifiers of this benchmark.
    const threads = mode === 'pipeline' ? defaultThreadCount(sum(used)) : 1;
    const loaded = await loadForMeasure(
      used,
      { ...CONFIG, measures: ['cms165', 'cms122'] },
      {
        threads,
        onProgress: () => {
          memory.sample();
        },
      },
    );
    const loadedAt = performance.now();
    const run = await loaded.evaluate(() => {
      memory.sample();
    });
    run.finish({});
    const done = performance.now();
    result = {
      mode,
      ms: done - started,
      cpuMs: cpuSince(cpu),
      threads: loaded.threads,
      loadMs: loadedAt - started,
      evaluateMs: done - loadedAt,
      lines: loaded.stats.lines,
      bytes: sum(used),
      patients: run.patients,
    };
  } else {
    const { grouper, stats } = await loadExport(used, {
      onProgress: () => {
        memory.sample();
      },
    });
    const records = [...grouper.drain()];
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    evaluateAll(records, ['cms165', 'cms122'], memory);
    const t1 = performance.now();
    const cpuMs = cpuSince(cpu0);
    evaluateAll(
      records.map((r) => ({ ...r })),
      ['cms165'],
      memory,
    );
    const t2 = performance.now();
    evaluateAll(
      records.map((r) => ({ ...r })),
      ['cms165', 'cms122'],
      memory,
    );
    const t3 = performance.now();
    result = {
      mode,
      ms: t1 - t0,
      cpuMs,
      cms165OnlyMs: t2 - t1,
      secondPassMs: t3 - t2,
      breakdown: breakdown(records),
      lines: stats.lines,
      bytes: sum(used),
      patients: records.length,
    };
  }
  const peak = memory.stop();
  process.stdout.write(`${JSON.stringify({ ...result, peakRss: peak.rss, peakHeap: peak.heapUsed })}\n`);
}

function sum(files: readonly ExportFile[]): number {
  return files.reduce((a, f) => a + f.bytes, 0);
}

await main();
