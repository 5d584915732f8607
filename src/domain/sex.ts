import type { Mapped } from './domain-warning';
import { isObject, resourceRef, str } from './guards';

/** Administrative gender stratum key (FHIR `Patient.gender` codes) or `absent`. */
export type SexKey = 'male' | 'female' | 'other' | 'unknown' | 'absent';

const GENDERS: ReadonlySet<string> = new Set(['male', 'female', 'other', 'unknown']);

function isGender(value: string): value is Exclude<SexKey, 'absent'> {
  return GENDERS.has(value);
}

/** `Patient.gender` as a key; a value outside the FHIR code list is `absent` with a warning. */
export function sexOf(patient: unknown): Mapped<SexKey> {
  if (!isObject(patient)) return { value: 'absent', warnings: [] };
  const gender = str(patient, 'gender');
  if (gender === undefined) return { value: 'absent', warnings: [] };
  if (isGender(gender)) return { value: gender, warnings: [] };
  return {
    value: 'absent',
    warnings: [
      {
        code: 'missing-code',
        ...resourceRef(patient),
        message: 'Patient.gender is not an administrative gender code.',
      },
    ],
  };
}
