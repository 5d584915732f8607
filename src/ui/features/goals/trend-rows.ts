import type { CharterSnapshot } from '../../../measures/charter-model';
import { readGap, readRate } from '../../../measures/goal-progress';
import type { GapReading, RateReading } from '../../../measures/goal-progress';
import type { ImprovementNotation } from '../../../measures/types';

/** One month of a run chart: each group's rate and the gap, or undefined where too few patients are behind it. */
export interface TrendRow {
  readonly month: string;
  readonly overall: RateReading | undefined;
  readonly focus: RateReading | undefined;
  readonly reference: RateReading | undefined;
  readonly gap: GapReading | undefined;
}

/** The run chart's rows from the monthly snapshots (`month` is `YYYY-MM`, from each window's end). */
export function trendRows(series: readonly CharterSnapshot[], notation: ImprovementNotation): TrendRow[] {
  return series.map((s) => ({
    month: s.period.end.slice(0, 7),
    overall: readRate(s.overall),
    focus: readRate(s.focus),
    reference: readRate(s.reference),
    gap: readGap(s.focus, s.reference, notation),
  }));
}
