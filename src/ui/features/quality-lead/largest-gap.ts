import type { DimensionId } from '../../../domain/dimensions';
import type { StratificationReport, VisibleStratum } from '../../../measures/stratification-types';

/** The dimensions the overview searches for a measure's largest gap. */
export const OVERVIEW_DIMENSIONS: readonly DimensionId[] = [
  'race',
  'ethnicity',
  'language',
  'sex',
  'age-band',
  'payer',
  'food-insecurity',
];

/**
 * The stratum furthest behind everyone else across a report's stratifiers: among shown strata with a known group
 * (not unknown, declined or not recorded), the largest positive gap, those whose interval leaves out everyone
 * else's rate first. Undefined when no group is worse.
 */
export function largestGap(
  report: StratificationReport,
): { readonly dimension: DimensionId; readonly stratum: VisibleStratum } | undefined {
  let best: { dimension: DimensionId; stratum: VisibleStratum } | undefined;
  const rank = (s: VisibleStratum): [number, number] => [
    s.comparison?.excludesReference === true ? 1 : 0,
    s.comparison?.gap ?? -Infinity,
  ];
  for (const stratifier of report.stratifiers) {
    const dimension = stratifier.dimensions[0];
    if (dimension === undefined) continue;
    for (const s of stratifier.strata) {
      if (s.suppressed || s.comparison === undefined || s.comparison.gap <= 0) continue;
      if (s.components.some((c) => ['ASKU', 'UNK', 'absent', 'not-screened'].includes(c.key))) continue;
      const [sig, gap] = rank(s);
      const current = best === undefined ? undefined : rank(best.stratum);
      if (current === undefined || sig > current[0] || (sig === current[0] && gap > current[1])) {
        best = { dimension, stratum: s };
      }
    }
  }
  return best;
}
