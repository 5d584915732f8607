import type { IncomingMessage } from 'node:http';
import type { AccessToken } from 'oidc-provider';
import { describe, expect, it } from 'vitest';
import { createAuthorize } from '../../sandbox/auth/authorize';

const BASE = 'http://localhost:8080/fhir';
const smart = { profile: 'clinician', fhirUser: 'Practitioner/p1', patient: 'pat-1', scope: ['patient/Patient.rs'] };

function token(overrides: Partial<AccessToken> = {}): AccessToken {
  return { jti: 'tok', isExpired: false, aud: BASE, extra: { smart }, ...overrides };
}

function request(authorization?: string): IncomingMessage {
  // Only the headers are read; a plain object stands in for the socket-backed message.
  return Object.assign(Object.create(null) as IncomingMessage, { headers: authorization ? { authorization } : {} });
}

const authorizeWith = (stored: AccessToken | undefined) =>
  createAuthorize({ find: (value) => Promise.resolve(value === 'tok' ? stored : undefined) }, BASE);

describe('createAuthorize', () => {
  it('returns the scopes, patient and user of a live token', async () => {
    expect(await authorizeWith(token())(request('Bearer tok'))).toEqual({
      ok: true,
      scopes: ['patient/Patient.rs'],
      patient: 'pat-1',
      fhirUser: 'Practitioner/p1',
    });
  });

  it.each([
    ['no header', undefined, token()],
    ['another scheme', 'Basic tok', token()],
    ['an unknown token', 'Bearer other', token()],
    ['an expired token', 'Bearer tok', token({ isExpired: true })],
    ['a token for another server', 'Bearer tok', token({ aud: 'http://elsewhere/fhir' })],
    ['a token without launch context', 'Bearer tok', token({ extra: {} })],
  ])('refuses %s with 401', async (_label, header, stored) => {
    expect(await authorizeWith(stored)(request(header))).toMatchObject({ ok: false, status: 401 });
  });
});
