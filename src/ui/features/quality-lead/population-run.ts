import { displayName } from '../../../domain/human-name';
import { addSelfReports } from '../../../domain/panel-self-report';
import type { SelfReportField } from '../../../domain/self-report-answers';
import type { MeasureId, Period } from '../../../measures/types';
import { AppError, toAppError } from '../../../fhir/app-error';
import { loadPopulation, type LoadProgress, type SkippedSearch } from '../../../fhir/population-load';
import { populationPlan, type PopulationPlan } from '../../../fhir/population-queries';
import type { LooseResource } from '../../../fhir/schemas';
import { allows } from '../../../fhir/scopes';
import type { Session } from '../../../fhir/session';
import { compactResource } from '../../../worker/compact-resource';
import { EngineError, type EngineClient } from '../../../worker/engine-client';
import type { CompactItem } from '../../../worker/engine-protocol';
import type { PatientRow } from '../../../worker/measure-run';

/** The measures the panel evaluates (one read per patient for both). */
export const PANEL_MEASURES: readonly MeasureId[] = ['cms165', 'cms122'];

/** One measure's per-patient rows (populations, strata, evidence), as the engine evaluated them. */
export interface PanelOutcome {
  readonly measure: MeasureId;
  readonly rows: readonly PatientRow[];
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

/** Which engine worker evaluates a patient: a stable hash of the id, so each patient's resources meet in one. */
function workerOf(patientId: string, workers: number): number {
  let hash = 5381;
  for (let i = 0; i < patientId.length; i++) hash = ((hash << 5) + hash + patientId.charCodeAt(i)) | 0;
  return Math.abs(hash) % workers;
}

/**
 * Loads a clinic's population over FHIR and evaluates CMS165 and CMS122 for it in the engine's workers: each page is
 * reduced to what the engine reads and streamed to a worker as it arrives (patients are split between the workers
 * by id; each worker groups its resources by patient and evaluates once every search is complete, so the
 * evaluation that must wait for the last page runs on every core). Patient names, practitioner names and
 * self-reports are kept on this side for the outreach and data-quality panels. Rejects with an AppError on failure
 * or cancel.
 */
export async function runPopulation(
  session: Session,
  engines: readonly EngineClient[],
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
  const names = new Map<string, string>();
  const practitioners = new Map<string, string>();
  const selfReports = new Map<string, Set<SelfReportField>>();
  const utcOffsetMinutes = -new Date().getTimezoneOffset();
  const runs = engines.map((engine) =>
    engine.start(
      { measures: PANEL_MEASURES, period, stratifiers: [['race']], utcOffsetMinutes, rows: true },
      { signal: options.signal },
    ),
  );
  const onPage = (role: string, page: readonly LooseResource[]): void => {
    if (role === 'practitioners') {
      for (const r of page) {
        const name = displayName(r);
        if (r.id !== undefined && name !== undefined) practitioners.set(`Practitioner/${r.id}`, name);
      }
      return;
    }
    if (role === 'self-report') {
      addSelfReports(selfReports, page);
      return;
    }
    const items: CompactItem[][] = runs.map(() => []);
    for (const raw of page) {
      const projected = compactResource(raw);
      if (projected.kind !== 'keep') continue;
      const { patientId, resource } = projected;
      // A shared resource (a Medication) goes to every worker; a patient's, to that patient's worker.
      if (patientId === undefined) for (const list of items) list.push({ resource });
      else items[workerOf(patientId, runs.length)]?.push({ patientId, resource });
      if (keepNames && role === 'patients' && raw.id !== undefined) {
        names.set(raw.id, displayName(raw) ?? raw.id);
      }
    }
    runs.forEach((run, i) => {
      run.sendResources(items[i] ?? []);
    });
  };
  let summary: Awaited<ReturnType<typeof loadPopulation>>;
  try {
    summary = await loadPopulation(session.gateway, plan.searches, {
      signal: options.signal,
      onProgress: options.onProgress,
      onPage: (search, page) => {
        onPage(search.role, page);
      },
    });
  } catch (error) {
    for (const run of runs) run.cancel();
    throw error;
  }
  // Marks for the benchmark's breakdown (load, then evaluation); they hold no data.
  performance.mark('equity-lens:population-loaded');
  options.onCalculating?.();
  const results = await Promise.all(runs.map((run) => run.finish()));
  performance.mark('equity-lens:population-evaluated');
  const outcomes = PANEL_MEASURES.map((measure) => ({
    measure,
    rows: results.flatMap((r) => r.outcomes.find((o) => o.measure === measure)?.rows ?? []),
  }));
  const selfReportReadable = plan.searches.some(
    (s) => s.role === 'self-report' && !summary.skipped.some((k) => k.search === s),
  );
  return {
    period,
    utcOffsetMinutes,
    outcomes,
    patients: results.reduce((n, r) => n + r.patients, 0),
    names: keepNames ? names : undefined,
    practitioners,
    selfReports: selfReportReadable ? selfReports : undefined,
    plan,
    skipped: summary.skipped,
    progress: summary.progress,
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
