import { describe, expect, it } from 'vitest';
import { parseResourceScope, parseScopes, reachOf } from '../../sandbox/fhir/smart-scopes';

describe('parseResourceScope', () => {
  it('reads v2 letters and v1 read/write/*', () => {
    expect(parseResourceScope('patient/Observation.rs')).toEqual({
      context: 'patient',
      resourceType: 'Observation',
      permissions: new Set(['r', 's']),
    });
    expect([...(parseResourceScope('user/*.cruds')?.permissions ?? [])]).toEqual(['c', 'r', 'u', 'd', 's']);
    expect([...(parseResourceScope('patient/*.read')?.permissions ?? [])]).toEqual(['r', 's']);
    expect([...(parseResourceScope('user/Patient.write')?.permissions ?? [])]).toEqual(['c', 'u', 'd']);
    expect(parseResourceScope('system/*.*')?.permissions.size).toBe(5);
  });

  it('refuses letters out of order, unknown contexts, query-narrowed and non-resource scopes', () => {
    for (const scope of [
      'patient/Observation.sr',
      'patient/Observation.rr',
      'group/Patient.rs',
      'patient/Observation.',
    ]) {
      expect(parseResourceScope(scope)).toBeUndefined();
    }
    expect(parseResourceScope('patient/Observation.rs?category=laboratory')).toBeUndefined();
    expect(parseScopes('launch openid fhirUser offline_access launch/patient')).toEqual([]);
  });
});

describe('reachOf', () => {
  it('gives patient reach for patient scopes and all for user scopes, user winning', () => {
    const patientOnly = parseScopes(['patient/Observation.rs', 'patient/QuestionnaireResponse.cu']);
    expect(reachOf(patientOnly, 'Observation', 's')).toBe('patient');
    expect(reachOf(patientOnly, 'Observation', 'c')).toBe('none');
    expect(reachOf(patientOnly, 'QuestionnaireResponse', 'u')).toBe('patient');
    expect(reachOf(patientOnly, 'Condition', 'r')).toBe('none');
    const both = parseScopes('patient/*.rs user/Observation.rs');
    expect(reachOf(both, 'Observation', 'r')).toBe('all');
    expect(reachOf(both, 'Condition', 'r')).toBe('patient');
  });
});
