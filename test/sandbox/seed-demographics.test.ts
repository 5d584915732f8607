import type { Coverage, Extension, Patient, Practitioner } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { MESSY_CASES } from '../../sandbox/seed/messy-cases';
import { generatePopulation } from '../../sandbox/seed/population';

const CDC = 'urn:oid:2.16.840.1.113883.6.238';
const NULL_FLAVOR = 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor';
const OMB_RACE = new Set(['1002-5', '2028-9', '2054-5', '2076-8', '2106-3']);
const RACE_URL = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race';

const pop = generatePopulation({ seed: 42, patients: 5000, anchor: '2026-11-01' });
const patients = pop.resources.filter((r): r is Patient => r.resourceType === 'Patient');
const designed = new Set(MESSY_CASES.filter((m) => m.kind.startsWith('race-')).map((m) => m.patientId));

/** US Core race: ombCategory codes from CDC (or a lone ASKU/UNK), detailed codes from CDC, exactly one text. */
function validRace(ext: Extension): boolean {
  const parts = ext.extension ?? [];
  const omb = parts.filter((p) => p.url === 'ombCategory');
  const nulls = omb.filter(
    (p) => p.valueCoding?.system === NULL_FLAVOR && ['ASKU', 'UNK'].includes(p.valueCoding.code ?? ''),
  );
  const ombOk =
    omb.every((p) => p.valueCoding?.system === CDC && OMB_RACE.has(p.valueCoding.code ?? '')) ||
    (nulls.length === 1 && omb.length === 1);
  const detailedOk = parts.filter((p) => p.url === 'detailed').every((p) => p.valueCoding?.system === CDC);
  const texts = parts.filter((p) => p.url === 'text' && typeof p.valueString === 'string');
  return ombOk && detailedOk && texts.length === 1 && omb.length <= 6;
}

// Age in whole years on 2026-11-01.
const age = (birth: string): number => 2026 - Number(birth.slice(0, 4)) - (birth.slice(5) > '11-01' ? 1 : 0);

describe('synthetic population demographics', () => {
  it('has adults aged 18 to 90 at the anchor, both sexes, several ZIP strata bigger than 10', () => {
    const ages = patients.map((p) => age(p.birthDate ?? ''));
    expect(Math.min(...ages)).toBe(18);
    expect(Math.max(...ages)).toBe(90);
    expect(patients.filter((p) => p.gender === 'female').length).toBeGreaterThan(2000);
    const zips = new Map<string, number>();
    for (const p of patients)
      zips.set(p.address?.[0]?.postalCode ?? '', (zips.get(p.address?.[0]?.postalCode ?? '') ?? 0) + 1);
    expect(zips.size).toBeGreaterThanOrEqual(5);
    expect([...zips.keys()].every((z) => /^\d{5}$/.test(z))).toBe(true);
    expect(Math.min(...zips.values())).toBeGreaterThan(10);
  });

  it('gives every patient a valid US Core race extension except the designed absent and malformed ones', () => {
    const invalid: string[] = [];
    let absent = 0;
    for (const p of patients) {
      const race = p.extension?.filter((e) => e.url === RACE_URL) ?? [];
      if (race.length === 0) absent++;
      else if (race.length > 1 || !race.every(validRace)) invalid.push(p.id ?? '');
    }
    expect(invalid.sort()).toEqual(['pat-000005', 'pat-000008']);
    expect(designed.has('pat-000003')).toBe(true);
    expect(patients.find((p) => p.id === 'pat-000003')?.extension?.some((e) => e.url === RACE_URL)).toBe(false);
    // A realistic few percent have no race recorded at all.
    expect(absent / patients.length).toBeGreaterThan(0.01);
    expect(absent / patients.length).toBeLessThan(0.05);
  });

  it('records race as single, multiple, detailed-only and null-flavoured', () => {
    const keys = new Set(pop.intents.map((i) => i.raceKey));
    for (const k of ['2106-3', '2054-5', '2028-9', '1002-5', 'multiple', 'ASKU', 'UNK', 'absent'])
      expect(keys).toContain(k);
    const detailedOnly = patients.filter((p) =>
      p.extension?.some(
        (e) =>
          e.url === RACE_URL &&
          e.extension?.some((x) => x.url === 'detailed') &&
          !e.extension.some((x) => x.url === 'ombCategory'),
      ),
    );
    expect(detailedOnly.length).toBeGreaterThan(20);
  });

  it('prefers at least 8 languages, some needing an interpreter, some listing the preferred one second', () => {
    const languages = new Set(pop.intents.map((i) => i.languageKey));
    expect([...languages].filter((l) => l !== 'absent').length).toBeGreaterThanOrEqual(8);
    expect(pop.intents.filter((i) => i.languageKey !== 'en' && i.interpreterNeeded === true).length).toBeGreaterThan(
      300,
    );
    const notFirst = patients.filter(
      (p) => p.communication?.[0]?.preferred !== true && p.communication?.some((c) => c.preferred === true),
    );
    expect(notFirst.length).toBeGreaterThan(50);
  });

  it('has 6 to 8 practitioners with valid NPIs and clearly different payer mixes', () => {
    const practitioners = pop.resources.filter((r): r is Practitioner => r.resourceType === 'Practitioner');
    expect(practitioners.length).toBeGreaterThanOrEqual(6);
    expect(practitioners.length).toBeLessThanOrEqual(8);
    // NPI check digit: Luhn over 80840 + the ten digits must come out at 0 (CMS; e.g. 1234567893 is valid).
    const luhnOk = (npi: string): boolean =>
      `80840${npi}`
        .split('')
        .reverse()
        .map(Number)
        .reduce((s, d, i) => s + (i % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0) %
        10 ===
      0;
    expect(luhnOk('1234567893')).toBe(true);
    expect(practitioners.every((p) => luhnOk(p.identifier?.[0]?.value ?? ''))).toBe(true);
    const medicaidShare = pop.practitioners.map((p) => p.patientsByPayer.medicaid / p.patients);
    expect(Math.max(...medicaidShare) - Math.min(...medicaidShare)).toBeGreaterThan(0.25);
  });

  it('covers patients with Medicare, Medicaid, private and uninsured (self-pay or no payment) coverage', () => {
    const coverages = pop.resources.filter((r): r is Coverage => r.resourceType === 'Coverage');
    const types = new Set(coverages.map((c) => c.type?.coding?.[0]?.code));
    expect([...types].sort()).toEqual(['1', '2', '5', '8', '81']);
    expect(
      coverages.every((c) => c.status === 'active' && c.type?.coding?.[0]?.system === 'https://nahdo.org/sopt'),
    ).toBe(true);
    const older = pop.intents.filter((i) => i.ageAtPeriodEnd >= 66);
    expect(older.filter((i) => i.payer === 'medicare').length / older.length).toBeGreaterThan(0.9);
  });
});
