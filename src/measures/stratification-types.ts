import type { DimensionId } from '../domain/dimensions';
import type { ImprovementNotation, Populations } from './types';

/** A patient's key in one dimension: one key, or several for a multi-valued view (race alone or in combination). */
export type StratumInput = string | readonly string[];

/** What the stratification needs to know about one evaluated patient. */
export interface PatientStrataInput {
  readonly populations: Populations;
  /** Keys by dimension (e.g. from `stratumKeysOf`); a dimension left out counts as `absent`. */
  readonly strata: Partial<Readonly<Record<DimensionId, StratumInput>>>;
}

/** One stratifier: a single dimension, or an intersection of two or three (`['race', 'sex']`). */
export type StratifierDimensions = readonly DimensionId[];

/** Raw population counts (eCQM proportion semantics, see `StratificationAccumulator.add`). */
export interface PopulationCounts {
  readonly initialPopulation: number;
  readonly denominator: number;
  readonly denominatorExclusion: number;
  readonly denominatorException: number;
  readonly numerator: number;
}

/** A two-sided confidence interval for a proportion. */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * The group each stratum is compared with. `complement`: everyone in the population who is not in the stratum
 * (default; STANDARDS.md "the overall rate of everyone else"). `overall`: the whole population. `stratum`: a named
 * stratum of the same stratifier (one key per dimension for an intersection). `best`: the best-performing visible
 * stratum of the same stratifier, "best" following the improvement notation, unknown/declined/absent keys excluded.
 */
export type ReferenceChoice =
  | { readonly kind: 'complement' }
  | { readonly kind: 'overall' }
  | { readonly kind: 'stratum'; readonly key: string | readonly string[] }
  | { readonly kind: 'best' };

/** Small-cell suppression policy. */
export interface SuppressionPolicy {
  /** Smallest count that may be shown; 11 suppresses 1–10 (the CMS cell-size policy). */
  readonly minCellSize: number;
}

/** Options for finishing a stratification. */
export interface StratificationOptions {
  readonly improvementNotation: ImprovementNotation;
  /** Default reference for every stratifier (default `{ kind: 'complement' }`). */
  readonly reference?: ReferenceChoice;
  /** Per-stratifier references, by stratifier id (`race`, `race+sex`). */
  readonly referenceByStratifier?: Readonly<Record<string, ReferenceChoice>>;
  /** `false` turns suppression off (a clinician's own panel); default `{ minCellSize: 11 }`. */
  readonly suppression?: SuppressionPolicy | false;
  /** Normal quantile for the interval; default 1.959963984540054 (95%). */
  readonly z?: number;
}

/** One dimension's key within a stratum (one component for a single-dimension stratifier). */
export interface StratumComponent {
  readonly dimension: DimensionId;
  readonly key: string;
  readonly label: string;
}

/** How a stratum compares with its reference. The sign convention: a positive `gap` always means worse. */
export interface Comparison {
  readonly reference: ReferenceChoice;
  /** English description of the reference group ("Everyone else", "White", "Overall"). */
  readonly referenceLabel: string;
  readonly referenceRate: number;
  /** rate − reference rate, as proportions (0.1 = 10 percentage points). */
  readonly difference: number;
  /** rate ÷ reference rate; undefined when the reference rate is 0. */
  readonly ratio?: number;
  /** `difference` signed so that positive is worse: = difference for `decrease` measures, −difference for `increase`. */
  readonly gap: number;
  /**
   * Whether the reference rate (a point value, treated as fixed) lies outside this stratum's Wilson interval:
   * a one-sample check at the interval's level, not a two-sample test of the difference.
   */
  readonly excludesReference: boolean;
  readonly direction: 'worse' | 'better' | 'same';
}

interface StratumIdentity {
  /** The keys of `components` joined with ` × ` (stable; for lookups and UI keys). */
  readonly key: string;
  readonly components: readonly StratumComponent[];
  /** English label (component labels joined with ` × `). */
  readonly label: string;
}

/** A stratum whose counts may be shown. */
export interface VisibleStratum extends StratumIdentity {
  readonly suppressed: false;
  readonly counts: PopulationCounts;
  /** denominator − exclusions − exceptions: the patients behind the rate. */
  readonly performanceDenominator: number;
  /** numerator ÷ performance denominator; undefined when that is 0. */
  readonly rate?: number;
  readonly interval?: Interval;
  readonly comparison?: Comparison;
}

/** A stratum whose counts are withheld: `small-cell` (1 to minCellSize − 1) or `complementary`. */
export interface SuppressedStratum extends StratumIdentity {
  readonly suppressed: true;
  readonly reason: 'small-cell' | 'complementary';
}

export type StratumResult = VisibleStratum | SuppressedStratum;

/** The results of one stratifier. */
export interface StratifierResult {
  /** Dimensions joined with `+` (`race`, `race+sex`). */
  readonly id: string;
  readonly dimensions: readonly DimensionId[];
  readonly reference: ReferenceChoice;
  readonly strata: readonly StratumResult[];
}

/** The whole population's result; `suppressed` when even the total is a small cell. */
export type OverallResult =
  | {
      readonly suppressed: false;
      readonly counts: PopulationCounts;
      readonly performanceDenominator: number;
      readonly rate?: number;
      readonly interval?: Interval;
    }
  | { readonly suppressed: true; readonly reason: 'small-cell' };

/** A finished stratification: everything the panels, the CLI and the MeasureReport need. */
export interface StratificationReport {
  readonly improvementNotation: ImprovementNotation;
  readonly overall: OverallResult;
  readonly stratifiers: readonly StratifierResult[];
  /** The suppression policy applied, or false. */
  readonly suppression: SuppressionPolicy | false;
}

/** `race+sex` for `['race', 'sex']`. */
export function stratifierId(dimensions: StratifierDimensions): string {
  return dimensions.join('+');
}
