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

/** {@link StratumKeyOptions} naming the dimensions wanted: only those are computed. */
export interface SomeStratumKeyOptions extends StratumKeyOptions {
  readonly dimensions: readonly DimensionId[];
}

/**
 * Maps one patient's resources (the Patient plus what refers to it, unvalidated) to a key in every dimension, or
 * only in `options.dimensions` when given: a panel stratified by three dimensions need not pay for eleven (and
 * gets only the warnings of those it asked for). Never throws: unusable data becomes the dimension's
 * `absent`/`UNK` key and a warning.
 */
export function stratumKeysOf(
  resources: readonly unknown[],
  options: SomeStratumKeyOptions,
): Mapped<Partial<StratumKeys>>;
export function stratumKeysOf(resources: readonly unknown[], options: StratumKeyOptions): Mapped<StratumKeys>;
export function stratumKeysOf(
  resources: readonly unknown[],
  options: StratumKeyOptions & { readonly dimensions?: readonly DimensionId[] },
): Mapped<Partial<StratumKeys>> {
  const wanted = options.dimensions;
  const patient = findPatient(resources);
  const warnings: DomainWarning[] = [];
  const value: { -readonly [D in DimensionId]?: string | readonly string[] } = {};
  if (wants(wanted, 'race') || wants(wanted, 'race-combined')) {
    const race = take(warnings, raceOf(patient, options.raceScheme ?? OMB_1997));
    if (wants(wanted, 'race')) value.race = race.key;
    if (wants(wanted, 'race-combined')) value['race-combined'] = race.combined;
  }
  // Age before the others, so that warnings keep the order they had when every dimension was always computed.
  const age = wants(wanted, 'age-band') ? take(warnings, patientAgeAt(patient, options.asOf)) : undefined;
  if (wants(wanted, 'ethnicity')) value.ethnicity = take(warnings, ethnicityOf(patient));
  if (wants(wanted, 'language')) value.language = take(warnings, languageOf(patient));
  if (wants(wanted, 'interpreter')) value.interpreter = take(warnings, interpreterNeededOf(patient));
  if (wants(wanted, 'sex')) value.sex = take(warnings, sexOf(patient));
  if (wants(wanted, 'age-band')) {
    value['age-band'] = age === undefined ? 'absent' : ageBandOf(age, options.ageBands ?? DEFAULT_AGE_BANDS);
  }
  if (wants(wanted, 'payer')) value.payer = take(warnings, payerOf(resources, options.asOf));
  if (wants(wanted, 'food-insecurity'))
    value['food-insecurity'] = take(warnings, foodInsecurityOf(resources, options.asOf));
  if (wants(wanted, 'practitioner')) value.practitioner = take(warnings, practitionerOf(patient));
  if (wants(wanted, 'zip')) value.zip = take(warnings, zipOf(patient));
  return { value, warnings };
}

/** The first Patient among the resources (a loop: this runs once per patient of a panel). */
function findPatient(resources: readonly unknown[]): unknown {
  for (const r of resources) if (isObject(r) && r['resourceType'] === 'Patient') return r;
  return undefined;
}

/** Whether a dimension is asked for (`undefined`: all of them). Module-level, not a closure: it runs per patient. */
function wants(wanted: readonly DimensionId[] | undefined, dimension: DimensionId): boolean {
  return wanted === undefined || wanted.includes(dimension);
}

/** The mapped value, its warnings added to `warnings`. */
function take<T>(warnings: DomainWarning[], mapped: Mapped<T>): T {
  if (mapped.warnings.length > 0) warnings.push(...mapped.warnings);
  return mapped.value;
}
