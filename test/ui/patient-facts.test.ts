import { describe, expect, it } from 'vitest';
import { patientFacts } from '../../src/ui/patient-facts';

describe('patientFacts', () => {
  const patient = { resourceType: 'Patient', birthDate: '1977-04-27', gender: 'female' };

  it('counts a year of age only from the birthday on', () => {
    expect(patientFacts(patient, new Date('2026-04-26T12:00:00Z')).age).toBe(48);
    expect(patientFacts(patient, new Date('2026-04-27T12:00:00Z')).age).toBe(49);
  });

  it('gives no age for a partial or malformed birth date, and keeps the gender', () => {
    expect(patientFacts({ ...patient, birthDate: '1977' })).toMatchObject({ age: undefined, gender: 'female' });
    expect(patientFacts({ ...patient, birthDate: 'April 1977' }).age).toBeUndefined();
  });
});
