import { describe, expect, it } from 'vitest';
import { FhirGateway } from '../../src/fhir/fhir-gateway';
import { allows } from '../../src/fhir/scopes';
import { sessionFromToken } from '../../src/fhir/session';

const gateway = new FhirGateway({ baseUrl: 'http://x/fhir', accessToken: () => 't' });
const base = { serverUrl: 'http://x/fhir', fhirUser: 'Practitioner/dr1' };

describe('sessionFromToken', () => {
  it('is the clinician view when an EHR launch puts a patient in context', () => {
    const session = sessionFromToken(
      {
        ...base,
        launchKind: 'ehr',
        tokenResponse: {
          access_token: 'a',
          patient: 'p1',
          need_patient_banner: true,
          scope: 'launch patient/Patient.rs',
        },
      },
      gateway,
    );
    expect(session).toMatchObject({
      way: 'clinician',
      patientId: 'p1',
      needPatientBanner: true,
      grantedScopes: ['launch', 'patient/Patient.rs'],
    });
  });

  it('is the quality-lead view when an EHR launch has no patient', () => {
    expect(
      sessionFromToken({ ...base, launchKind: 'ehr', tokenResponse: { access_token: 'a' } }, gateway),
    ).toMatchObject({ way: 'quality-lead' });
  });

  it('is the patient view for a standalone launch, taking the patient from fhirUser if needed', () => {
    const session = sessionFromToken(
      { ...base, fhirUser: 'Patient/p9', launchKind: 'standalone', tokenResponse: { access_token: 'a' } },
      gateway,
    );
    expect(session).toMatchObject({ way: 'patient', patientId: 'p9' });
  });

  it('refuses a token response without an access token', () => {
    expect(sessionFromToken({ ...base, launchKind: 'ehr', tokenResponse: { patient: 'p1' } }, gateway)).toHaveProperty(
      'error',
    );
  });
});

describe('allows', () => {
  it('reads v2 letters and v1 read/write', () => {
    expect(allows(['patient/Observation.rs'], 'patient', 'Observation', 's')).toBe(true);
    expect(allows(['patient/Observation.rs'], 'patient', 'Observation', 'c')).toBe(false);
    expect(allows(['user/*.read'], 'user', 'Patient', 'r')).toBe(true);
    expect(allows(['user/*.read'], 'user', 'Patient', 'u')).toBe(false);
    expect(allows(['patient/Patient.rus'], 'user', 'Patient', 'r')).toBe(false);
  });
});
