import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authorizationRequest,
  discover,
  ehrLaunch,
  exchangeCode,
  followAuthorization,
} from '../../sandbox/auth/smart-client';
import type { AuthorizationRequest, SmartDiscovery } from '../../sandbox/auth/smart-client';
import { startSandbox } from '../../sandbox/sandbox';
import type { Sandbox } from '../../sandbox/sandbox';

const CLIENT_ID = 'equity-lens';
const REDIRECT_URI = 'http://localhost:5173/';
const SCOPE = 'launch openid fhirUser user/Patient.rs';

let sandbox: Sandbox;
let discovery: SmartDiscovery;

async function qualityLeadRequest(
  overrides: { redirectUri?: string; aud?: string; launch?: string } = {},
): Promise<AuthorizationRequest> {
  const launch = overrides.launch ?? (await ehrLaunch(sandbox.ehrUrl, 'quality-lead')).launch;
  return authorizationRequest({
    discovery,
    clientId: CLIENT_ID,
    redirectUri: overrides.redirectUri ?? REDIRECT_URI,
    scope: SCOPE,
    aud: overrides.aud ?? sandbox.fhirBaseUrl,
    ...(launch === undefined ? {} : { launch }),
  });
}

async function codeFor(request: AuthorizationRequest): Promise<string> {
  return (await followAuthorization(request.url, REDIRECT_URI)).get('code') ?? '';
}

const exchange = (code: string, codeVerifier?: string, redirectUri = REDIRECT_URI): Promise<Response> =>
  exchangeCode({
    discovery,
    clientId: CLIENT_ID,
    redirectUri,
    code,
    ...(codeVerifier === undefined ? {} : { codeVerifier }),
  });

beforeAll(async () => {
  sandbox = await startSandbox({ ehrPort: 0, app: 'none', patients: 5, seed: 3, anchor: '2026-06-30' });
  discovery = await discover(sandbox.fhirBaseUrl);
}, 60_000);
afterAll(() => sandbox.close());

describe('the authorization server refuses what SMART and OAuth forbid', () => {
  it('accepts a code once only', async () => {
    const request = await qualityLeadRequest();
    const code = await codeFor(request);
    expect((await exchange(code, request.codeVerifier)).status).toBe(200);
    const again = await exchange(code, request.codeVerifier);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('needs the PKCE code_verifier', async () => {
    const request = await qualityLeadRequest();
    const res = await exchange(await codeFor(request));
    expect(res.status).toBe(400);
    expect(await exchange(await codeFor(await qualityLeadRequest()), 'wrong-verifier-'.repeat(4))).toHaveProperty(
      'status',
      400,
    );
  });

  it('never redirects to an unregistered redirect URI, and binds the code to the one used', async () => {
    const foreign = await qualityLeadRequest({ redirectUri: 'http://localhost:5173/elsewhere' });
    const res = await fetch(foreign.url, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    const request = await qualityLeadRequest();
    expect((await exchange(await codeFor(request), request.codeVerifier, 'http://localhost:5173/other')).status).toBe(
      400,
    );
  });

  it('refuses a wrong aud, a reused launch id and a denied standalone sign-in', async () => {
    const wrongAud = await qualityLeadRequest({ aud: 'http://localhost:9999/fhir' });
    expect((await followAuthorization(wrongAud.url, REDIRECT_URI)).get('error')).toBe('invalid_request');
    const { launch } = await ehrLaunch(sandbox.ehrUrl, 'quality-lead');
    await codeFor(await qualityLeadRequest(launch === undefined ? {} : { launch }));
    const reused = await qualityLeadRequest(launch === undefined ? {} : { launch });
    expect((await followAuthorization(reused.url, REDIRECT_URI)).get('error')).toBe('invalid_request');
    const standalone = authorizationRequest({
      discovery,
      clientId: CLIENT_ID,
      redirectUri: REDIRECT_URI,
      scope: 'launch/patient openid fhirUser patient/Patient.rs',
      aud: sandbox.fhirBaseUrl,
    });
    expect((await followAuthorization(standalone.url, REDIRECT_URI, { deny: '1' })).get('error')).toBe('access_denied');
  });
});
