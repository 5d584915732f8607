import { matchesFilters, type PanelFilters, type PanelRow } from './panel-filters';
import { StratificationAccumulator } from './stratification-accumulator';
import { finishStratification } from './stratification-report';
import type {
  ReferenceChoice,
  StratificationReport,
  StratifierDimensions,
  SuppressionPolicy,
} from './stratification-types';
import type { ImprovementNotation } from './types';

/** What {@link stratifyRows} computes. */
export interface PanelStratification {
  readonly stratifiers: readonly StratifierDimensions[];
  readonly filters: PanelFilters;
  readonly improvementNotation: ImprovementNotation;
  readonly reference?: ReferenceChoice;
  /** Default: suppress counts 1–10. */
  readonly suppression?: SuppressionPolicy | false;
}

/**
 * Rates by stratum for the patients that pass the filters, from per-patient rows the engine already evaluated:
 * a filter or a new dimension re-counts rows (milliseconds for thousands of patients) instead of re-evaluating the
 * measure. The counting, intervals, comparisons and suppression are the engine's own.
 */
export function stratifyRows(rows: readonly PanelRow[], options: PanelStratification): StratificationReport {
  const accumulator = new StratificationAccumulator(options.stratifiers);
  for (const row of rows) {
    if (matchesFilters(row, options.filters)) accumulator.add({ populations: row.populations, strata: row.strata });
  }
  return finishStratification(accumulator, {
    improvementNotation: options.improvementNotation,
    ...(options.reference === undefined ? {} : { reference: options.reference }),
    ...(options.suppression === undefined ? {} : { suppression: options.suppression }),
  });
}
