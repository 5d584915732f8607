import type { FhirResource } from 'fhir/r4';
import { buildCoverages } from './coverage';
import { dayOf, isoDate, parseDay, yearOf } from './dates';
import { MESSY_CASES } from './messy-cases';
import type { MessyCase } from './messy-cases';
import { buildPatient } from './patient-resource';
import { buildPatientRecord } from './patient-record';
import type { PatientResources } from './patient-record';
import { PRACTITIONERS, buildOrganizations, buildPractitioner, npiOf, practitionerDisplay } from './practitioners';
import type { Payer } from './practitioners';
import { createRng, streamSeed } from './prng';
import { drawProfile, midYear } from './profile';
import type { GenerationContext } from './profile';
import { summarizeMeasures, toIntent } from './summary';
import type { MeasureSummary, PatientIntent } from './summary';

/** Inputs of {@link generatePopulation}; the output is a pure function of them. */
export interface GenerateOptions {
  /** Any integer; the same seed gives the same population. */
  readonly seed: number;
  /** Number of patients (0–999,999). */
  readonly patients: number;
  /** Reference date `YYYY-MM-DD`: data runs from about four years before it up to it; the measurement period is its
   * calendar year. */
  readonly anchor: string;
}

/** A practitioner whose panel the population fills. */
export interface PractitionerInfo {
  readonly id: string;
  readonly reference: string;
  readonly display: string;
  readonly npi: string;
  /** Designed payer shares for patients under 65. */
  readonly payerMixUnder65: Readonly<Record<string, number>>;
  /** Patients on the panel, by payer, as generated. */
  readonly patientsByPayer: Readonly<Record<Payer, number>>;
  readonly patients: number;
}

/** What the generator produced and intended, for tests, docs and the launch page (no patient data). */
export interface PopulationSummary {
  readonly seed: number;
  readonly patients: number;
  readonly anchor: string;
  readonly measurementPeriod: { readonly start: string; readonly end: string };
  /** Resources by type, and in total. */
  readonly resourceCounts: Readonly<Record<string, number>>;
  readonly totalResources: number;
  readonly cms165: MeasureSummary;
  readonly cms122: MeasureSummary;
}

/** A patient worth opening first in the launch page, and why. */
export interface FeaturedPatient {
  readonly patientId: string;
  readonly reason: string;
}

/** The generated population: resources to load, plus the generator's ground truth about them. */
export interface Population {
  /** Organizations, Practitioners, Patients, then Coverage, Encounter, Condition, Procedure, ServiceRequest and
   * Observation: referenced resources come before the resources that refer to them. Ids are deterministic. */
  readonly resources: FhirResource[];
  readonly practitioners: readonly PractitionerInfo[];
  /** The generator's intended strata and outcomes per patient, in patient order. */
  readonly intents: readonly PatientIntent[];
  readonly summary: PopulationSummary;
  /** The messy cases present in this population (those whose patient index is within `patients`). */
  readonly messyCases: readonly MessyCase[];
  readonly featuredPatients: readonly FeaturedPatient[];
}

function context(anchor: string): GenerationContext {
  const day = parseDay(anchor);
  const year = yearOf(day);
  return {
    anchor: day,
    year,
    periodStart: dayOf(year, 1, 1),
    periodEnd: dayOf(year, 12, 31),
    midPeriod: midYear(year),
  };
}

function featured(intents: readonly PatientIntent[]): FeaturedPatient[] {
  const first = (reason: string, test: (i: PatientIntent) => boolean): FeaturedPatient[] => {
    const hit = intents.find((i) => i.patientId > 'pat-000050' && test(i));
    return hit ? [{ patientId: hit.patientId, reason }] : [];
  };
  const counted = (m: PatientIntent['cms165']): boolean => m.initialPopulation && !m.excluded;
  return [
    ...first(
      'Spanish-speaking man, 40–60, needs an interpreter, blood pressure not controlled',
      (i) =>
        i.languageKey === 'es' &&
        i.sex === 'male' &&
        i.ageAtPeriodEnd >= 40 &&
        i.ageAtPeriodEnd <= 60 &&
        i.interpreterNeeded === true &&
        counted(i.cms165) &&
        !i.cms165.numerator,
    ),
    ...first(
      'Diabetes with HbA1c > 9 %, food insecure',
      (i) => counted(i.cms122) && i.cms122.numerator && i.foodInsecure,
    ),
    ...first(
      'Haitian Creole speaker with controlled blood pressure',
      (i) => i.languageKey === 'ht' && counted(i.cms165) && i.cms165.numerator,
    ),
    ...first(
      'More than one race recorded, in both measures',
      (i) => i.raceKey === 'multiple' && counted(i.cms165) && counted(i.cms122),
    ),
    ...first(
      'Excluded from CMS165 (hospice, palliative care, renal, pregnancy, frailty or nursing home)',
      (i) => i.cms165.excluded,
    ),
  ];
}

/**
 * Generates the sandbox's synthetic primary-care population, deterministically from `seed`, `patients` and
 * `anchor`. Patient `pat-000001` … `pat-00000N`; each patient's resources come from its own random stream, so the
 * first N patients are the same whatever the total.
 */
export function generatePopulation(opts: GenerateOptions): Population {
  if (!Number.isSafeInteger(opts.seed)) throw new Error(`seed must be an integer, got ${opts.seed}`);
  if (!Number.isInteger(opts.patients) || opts.patients < 0 || opts.patients > 999_999) {
    throw new Error(`patients must be an integer from 0 to 999999, got ${opts.patients}`);
  }
  const ctx = context(opts.anchor);
  const records: PatientResources[] = [];
  const intents: PatientIntent[] = [];
  const panel = new Map<string, Record<Payer, number>>();
  for (let index = 1; index <= opts.patients; index++) {
    const rng = createRng(streamSeed(opts.seed, index));
    const profile = drawProfile(rng, index, ctx);
    const patient = buildPatient(profile, rng);
    const coverages = buildCoverages(profile, rng, ctx);
    records.push(buildPatientRecord(profile, rng, ctx, patient, coverages));
    intents.push(toIntent(profile));
    const counts = panel.get(profile.practitioner.id) ?? { medicare: 0, medicaid: 0, private: 0, uninsured: 0 };
    counts[profile.payer] += 1;
    panel.set(profile.practitioner.id, counts);
  }

  const resources: FhirResource[] = [...buildOrganizations(), ...PRACTITIONERS.map(buildPractitioner)];
  for (const r of records) resources.push(r.patient);
  for (const key of [
    'coverages',
    'encounters',
    'conditions',
    'procedures',
    'serviceRequests',
    'observations',
  ] as const) {
    for (const r of records) for (const resource of r[key]) resources.push(resource);
  }
  const resourceCounts: Record<string, number> = {};
  for (const r of resources) resourceCounts[r.resourceType] = (resourceCounts[r.resourceType] ?? 0) + 1;

  const practitioners = PRACTITIONERS.map((spec): PractitionerInfo => {
    const patientsByPayer = panel.get(spec.id) ?? { medicare: 0, medicaid: 0, private: 0, uninsured: 0 };
    return {
      id: spec.id,
      reference: `Practitioner/${spec.id}`,
      display: practitionerDisplay(spec),
      npi: npiOf(spec),
      payerMixUnder65: spec.payerMixUnder65,
      patientsByPayer,
      patients: Object.values(patientsByPayer).reduce((a, b) => a + b, 0),
    };
  });

  return {
    resources,
    practitioners,
    intents,
    summary: {
      seed: opts.seed,
      patients: opts.patients,
      anchor: opts.anchor,
      measurementPeriod: { start: isoDate(ctx.periodStart), end: isoDate(ctx.periodEnd) },
      resourceCounts,
      totalResources: resources.length,
      ...summarizeMeasures(intents),
    },
    messyCases: MESSY_CASES.filter((m) => Number(m.patientId.slice('pat-'.length)) <= opts.patients),
    featuredPatients: featured(intents),
  };
}
