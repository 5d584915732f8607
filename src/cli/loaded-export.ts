import { MeasureRun, type MeasureOutcome, type MeasureRunConfig, type MeasureRunFinish } from '../worker/measure-run';
import { loadExport, type LoadOptions, type LoadStats } from './export-loader';
import type { ExportFile } from './ndjson-export';

/** An export read and grouped by patient, in this thread or in worker threads, ready to evaluate. */
export interface LoadedExport {
  readonly stats: LoadStats;
  /** Patients with a Patient resource: those that will be evaluated. */
  readonly patients: number;
  /** Patients referenced by some resource but without a Patient resource (left out). */
  readonly orphans: number;
  /** Threads that read it: 1 is this thread. */
  readonly threads: number;
  /** Evaluates every patient once; `onProgress` gets the number evaluated so far, every thousand or so. */
  evaluate(onProgress?: (patients: number) => void): Promise<EvaluatedExport>;
  /** Lets go of the export without evaluating it (stops the worker threads). */
  close(): Promise<void>;
}

/** Every patient evaluated: finish with the same options as `MeasureRun.finish`. */
export interface EvaluatedExport {
  readonly patients: number;
  finish(options: MeasureRunFinish): MeasureOutcome[];
}

/**
 * The single-threaded path (`--threads 1`): `loadExport` into one grouper, then one `MeasureRun` over its records as
 * they are drained, so that memory is released while evaluating.
 */
export async function loadInThisThread(
  files: readonly ExportFile[],
  config: MeasureRunConfig,
  options: LoadOptions,
): Promise<LoadedExport> {
  const { grouper, stats } = await loadExport(files, options);
  const orphans = grouper.patientsWithoutPatientResource();
  return {
    stats,
    patients: grouper.size - orphans,
    orphans,
    threads: 1,
    evaluate: (onProgress) => {
      const run = new MeasureRun(config);
      for (const record of grouper.drain()) {
        run.add(record);
        if (run.patients % 1000 === 0) onProgress?.(run.patients);
      }
      return Promise.resolve({ patients: run.patients, finish: (finish) => run.finish(finish) });
    },
    close: () => Promise.resolve(),
  };
}
