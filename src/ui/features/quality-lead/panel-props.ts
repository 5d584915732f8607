import type { PanelRow } from '../../../measures/panel-filters';
import type { PatientRow } from '../../../worker/measure-run';
import type { PopulationData } from './population-run';
import type { PanelMeasureId, ViewState } from './view-state';

/** What every panel receives. */
export interface PanelProps {
  readonly data: PopulationData;
  readonly view: ViewState;
  readonly update: (change: (view: ViewState) => ViewState) => void;
  /** Whether the token allows reading patients one by one (the outreach list needs it). */
  readonly canSeePatients: boolean;
}

/** The engine's per-patient rows of one measure (every patient evaluated, in the measure's population or not). */
export function rowsOf(data: PopulationData, measure: PanelMeasureId): readonly PatientRow[] {
  return data.outcomes.find((o) => o.measure === measure)?.rows ?? [];
}

/** Every evaluated patient once (the rows of the first measure), for panels about patients rather than a measure. */
export function patientRows(data: PopulationData): readonly PanelRow[] {
  return data.outcomes[0]?.rows ?? [];
}
