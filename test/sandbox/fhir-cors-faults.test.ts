import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './fhir-harness';
import { asOutcome, smallPopulation, startFhirHarness } from './fhir-harness';

const APP = 'http://localhost:5173';
let harness: Harness;
beforeAll(async () => {
  harness = await startFhirHarness(smallPopulation(1));
});
afterAll(() => harness.close());

const hook = (path: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${harness.origin}/__sandbox/${path}`, init);
const addFault = (spec: unknown): Promise<Response> =>
  hook('faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(spec) });

describe('CORS', () => {
  it('answers a preflight without a token, reflecting the origin', async () => {
    const reply = await harness.request('Observation/1', {
      method: 'OPTIONS',
      headers: {
        Origin: APP,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization,if-match,content-type',
      },
    });
    expect(reply.status).toBe(204);
    expect(reply.headers.get('Access-Control-Allow-Origin')).toBe(APP);
    expect(reply.headers.get('Access-Control-Allow-Methods')).toContain('PUT');
    const allowed = (reply.headers.get('Access-Control-Allow-Headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'content-type', 'if-match', 'if-none-match', 'prefer'])
      expect(allowed).toContain(header);
  });

  it('exposes ETag, Location and the other headers the app reads, also on errors', async () => {
    const ok = await harness.request('Patient/p1', { token: 'admin', headers: { Origin: APP } });
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe(APP);
    const exposed = ok.headers.get('Access-Control-Expose-Headers') ?? '';
    for (const header of ['ETag', 'Location', 'Content-Location', 'Last-Modified', 'Retry-After', 'WWW-Authenticate']) {
      expect(exposed).toContain(header);
    }
    const denied = await harness.request('Patient/p1', { headers: { Origin: APP } });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('Access-Control-Allow-Origin')).toBe(APP);
  });
});

describe('fault injection', () => {
  it('fails the next matching request with 429 and Retry-After, then works again', async () => {
    expect((await hook('health')).status).toBe(200);
    expect((await addFault({ status: 429, count: 1, retryAfter: 3, path: '^Patient' })).status).toBe(201);
    const observation = await harness.request('Observation/p1-obs-0', { token: 'admin' });
    expect(observation.status).toBe(200);
    const failed = await harness.request('Patient/p1', { token: 'admin' });
    expect(failed.status).toBe(429);
    expect(failed.headers.get('Retry-After')).toBe('3');
    expect(asOutcome(failed.body).issue[0]?.code).toBe('throttled');
    expect((await harness.request('Patient/p1', { token: 'admin' })).status).toBe(200);
  });

  it('lets the first matches through with afterMatches, and clears on DELETE', async () => {
    await addFault({ status: 503, count: 5, method: 'GET', afterMatches: 1 });
    expect((await harness.request('Patient/p1', { token: 'admin' })).status).toBe(200);
    expect((await harness.request('Patient/p1', { token: 'admin' })).status).toBe(503);
    expect((await hook('faults', { method: 'DELETE' })).status).toBe(204);
    expect((await harness.request('Patient/p1', { token: 'admin' })).status).toBe(200);
  });

  it('refuses a bad fault with 400, and has no hooks when they are off', async () => {
    expect((await addFault({ status: 200 })).status).toBe(400);
    expect((await addFault({ status: 500, path: '(' })).status).toBe(400);
    const off = await startFhirHarness([], false);
    try {
      expect((await fetch(`${off.origin}/__sandbox/health`)).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
