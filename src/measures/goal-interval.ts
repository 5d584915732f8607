import { wilsonInterval, Z_95 } from './stats-wilson';
import type { Interval } from './stratification-types';

/** Successes out of a number of patients (numerator and performance denominator). */
export interface Proportion {
  readonly successes: number;
  readonly n: number;
}

/**
 * 95% interval for the difference of two independent proportions, a − b, by Newcombe's hybrid score method
 * (Newcombe 1998, method 10), built from each proportion's Wilson interval (la, ua), (lb, ub):
 *
 *   lower = d − √((pa − la)² + (ub − pb)²),  upper = d + √((ua − pa)² + (pb − lb)²)
 *
 * It stays inside [−1, 1] and behaves at 0% and 100%, where the simple Wald interval collapses. Undefined when
 * either group has no patients. For a focus group compared with the whole population (which contains it) the
 * groups are not independent and the interval is only approximate.
 */
export function differenceInterval(a: Proportion, b: Proportion, z: number = Z_95): Interval | undefined {
  const ia = wilsonInterval(a.successes, a.n, z);
  const ib = wilsonInterval(b.successes, b.n, z);
  if (ia === undefined || ib === undefined) return undefined;
  const pa = a.successes / a.n;
  const pb = b.successes / b.n;
  const d = pa - pb;
  return {
    lower: d - Math.sqrt((pa - ia.lower) ** 2 + (ib.upper - pb) ** 2),
    upper: d + Math.sqrt((ia.upper - pa) ** 2 + (pb - ib.lower) ** 2),
  };
}
