import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  authorizationRequest,
  discover,
  ehrLaunch,
  exchangeCode,
  followAuthorization,
  jwtClaims,
  tokenResponseSchema,
} from '../../sandbox/auth/smart-client';
import type { SmartDiscovery, TokenResponse } from '../../sandbox/auth/smart-client';
import { startSandbox } from '../../sandbox/sandbox';
import type { Sandbox } from '../../sandbox/sandbox';

// STANDARDS.md's scopes for each way in.
const CLINICIAN_SCOPE =
  'launch openid fhirUser patient/Patient.rs patient/Observation.rs patient/Condition.rs patient/Encounter.rs ' +
  'patient/Coverage.rs patient/QuestionnaireResponse.cu patient/Observation.c';
const QUALITY_LEAD_SCOPE = 'launch openid fhirUser user/Patient.rs user/Observation.rs';
const PATIENT_SCOPE =
  'launch/patient openid fhirUser patient/Patient.rus patient/QuestionnaireResponse.c patient/Provenance.c';
const CLIENT_ID = 'equity-lens';
const REDIRECT_URI = 'http://localhost:5173/';

let sandbox: Sandbox;
let discovery: SmartDiscovery;

async function signIn(profile: string, scope: string, patient?: string): Promise<TokenResponse> {
  const { launch } = await ehrLaunch(sandbox.ehrUrl, profile, patient);
  const request = authorizationRequest({
    discovery,
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    scope,
    aud: sandbox.fhirBaseUrl,
    ...(launch === undefined ? {} : { launch }),
  });
  const query = await followAuthorization(request.url, REDIRECT_URI, patient === undefined ? undefined : { patient });
  expect(query.get('state')).toBe(request.state);
  const code = query.get('code') ?? '';
  const res = await exchangeCode({
    discovery,
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    code,
    codeVerifier: request.codeVerifier,
  });
  expect(res.status).toBe(200);
  return tokenResponseSchema.parse(await res.json());
}

const readPatient = (id: string, token?: string): Promise<Response> =>
  fetch(
    `${sandbox.fhirBaseUrl}/Patient/${id}`,
    token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } },
  );

beforeAll(async () => {
  sandbox = await startSandbox({ ehrPort: 0, app: 'none', patients: 12, seed: 7, anchor: '2026-06-30' });
  discovery = await discover(sandbox.fhirBaseUrl);
}, 60_000);
afterAll(() => sandbox.close());

describe('SMART App Launch against the sandbox', () => {
  it('advertises S256 PKCE and the SMART capabilities', () => {
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.capabilities).toEqual(
      expect.arrayContaining(['launch-ehr', 'launch-standalone', 'client-public']),
    );
  });

  it('runs the three launches end to end with the right launch context in each token', async () => {
    const lead = await signIn('quality-lead', QUALITY_LEAD_SCOPE);
    expect(lead.patient).toBeUndefined();
    expect(jwtClaims(lead.id_token ?? '').fhirUser).toBe(`${sandbox.fhirBaseUrl}/Practitioner/sandbox-quality-lead`);
    const bundle = z.object({ entry: z.array(z.object({ resource: z.object({ id: z.string() }) })) }).parse(
      await (
        await fetch(`${sandbox.fhirBaseUrl}/Patient?_count=1`, {
          headers: { authorization: `Bearer ${lead.access_token}` },
        })
      ).json(),
    );
    const patientId = bundle.entry[0]?.resource.id ?? '';

    const clinician = await signIn('clinician', CLINICIAN_SCOPE, patientId);
    expect(clinician).toMatchObject({ patient: patientId, need_patient_banner: true });
    expect(clinician.scope.split(' ')).toEqual(CLINICIAN_SCOPE.split(' '));
    expect(String(jwtClaims(clinician.id_token ?? '').fhirUser)).toMatch(/\/fhir\/Practitioner\/[^/]+$/);

    const patient = await signIn('patient', PATIENT_SCOPE, patientId);
    expect(patient.patient).toBe(patientId);
    expect(jwtClaims(patient.id_token ?? '').fhirUser).toBe(`${sandbox.fhirBaseUrl}/Patient/${patientId}`);

    for (const token of [lead, clinician, patient])
      expect((await readPatient(patientId, token.access_token)).status).toBe(200);
    expect((await readPatient(patientId)).status).toBe(401);
    expect((await readPatient(patientId, 'not-a-token')).status).toBe(401);
  }, 30_000);
});
