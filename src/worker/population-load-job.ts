import { displayName } from '../domain/human-name';
import { addSelfReports } from '../domain/panel-self-report';
import type { SelfReportField } from '../domain/self-report-answers';
import { appErrorInit } from '../fhir/app-error';
import { FhirGateway } from '../fhir/fhir-gateway';
import { loadPopulation, type LoadProgress, type LoadSummary } from '../fhir/population-load';
import type { PopulationSearch } from '../fhir/population-queries';
import type { LooseResource } from '../fhir/schemas';
import { compactResource } from './compact-resource';
import { PatientRecordGrouper } from './patient-record-grouper';
import type { LoadedPopulation, LoadRequest } from './population-load-protocol';

/**
 * One population read from the FHIR server inside the engine worker: every page is reduced to what the engine
 * reads and grouped by patient as it arrives, so whole resources never cross to another thread and the page's main
 * thread stays free. Patient and practitioner names and self-reports are kept for the panels. Failures are the
 * `AppError`s of `loadPopulation` (what failed and what had been loaded).
 */
export class PopulationLoadJob {
  /** By default tracks changes, so that patients can be evaluated while the rest loads (`takeSettled`). */
  readonly grouper: PatientRecordGrouper;
  readonly #request: LoadRequest;
  readonly #gateway: FhirGateway;
  readonly #names: Map<string, string> | undefined;
  readonly #practitioners = new Map<string, string>();
  readonly #selfReports = new Map<string, Set<SelfReportField>>();

  /** `trackChanges: false` for a reader that only drains the records once every page is in. */
  constructor(request: LoadRequest, fetchImpl?: typeof fetch, options: { readonly trackChanges?: boolean } = {}) {
    this.grouper = new PatientRecordGrouper({ trackChanges: options.trackChanges ?? true });
    this.#request = request;
    const token = request.accessToken;
    this.#gateway = new FhirGateway({
      baseUrl: request.baseUrl,
      accessToken: () => token,
      ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
    });
    this.#names = request.keepNames ? new Map() : undefined;
  }

  /**
   * Reads every search; rejects with an AppError (`cancelled` when `signal` aborts). `afterPage` runs after each
   * page has been grouped.
   */
  run(signal: AbortSignal, onProgress: (progress: LoadProgress) => void, afterPage?: () => void): Promise<LoadSummary> {
    return loadPopulation(this.#gateway, this.#request.searches, {
      signal,
      ...(this.#request.concurrency === undefined ? {} : { concurrency: this.#request.concurrency }),
      onProgress,
      onPage: (search, page) => {
        this.#page(search, page);
        afterPage?.();
      },
    });
  }

  /** The grouper's source bit of a search's resources (see `PatientRecordGrouper.takeSettled`). */
  sourceOf(search: PopulationSearch): number {
    return 1 << this.#sourceIndex(search);
  }

  #sourceIndex(search: PopulationSearch): number {
    // Sources are bits of a 31-bit mask; a plan has a dozen searches.
    return Math.max(0, this.#request.searches.indexOf(search)) % 31;
  }

  #page(search: PopulationSearch, page: readonly LooseResource[]): void {
    switch (search.role) {
      case 'practitioners':
        for (const r of page) {
          const name = displayName(r);
          if (r.id !== undefined && name !== undefined) this.#practitioners.set(`Practitioner/${r.id}`, name);
        }
        return;
      case 'self-report':
        addSelfReports(this.#selfReports, page);
        return;
      case 'patients':
      case 'clinical':
        for (const raw of page) {
          const projected = compactResource(raw);
          if (projected.kind !== 'keep') continue;
          this.grouper.add(projected.resource, projected.patientId, this.#sourceIndex(search));
          if (this.#names !== undefined && search.role === 'patients' && raw.id !== undefined) {
            this.#names.set(raw.id, displayName(raw) ?? raw.id);
          }
        }
        this.grouper.endPage();
        return;
    }
  }

  /** What the panels need besides the measures, once the load is done. */
  population(summary: LoadSummary): LoadedPopulation {
    const skipped = summary.skipped.map((s) => ({ search: s.search, error: appErrorInit(s.error) }));
    // Self-reports are only known when at least one of their searches was read to the end.
    const selfReportsRead = this.#request.searches.some(
      (s) => s.role === 'self-report' && !summary.skipped.some((k) => k.search === s),
    );
    return {
      ...(this.#names === undefined ? {} : { names: [...this.#names] }),
      practitioners: [...this.#practitioners],
      ...(selfReportsRead
        ? { selfReports: [...this.#selfReports].map(([id, fields]) => [id, [...fields]] as const) }
        : {}),
      skipped,
      progress: summary.progress,
    };
  }
}
