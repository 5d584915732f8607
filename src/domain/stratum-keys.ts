import { ageBandOf, DEFAULT_AGE_BANDS, patientAgeAt, type AgeBand } from './age';
import type { DimensionId } from './dimensions';
import type { DomainWarning, Mapped } from './domain-warning';
import { ethnicityOf } from './ethnicity';
import { foodInsecurityOf } from './food-insecurity';
import { isObject } from './guards';
import { interpreterNeededOf } from './interpreter';
import { languageOf } from './language';
import { payerOf } from './payer';
import { practitionerOf } from './practitioner';
import { raceOf } from './race';
import { OMB_1997, type RaceScheme } from './race-scheme';
import { sexOf } from './sex';
import { zipOf } from './zip';

/** A patient's stratum key in every dimension (a list for multi-valued dimensions such as `race-combined`). */
export type StratumKeys = Readonly<Record<DimensionId, string | readonly string[]>>;

/** Options for {@link stratumKeysOf}. */
export interface StratumKeyOptions {
  /** The day (`YYYY-MM-DD`) for age, active coverage and latest screening; usually the measurement period's end. */
  readonly asOf: string;
  readonly raceScheme?: RaceScheme;
  readonly ageBands?: readonly AgeBand[];
}

/**
 * Maps one patient's resources (the Patient plus what refers to it, unvalidated) to a key in every dimension.
 * Never throws: unusable data becomes the dimension's `absent`/`UNK` key and a warning.
 */
export function stratumKeysOf(resources: readonly unknown[], options: StratumKeyOptions): Mapped<StratumKeys> {
  const patient = resources.find((r) => isObject(r) && r['resourceType'] === 'Patient');
  const warnings: DomainWarning[] = [];
  const take = <T>(mapped: Mapped<T>): T => {
    warnings.push(...mapped.warnings);
    return mapped.value;
  };
  const race = take(raceOf(patient, options.raceScheme ?? OMB_1997));
  const age = take(patientAgeAt(patient, options.asOf));
  const value: StratumKeys = {
    race: race.key,
    'race-combined': race.combined,
    ethnicity: take(ethnicityOf(patient)),
    language: take(languageOf(patient)),
    interpreter: take(interpreterNeededOf(patient)),
    sex: take(sexOf(patient)),
    'age-band': age === undefined ? 'absent' : ageBandOf(age, options.ageBands ?? DEFAULT_AGE_BANDS),
    payer: take(payerOf(resources, options.asOf)),
    'food-insecurity': take(foodInsecurityOf(resources, options.asOf)),
    practitioner: take(practitionerOf(patient)),
    zip: take(zipOf(patient)),
  };
  return { value, warnings };
}
