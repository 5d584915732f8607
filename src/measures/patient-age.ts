import { yearsBetween } from './cql-time';
import type { Uncertain } from './cql-time';

/**
 * CQL `AgeInYearsAt(day)`: whole years from birth to `day` (a day number). An imprecise birth date (`1960`,
 * `1960-05`) gives the range of possible ages; `null` without a birth date.
 */
export function ageRangeAt(birthDays: Uncertain | null, day: number): Uncertain | null {
  if (birthDays === null) return null;
  return { lo: yearsBetween(birthDays.hi, day), hi: yearsBetween(birthDays.lo, day) };
}

/** The age as a single number when it is certain, else `null`. */
export function certainAge(age: Uncertain | null): number | null {
  return age !== null && age.lo === age.hi ? age.lo : null;
}

/** Whether the age is certainly in `[min, max]` (CQL `in Interval[min, max]`, where only `true` counts). */
export function ageIn(age: Uncertain | null, min: number, max = Infinity): boolean {
  return age !== null && age.lo >= min && age.hi <= max;
}
