import type { DimensionId } from './dimensions';
import { isCdcCode } from './race-scheme';
import { stratumLabel } from './stratum-labels';
import {
  ADMINISTRATIVE_GENDER_SYSTEM,
  APP_BASE,
  APP_STRATUM_SYSTEM,
  BCP47_SYSTEM,
  CDC_RACE_ETHNICITY_SYSTEM,
  NULL_FLAVOR_SYSTEM,
} from './systems';

/** A FHIR Coding for a stratum key (the shape of `fhir/r4` `Coding`, without importing it). */
export interface StratumCoding {
  readonly system: string;
  readonly code: string;
  readonly display: string;
}

/**
 * The coding that stands for a stratum key in a MeasureReport: CDC codes under `urn:oid:2.16.840.1.113883.6.238`,
 * `ASKU`/`UNK` under v3 NullFlavor, languages under `urn:ietf:bcp:47`, genders under administrative-gender;
 * `absent` and `multiple` under the app's stratum system; any other app key under
 * `https://equity-lens.example.org/CodeSystem/<dimension>`.
 */
export function stratumCoding(dimension: DimensionId, key: string): StratumCoding {
  const display = stratumLabel(dimension, key);
  return { system: systemFor(dimension, key), code: key, display };
}

function systemFor(dimension: DimensionId, key: string): string {
  if (key === 'ASKU' || key === 'UNK') return NULL_FLAVOR_SYSTEM;
  if (key === 'absent' || key === 'multiple') return APP_STRATUM_SYSTEM;
  switch (dimension) {
    case 'race':
    case 'race-combined':
    case 'ethnicity':
      return isCdcCode(key) ? CDC_RACE_ETHNICITY_SYSTEM : `${APP_BASE}/CodeSystem/${dimension}`;
    case 'language':
      return BCP47_SYSTEM;
    case 'sex':
      return ADMINISTRATIVE_GENDER_SYSTEM;
    case 'interpreter':
    case 'age-band':
    case 'payer':
    case 'food-insecurity':
    case 'practitioner':
    case 'zip':
      return `${APP_BASE}/CodeSystem/${dimension}`;
  }
}
