import { appErrorInit, toAppError } from '../../../fhir/app-error';
import type { PatientRecord } from '../../../measures/types';
import { trendSeries } from '../../../measures/trend-series';
import { PopulationLoadJob } from '../../../worker/population-load-job';
import { trendRequestSchema } from './trend-protocol';
import type { TrendLoad, TrendRequest, TrendResponse } from './trend-protocol';

/** How the session reads; the worker uses the defaults, tests pass a fake server. */
export interface TrendSessionOptions {
  /** `fetch` for the load (default the global one). */
  readonly fetch?: typeof fetch;
  /** Load progress is posted at most this often, and once more when the load ends (default 150 ms). */
  readonly progressIntervalMs?: number;
}

/**
 * The trend worker's side, free of worker globals so that tests run it in process: it reads the population from
 * the FHIR server itself (so the page's thread never parses it), keeps the records grouped by patient, and evaluates
 * a charter's measure for any windows asked, as often as asked, without loading the population again.
 */
export class TrendSession {
  readonly #post: (message: TrendResponse) => void;
  readonly #options: TrendSessionOptions;
  readonly #records: PatientRecord[] = [];
  /** The population's reading; its grouper holds the records until the first evaluation. */
  #job: PopulationLoadJob | undefined;
  #loaded = false;

  constructor(post: (message: TrendResponse) => void, options: TrendSessionOptions = {}) {
    this.#post = post;
    this.#options = options;
  }

  /** Handles one incoming message (unvalidated); problems are posted as `error` messages, never thrown. */
  handle(data: unknown): void {
    const parsed = trendRequestSchema.safeParse(data);
    if (!parsed.success) {
      this.#post({ type: 'error', message: 'The trend calculation received a request it cannot read.' });
      return;
    }
    this.#dispatch(parsed.data);
  }

  #dispatch(request: TrendRequest): void {
    switch (request.type) {
      case 'load':
        if (this.#job !== undefined) {
          this.#post({ type: 'error', id: request.id, message: 'The clinic’s data is read once per trend worker.' });
          return;
        }
        this.#read(request.id, request.load);
        return;
      case 'evaluate': {
        const { id } = request;
        if (this.#job === undefined || !this.#loaded) {
          this.#post({ type: 'error', id, message: 'The clinic’s data has not finished loading.' });
          return;
        }
        // Every resource has arrived by the first evaluation: group the records once and keep them.
        for (const record of this.#job.grouper.drain()) this.#records.push(record);
        try {
          const snapshots = trendSeries(this.#records, request.spec, request.windows, {
            utcOffsetMinutes: request.utcOffsetMinutes,
            onProgress: (patients) => {
              this.#post({ type: 'progress', id, patients });
            },
          });
          this.#post({ type: 'result', id, snapshots });
        } catch (e) {
          const detail = e instanceof Error ? e.message : 'unknown error';
          this.#post({ type: 'error', id, message: `The trend calculation stopped: ${detail}.` });
        }
        return;
      }
    }
  }

  /** Reads every page, reduced to what the measures read and grouped by patient as it arrives. */
  #read(id: string, load: TrendLoad): void {
    const job = new PopulationLoadJob({ ...load, keepNames: false }, this.#options.fetch, { trackChanges: false });
    this.#job = job;
    const interval = this.#options.progressIntervalMs ?? 150;
    let last = -Infinity;
    // Never cancelled: the page ends a load by ending the worker.
    job
      .run(new AbortController().signal, (progress) => {
        const now = performance.now();
        if (now - last < interval) return;
        last = now;
        this.#post({ type: 'load-progress', id, progress });
      })
      .then(
        (summary) => {
          this.#loaded = true;
          this.#post({ type: 'load-progress', id, progress: summary.progress });
          this.#post({ type: 'loaded', id });
        },
        (error: unknown) => {
          this.#post({ type: 'load-error', id, error: appErrorInit(toAppError(error, 'loading the clinic’s data')) });
        },
      );
  }
}
