import type { DomainWarning, Mapped } from './domain-warning';
import { resourceRef, isObject } from './guards';
import { nullFlavorOf, strongerNullFlavor, type NullFlavorKey } from './null-flavor';
import { readOmbExtension } from './omb-extension';
import { ETHNICITY_CATEGORIES, rollUp } from './race-scheme';
import { singleOmbCode } from './single-omb-code';
import { CDC_RACE_ETHNICITY_SYSTEMS, US_CORE_ETHNICITY_URL } from './systems';

/** Ethnicity stratum key: `2135-2` Hispanic or Latino, `2186-5` Not Hispanic or Latino, `ASKU`, `UNK` or `absent`. */
export type EthnicityKey = '2135-2' | '2186-5' | NullFlavorKey | 'absent';

/**
 * The patient's ethnicity key from the US Core ethnicity extension (STANDARDS.md "Default stratum keys").
 * Detailed codes (e.g. `2148-5` Mexican) roll up through the CDC hierarchy. Both OMB codes at once is a
 * contradiction: `UNK` with a warning. A real code beats a null flavor (with a warning, as US Core forbids mixing).
 */
export function ethnicityOf(patient: unknown): Mapped<EthnicityKey> {
  const single = singleOmbCode(patient, US_CORE_ETHNICITY_URL);
  if (single === null) return ABSENT;
  // The two category codes themselves (a detailed code in ombCategory rolls up through the full rules).
  if (single === '2135-2') return HISPANIC;
  if (single === '2186-5') return NOT_HISPANIC;
  return readEthnicity(patient);
}

const frozen = (value: EthnicityKey): Mapped<EthnicityKey> => Object.freeze({ value, warnings: Object.freeze([]) });
const ABSENT = frozen('absent');
const HISPANIC = frozen('2135-2');
const NOT_HISPANIC = frozen('2186-5');

/** The full rules, for every shape `singleOmbCode` leaves to them. */
function readEthnicity(patient: unknown): Mapped<EthnicityKey> {
  const ext = readOmbExtension(patient, US_CORE_ETHNICITY_URL);
  if (ext.count === 0) return { value: 'absent', warnings: [] };
  const warnings: DomainWarning[] = [];
  const warn = (code: DomainWarning['code'], message: string): void => {
    warnings.push({ code, ...(isObject(patient) ? resourceRef(patient) : {}), message });
  };
  if (ext.count > 1) warn('duplicate', 'Patient has more than one US Core ethnicity extension; all were read.');
  if (ext.unreadable > 0) warn('missing-code', 'An ethnicity sub-extension has no code.');

  const found = new Set<'2135-2' | '2186-5'>();
  let nullFlavor: NullFlavorKey | undefined;
  for (const coding of [...ext.ombCategory, ...ext.detailed]) {
    const nf = nullFlavorOf(coding);
    if (nf !== undefined) {
      nullFlavor = strongerNullFlavor(nullFlavor, nf);
      continue;
    }
    const category = isCdcSystemOrNone(coding.system) ? rollUp(coding.code, ETHNICITY_CATEGORIES) : undefined;
    if (category === '2135-2' || category === '2186-5') found.add(category);
    else warn('missing-code', 'An ethnicity code is not in the CDC Race & Ethnicity code set; it was ignored.');
  }
  const [only] = found;
  if (found.size > 1) warn('missing-code', 'Ethnicity is both Hispanic and not Hispanic; counted as unknown.');
  if (found.size === 1 && only !== undefined) {
    if (nullFlavor !== undefined) warn('missing-code', 'Ethnicity mixes a null flavor with a code; the code was used.');
    return { value: only, warnings };
  }
  if (found.size === 0 && nullFlavor === undefined) warn('missing-code', 'Ethnicity extension has no usable code.');
  return { value: found.size > 1 ? 'UNK' : (nullFlavor ?? 'UNK'), warnings };
}

/** CDC codes are accepted under their known system URLs or without a system. */
export function isCdcSystemOrNone(system: string | undefined): boolean {
  return system === undefined || CDC_RACE_ETHNICITY_SYSTEMS.has(system);
}
