import { wilsonInterval, Z_95 } from './stats-wilson';
import type { Interval, OverallResult, VisibleStratum } from './stratification-types';

/** Successes out of a total: the numerator and the performance denominator of a rate. */
export interface Proportion {
  readonly successes: number;
  readonly n: number;
}

/**
 * Confidence interval for the difference of two independent proportions a − b, by Newcombe's hybrid score method
 * (Newcombe 1998, Statistics in Medicine 17:873–890, method 10), built from the two Wilson intervals:
 * L = d − √((p₁ − l₁)² + (u₂ − p₂)²), U = d + √((u₁ − p₁)² + (p₂ − l₂)²). Undefined when either total is 0.
 */
export function differenceInterval(a: Proportion, b: Proportion, z: number = Z_95): Interval | undefined {
  const ia = wilsonInterval(a.successes, a.n, z);
  const ib = wilsonInterval(b.successes, b.n, z);
  if (ia === undefined || ib === undefined) return undefined;
  const p1 = a.successes / a.n;
  const p2 = b.successes / b.n;
  const d = p1 - p2;
  return {
    lower: d - Math.sqrt((p1 - ia.lower) ** 2 + (ib.upper - p2) ** 2),
    upper: d + Math.sqrt((ia.upper - p1) ** 2 + (p2 - ib.lower) ** 2),
  };
}

/** A stratum against everyone else in the population: both rates, the difference and its interval. */
export interface ComplementGap {
  readonly stratum: Proportion;
  readonly others: Proportion;
  /** stratum rate − others' rate (proportions). */
  readonly difference: number;
  readonly interval: Interval;
}

/**
 * The stratum compared with everyone else (the overall counts minus the stratum's: exact for a dimension in which
 * each patient has one key). Undefined when either group has no one in the performance denominator.
 */
export function gapAgainstOthers(stratum: VisibleStratum, overall: OverallResult): ComplementGap | undefined {
  if (overall.suppressed) return undefined;
  const s: Proportion = { successes: stratum.counts.numerator, n: stratum.performanceDenominator };
  const others: Proportion = {
    successes: overall.counts.numerator - s.successes,
    n: overall.performanceDenominator - s.n,
  };
  if (s.n <= 0 || others.n <= 0 || others.successes < 0) return undefined;
  const interval = differenceInterval(s, others);
  if (interval === undefined) return undefined;
  return { stratum: s, others, difference: s.successes / s.n - others.successes / others.n, interval };
}
