import { AppError, toAppError } from './app-error';
import type { FhirGateway } from './fhir-gateway';
import type { PopulationSearch } from './population-queries';
import type { LooseResource } from './schemas';

/** Where one search of the load stands. */
export interface SearchProgress {
  readonly search: PopulationSearch;
  readonly state: 'waiting' | 'loading' | 'retrying' | 'done' | 'failed' | 'skipped';
  readonly pages: number;
  readonly resources: number;
  /** `Bundle.total` of the first page, when the server sent one. */
  readonly total?: number;
  /** While `retrying`: how long the app waits before the next try. */
  readonly retryInMs?: number;
}

/** The whole load's progress, as the progress bar and the failure message show it. */
export interface LoadProgress {
  readonly searches: readonly SearchProgress[];
  readonly pages: number;
  readonly resources: number;
  /** Patient resources read so far. */
  readonly patients: number;
  /** Requests the server answered with 429/5xx (or that timed out) and that were tried again. */
  readonly retries: number;
}

/** Options of {@link loadPopulation}. */
export interface LoadOptions {
  readonly signal?: AbortSignal;
  /** Searches run at once (each follows its own next links). Default 3. */
  readonly concurrency?: number;
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Each page as it arrives; the load does not keep the resources, so memory holds one page per search. */
  readonly onPage: (search: PopulationSearch, page: readonly LooseResource[]) => void;
}

/** A search that failed for good but is not needed for the numbers (self-reports, names): the load goes on. */
export interface SkippedSearch {
  readonly search: PopulationSearch;
  readonly error: AppError;
}

/** What a finished load read. */
export interface LoadSummary {
  readonly progress: LoadProgress;
  readonly skipped: readonly SkippedSearch[];
}

/**
 * Runs every search of a population load, `concurrency` at a time, following all next links, and hands each page to
 * `onPage` as it arrives. Retries (429, 5xx, time-outs, Retry-After) come from the gateway. A search that fails
 * for good stops the whole load when it is `required` (the error then says what failed and what had been loaded,
 * see {@link loadFailure}); an optional one is skipped and reported in the summary. Cancelling through `signal`
 * rejects with a `cancelled` AppError.
 */
export async function loadPopulation(
  gateway: FhirGateway,
  searches: readonly PopulationSearch[],
  options: LoadOptions,
): Promise<LoadSummary> {
  const state: SearchProgress[] = searches.map((search) => ({
    search,
    state: 'waiting',
    pages: 0,
    resources: 0,
    total: undefined,
  }));
  let retries = 0;
  const snapshot = (): LoadProgress => ({
    searches: [...state],
    pages: state.reduce((n, s) => n + s.pages, 0),
    resources: state.reduce((n, s) => n + s.resources, 0),
    patients: state.reduce((n, s) => n + (s.search.role === 'patients' ? s.resources : 0), 0),
    retries,
  });
  const report = (): void => {
    options.onProgress?.(snapshot());
  };
  const skipped: SkippedSearch[] = [];
  const internal = new AbortController();
  const signal = options.signal === undefined ? internal.signal : AbortSignal.any([options.signal, internal.signal]);
  let failure: { index: number; error: AppError } | undefined;
  const runOne = async (index: number): Promise<void> => {
    const search = searches[index];
    if (search === undefined) return;
    const what = `reading ${search.label}`;
    const update = (change: Partial<SearchProgress>): void => {
      const current = state[index];
      if (current !== undefined) state[index] = { ...current, ...change };
    };
    update({ state: 'loading' });
    report();
    try {
      await gateway.searchAll(search.path, {
        what,
        signal,
        collect: false,
        withIncluded: search.includes === true,
        onRetry: (info) => {
          retries += 1;
          update({ state: 'retrying', retryInMs: info.delayMs });
          report();
        },
        onPage: (progress, page) => {
          update({ state: 'loading', pages: progress.pages, resources: progress.resources, total: progress.total });
          // The gateway has already asked for the next page: this work overlaps the server's.
          options.onPage(search, page);
          report();
        },
      });
      update({ state: 'done' });
    } catch (caught) {
      const error = toAppError(caught, what);
      if (error.kind === 'cancelled' || signal.aborted) {
        update({ state: 'waiting' });
        throw error;
      }
      if (!search.required) {
        update({ state: 'skipped' });
        skipped.push({ search, error });
      } else {
        update({ state: 'failed' });
        failure ??= { index, error };
        // The numbers cannot be complete any more: stop the other searches instead of loading in vain.
        internal.abort();
      }
    }
    report();
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < searches.length && !signal.aborted) await runOne(next++);
  };
  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 3, searches.length)) }, worker);
  const settled = await Promise.allSettled(workers);
  if (failure !== undefined) throw loadFailure(failure.error, searches[failure.index], snapshot());
  if (options.signal?.aborted === true) {
    throw toAppError(new DOMException('Aborted', 'AbortError'), 'loading the population');
  }
  for (const result of settled) if (result.status === 'rejected') throw toAppError(result.reason, 'loading');
  return { progress: snapshot(), skipped };
}

/**
 * The error shown when a required search failed for good: the server's reason, what had been loaded by then, and
 * that no numbers are shown because they would be incomplete. Keeps the original kind, status and retryability.
 */
export function loadFailure(error: AppError, search: PopulationSearch | undefined, progress: LoadProgress): AppError {
  const failed = progress.searches.find((s) => s.search === search);
  const loaded = progress.searches
    .filter((s) => s.resources > 0)
    .map((s) => {
      const of = s.total !== undefined && s.state !== 'done' ? ` of ${s.total.toLocaleString('en-US')}` : '';
      const incomplete = s.state === 'done' ? '' : ' (incomplete)';
      return `${s.search.label}: ${s.resources.toLocaleString('en-US')}${of}${incomplete}`;
    });
  const where =
    failed === undefined
      ? ''
      : ` It stopped after ${failed.pages.toLocaleString('en-US')} page${failed.pages === 1 ? '' : 's'} of ${failed.search.label}.`;
  return new AppError(
    {
      kind: error.kind,
      title: `Loading stopped: ${error.title.charAt(0).toLowerCase()}${error.title.slice(1)}`,
      detail:
        `${error.detail}${where} Loaded before it stopped: ${loaded.length === 0 ? 'nothing' : loaded.join('; ')}. ` +
        'No rates are shown, because they would leave out patients and look complete when they are not.',
      action: error.retryable ? 'Try again: the whole population is loaded again from the start.' : error.action,
      ...(error.status === undefined ? {} : { status: error.status }),
      diagnostics: error.diagnostics,
      retryable: error.retryable,
    },
    { cause: error },
  );
}
