import type { SelfReportField } from '../../../domain/self-report-answers';
import type { MeasureId, Period } from '../../../measures/types';
import { AppError, toAppError } from '../../../fhir/app-error';
import type { LoadProgress, SkippedSearch } from '../../../fhir/population-load';
import { populationPlan, type PopulationPlan } from '../../../fhir/population-queries';
import { allows } from '../../../fhir/scopes';
import type { Session } from '../../../fhir/session';
import { EngineError, type EngineClient } from '../../../worker/engine-client';
import type { EvidenceRow } from '../../../measures/panel-outreach';

/** The measures the panel evaluates (one read per patient for both). */
export const PANEL_MEASURES: readonly MeasureId[] = ['cms165', 'cms122'];

/** One measure's per-patient rows (populations, strata, outcome evidence), as the engine evaluated them. */
export interface PanelOutcome {
  readonly measure: MeasureId;
  readonly rows: readonly EvidenceRow[];
}

/** Everything the panels show, for one measurement period. Held in memory only, never stored or logged. */
export interface PopulationData {
  readonly period: Period;
  /** UTC offset the engine read days in (the browser's own). */
  readonly utcOffsetMinutes: number;
  /** Per measure, in {@link PANEL_MEASURES} order: every evaluated patient's row. */
  readonly outcomes: readonly PanelOutcome[];
  /** Patients evaluated. */
  readonly patients: number;
  /** Patient display names by id; undefined when the token does not allow reading patients one by one. */
  readonly names: ReadonlyMap<string, string> | undefined;
  /** Practitioner display names by reference (`Practitioner/prac-01`). */
  readonly practitioners: ReadonlyMap<string, string>;
  /** Self-reported fields by patient; undefined when neither Provenance nor the form's answers could be read. */
  readonly selfReports: ReadonlyMap<string, ReadonlySet<SelfReportField>> | undefined;
  readonly plan: PopulationPlan;
  readonly skipped: readonly SkippedSearch[];
  readonly progress: LoadProgress;
  /** When loading finished (ISO instant) and how long it took. */
  readonly loadedAt: string;
  readonly elapsedMs: number;
}

/** Options of {@link runPopulation}. */
export interface RunPopulationOptions {
  readonly signal: AbortSignal;
  readonly onProgress: (progress: LoadProgress) => void;
  /** Called once the load is complete and the engine is finishing (for the "calculating" step). */
  readonly onCalculating?: () => void;
}

/**
 * Loads a clinic's population over FHIR and evaluates CMS165 and CMS122 for it, all inside the engine's worker: the
 * worker pages through the searches (retries and failures as `loadPopulation` has them), reduces each page to what
 * the engine reads and groups it by patient as it arrives, and evaluates once every search is complete. Whole
 * resources never cross between threads and this page's main thread stays free for the progress bar. Patient names,
 * practitioner names and self-reports come back with the result for the outreach and data-quality panels. Rejects
 * with an AppError on failure or cancel.
 */
export async function runPopulation(
  session: Session,
  engine: EngineClient,
  period: Period,
  options: RunPopulationOptions,
): Promise<PopulationData> {
  const started = performance.now();
  const plan = populationPlan(period, session.grantedScopes);
  if (!plan.searches.some((s) => s.role === 'patients')) {
    throw new AppError({
      kind: 'forbidden',
      title: 'Not permitted',
      detail: 'Your EHR account did not give Equity Lens permission to search patients (user/Patient.rs).',
      action: 'Ask your EHR administrator to grant this app read access to patients for your role.',
    });
  }
  const keepNames = allows(session.grantedScopes, 'user', 'Patient', 'r');
  const utcOffsetMinutes = -new Date().getTimezoneOffset();
  const token = session.gateway.currentAccessToken();
  const result = await engine.load(
    { measures: PANEL_MEASURES, period, stratifiers: [['race']], utcOffsetMinutes, rows: true },
    {
      baseUrl: session.gateway.baseUrl,
      ...(token === undefined ? {} : { accessToken: token }),
      searches: plan.searches,
      keepNames,
    },
    {
      signal: options.signal,
      onProgress: options.onProgress,
      onLoaded: () => {
        // Marks for the benchmark's breakdown (load, then evaluation); they hold no data.
        performance.mark('equity-lens:population-loaded');
        options.onCalculating?.();
      },
    },
  );
  performance.mark('equity-lens:population-evaluated');
  const loaded = result.population;
  const outcomes = PANEL_MEASURES.map((measure) => ({
    measure,
    rows: result.rows.find((o) => o.measure === measure)?.rows ?? [],
  }));
  return {
    period,
    utcOffsetMinutes,
    outcomes,
    patients: result.patients,
    names: loaded.names === undefined ? undefined : new Map(loaded.names),
    practitioners: new Map(loaded.practitioners),
    selfReports:
      loaded.selfReports === undefined
        ? undefined
        : new Map(loaded.selfReports.map(([id, fields]) => [id, new Set(fields)])),
    plan,
    skipped: loaded.skipped.map((s) => ({ search: s.search, error: new AppError(s.error) })),
    progress: loaded.progress,
    loadedAt: new Date().toISOString(),
    elapsedMs: performance.now() - started,
  };
}

/** Any failure of a run as the AppError the view shows (the worker's messages are already written for the user). */
export function populationError(error: unknown): AppError {
  if (!(error instanceof EngineError)) return toAppError(error, 'loading the population');
  if (error.kind === 'cancelled') {
    return new AppError({ kind: 'cancelled', title: 'Cancelled', detail: error.message, action: 'Load again.' });
  }
  return new AppError({
    kind: 'unexpected',
    title: 'The calculation stopped',
    detail: error.message,
    action: 'Reload the page; if it keeps happening, tell your support team.',
    retryable: true,
  });
}
