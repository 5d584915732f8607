import { describe, expect, it } from 'vitest';
import { compartmentPatientIds, patientIdOf } from '../../sandbox/fhir/patient-compartment';
import { restrictSearchExpression } from '../../sandbox/fhir/restrict-search-expression';

describe('restrictSearchExpression', () => {
  const shared =
    'AllergyIntolerance.patient | CarePlan.subject.where(resolve() is Patient) | (Observation.value.ofType(Quantity)) | Observation.subject.where(resolve() is Patient)';

  it("keeps only the searched type's branches, parenthesised or not", () => {
    expect(restrictSearchExpression('Observation', shared)).toBe(
      '(Observation.value.ofType(Quantity)) | Observation.subject.where(resolve() is Patient)',
    );
    expect(restrictSearchExpression('CarePlan', shared)).toBe('CarePlan.subject.where(resolve() is Patient)');
  });

  it('leaves expressions without a union, or without a branch for the type, alone', () => {
    expect(restrictSearchExpression('Patient', 'Patient.name')).toBe('Patient.name');
    expect(restrictSearchExpression('Encounter', shared)).toBe(shared);
    expect(restrictSearchExpression('Observation', "Observation.code.where(system = 'a|b')")).toBe(
      "Observation.code.where(system = 'a|b')",
    );
  });
});

describe('compartmentPatientIds', () => {
  it('finds the patient through subject, patient or beneficiary, and a Patient through its id', () => {
    expect(compartmentPatientIds({ resourceType: 'Patient', id: 'p1' })).toEqual(['p1']);
    expect(
      compartmentPatientIds({
        resourceType: 'Observation',
        status: 'final',
        code: {},
        subject: { reference: 'Patient/p2' },
      }),
    ).toEqual(['p2']);
    expect(
      compartmentPatientIds({
        resourceType: 'Coverage',
        status: 'active',
        beneficiary: { reference: 'Patient/p3' },
        payor: [],
      }),
    ).toEqual(['p3']);
    expect(
      compartmentPatientIds({
        resourceType: 'Observation',
        status: 'final',
        code: {},
        subject: { reference: 'Group/g' },
      }),
    ).toEqual([]);
  });

  it('puts a Provenance with the patients of its targets', () => {
    const provenance = {
      resourceType: 'Provenance' as const,
      recorded: '2024-01-01T00:00:00Z',
      agent: [],
      target: [{ reference: 'QuestionnaireResponse/q1' }],
    };
    expect(
      compartmentPatientIds(provenance, (reference) => (reference === 'QuestionnaireResponse/q1' ? ['p4'] : [])),
    ).toEqual(['p4']);
  });

  it('reads relative, absolute and versioned patient references', () => {
    expect(patientIdOf('Patient/a-1')).toBe('a-1');
    expect(patientIdOf('http://localhost:8080/fhir/Patient/a.2/_history/3')).toBe('a.2');
    expect(patientIdOf('Practitioner/x')).toBeUndefined();
  });
});
