import { describe, expect, it } from 'vitest';
import { grantScopes, parseResourceScope } from '../../sandbox/auth/grant-scopes';

describe('parseResourceScope', () => {
  it('reads v2 letters, v1 names and granular queries, and rejects everything else', () => {
    expect(parseResourceScope('patient/Observation.rs?category=laboratory')).toMatchObject({
      context: 'patient',
      type: 'Observation',
      query: '?category=laboratory',
    });
    expect([...(parseResourceScope('user/*.read')?.permissions ?? [])]).toEqual(['r', 's']);
    for (const bad of ['openid', 'launch/patient', 'patient/Observation.sr', 'patient/Observation.', 'x/Patient.r']) {
      expect(parseResourceScope(bad)).toBeUndefined();
    }
  });
});

describe('grantScopes', () => {
  it('gives the clinician the patient scopes asked for, but no user scopes or refresh tokens', () => {
    const asked = ['launch', 'openid', 'fhirUser', 'patient/Observation.rs', 'patient/QuestionnaireResponse.cu'];
    const result = grantScopes('clinician', [...asked, 'user/Patient.rs', 'offline_access'], 'ehr');
    expect(result.granted).toEqual(asked);
    expect(result.rejected).toEqual(['user/Patient.rs', 'offline_access']);
  });

  it('narrows a patient to reads plus the writes self-report needs', () => {
    const result = grantScopes(
      'patient',
      ['launch/patient', 'patient/Patient.cruds', 'patient/Observation.c'],
      'standalone',
    );
    expect(result.granted).toEqual(['launch/patient', 'patient/Patient.rus']);
    expect(result.accepted).toEqual(['launch/patient', 'patient/Patient.cruds']);
    expect(result.rejected).toEqual(['patient/Observation.c']);
  });

  it('expands a quality lead wildcard into the listed types only', () => {
    const { granted } = grantScopes('quality-lead', ['user/*.rs'], 'ehr');
    expect(granted).toContain('user/Coverage.rs');
    expect(granted).toContain('user/Task.rs');
    expect(granted).not.toContain('user/*.rs');
    expect(granted.some((s) => s.startsWith('user/Medication.'))).toBe(false);
    const writes = grantScopes('quality-lead', ['user/Task.cruds', 'user/Patient.cr', 'user/Patient.c'], 'ehr');
    expect(writes.granted).toEqual(['user/Task.crus', 'user/Patient.r']);
    expect(writes.rejected).toEqual(['user/Patient.c']);
  });

  it('grants the launch scope only to an EHR launch and launch/patient only to a standalone patient', () => {
    expect(grantScopes('patient', ['launch'], 'standalone').granted).toEqual([]);
    expect(grantScopes('quality-lead', ['launch/patient'], 'standalone').granted).toEqual([]);
  });
});
