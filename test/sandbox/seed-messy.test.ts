import type { Extension, FhirResource, Observation, Patient } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { MESSY_CASES } from '../../sandbox/seed/messy-cases';
import { generatePopulation } from '../../sandbox/seed/population';

const ANCHOR = '2026-11-01';
const pop = generatePopulation({ seed: 42, patients: 60, anchor: ANCHOR });
const of = (patientId: string): FhirResource[] =>
  pop.resources.filter((r) =>
    r.resourceType === 'Patient' ? r.id === patientId : JSON.stringify(r).includes(`"Patient/${patientId}"`),
  );
const patient = (id: string): Patient | undefined => of(id).find((r): r is Patient => r.resourceType === 'Patient');
const observations = (id: string, loinc: string): Observation[] =>
  of(id)
    .filter((r): r is Observation => r.resourceType === 'Observation' && r.code.coding?.[0]?.code === loinc)
    .sort((a, b) => (a.effectiveDateTime ?? '').localeCompare(b.effectiveDateTime ?? ''));
// The last office reading up to the anchor (ED and inpatient readings do not count for CMS165).
const lastInPeriod = (id: string, loinc: string): Observation | undefined => {
  const acute = new Set(
    of(id)
      .filter((r) => r.resourceType === 'Encounter' && ['EMER', 'IMP'].includes(r.class.code ?? ''))
      .map((r) => `Encounter/${r.id ?? ''}`),
  );
  return observations(id, loinc)
    .filter((o) => (o.effectiveDateTime ?? '') <= `${ANCHOR}T23:59` && !acute.has(o.encounter?.reference ?? ''))
    .at(-1);
};
const race = (id: string): Extension | undefined => patient(id)?.extension?.find((e) => e.url.endsWith('us-core-race'));

describe('messy cases', () => {
  it('are all present in a population of 60, each on a distinct patient', () => {
    expect(pop.messyCases).toEqual(MESSY_CASES);
    expect(new Set(MESSY_CASES.map((m) => m.patientId)).size).toBe(MESSY_CASES.length);
  });

  it('puts the odd data where the list says', () => {
    const checks: Record<(typeof MESSY_CASES)[number]['kind'], (id: string) => boolean> = {
      'race-absent': (id) => race(id) === undefined,
      'race-ombcategory-without-coding': (id) =>
        race(id)?.extension?.some((e) => e.url === 'ombCategory' && e.valueCoding === undefined) === true,
      'race-coding-without-system': (id) =>
        race(id)?.extension?.some((e) => e.url === 'ombCategory' && e.valueCoding?.system === undefined) === true,
      'bp-exact-duplicate': (id) => {
        const bps = observations(id, '85354-9');
        const strip = (o: Observation): string => JSON.stringify({ ...o, id: undefined });
        return bps.some((a, i) => bps.some((b, j) => i < j && strip(a) === strip(b)));
      },
      'hba1c-mmol-per-mol': (id) => lastInPeriod(id, '4548-4')?.valueQuantity?.code === 'mmol/mol',
      'future-dated-observation': (id) =>
        observations(id, '85354-9').some((o) => (o.effectiveDateTime ?? '') > ANCHOR + 'T24'),
      'hba1c-missing-value': (id) => {
        const last = lastInPeriod(id, '4548-4') ?? lastInPeriod(id, '17856-6');
        return last !== undefined && last.valueQuantity === undefined && last.dataAbsentReason === undefined;
      },
      'bp-missing-unit': (id) =>
        observations(id, '85354-9').some((o) =>
          o.component?.some((c) => c.valueQuantity && c.valueQuantity.code === undefined),
        ),
      'bp-missing-diastolic-value': (id) =>
        observations(id, '85354-9').some((o) => o.component?.some((c) => c.valueQuantity === undefined)),
      'hypertension-refuted': (id) =>
        of(id).some((r) => r.resourceType === 'Condition' && r.verificationStatus?.coding?.[0]?.code === 'refuted'),
      'hba1c-exactly-9': (id) => lastInPeriod(id, '4548-4')?.valueQuantity?.value === 9,
      'bp-systolic-exactly-140': (id) => lastInPeriod(id, '85354-9')?.component?.[0]?.valueQuantity?.value === 140,
      'language-preferred-not-first': (id) => {
        const c = patient(id)?.communication ?? [];
        return c[0]?.preferred !== true && c[1]?.preferred === true && c[1].language.coding?.[0]?.code === 'es-MX';
      },
      'language-without-preferred-flag': (id) => {
        const c = patient(id)?.communication ?? [];
        return c.length === 1 && c[0]?.preferred === undefined && c[0]?.language.coding?.[0]?.code === 'vi';
      },
    };
    const failing = MESSY_CASES.filter((m) => !checks[m.kind](m.patientId)).map((m) => `${m.patientId} ${m.kind}`);
    expect(failing).toEqual([]);
  });

  it('records the intended landing of the measure-relevant cases', () => {
    const intent = (id: string) => pop.intents.find((i) => i.patientId === id);
    expect(intent('pat-000030')?.cms165.initialPopulation).toBe(false); // refuted hypertension
    expect(intent('pat-000033')?.cms122).toMatchObject({ initialPopulation: true, numerator: false }); // exactly 9.0 %
    expect(intent('pat-000021')?.cms122).toMatchObject({ initialPopulation: true, numerator: true }); // no value
    expect(intent('pat-000036')?.cms165).toMatchObject({ initialPopulation: true, numerator: false }); // 140/80
    expect(intent('pat-000008')?.raceKey).toBe('2106-3');
    expect(intent('pat-000005')?.raceKey).toBe('2054-5');
    expect(intent('pat-000039')?.languageKey).toBe('es');
  });
});
