import type { Interval } from './stratification-types';

/** The 97.5th percentile of the standard normal distribution: a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score interval for a proportion `successes / n` (Wilson 1927; Newcombe 1998, method 3):
 *
 *   centre = (p + z²/2n) / (1 + z²/n),  half-width = z / (1 + z²/n) · √(p(1 − p)/n + z²/4n²)
 *
 * At 0 successes the lower bound is exactly 0 and at n it is exactly 1 for the upper bound (the formula gives these
 * values; rounding is removed). Undefined when n is 0 or the counts are not 0 ≤ successes ≤ n.
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): Interval | undefined {
  if (!(n > 0) || successes < 0 || successes > n) return undefined;
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return {
    lower: successes === 0 ? 0 : Math.max(0, centre - half),
    upper: successes === n ? 1 : Math.min(1, centre + half),
  };
}
