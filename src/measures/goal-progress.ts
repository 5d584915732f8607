import type { ChangeSpec, Charter, CharterSnapshot } from './charter-model';
import { performanceDenominator } from './charter-model';
import { gapStanding, gapTarget, rateTarget, reaches, signedGap, shareOfWay } from './goal-arithmetic';
import type { GapStanding, RateTarget } from './goal-arithmetic';
import { differenceInterval } from './panel-gap';
import { MEASURES } from './measure-catalogue';
import { wilsonInterval } from './stats-wilson';
import type { Interval, PopulationCounts } from './stratification-types';
import type { ImprovementNotation } from './types';

/**
 * Fewest patients behind a rate for the app to judge it: the CMS cell-size policy the panels suppress by (1–10).
 * Below it a rate is "not yet measurable": its interval is too wide to say anything and it may identify people.
 */
export const MIN_MEASURABLE = 11;

/** A rate with its 95% Wilson interval and the patients behind it. */
export interface RateReading {
  readonly rate: number;
  readonly interval: Interval;
  readonly numerator: number;
  readonly n: number;
}

/** Whether the later value differs from the earlier one beyond chance (the earlier value outside the interval). */
export type Change = 'better' | 'worse' | 'unclear';

export type RateAssessment =
  | { readonly kind: 'not-measurable'; readonly which: 'baseline' | 'now'; readonly n: number }
  | {
      readonly kind: 'measured';
      readonly baseline: RateReading;
      readonly now: RateReading;
      readonly target: RateTarget;
      readonly met: boolean;
      readonly change: Change;
      /** Share of the way from baseline to target; undefined when the target is the baseline. */
      readonly share: number | undefined;
    };

export interface GapReading {
  readonly gap: number;
  readonly interval: Interval;
}

export type GapAssessment =
  | { readonly kind: 'not-measurable'; readonly which: 'baseline' | 'now'; readonly n: number }
  | { readonly kind: 'no-gap'; readonly baseline: GapReading }
  | {
      readonly kind: 'measured';
      readonly baseline: GapReading;
      readonly now: GapReading;
      /** Size the gap must shrink to. */
      readonly target: number;
      readonly standing: GapStanding;
      /** `better` = narrower than at baseline beyond chance, `worse` = wider. */
      readonly change: Change;
    };

/** Progress of a charter: each group's rate, the gap, and the toolkit's warning. */
export interface CharterProgress {
  readonly overall: RateAssessment;
  readonly focus: RateAssessment;
  readonly reference: RateAssessment;
  readonly gap: GapAssessment;
  /**
   * The average got better while the gap got wider (point estimates): the toolkits warn that improving the average
   * without comparing groups can widen disparities.
   */
  readonly averageUpGapWider: boolean;
}

/** A rate reading, or undefined below {@link MIN_MEASURABLE} patients. */
export function readRate(c: PopulationCounts, minN: number = MIN_MEASURABLE): RateReading | undefined {
  const n = performanceDenominator(c);
  const interval = wilsonInterval(c.numerator, n);
  if (n < minN || interval === undefined) return undefined;
  return { rate: c.numerator / n, interval, numerator: c.numerator, n };
}

/** The signed gap (positive = focus worse) with Newcombe's interval, or undefined if a group is too small. */
export function readGap(
  focus: PopulationCounts,
  reference: PopulationCounts,
  notation: ImprovementNotation,
  minN: number = MIN_MEASURABLE,
): GapReading | undefined {
  const f = readRate(focus, minN);
  const r = readRate(reference, minN);
  if (f === undefined || r === undefined) return undefined;
  const [a, b] = notation === 'increase' ? [r, f] : [f, r];
  const interval = differenceInterval({ successes: a.numerator, n: a.n }, { successes: b.numerator, n: b.n });
  if (interval === undefined) return undefined;
  return { gap: signedGap(f.rate, r.rate, notation), interval };
}

/** Judges one group's rate now against its baseline and the improvement goal. */
export function assessRate(
  baseline: PopulationCounts,
  now: PopulationCounts,
  change: ChangeSpec,
  notation: ImprovementNotation,
  minN: number = MIN_MEASURABLE,
): RateAssessment {
  const b = readRate(baseline, minN);
  if (b === undefined) return { kind: 'not-measurable', which: 'baseline', n: performanceDenominator(baseline) };
  const n = readRate(now, minN);
  if (n === undefined) return { kind: 'not-measurable', which: 'now', n: performanceDenominator(now) };
  const target = rateTarget(b.rate, change, notation);
  const outside = b.rate < n.interval.lower || b.rate > n.interval.upper;
  const better = notation === 'increase' ? n.rate > b.rate : n.rate < b.rate;
  return {
    kind: 'measured',
    baseline: b,
    now: n,
    target,
    met: reaches(n.rate, target.target, notation),
    change: outside ? (better ? 'better' : 'worse') : 'unclear',
    share: shareOfWay(b.rate, target.target, n.rate),
  };
}

/** Judges the gap now against the baseline gap and the gap-reduction goal. */
export function assessGap(
  baseline: CharterSnapshot,
  now: CharterSnapshot,
  change: ChangeSpec,
  notation: ImprovementNotation,
  minN: number = MIN_MEASURABLE,
): GapAssessment {
  const smallest = (s: CharterSnapshot): number =>
    Math.min(performanceDenominator(s.focus), performanceDenominator(s.reference));
  const b = readGap(baseline.focus, baseline.reference, notation, minN);
  if (b === undefined) return { kind: 'not-measurable', which: 'baseline', n: smallest(baseline) };
  const target = gapTarget(b.gap, change);
  if (target.kind === 'no-gap') return { kind: 'no-gap', baseline: b };
  const n = readGap(now.focus, now.reference, notation, minN);
  if (n === undefined) return { kind: 'not-measurable', which: 'now', n: smallest(now) };
  const narrower = n.interval.upper < b.gap;
  const wider = n.interval.lower > b.gap;
  return {
    kind: 'measured',
    baseline: b,
    now: n,
    target: target.target,
    standing: gapStanding(b.gap, n.gap, target.target),
    change: narrower ? 'better' : wider ? 'worse' : 'unclear',
  };
}

/** Everything the progress view shows, from the frozen baseline and a snapshot of now. */
export function assessCharter(charter: Charter, now: CharterSnapshot, minN: number = MIN_MEASURABLE): CharterProgress {
  const notation = MEASURES[charter.spec.measure].improvementNotation;
  const base = charter.baseline.snapshot;
  const change = charter.goals.improvement;
  const overall = assessRate(base.overall, now.overall, change, notation, minN);
  const gap = assessGap(base, now, charter.goals.gapReduction, notation, minN);
  const averageBetter =
    overall.kind === 'measured' &&
    (notation === 'increase' ? overall.now.rate > overall.baseline.rate : overall.now.rate < overall.baseline.rate);
  const gapWider = gap.kind === 'measured' && Math.abs(gap.now.gap) > gap.baseline.gap;
  return {
    overall,
    focus: assessRate(base.focus, now.focus, change, notation, minN),
    reference: assessRate(base.reference, now.reference, change, notation, minN),
    gap,
    averageUpGapWider: averageBetter && gapWider,
  };
}
