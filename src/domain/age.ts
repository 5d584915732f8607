import type { DomainWarning, Mapped } from './domain-warning';
import { fhirDay } from './fhir-day';
import { isObject, resourceRef, str } from './guards';

/**
 * Whole years from `birthDate` to `date` (both `YYYY-MM-DD`), as CQL `AgeInYearsAt` counts them: the birthday
 * must have been reached. A 29 February birthday is reached on 1 March in common years.
 */
export function ageInYears(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // `MM-DD` strings compare in calendar order.
  return date.slice(5, 10) < birthDate.slice(5, 10) ? years - 1 : years;
}

/** An age band: `min` to `max` years inclusive (`max` omitted for the open top band). */
export interface AgeBand {
  readonly key: string;
  readonly min: number;
  readonly max?: number;
}

/** Default age bands, as data (the 18–29 … 75+ bands of the brief, plus 0–17 so nobody falls outside). */
export const DEFAULT_AGE_BANDS: readonly AgeBand[] = [
  { key: '0-17', min: 0, max: 17 },
  { key: '18-29', min: 18, max: 29 },
  { key: '30-44', min: 30, max: 44 },
  { key: '45-64', min: 45, max: 64 },
  { key: '65-74', min: 65, max: 74 },
  { key: '75+', min: 75 },
];

/** The key of the band holding `age`, or `absent` when no band does. */
export function ageBandOf(age: number, bands: readonly AgeBand[] = DEFAULT_AGE_BANDS): string {
  return bands.find((b) => age >= b.min && (b.max === undefined || age <= b.max))?.key ?? 'absent';
}

/**
 * The patient's age in whole years at `date` (`YYYY-MM-DD`). A partial birth date (`1960`, `1960-05`) counts from
 * its first day. Undefined (with a warning when the value is there but unusable) when there is no usable birth date.
 */
export function patientAgeAt(patient: unknown, date: string): Mapped<number | undefined> {
  if (!isObject(patient)) return { value: undefined, warnings: [] };
  const raw = str(patient, 'birthDate');
  if (raw === undefined) return { value: undefined, warnings: [] };
  const birth = fhirDay(raw);
  if (birth === undefined) {
    const warning: DomainWarning = {
      code: 'unparseable-date',
      ...resourceRef(patient),
      message: 'Birth date is not a FHIR date.',
    };
    return { value: undefined, warnings: [warning] };
  }
  const age = ageInYears(birth, date);
  return { value: age >= 0 ? age : undefined, warnings: [] };
}
