import type { ChangeSpec } from './charter-model';
import type { ImprovementNotation } from './types';

/**
 * Goal arithmetic for the two SMART goals of a charter. Rates and gaps are proportions (0.52 = 52%); a change's
 * `amount` is a percentage of the baseline (`relative`) or percentage points (`absolute`).
 */

/** Why a target is not simply the baseline moved by the change. */
export type TargetNote =
  /** An increase would pass 100%: the target is 100%. */
  | 'capped'
  /** A decrease would pass 0%: the target is 0%. */
  | 'floored'
  /** A relative change of a 0% baseline is no change at all: use an absolute change. */
  | 'zero-baseline';

export interface RateTarget {
  /** The rate to reach: at least this for `increase` measures, at most this for `decrease` ones. */
  readonly target: number;
  readonly note?: TargetNote;
}

/**
 * The rate to reach from `baseline`. The direction follows the measure: an "increase" measure (CMS165, control)
 * improves upwards, a "decrease" measure (CMS122, poor control) downwards, so a 10% improvement of a 40% CMS122
 * rate is 36% (relative) or 30% (absolute, 10 points).
 */
export function rateTarget(baseline: number, change: ChangeSpec, notation: ImprovementNotation): RateTarget {
  if (change.kind === 'relative' && baseline === 0) return { target: 0, note: 'zero-baseline' };
  const step = change.kind === 'relative' ? (baseline * change.amount) / 100 : change.amount / 100;
  if (notation === 'increase') {
    const target = baseline + step;
    return target > 1 ? { target: 1, note: 'capped' } : { target };
  }
  const target = baseline - step;
  return target < 0 ? { target: 0, note: 'floored' } : { target };
}

/** Whether `value` is at or past `target` in the measure's good direction. */
export function reaches(value: number, target: number, notation: ImprovementNotation): boolean {
  // Rates come from integer counts; a hair of tolerance keeps 0.55 from missing a target of 0.55000000000000004.
  const eps = 1e-9;
  return notation === 'increase' ? value >= target - eps : value <= target + eps;
}

/**
 * The gap between the focus group and its reference, signed so that positive always means the focus group fares
 * worse (the engine's `Comparison.gap` convention): reference − focus for "increase" measures, focus − reference
 * for "decrease" ones.
 */
export function signedGap(focusRate: number, referenceRate: number, notation: ImprovementNotation): number {
  return notation === 'increase' ? referenceRate - focusRate : focusRate - referenceRate;
}

/** The gap goal's target, or why there is none. */
export type GapTarget =
  /** The gap must shrink to at most `target` (a proportion) in size, whichever group then fares worse. */
  | { readonly kind: 'target'; readonly target: number }
  /** At baseline the focus group did not fare worse than its reference: there is no gap to close. */
  | { readonly kind: 'no-gap' };

/**
 * The size the gap must shrink to. Relative: by `amount`% of the baseline gap (a 12-point gap cut by 50% → 6
 * points); absolute: by `amount` points (never below 0). A baseline at or below 0 has no gap to close.
 */
export function gapTarget(baselineGap: number, change: ChangeSpec): GapTarget {
  if (!(baselineGap > 0)) return { kind: 'no-gap' };
  const target =
    change.kind === 'relative' ? baselineGap * (1 - change.amount / 100) : baselineGap - change.amount / 100;
  return { kind: 'target', target: Math.max(0, target) };
}

/** Where the gap stands against its goal. */
export interface GapStanding {
  /** Share of the baseline gap closed: 0 = unchanged, 1 = closed, above 1 = reversed, below 0 = wider. */
  readonly closed: number;
  /** Whether the gap is at most the target in size (either group may then fare worse). */
  readonly met: boolean;
  /** The groups swapped places: the reference group now fares worse than the focus group. */
  readonly flipped: boolean;
  /** Flipped by more than the target allows: a new disparity, in the other direction. */
  readonly reversedBeyondTarget: boolean;
}

/**
 * Judges a gap against a baseline gap (> 0) and a target size. A gap that flips sign has closed and then some; it
 * meets the goal only while the reversed gap is no larger than the target, because the goal is equity, not a new
 * gap the other way.
 */
export function gapStanding(baselineGap: number, gap: number, target: number): GapStanding {
  const eps = 1e-9;
  const flipped = gap < -eps;
  return {
    closed: baselineGap > 0 ? (baselineGap - gap) / baselineGap : 0,
    met: Math.abs(gap) <= target + eps,
    flipped,
    reversedBeyondTarget: flipped && -gap > target + eps,
  };
}

/**
 * Share of the way from baseline to target (0 at baseline, 1 at the target, negative when worse than baseline);
 * undefined when the target equals the baseline.
 */
export function shareOfWay(baseline: number, target: number, value: number): number | undefined {
  if (target === baseline) return undefined;
  return (value - baseline) / (target - baseline);
}
