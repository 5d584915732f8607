import { DIMENSIONS } from '../../../domain/dimensions';
import type { DimensionId } from '../../../domain/dimensions';
import type { CharterFilter, CharterSnapshot } from '../../../measures/charter-model';
import type { AgeRange } from '../../../measures/panel-filters';
import type { OverallResult, PopulationCounts, StratumResult } from '../../../measures/stratification-types';
import type { MeasureId, Period } from '../../../measures/types';

/**
 * What a disparity view shows about one group, as "Set a goal" needs it: the measure, the population (filters,
 * ages), the group and what it is compared with, and the counts the user is looking at (they become the baseline).
 */
export interface GoalView {
  readonly measure: MeasureId;
  readonly period: Period;
  readonly stratifier: readonly DimensionId[];
  readonly focus: { readonly keys: readonly string[]; readonly label: string; readonly counts: PopulationCounts };
  /** Everyone else in the population (the panels' default reference). */
  readonly reference: { readonly label: string; readonly counts: PopulationCounts };
  readonly overall: PopulationCounts;
  readonly filters: readonly CharterFilter[];
  readonly ageRange?: AgeRange;
}

/** The baseline snapshot a view stands for. */
export function viewSnapshot(view: GoalView): CharterSnapshot {
  return { period: view.period, overall: view.overall, focus: view.focus.counts, reference: view.reference.counts };
}

/** Who a measure counts, for the goal sentence ("for adults 18–85 with hypertension …"). */
export const POPULATION_LABELS: Readonly<Record<MeasureId, string>> = {
  cms165: 'adults 18–85 with hypertension',
  'htn-30-65': 'adults 30–65 with hypertension',
  cms122: 'adults 18–75 with diabetes',
};

const minus = (a: PopulationCounts, b: PopulationCounts): PopulationCounts => ({
  initialPopulation: a.initialPopulation - b.initialPopulation,
  denominator: a.denominator - b.denominator,
  denominatorExclusion: a.denominatorExclusion - b.denominatorExclusion,
  denominatorException: a.denominatorException - b.denominatorException,
  numerator: a.numerator - b.numerator,
});

/** What a panel knows when the user asks to set a goal for one of its strata. */
export interface PanelGroup {
  readonly measure: MeasureId;
  readonly period: Period;
  readonly dimensions: readonly DimensionId[];
  readonly stratum: StratumResult;
  /** The label the panel shows for the stratum (practitioner names resolved). */
  readonly label: string;
  readonly overall: OverallResult;
  /** The panel's filters, one key per dimension, with their words. */
  readonly filters: readonly CharterFilter[];
  readonly ageRange?: AgeRange;
}

/**
 * A goal view from a panel's stratum, compared with everyone else (overall − stratum, as the engine's complement).
 * Undefined when the stratum or the total is suppressed: a goal needs the counts behind its baseline.
 */
export function goalViewFromPanel(group: PanelGroup): GoalView | undefined {
  const { stratum, overall } = group;
  if (stratum.suppressed || overall.suppressed) return undefined;
  return {
    measure: group.measure,
    period: group.period,
    stratifier: group.dimensions,
    focus: { keys: stratum.components.map((c) => c.key), label: group.label, counts: stratum.counts },
    reference: { label: 'everyone else', counts: minus(overall.counts, stratum.counts) },
    overall: overall.counts,
    filters: group.filters,
    ...(group.ageRange === undefined ? {} : { ageRange: group.ageRange }),
  };
}

/** The panels' filters (one key per dimension, and an age range) as charter filters with their words. */
export function charterFiltersOf(
  keys: Partial<Readonly<Record<DimensionId, string>>> | undefined,
  labelOf: (dimension: DimensionId, key: string) => string,
): CharterFilter[] {
  return Object.entries(keys ?? {}).flatMap(([dimension, key]) => {
    const d = DIMENSIONS.find((x) => x.id === dimension);
    return d === undefined ? [] : [{ dimension: d.id, keys: [key], label: labelOf(d.id, key) }];
  });
}
