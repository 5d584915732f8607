import type { DimensionId } from '../../../domain/dimensions';
import type { Session } from '../../../fhir/session';
import type { PanelRow } from '../../../measures/panel-filters';
import type { EvidenceRow } from '../../../measures/panel-outreach';
import type { PopulationData } from './population-run';
import type { PanelMeasureId, ViewState } from './view-state';

/** What every panel receives. */
export interface PanelProps {
  readonly data: PopulationData;
  readonly view: ViewState;
  readonly update: (change: (view: ViewState) => ViewState) => void;
  /** Whether the token allows reading patients one by one (the outreach list needs it). */
  readonly canSeePatients: boolean;
  /** The launch's session, for panels that write to the EHR (the Goals page, "Set a goal"). */
  readonly session?: Session;
}

/** The engine's per-patient rows of one measure (every patient evaluated, in the measure's population or not). */
export function rowsOf(data: PopulationData, measure: PanelMeasureId): readonly EvidenceRow[] {
  return data.outcomes.find((o) => o.measure === measure)?.rows ?? [];
}

/** Every evaluated patient once (the rows of the first measure), for panels about patients rather than a measure. */
export function patientRows(data: PopulationData): readonly PanelRow[] {
  return data.outcomes[0]?.rows ?? [];
}

/** The keys patients have in a dimension, most common first (for filter and group choices). */
export function keysOf(data: PopulationData, dimension: DimensionId): string[] {
  const counts = new Map<string, number>();
  for (const row of patientRows(data)) {
    const value = row.strata[dimension];
    for (const key of typeof value === 'string' ? [value] : (value ?? [])) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([key]) => key);
}
