import type { Resource } from 'fhir/r4';
import type { PatientRecord } from '../../src/measures/types';

// Small hand-built FHIR resources for the engine's rule tests. Codes come from the measures' value sets.
export const SNOMED = 'http://snomed.info/sct';
export const LOINC = 'http://loinc.org';
export const CPT = 'http://www.ama-assn.org/go/cpt';
export const PERIOD = { start: '2026-01-01', end: '2026-12-31' };

const cc = (system: string, code: string) => ({ coding: [{ system, code }] });
const category = (code: string) => [cc('http://terminology.hl7.org/CodeSystem/condition-category', code)];
const ACTIVE = cc('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active');

export function record(...resources: readonly unknown[]): PatientRecord {
  // Tests hand the engine plain JSON, as a server would; it validates what it reads.
  return { patientId: 'p1', resources: resources as Resource[] };
}

export const patient = (birthDate: string) => ({ resourceType: 'Patient', id: 'p1', birthDate });

export function condition(id: string, system: string, code: string, onset: string, cat = 'encounter-diagnosis') {
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: ACTIVE,
    category: category(cat),
    code: cc(system, code),
    onsetDateTime: onset,
  };
}

export function encounter(id: string, system: string, code: string, start: string, end: string, classCode = 'AMB') {
  return {
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: classCode },
    type: [cc(system, code)],
    period: { start, end },
  };
}

/** A US Core blood-pressure panel; `unit` goes into both `unit` and `code` unless `quantity` overrides it. */
export function bloodPressure(
  id: string,
  at: string,
  systolic: number | undefined,
  diastolic: number,
  options: { encounter?: string; quantity?: object; status?: string } = {},
) {
  const q = (value: number) =>
    options.quantity ?? { value, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' };
  const component = [{ code: cc(LOINC, '8462-4'), valueQuantity: { ...q(diastolic), value: diastolic } }];
  if (systolic !== undefined)
    component.push({ code: cc(LOINC, '8480-6'), valueQuantity: { ...q(systolic), value: systolic } });
  return {
    resourceType: 'Observation',
    id,
    status: options.status ?? 'final',
    code: cc(LOINC, '85354-9'),
    effectiveDateTime: at,
    component,
    ...(options.encounter === undefined ? {} : { encounter: { reference: `Encounter/${options.encounter}` } }),
  };
}

/** An HbA1c (LOINC 4548-4) result; `quantity` undefined means no value at all. */
export function hba1c(id: string, at: string, quantity?: object, code = '4548-4') {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: cc(LOINC, code),
    effectiveDateTime: at,
    ...(quantity === undefined ? {} : { valueQuantity: quantity }),
  };
}

/** A patient in CMS165's initial population: 50 years old, essential hypertension, an office visit. */
export const hypertensive = () => [
  patient('1976-05-05'),
  condition('htn', SNOMED, '59621000', '2020-01-01'),
  encounter('visit', CPT, '99213', '2026-03-01T09:00:00Z', '2026-03-01T09:30:00Z'),
];

/** A patient in CMS122's initial population: 50 years old, diabetes encounter diagnosis, an office visit. */
export const diabetic = () => [
  patient('1976-05-05'),
  condition('dm', SNOMED, '44054006', '2020-01-01'),
  encounter('visit', CPT, '99213', '2026-03-01T09:00:00Z', '2026-03-01T09:30:00Z'),
];
