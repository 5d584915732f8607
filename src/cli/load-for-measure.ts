import type { MeasureRunConfig } from '../worker/measure-run';
import { loadInThreads, type ThreadOptions } from './load-in-threads';
import { loadInThisThread, type LoadedExport } from './loaded-export';
import type { ExportFile } from './ndjson-export';

/**
 * How `npm run measure` reads an export: with one thread, in this one (`loadInThisThread`); with more, in worker
 * threads (`loadInThreads`). Both give the same records, counts and report.
 */
export function loadForMeasure(
  files: readonly ExportFile[],
  config: MeasureRunConfig,
  options: ThreadOptions,
): Promise<LoadedExport> {
  return options.threads === 1 ? loadInThisThread(files, config, options) : loadInThreads(files, config, options);
}
