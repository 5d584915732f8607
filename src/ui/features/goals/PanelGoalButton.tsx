import { UNINFORMATIVE_KEYS } from '../../../domain/dimensions';
import type { DimensionId } from '../../../domain/dimensions';
import type { Session } from '../../../fhir/session';
import type { PanelFilters } from '../../../measures/panel-filters';
import type { StratificationReport } from '../../../measures/stratification-types';
import type { MeasureId, Period } from '../../../measures/types';
import { charterFiltersOf, goalViewFromPanel } from './goal-view';
import { SetGoalButton } from './SetGoalButton';
import { openCharterLater } from './use-charter-hash';

interface PanelGoalButtonProps {
  readonly session: Session;
  readonly measure: MeasureId;
  readonly period: Period;
  /** The panel's report (its first stratifier holds the row's stratum). */
  readonly report: StratificationReport;
  /** The row's stratum key (`StratumView.key`) and label as the panel shows it. */
  readonly stratumKey: string;
  readonly label: string;
  readonly filters: PanelFilters;
  /** Words for a filter's key (practitioner names resolved). */
  readonly labelOf: (dimension: DimensionId, key: string) => string;
  /** Shows the Goals page; the new charter opens there. */
  readonly showGoals: () => void;
}

/**
 * "Set a goal" for one row of a panel's rates table: the row's counts, compared with everyone else under the same
 * filters, become the charter's baseline. Nothing is shown for a suppressed row.
 */
export function PanelGoalButton(props: PanelGoalButtonProps) {
  const stratifier = props.report.stratifiers[0];
  const stratum = stratifier?.strata.find((s) => s.key === props.stratumKey);
  // "Unknown", "declined" and "not recorded" are a data-quality question (the REAL data panel), not a group to set
  // an equity goal for.
  if (stratifier === undefined || stratum === undefined) return null;
  if (stratum.components.some((c) => UNINFORMATIVE_KEYS.has(c.key))) return null;
  const age = props.filters.age;
  const view = goalViewFromPanel({
    measure: props.measure,
    period: props.period,
    dimensions: stratifier.dimensions,
    stratum,
    label: props.label,
    overall: props.report.overall,
    filters: charterFiltersOf(props.filters.keys, props.labelOf),
    ...(age === undefined ? {} : { ageRange: age }),
  });
  return (
    <SetGoalButton
      view={view}
      session={props.session}
      onCreated={(id) => {
        openCharterLater(id);
        props.showGoals();
      }}
    />
  );
}
