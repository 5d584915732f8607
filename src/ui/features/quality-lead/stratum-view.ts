import { UNINFORMATIVE_KEYS } from '../../../domain/dimensions';
import type { StratumResult } from '../../../measures/stratification-types';
import { groupLabels, pct, points } from './format';
import type { Standing } from './palette';

/** One stratum as the charts and tables show it. */
export interface StratumView {
  readonly key: string;
  readonly keys: readonly string[];
  readonly label: string;
  readonly suppressed: boolean;
  /** Patients behind the rate (performance denominator); undefined when suppressed. */
  readonly n: number | undefined;
  readonly numerator: number | undefined;
  readonly rate: number | undefined;
  readonly lower: number | undefined;
  readonly upper: number | undefined;
  readonly standing: Standing;
  /** "9.4 points worse than everyone else (63%)", or why there is no comparison. */
  readonly comparison: string;
  /** Unknown, declined or not recorded in some dimension. */
  readonly uninformative: boolean;
  /** The engine's signed gap against everyone else (positive = worse); undefined without a comparison. */
  readonly gap?: number | undefined;
}

/** Words shown instead of a suppressed cell's numbers (never only a colour or an empty bar). */
export const SUPPRESSED_TEXT = 'suppressed (fewer than 11)';

/** The display model of a stratum; `practitioners` resolves practitioner names. */
export function stratumView(s: StratumResult, practitioners?: ReadonlyMap<string, string>): StratumView {
  const dims = s.components.map((c) => c.dimension);
  const keys = s.components.map((c) => c.key);
  const base = {
    key: s.key,
    keys,
    label: groupLabels(dims, keys, practitioners),
    uninformative: keys.some((k) => UNINFORMATIVE_KEYS.has(k)),
  };
  if (s.suppressed) {
    return {
      ...base,
      suppressed: true,
      n: undefined,
      numerator: undefined,
      rate: undefined,
      lower: undefined,
      upper: undefined,
      standing: 'none',
      comparison: s.reason === 'complementary' ? 'suppressed so a small group cannot be worked out' : SUPPRESSED_TEXT,
    };
  }
  const c = s.comparison;
  const standing: Standing =
    c === undefined ? 'none' : !c.excludesReference || c.direction === 'same' ? 'similar' : c.direction;
  const comparison =
    s.rate === undefined
      ? 'no one left after exclusions'
      : c === undefined
        ? 'no comparison (everyone else is too few)'
        : `${c.direction === 'same' ? 'same as' : `${points(c.difference)} ${c.direction} than`} ${c.referenceLabel.toLowerCase()} (${pct(c.referenceRate)})${c.excludesReference ? '' : ', could be chance'}`;
  return {
    ...base,
    suppressed: false,
    n: s.performanceDenominator,
    numerator: s.counts.numerator,
    rate: s.rate,
    lower: s.interval?.lower,
    upper: s.interval?.upper,
    standing,
    comparison,
    gap: c?.gap,
  };
}
