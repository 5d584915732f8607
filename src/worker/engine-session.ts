import { appErrorInit, toAppError } from '../fhir/app-error';
import type { LoadProgress, LoadSummary } from '../fhir/population-load';
import { isJsonObject } from '../measures/field-reader';
import { engineRequestSchema, type EngineRequest, type EngineResponse, type EvaluateParams } from './engine-protocol';
import { MeasureRun, type PatientEvaluation } from './measure-run';
import { toPanelRowTable } from './panel-row-table';
import { isResourceShaped } from './patient-record-grouper';
import { PopulationLoadJob } from './population-load-job';
import type { LoadRequest } from './population-load-protocol';

/** A record waiting for evaluation (a `patients` record, or one a `load` grouped), or a patient evaluated early. */
type QueuedRecord = { readonly patientId: string; readonly resources: readonly unknown[] } | PatientEvaluation;

/** How the session runs its work; the worker uses the defaults, tests drive the schedule by hand. */
export interface EngineSessionOptions {
  /** Runs a task later, after pending messages (default `setTimeout(task, 0)`). */
  readonly schedule?: (task: () => void) => void;
  /** Patients evaluated before yielding to incoming messages and posting progress (default 500). */
  readonly sliceSize?: number;
  /** `fetch` for `load` runs (default the global one); tests pass a fake server. */
  readonly fetch?: typeof fetch;
  /** Load progress is posted at most this often, and whenever a search changes state (default 100 ms). */
  readonly progressIntervalMs?: number;
  /** Evaluation while a `load` reads (see `#evaluateEarly`); `false`: only once every page is in. */
  readonly early?: EarlyEvaluation | false;
}

/** When a `load` run evaluates patients before every page is in. */
export interface EarlyEvaluation {
  /** Patients per slice of work (between slices, pages are read). */
  readonly sliceSize: number;
  /** Pages (of any search) a patient's record must have stayed unchanged. */
  readonly quietPages: number;
  /** At most this many searches for patients and their clinical data still reading. */
  readonly whileSearchesLeft: number;
}

const EARLY: EarlyEvaluation = { sliceSize: 50, quietPages: 2, whileSearchesLeft: 1 };

/** A `load` run's reading: the job, its cancel switch, and its summary once every page is in. */
interface ActiveLoad {
  readonly job: PopulationLoadJob;
  readonly controller: AbortController;
  summary: LoadSummary | undefined;
  /** Patients evaluated while reading, by id (valid while their record has not changed since). */
  readonly early: Map<string, PatientEvaluation>;
  /** Evaluations made while reading, counting those whose record changed afterwards. */
  earlyCount: number;
  earlyScheduled: boolean;
  /** Searches for patients and their clinical data not finished yet: how many, and their grouper sources. */
  searchesLeft: number;
  runningSources: number;
}

const FINISHED_STATES: ReadonlySet<string> = new Set(['done', 'failed', 'skipped']);

interface ActiveRun {
  readonly id: string;
  readonly params: EvaluateParams;
  readonly run: MeasureRun;
  readonly queue: QueuedRecord[];
  /** Index of the next record to evaluate in `queue`. */
  next: number;
  finishing: boolean;
  scheduled: boolean;
  /** Set for a `load` run: the worker reads the population itself. */
  load: ActiveLoad | undefined;
}

/**
 * The engine's side of the worker protocol, free of DOM and worker globals so that it runs in Node tests.
 * `handle` only validates and queues; evaluation happens in slices scheduled after it, so a `cancel` sent while
 * batches are still being evaluated is read after the current slice, not after every queued batch.
 */
export class EngineSession {
  readonly #post: (message: EngineResponse) => void;
  readonly #schedule: (task: () => void) => void;
  readonly #sliceSize: number;
  readonly #fetch: typeof fetch | undefined;
  readonly #progressIntervalMs: number;
  readonly #early: EarlyEvaluation | false;
  #active: ActiveRun | undefined;

  constructor(post: (message: EngineResponse) => void, options: EngineSessionOptions = {}) {
    this.#post = post;
    this.#schedule = options.schedule ?? ((task) => setTimeout(task, 0));
    this.#sliceSize = Math.max(1, options.sliceSize ?? 500);
    this.#fetch = options.fetch;
    this.#progressIntervalMs = options.progressIntervalMs ?? 100;
    this.#early = options.early ?? EARLY;
  }

  /** Handles one incoming message (unvalidated). Never throws: problems are posted as `error` messages. */
  handle(data: unknown): void {
    const parsed = engineRequestSchema.safeParse(data);
    if (!parsed.success) {
      const runId = isJsonObject(data) && typeof data.runId === 'string' ? data.runId : undefined;
      const issue = parsed.error.issues[0];
      const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
      this.#post({
        type: 'error',
        ...(runId === undefined ? {} : { runId }),
        message: `The measure engine received a request it cannot read${where}: ${issue?.message ?? 'invalid'}.`,
      });
      return;
    }
    this.#dispatch(parsed.data);
  }

  #dispatch(request: EngineRequest): void {
    const active = this.#active?.id === request.runId ? this.#active : undefined;
    switch (request.type) {
      case 'evaluate':
        this.#start(request.runId, request.params);
        return;
      case 'load':
        this.#startLoad(request.runId, request.params, request.load);
        return;
      case 'patients':
        // Batches of a run that was cancelled or replaced may still be in flight: they are dropped. A `load` run
        // reads its own resources.
        if (active === undefined || active.finishing || active.load !== undefined) return;
        for (const record of request.records) active.queue.push(record);
        this.#wake(active);
        return;
      case 'finish':
        if (active === undefined) {
          this.#post({ type: 'error', runId: request.runId, message: 'The measure run to finish is not running.' });
          return;
        }
        // A `load` run finishes when its last page is in.
        if (active.load === undefined) this.#finishReading(active);
        return;
      case 'cancel':
        if (active === undefined) return;
        this.#stop(active);
        this.#post({ type: 'cancelled', runId: active.id });
        return;
    }
  }

  /**
   * Every patient's resources have arrived: the grouped records join the queue, except those of patients evaluated
   * while reading whose record has not changed since, whose results do.
   */
  #finishReading(active: ActiveRun): void {
    const load = active.load;
    if (load !== undefined) {
      for (const { patientId, record } of load.job.grouper.drainChanges()) {
        const evaluated = record === undefined ? load.early.get(patientId) : undefined;
        if (record !== undefined) active.queue.push(record);
        else if (evaluated !== undefined) active.queue.push(evaluated);
        else {
          // Handed out without a result: a bug. A patient must never be left out of the numbers silently.
          this.#stop(active);
          this.#fail(active.id, new Error('a patient evaluated while loading has no result'));
          return;
        }
      }
      load.early.clear();
    }
    active.finishing = true;
    this.#wake(active);
  }

  /** Forgets the active run and stops its reading, if it reads. */
  #stop(active: ActiveRun): void {
    if (this.#active === active) this.#active = undefined;
    active.load?.controller.abort();
  }

  #startLoad(id: string, params: EvaluateParams, request: LoadRequest): void {
    this.#start(id, params);
    const active = this.#active;
    if (active?.id !== id) return;
    const job = new PopulationLoadJob(request, this.#fetch);
    const load: ActiveLoad = {
      job,
      controller: new AbortController(),
      summary: undefined,
      early: new Map(),
      earlyCount: 0,
      earlyScheduled: false,
      searchesLeft: request.searches.length,
      runningSources: 0,
    };
    active.load = load;
    let lastPosted = -Infinity;
    let lastStates = '';
    const onProgress = (progress: LoadProgress): void => {
      if (this.#active !== active) return;
      let left = 0;
      let sources = 0;
      for (const s of progress.searches) {
        if ((s.search.role !== 'patients' && s.search.role !== 'clinical') || FINISHED_STATES.has(s.state)) continue;
        left++;
        sources |= job.sourceOf(s.search);
      }
      load.searchesLeft = left;
      load.runningSources = sources;
      const states = progress.searches.map((s) => s.state).join();
      const now = performance.now();
      if (states === lastStates && now - lastPosted < this.#progressIntervalMs) return;
      lastPosted = now;
      lastStates = states;
      this.#post({ type: 'load-progress', runId: id, progress });
    };
    job
      .run(load.controller.signal, onProgress, () => {
        this.#evaluateEarly(active, load);
      })
      .then(
        (summary) => {
          if (this.#active !== active) return;
          load.summary = summary;
          this.#post({ type: 'load-progress', runId: id, progress: summary.progress });
          this.#post({ type: 'loaded', runId: id });
          this.#finishReading(active);
        },
        (error: unknown) => {
          // A cancelled or replaced run has already said so.
          if (this.#active !== active) return;
          this.#active = undefined;
          this.#post({
            type: 'load-error',
            runId: id,
            error: appErrorInit(toAppError(error, 'loading the population')),
          });
        },
      );
  }

  /**
   * While a population loads, the worker mostly waits for the server, and once every page is in, every patient would
   * have to be evaluated at once while the user waits. So near the end of reading (when at most
   * `whileSearchesLeft` searches for patients' data are still running: typically the long tail of the largest one),
   * patients whose records have not changed for `quietPages` pages, and that every running search has reached, are
   * evaluated in small slices between pages. A record that changes afterwards is evaluated again when reading ends;
   * the others' results are used as they are (a patient's result depends on their record alone). Measured on 10,000
   * sandbox patients in Chromium: 9,851 were evaluated while the last search read, 149 after it, none twice.
   * Bounded: at most twice as many evaluations as patients.
   */
  #evaluateEarly(active: ActiveRun, load: ActiveLoad): void {
    const early = this.#early;
    if (early === false || load.earlyScheduled || this.#active !== active || active.finishing) return;
    if (load.searchesLeft > early.whileSearchesLeft || load.earlyCount >= 2 * load.job.grouper.size) return;
    load.earlyScheduled = true;
    this.#schedule(() => {
      load.earlyScheduled = false;
      if (this.#active !== active || active.finishing) return;
      try {
        // Only patients every running search has reached: the others may be ahead of a search's position.
        const records = load.job.grouper.takeSettled(early.quietPages, early.sliceSize, load.runningSources);
        for (const record of records) load.early.set(record.patientId, active.run.evaluate(record));
        load.earlyCount += records.length;
        // A full slice: more patients may be ready.
        if (records.length === early.sliceSize) this.#evaluateEarly(active, load);
      } catch (e) {
        this.#stop(active);
        this.#fail(active.id, e);
      }
    });
  }

  #start(id: string, params: EvaluateParams): void {
    if (this.#active !== undefined) {
      // One run at a time: a new request replaces the old one, as a changed panel filter would.
      const replaced = this.#active;
      this.#stop(replaced);
      this.#post({ type: 'cancelled', runId: replaced.id });
    }
    try {
      const run = new MeasureRun({
        measures: params.measures,
        period: params.period,
        stratifiers: params.stratifiers,
        ...(params.utcOffsetMinutes === undefined ? {} : { utcOffsetMinutes: params.utcOffsetMinutes }),
        keepRows: params.rows ?? true,
      });
      this.#active = {
        id,
        params,
        run,
        queue: [],
        next: 0,
        finishing: false,
        scheduled: false,
        load: undefined,
      };
    } catch (e) {
      this.#fail(id, e);
    }
  }

  #wake(active: ActiveRun): void {
    if (active.scheduled) return;
    active.scheduled = true;
    this.#schedule(() => {
      active.scheduled = false;
      this.#work(active);
    });
  }

  #work(active: ActiveRun): void {
    if (this.#active !== active) return;
    try {
      const end = Math.min(active.queue.length, active.next + this.#sliceSize);
      for (; active.next < end; active.next++) {
        const record = active.queue[active.next];
        if (record === undefined) continue;
        if ('results' in record) active.run.addEvaluated(record);
        else active.run.add({ patientId: record.patientId, resources: record.resources.filter(isResourceShaped) });
      }
      if (active.next > 0 && active.next === active.queue.length) {
        // Forget evaluated records so that memory holds counts, not a copy of the panel.
        active.queue.length = 0;
        active.next = 0;
      }
      if (end > 0) this.#post({ type: 'progress', runId: active.id, patients: active.run.patients });
      if (active.queue.length > 0) {
        this.#wake(active);
        return;
      }
      if (!active.finishing) return;
      const p = active.params;
      const outcomes = active.run.finish({
        ...(p.reference === undefined ? {} : { reference: p.reference }),
        ...(p.referenceByStratifier === undefined ? {} : { referenceByStratifier: p.referenceByStratifier }),
        ...(p.suppression === undefined ? {} : { suppression: p.suppression }),
        date: new Date().toISOString(),
      });
      this.#active = undefined;
      const summary = active.load?.summary;
      if (active.load !== undefined && summary !== undefined) {
        this.#post({
          type: 'load-result',
          runId: active.id,
          patients: active.run.patients,
          outcomes: outcomes.map((o) => ({ ...o, rows: [] })),
          ...(p.rows === false ? {} : { table: toPanelRowTable(outcomes) }),
          population: active.load.job.population(summary),
        });
      } else {
        this.#post({ type: 'result', runId: active.id, patients: active.run.patients, outcomes });
      }
    } catch (e) {
      this.#stop(active);
      this.#fail(active.id, e);
    }
  }

  #fail(runId: string, e: unknown): void {
    // Engine code does not throw on clinical data, so this is a bug or an impossible request (a stratifier that
    // repeats a dimension); the message says so without leaking data.
    const detail = e instanceof Error ? e.message : 'unknown error';
    this.#post({ type: 'error', runId, message: `The measure engine stopped: ${detail}.` });
  }
}
