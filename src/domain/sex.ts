import type { Mapped } from './domain-warning';
import { isObject, resourceRef, str } from './guards';

/** Administrative gender stratum key (FHIR `Patient.gender` codes) or `absent`. */
export type SexKey = 'male' | 'female' | 'other' | 'unknown' | 'absent';

const GENDERS: ReadonlySet<string> = new Set(['male', 'female', 'other', 'unknown']);

function isGender(value: string): value is Exclude<SexKey, 'absent'> {
  return GENDERS.has(value);
}

const key = (value: SexKey): Mapped<SexKey> => Object.freeze({ value, warnings: Object.freeze([]) });
/** Shared results, as the mapper runs for every patient of a panel. */
const KEYS: Readonly<Record<SexKey, Mapped<SexKey>>> = {
  male: key('male'),
  female: key('female'),
  other: key('other'),
  unknown: key('unknown'),
  absent: key('absent'),
};

/** `Patient.gender` as a key; a value outside the FHIR code list is `absent` with a warning. */
export function sexOf(patient: unknown): Mapped<SexKey> {
  if (!isObject(patient)) return KEYS.absent;
  const gender = str(patient, 'gender');
  if (gender === undefined) return KEYS.absent;
  if (isGender(gender)) return KEYS[gender];
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
