import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/fhir/app-error';
import { FhirGateway } from '../../src/fhir/fhir-gateway';
import { BASE, HttpResponse, http, patientPage, server } from './fhir-server-mock';

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});

const gateway = (): FhirGateway =>
  new FhirGateway({ baseUrl: BASE, accessToken: () => 'token-1', sleep: () => Promise.resolve() });

describe('FhirGateway.searchAll', () => {
  it('follows next links to the end and reports progress per page', async () => {
    const seenAuth: (string | null)[] = [];
    server.use(
      http.get(`${BASE}/Patient`, ({ request }) => {
        seenAuth.push(request.headers.get('Authorization'));
        const offset = Number(new URL(request.url).searchParams.get('_offset') ?? 0);
        return HttpResponse.json(patientPage(offset, 2, 5));
      }),
    );
    const progress: number[] = [];
    const result = await gateway().searchAll('Patient?_count=2', {
      what: 'loading patients',
      onPage: (p) => progress.push(p.resources),
    });
    expect(result.map((r) => r.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(progress).toEqual([2, 4, 5]);
    expect(seenAuth.every((h) => h === 'Bearer token-1')).toBe(true);
  });

  it('refuses a next link that leaves the server, so the token is never sent elsewhere', async () => {
    server.use(
      http.get(`${BASE}/Patient`, () =>
        HttpResponse.json(patientPage(0, 2, 5, 'https://evil.example.test/fhir/Patient?page=2')),
      ),
    );
    await expect(gateway().searchAll('Patient', { what: 'loading patients' })).rejects.toMatchObject({
      kind: 'invalid-response',
      detail: expect.stringContaining('outside the FHIR server') as string,
    });
  });

  it('stops on a next link that loops back to a page already read', async () => {
    server.use(http.get(`${BASE}/Patient`, () => HttpResponse.json(patientPage(0, 2, 5, `${BASE}/Patient`))));
    const error: unknown = await gateway()
      .searchAll(`${BASE}/Patient`, { what: 'loading patients' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).detail).toContain('same page link twice');
  });

  it('rejects a page that is not a Bundle', async () => {
    server.use(http.get(`${BASE}/Patient`, () => HttpResponse.json({ resourceType: 'Patient', id: 'x' })));
    await expect(gateway().searchAll('Patient', { what: 'loading patients' })).rejects.toMatchObject({
      kind: 'invalid-response',
    });
  });

  it('keeps the good entries of a page whose other entries are broken', async () => {
    server.use(
      http.get(`${BASE}/Observation`, () =>
        HttpResponse.json({
          resourceType: 'Bundle',
          entry: [{ resource: { resourceType: 'Observation', id: 'o1' } }, { resource: { id: 'no-type' } }, {}],
        }),
      ),
    );
    const result = await gateway().searchAll('Observation', { what: 'loading observations' });
    expect(result.map((r) => r.id)).toEqual(['o1']);
  });
});
