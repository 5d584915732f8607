import { AppError } from '../fhir/app-error';
import type { LoadProgress } from '../fhir/population-load';
import { AsyncChannel } from './async-channel';
import {
  engineResponseSchema,
  type CompactRecord,
  type EngineRequest,
  type EngineResponse,
  type EvaluateParams,
} from './engine-protocol';
import type { MeasureOutcome } from './measure-run';
import { fromPanelRowTable, type PanelMeasureRows } from './panel-row-table';
import type { LoadedPopulation, LoadRequest } from './population-load-protocol';

/** What the client needs of a Worker (a real one, or an in-process stand-in in tests). */
export interface EngineWorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
  removeEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

/** Why a run did not give a result. `message` is written for the user. */
export class EngineError extends Error {
  constructor(
    readonly kind: 'cancelled' | 'engine' | 'protocol' | 'worker',
    message: string,
  ) {
    super(message);
    this.name = kind === 'cancelled' ? 'AbortError' : 'EngineError';
  }
}

/** The finished run: every measure's report, summary MeasureReport and drill-down rows. */
export interface EngineResult {
  readonly patients: number;
  readonly outcomes: readonly MeasureOutcome[];
}

/** A run in progress: stream patients with `send`, then `finish`; `cancel` (or the AbortSignal) stops it. */
export interface EngineRun {
  readonly id: string;
  /** Whether the run has a result, failed, or was cancelled. */
  readonly settled: boolean;
  send(records: readonly CompactRecord[]): void;
  /** Tells the worker no more patients are coming; resolves with the result. */
  finish(): Promise<EngineResult>;
  cancel(): void;
  /** The count of patients evaluated, as the worker reports it, until the run settles. */
  progress(): AsyncIterable<number>;
  /** Settles like `finish()`, without asking the worker to finish. */
  readonly result: Promise<EngineResult>;
}

/** Options of a run. */
export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (patients: number) => void;
}

/**
 * A `load` run's result: the measures (their `rows` empty), the rows in the panels' form (empty unless asked for),
 * and what the panels need besides them.
 */
export interface LoadedEngineResult extends EngineResult {
  readonly rows: readonly PanelMeasureRows[];
  readonly population: LoadedPopulation;
}

/** Options of a `load` run. */
export interface LoadRunOptions {
  readonly signal?: AbortSignal;
  /** How far reading the FHIR server has got (at most every 100 ms, and when a search changes state). */
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Every page is in; the measures are being evaluated. */
  readonly onLoaded?: () => void;
}

type Settled =
  | { readonly ok: true; readonly value: EngineResult | LoadedEngineResult }
  | { readonly ok: false; readonly error: EngineError | AppError };

interface RunState {
  readonly progress: Set<(patients: number) => void>;
  readonly settle: (outcome: Settled) => void;
  readonly onLoadProgress?: (progress: LoadProgress) => void;
  readonly onLoaded?: () => void;
}

/**
 * The UI's handle on the engine worker: typed requests, validated responses, promises and async iterables, and
 * cancellation by AbortSignal. Several runs may be started; the worker evaluates one at a time and a new run
 * replaces the one in progress (which then rejects as cancelled).
 */
export class EngineClient {
  readonly #worker: EngineWorkerLike;
  readonly #runs = new Map<string, RunState>();
  #counter = 0;

  constructor(worker: EngineWorkerLike) {
    this.#worker = worker;
    worker.addEventListener('message', this.#onMessage);
    worker.addEventListener('messageerror', this.#onBroken);
    worker.addEventListener('error', this.#onBroken);
  }

  /** A worker started by {@link prestart} and not taken yet. */
  static #spare: EngineWorkerLike | undefined;

  /**
   * Starts the engine's worker ahead of need, so that its script loads and compiles while the SMART launch
   * completes (the quality-lead view then reads the first page some 100 ms sooner); the next {@link create} takes
   * it. {@link discardPrestarted} ends it when the launch turns out not to need the engine.
   */
  static prestart(factory: () => EngineWorkerLike = engineWorker): void {
    EngineClient.#spare ??= factory();
  }

  /** Ends the worker {@link prestart} started, if nobody took it. */
  static discardPrestarted(): void {
    EngineClient.#spare?.terminate();
    EngineClient.#spare = undefined;
  }

  /** A client on the prestarted worker, or on a new module Worker running `engine.worker.ts` (bundled by Vite). */
  static create(factory: () => EngineWorkerLike = engineWorker): EngineClient {
    const worker = EngineClient.#spare ?? factory();
    EngineClient.#spare = undefined;
    return new EngineClient(worker);
  }

  /** Starts a run; see {@link EngineRun}. */
  start(params: EvaluateParams, options: RunOptions = {}): EngineRun {
    const id = `run-${String(++this.#counter)}`;
    const channels = new Set<AsyncChannel<number>>();
    const progress = new Set(options.onProgress === undefined ? [] : [options.onProgress]);
    let resolve: (value: EngineResult) => void = () => undefined;
    let reject: (error: EngineError) => void = () => undefined;
    const result = new Promise<EngineResult>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A run may be cancelled without anyone awaiting it: that must not surface as an unhandled rejection.
    result.catch(() => undefined);
    const run = this.#open(id, options.signal, { progress }, (outcome) => {
      for (const c of channels) c.close();
      if (outcome.ok) resolve(outcome.value);
      // Only `load` runs fail with an AppError; a plain run never meets one.
      else
        reject(outcome.error instanceof EngineError ? outcome.error : new EngineError('engine', outcome.error.message));
    });
    if (!run.settled()) this.#post({ type: 'evaluate', runId: id, params });
    return {
      id,
      get settled() {
        return run.settled();
      },
      send: (records) => {
        if (!run.settled() && records.length > 0) this.#post({ type: 'patients', runId: id, records });
      },
      finish: () => {
        if (!run.settled()) this.#post({ type: 'finish', runId: id });
        return result;
      },
      cancel: run.cancel,
      progress: () => {
        const channel = new AsyncChannel<number>();
        if (run.settled()) channel.close();
        else {
          channels.add(channel);
          progress.add((n) => {
            channel.push(n);
          });
        }
        return channel;
      },
      result,
    };
  }

  /**
   * Runs the measures over patients streamed from `batches` (e.g. pages of a FHIR search, already compacted) and
   * resolves with the result. If reading the batches fails, the run is cancelled and that error is rethrown.
   */
  async evaluate(
    params: EvaluateParams,
    batches: Iterable<readonly CompactRecord[]> | AsyncIterable<readonly CompactRecord[]>,
    options: RunOptions = {},
  ): Promise<EngineResult> {
    const run = this.start(params, options);
    try {
      for await (const batch of batches) {
        if (run.settled) break;
        run.send(batch);
      }
    } catch (e) {
      run.cancel();
      throw e;
    }
    return run.finish();
  }

  /**
   * Has the worker read the population from the FHIR server itself (all pages of `request.searches`, with retries)
   * and evaluate it. Rejects with the load's AppError when reading fails for good, or with an EngineError when the
   * run is cancelled or the engine fails.
   */
  load(params: EvaluateParams, request: LoadRequest, options: LoadRunOptions = {}): Promise<LoadedEngineResult> {
    const id = `run-${String(++this.#counter)}`;
    return new Promise<LoadedEngineResult>((resolve, reject) => {
      const handlers = {
        progress: new Set<(patients: number) => void>(),
        ...(options.onProgress === undefined ? {} : { onLoadProgress: options.onProgress }),
        ...(options.onLoaded === undefined ? {} : { onLoaded: options.onLoaded }),
      };
      const run = this.#open(id, options.signal, handlers, (outcome) => {
        if (!outcome.ok) reject(outcome.error);
        else if ('population' in outcome.value) resolve(outcome.value);
        else reject(new EngineError('protocol', 'The measure engine answered a load without what it read.'));
      });
      if (!run.settled()) this.#post({ type: 'load', runId: id, params, load: request });
    });
  }

  /**
   * Registers a run: its outcome is delivered to `done` once (the run and its abort listener are then forgotten),
   * and `signal` cancels it (already aborted: it is settled as cancelled before anything is sent).
   */
  #open(
    id: string,
    signal: AbortSignal | undefined,
    handlers: Omit<RunState, 'settle'>,
    done: (outcome: Settled) => void,
  ): { readonly settled: () => boolean; readonly cancel: () => void } {
    let settled = false;
    const cancel = (): void => {
      if (settled) return;
      this.#post({ type: 'cancel', runId: id });
      settle({ ok: false, error: cancelled() });
    };
    const settle = (outcome: Settled): void => {
      if (settled) return;
      settled = true;
      this.#runs.delete(id);
      signal?.removeEventListener('abort', cancel);
      done(outcome);
    };
    this.#runs.set(id, { ...handlers, settle });
    if (signal?.aborted === true) settle({ ok: false, error: cancelled() });
    else signal?.addEventListener('abort', cancel);
    return { settled: () => settled, cancel };
  }

  /** Stops the worker; runs in progress reject. */
  dispose(): void {
    this.#worker.removeEventListener('message', this.#onMessage);
    this.#worker.removeEventListener('messageerror', this.#onBroken);
    this.#worker.removeEventListener('error', this.#onBroken);
    this.#worker.terminate();
    this.#failAll(new EngineError('worker', 'The measure engine was stopped.'));
  }

  #post(request: EngineRequest): void {
    this.#worker.postMessage(request);
  }

  readonly #onMessage = (event: Event): void => {
    const data: unknown = 'data' in event ? event.data : undefined;
    const parsed = engineResponseSchema.safeParse(data);
    if (!parsed.success) {
      this.#failAll(new EngineError('protocol', 'The measure engine sent a result this page cannot read. Reload it.'));
      return;
    }
    this.#route(parsed.data);
  };

  readonly #onBroken = (): void => {
    this.#failAll(new EngineError('worker', 'The measure engine could not run in this browser tab. Reload the page.'));
  };

  #route(response: EngineResponse): void {
    if (response.type === 'error' && response.runId === undefined) {
      this.#failAll(new EngineError('engine', response.message));
      return;
    }
    const state = this.#runs.get(response.runId ?? '');
    if (state === undefined) return; // a late message of a run already settled
    switch (response.type) {
      case 'progress':
        for (const listener of state.progress) listener(response.patients);
        return;
      case 'result':
        state.settle({ ok: true, value: { patients: response.patients, outcomes: response.outcomes } });
        return;
      case 'error':
        state.settle({ ok: false, error: new EngineError('engine', response.message) });
        return;
      case 'cancelled':
        state.settle({ ok: false, error: new EngineError('cancelled', 'The calculation was cancelled.') });
        return;
      case 'load-progress':
        state.onLoadProgress?.(response.progress);
        return;
      case 'loaded':
        state.onLoaded?.();
        return;
      case 'load-result':
        state.settle({
          ok: true,
          value: {
            patients: response.patients,
            outcomes: response.outcomes,
            rows: response.table === undefined ? [] : fromPanelRowTable(response.table),
            population: response.population,
          },
        });
        return;
      case 'load-error':
        state.settle({ ok: false, error: new AppError(response.error) });
        return;
    }
  }

  #failAll(error: EngineError): void {
    for (const state of [...this.#runs.values()]) state.settle({ ok: false, error });
  }
}

function engineWorker(): EngineWorkerLike {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
}

function cancelled(): EngineError {
  return new EngineError('cancelled', 'The calculation was cancelled.');
}
