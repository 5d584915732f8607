import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FhirGateway } from '../../src/fhir/fhir-gateway';
import { BASE, HttpResponse, http, outcome, server } from './fhir-server-mock';

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});

function gatewayWithWaits(waits: number[]): FhirGateway {
  return new FhirGateway({
    baseUrl: BASE,
    accessToken: () => 't',
    random: () => 0.5,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });
}

describe('FhirGateway errors and retries', () => {
  it('retries a 429 after the Retry-After the server asked for, then succeeds', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/Patient/p1`, () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json(outcome('slow down'), { status: 429, headers: { 'Retry-After': '2' } })
          : HttpResponse.json({ resourceType: 'Patient', id: 'p1' });
      }),
    );
    const waits: number[] = [];
    const patient = await gatewayWithWaits(waits).read('Patient/p1', { what: 'reading the patient' });
    expect(patient.id).toBe('p1');
    expect(waits).toEqual([2000]);
  });

  it('gives up after the last attempt on 503 and says the server had a problem', async () => {
    server.use(
      http.get(`${BASE}/Patient/p1`, () => HttpResponse.json(outcome('down for maintenance'), { status: 503 })),
    );
    const waits: number[] = [];
    await expect(gatewayWithWaits(waits).read('Patient/p1', { what: 'reading the patient' })).rejects.toMatchObject({
      kind: 'server-error',
      status: 503,
      diagnostics: ['down for maintenance'],
    });
    expect(waits).toHaveLength(3);
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [412, 'conflict'],
    [400, 'invalid-request'],
  ])('maps %i to %s without retrying', async (status, kind) => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/Patient/p1`, () => {
        calls += 1;
        return HttpResponse.json(outcome('no'), { status });
      }),
    );
    await expect(gatewayWithWaits([]).read('Patient/p1', { what: 'reading the patient' })).rejects.toMatchObject({
      kind,
      status,
    });
    expect(calls).toBe(1);
  });

  it('turns a network failure into a retryable network error', async () => {
    server.use(http.get(`${BASE}/Patient/p1`, () => HttpResponse.error()));
    await expect(gatewayWithWaits([]).read('Patient/p1', { what: 'reading the patient' })).rejects.toMatchObject({
      kind: 'network',
      retryable: true,
    });
  });

  it('sends If-Match with the version read and reports a stale write as a conflict', async () => {
    let ifMatch: string | null = null;
    server.use(
      http.put(`${BASE}/Patient/p1`, ({ request }) => {
        ifMatch = request.headers.get('If-Match');
        return HttpResponse.json(outcome('version mismatch'), { status: 412 });
      }),
    );
    await expect(
      gatewayWithWaits([]).update({ resourceType: 'Patient', id: 'p1' }, '3', { what: 'saving your answers' }),
    ).rejects.toMatchObject({ kind: 'conflict' });
    expect(ifMatch).toBe('W/"3"');
  });

  it('refuses a server that is not FHIR R4', async () => {
    server.use(
      http.get(`${BASE}/metadata`, () =>
        HttpResponse.json({ resourceType: 'CapabilityStatement', fhirVersion: '5.0.0' }),
      ),
    );
    await expect(gatewayWithWaits([]).checkFhirVersion({ what: 'checking the server' })).rejects.toMatchObject({
      kind: 'fhir-version',
    });
  });

  it('stops waiting when the user cancels', async () => {
    server.use(http.get(`${BASE}/Patient/p1`, () => HttpResponse.json(outcome('busy'), { status: 503 })));
    const controller = new AbortController();
    const gateway = new FhirGateway({
      baseUrl: BASE,
      accessToken: () => undefined,
      sleep: () => {
        controller.abort();
        return Promise.reject(new DOMException('Aborted', 'AbortError'));
      },
    });
    await expect(gateway.read('Patient/p1', { what: 'reading', signal: controller.signal })).rejects.toMatchObject({
      kind: 'cancelled',
    });
  });
});
