import { DEFAULT_AGE_BANDS } from '../domain/age';
import { DIMENSION_IDS, type DimensionId } from '../domain/dimensions';
import type { StratumInput } from './stratification-types';
import type { Populations } from './types';

/** What the panels need of one evaluated patient (the worker's `PatientRow` has this shape). */
export interface PanelRow {
  readonly patientId: string;
  /** Age at the end of the measurement period; null when unknown. */
  readonly ageAtPeriodEnd: number | null;
  readonly populations: Populations;
  readonly strata: Partial<Readonly<Record<DimensionId, StratumInput>>>;
}

/** An inclusive age range in whole years at the end of the period (`max` absent: no upper limit). */
export interface AgeRange {
  readonly min: number;
  readonly max?: number;
}

/** Filters that apply to every panel: an age range and one stratum key per dimension. */
export interface PanelFilters {
  readonly age?: AgeRange;
  readonly keys?: Partial<Readonly<Record<DimensionId, string>>>;
}

/** The AMA STEPS Forward toolkit's hypertension example: ages 30–65. */
export const TOOLKIT_AGE_PRESET = '30-65';

/**
 * Age filter choices by key: the toolkit's 30–65 preset, then the default age bands (`18-29` … `75+`).
 * Keys are URL-safe and read as their range.
 */
export const AGE_FILTER_KEYS: readonly string[] = [
  TOOLKIT_AGE_PRESET,
  ...DEFAULT_AGE_BANDS.filter((band) => band.min >= 18).map((band) => band.key),
];

/** The range an age key names (`30-65`, `75+`), or undefined when it is not one. */
export function ageRangeOf(key: string): AgeRange | undefined {
  const open = /^(\d{1,3})\+$/.exec(key);
  if (open?.[1] !== undefined) return { min: Number(open[1]) };
  const closed = /^(\d{1,3})-(\d{1,3})$/.exec(key);
  if (closed?.[1] === undefined || closed[2] === undefined) return undefined;
  const min = Number(closed[1]);
  const max = Number(closed[2]);
  return min <= max ? { min, max } : undefined;
}

/**
 * Whether a row passes the filters. Age uses the measure's own age at the end of the period, so a patient of
 * unknown age passes no age filter. A multi-valued key (race alone or in combination) passes when it holds the key;
 * a dimension the row does not have counts as `absent`.
 */
export function matchesFilters(row: PanelRow, filters: PanelFilters): boolean {
  const age = filters.age;
  if (age !== undefined) {
    const a = row.ageAtPeriodEnd;
    if (a === null || a < age.min || (age.max !== undefined && a > age.max)) return false;
  }
  const keys = filters.keys;
  if (keys === undefined) return true;
  for (const dimension of DIMENSION_IDS) {
    const wanted = keys[dimension];
    if (wanted === undefined) continue;
    const value: StratumInput = row.strata[dimension] ?? 'absent';
    if (typeof value === 'string' ? value !== wanted : !value.includes(wanted)) return false;
  }
  return true;
}
