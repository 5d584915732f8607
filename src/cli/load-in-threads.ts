import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { mergeAccumulators } from '../measures/merge-accumulators';
import type { SkipReason } from '../worker/compact-resource';
import { finishMeasure, type MeasureRunConfig } from '../worker/measure-run';
import type { LoadOptions, LoadStats, MalformedLine } from './export-loader';
import {
  fromExportWorkerSchema,
  type ExportWorkerData,
  type FromExportWorker,
  type ToExportWorker,
} from './export-worker-protocol';
import { receivedBy } from './export-part-loader';
import type { EvaluatedExport, LoadedExport } from './loaded-export';
import type { ExportFile } from './ndjson-export';

/** Below this many bytes of files to read, one thread is the default. */
export const SMALL_EXPORT_BYTES = 256 * 2 ** 20;

/**
 * The default of `--threads` for files of `bytes` in all: one per core the process may use, at most 8 (each thread
 * reads every file); one for a small export, where workers cost more than they save: a worker needs about 0.3 s to
 * load tsx and the engine again, then reads every file (10,000 small patients, 107 MB: 1.2–1.4 s in one thread,
 * 2.0–2.2 s in two).
 */
export function defaultThreadCount(bytes: number): number {
  return bytes < SMALL_EXPORT_BYTES ? 1 : Math.min(availableParallelism(), 8);
}

/** Options of {@link loadInThreads}. */
export interface ThreadOptions extends LoadOptions {
  /** Worker threads, 1 or more (1 still runs in a worker: use `loadInThisThread` for the in-process path). */
  readonly threads: number;
  /**
   * How many malformed lines `onMalformed` must see, at least: the first ones of the export, in order (default all).
   * Each thread sends only its first `reportLimit`, so a file of garbage is not sent line by line.
   */
  readonly reportLimit?: number;
}

type Loaded = Extract<FromExportWorker, { type: 'loaded' }>;
type Grouped = Extract<FromExportWorker, { type: 'grouped' }>;
type Evaluated = Extract<FromExportWorker, { type: 'evaluated' }>;

/** One message from every thread, by thread. */
class Gathering<T> {
  readonly promise: Promise<T[]>;
  readonly #items: (T | undefined)[];
  #resolve: (items: T[]) => void = () => undefined;
  #reject: (e: unknown) => void = () => undefined;

  constructor(parts: number) {
    this.#items = Array.from({ length: parts }, () => undefined);
    this.promise = new Promise<T[]>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // A thread may fail before anyone waits for this step; the failure is seen by whoever awaits the current one.
    this.promise.catch(() => undefined);
  }

  put(part: number, item: T): void {
    this.#items[part] = item;
    const all = this.#items.filter((x): x is T => x !== undefined);
    if (all.length === this.#items.length) this.#resolve(all);
  }

  fail(e: unknown): void {
    this.#reject(e);
  }
}

/**
 * Node 20 does not apply `--import tsx` to a worker's entry (nodejs/node#47747), so a worker starts from a one-line
 * script that registers tsx in its own thread and then imports the TypeScript entry. Works under `npm run measure`
 * (tsx) and under vitest alike.
 */
function startWorker(data: ExportWorkerData): Worker {
  const entry = new URL('./export-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const register = `import(${JSON.stringify(tsx)}).then((tsx) => tsx.register())`;
  const code = `${register}.then(() => import(${JSON.stringify(entry)}));`;
  return new Worker(code, { eval: true, workerData: data });
}

/** The main thread's side of the worker threads: relays their progress in order and gathers each step's results. */
class ExportThreads {
  readonly loaded: Gathering<Loaded>;
  readonly grouped: Gathering<Grouped>;
  readonly evaluated: Gathering<Evaluated>;
  onEvaluating: (patients: number) => void = () => undefined;
  readonly #workers: Worker[];
  readonly #files: readonly ExportFile[];
  readonly #options: ThreadOptions;
  /** Per thread: the file it reads and the lines read in it, for a progress line that follows the slowest. */
  readonly #reading: { file: number; lines: number }[];
  readonly #evaluating: number[];
  /** Per file: malformed lines received, threads done with it, and its line count. */
  readonly #malformed: MalformedLine[][];
  readonly #filesDone: number[];
  readonly #fileLines: number[];
  #nextFile = 0;
  #closing = false;

  constructor(files: readonly ExportFile[], config: MeasureRunConfig, options: ThreadOptions) {
    const parts = options.threads;
    this.#files = files;
    this.#options = options;
    this.loaded = new Gathering(parts);
    this.grouped = new Gathering(parts);
    this.evaluated = new Gathering(parts);
    this.#reading = Array.from({ length: parts }, () => ({ file: 0, lines: 0 }));
    this.#evaluating = Array.from({ length: parts }, () => 0);
    this.#malformed = files.map(() => []);
    this.#filesDone = files.map(() => 0);
    this.#fileLines = files.map(() => 0);
    this.#workers = Array.from({ length: parts }, (_, part) => {
      const worker = startWorker({
        files,
        part,
        parts,
        parseAll: options.parseAll === true,
        reportLimit: options.reportLimit ?? Number.MAX_SAFE_INTEGER,
        config,
      });
      worker.on('message', (message: unknown) => {
        try {
          this.#handle(part, fromExportWorkerSchema.parse(message));
        } catch (e) {
          this.#fail(e);
        }
      });
      worker.on('messageerror', (e) => {
        this.#fail(e);
      });
      worker.on('error', (e) => {
        this.#fail(e);
      });
      worker.on('exit', (code) => {
        this.#fail(new Error(`it stopped early (exit code ${code})`));
      });
      return worker;
    });
  }

  get parts(): number {
    return this.#workers.length;
  }

  post(part: number, message: ToExportWorker): void {
    this.#workers[part]?.postMessage(message);
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }

  /** Any thread's failure fails the whole run (and stops the other threads): its counts would be missing. */
  #fail(e: unknown): void {
    if (this.#closing) return;
    const error = new Error(`a worker thread failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    for (const step of [this.loaded, this.grouped, this.evaluated]) step.fail(error);
    void this.close();
  }

  #handle(part: number, m: FromExportWorker): void {
    switch (m.type) {
      case 'read': {
        for (const line of m.malformed) this.#malformed[m.file]?.push(line);
        this.#reading[part] = { file: m.file, lines: m.lines };
        const slowest = this.#reading.reduce((a, b) =>
          b.file < a.file || (b.file === a.file && b.lines < a.lines) ? b : a,
        );
        const file = this.#files[slowest.file];
        if (file !== undefined) this.#options.onProgress?.(file, slowest.lines);
        break;
      }
      case 'file-done':
        this.#filesDone[m.file] = (this.#filesDone[m.file] ?? 0) + 1;
        this.#fileLines[m.file] = m.lines;
        this.#finishFiles();
        break;
      case 'loaded':
        this.loaded.put(part, m);
        break;
      case 'grouped':
        this.grouped.put(part, m);
        break;
      case 'evaluating':
        this.#evaluating[part] = m.patients;
        this.onEvaluating(this.#evaluating.reduce((a, b) => a + b, 0));
        break;
      case 'evaluated':
        this.evaluated.put(part, m);
        break;
    }
  }

  /**
   * Once every thread is done with a file (they go through the files in the same order), its malformed lines are
   * passed on sorted by line and the file is reported done: the same order as on one thread, whatever the timing.
   */
  #finishFiles(): void {
    for (let f = this.#nextFile; f < this.#files.length && this.#filesDone[f] === this.parts; f = ++this.#nextFile) {
      const file = this.#files[f];
      const malformed = (this.#malformed[f] ?? []).sort((a, b) => a.line - b.line);
      this.#malformed[f] = [];
      for (const m of malformed) this.#options.onMalformed?.(m);
      if (file !== undefined) this.#options.onFileDone?.(file, this.#fileLines[f] ?? 0);
    }
  }
}

/** The counts of every thread added up; a file none could read to the end is listed once, in reading order. */
function addStats(files: readonly ExportFile[], parts: readonly LoadStats[]): LoadStats {
  const sum = (get: (s: LoadStats) => number): number => parts.reduce((a, s) => a + get(s), 0);
  const skipped = (reason: SkipReason): number => sum((s) => s.skipped[reason]);
  const unreadable = files.flatMap((f) => {
    const found = parts.flatMap((s) => s.unreadable).find((u) => u.file === f.name);
    return found === undefined ? [] : [found];
  });
  return {
    lines: sum((s) => s.lines),
    unparsed: sum((s) => s.unparsed),
    kept: sum((s) => s.kept),
    skipped: {
      'unused-type': skipped('unused-type'),
      'unused-code': skipped('unused-code'),
      'no-patient': skipped('no-patient'),
    },
    malformed: sum((s) => s.malformed),
    unreadable,
  };
}

/**
 * Reads, compacts, groups and evaluates an export in `threads` worker threads, with exactly the result of
 * `loadInThisThread`. Every thread reads every file but parses only the lines it owns (a cheap text guess at the
 * line's patient, see `partOfLine`), so each line is parsed, counted and reported once; resources whose parsed
 * patient belongs to another thread, and shared Medications, are handed over through this thread before grouping.
 * Each thread then evaluates its own patients and returns its counts (`MeasureRun.partials`), which are merged here
 * (`mergeAccumulators`: the patients are disjoint) and finished as `MeasureRun.finish` does.
 *
 * Callbacks keep the single-threaded order: `onMalformed` and `onFileDone` file by file, lines in order.
 */
export async function loadInThreads(
  files: readonly ExportFile[],
  config: MeasureRunConfig,
  options: ThreadOptions,
): Promise<LoadedExport> {
  const threads = new ExportThreads(files, config, options);
  let grouped: Grouped[];
  let stats: LoadStats;
  try {
    const loaded = await threads.loaded.promise;
    stats = addStats(
      files,
      loaded.map((l) => l.stats),
    );
    for (let part = 0; part < threads.parts; part++)
      threads.post(part, { type: 'receive', resources: receivedBy(part, loaded) });
    grouped = await threads.grouped.promise;
  } catch (e) {
    await threads.close();
    throw e;
  }
  return {
    stats,
    patients: grouped.reduce((a, g) => a + g.patients, 0),
    orphans: grouped.reduce((a, g) => a + g.orphans, 0),
    threads: threads.parts,
    evaluate: async (onProgress) => {
      if (onProgress !== undefined) threads.onEvaluating = onProgress;
      try {
        for (let part = 0; part < threads.parts; part++) threads.post(part, { type: 'evaluate' });
        return finishable(config, await threads.evaluated.promise);
      } finally {
        await threads.close();
      }
    },
    close: () => threads.close(),
  };
}

/** Merges every thread's counts, measure by measure (each thread evaluated the same measures in the same order). */
function finishable(config: MeasureRunConfig, parts: readonly Evaluated[]): EvaluatedExport {
  const patients = parts.reduce((a, p) => a + p.patients, 0);
  const measures = config.measures.map((measure, i) => {
    const partials = parts.map((p) => {
      const partial = p.partials[i];
      if (partial?.measure !== measure) throw new Error(`a worker thread returned no counts for ${measure}`);
      return partial;
    });
    const [first, ...rest] = partials.map((p) => p.accumulator);
    if (first === undefined) throw new Error('no worker thread returned counts');
    const warningCounts: Record<string, number> = {};
    for (const p of partials)
      for (const [code, n] of Object.entries(p.warningCounts)) warningCounts[code] = (warningCounts[code] ?? 0) + n;
    return { measure, accumulator: mergeAccumulators(first, ...rest), warningCounts };
  });
  return {
    patients,
    finish: (options) => measures.map((m) => finishMeasure(m, config.period, patients, options)),
  };
}
