import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/fhir/app-error';
import { FhirGateway } from '../../../src/fhir/fhir-gateway';
import { loadPopulation, type LoadProgress } from '../../../src/fhir/population-load';
import { populationPlan, type PopulationSearch } from '../../../src/fhir/population-queries';
import { BASE, HttpResponse, http, patientPage, server } from '../../fhir/fhir-server-mock';

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});

const waits: number[] = [];
const gateway = (): FhirGateway =>
  new FhirGateway({
    baseUrl: BASE,
    accessToken: () => 't',
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });

const search = (type: string, required = true): PopulationSearch => ({
  type,
  path: `${type}?_count=2`,
  role: type === 'Patient' ? 'patients' : 'clinical',
  label: type.toLowerCase(),
  required,
});

const pages = (type: string, total: number) =>
  http.get(`${BASE}/${type}`, ({ request }) => {
    const offset = Number(new URL(request.url).searchParams.get('_offset') ?? 0);
    const body = patientPage(offset, 2, total, `${BASE}/${type}?_count=2&_offset=${String(offset + 2)}`);
    return HttpResponse.json(body);
  });

describe('loading a population', () => {
  it('follows every page of every search, hands pages over as they come and counts patients', async () => {
    server.use(pages('Patient', 5), pages('Observation', 3));
    const seen: string[] = [];
    let last: LoadProgress | undefined;
    const summary = await loadPopulation(gateway(), [search('Patient'), search('Observation')], {
      onPage: (s, page) => seen.push(`${s.type}:${String(page.length)}`),
      onProgress: (p) => (last = p),
    });
    expect(seen.sort()).toEqual(['Observation:1', 'Observation:2', 'Patient:1', 'Patient:2', 'Patient:2']);
    expect(summary.progress).toMatchObject({ pages: 5, resources: 8, patients: 5, retries: 0 });
    expect(last?.searches.map((s) => [s.state, s.total])).toEqual([
      ['done', 5],
      ['done', 3],
    ]);
  });

  it('has the next page requested before the current one is handed over (the gateway prefetches)', async () => {
    server.use(pages('Patient', 5));
    const requested: string[] = [];
    const recording = new FhirGateway({
      baseUrl: BASE,
      accessToken: () => 't',
      fetch: (input, init) => {
        requested.push(new URL(input instanceof Request ? input.url : input).searchParams.get('_offset') ?? '0');
        return fetch(input, init);
      },
    });
    const seenWhenHanded: string[][] = [];
    await recording.searchAll('Patient?_count=2', { what: 'x', onPage: () => seenWhenHanded.push([...requested]) });
    expect(seenWhenHanded).toEqual([
      ['0', '2'],
      ['0', '2', '4'],
      ['0', '2', '4'],
    ]);
  });

  it('retries a 429 after the Retry-After the server asked for, and counts the retry', async () => {
    waits.length = 0;
    let calls = 0;
    server.use(
      http.get(`${BASE}/Patient`, () => {
        calls += 1;
        if (calls === 1) return new HttpResponse(null, { status: 429, headers: { 'Retry-After': '2' } });
        return HttpResponse.json(patientPage(0, 2, 2));
      }),
    );
    const summary = await loadPopulation(gateway(), [search('Patient')], { onPage: () => undefined });
    expect(waits).toEqual([2000]);
    expect(summary.progress).toMatchObject({ patients: 2, retries: 1 });
  });

  it('stops when a required search fails for good and says what failed and what had been loaded', async () => {
    server.use(
      pages('Patient', 4),
      http.get(`${BASE}/Observation`, () => new HttpResponse(null, { status: 503 })),
    );
    const error: unknown = await loadPopulation(gateway(), [search('Patient'), search('Observation')], {
      concurrency: 1,
      onPage: () => undefined,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const { title, detail, retryable } = error as AppError;
    expect(title).toMatch(/^Loading stopped/);
    expect(detail).toContain('503');
    expect(detail).toContain('Loaded before it stopped: patient: 4.');
    expect(detail).toContain('No rates are shown');
    expect(retryable).toBe(true);
  });

  it('skips an optional search that is refused, and goes on', async () => {
    server.use(
      pages('Patient', 1),
      http.get(`${BASE}/Provenance`, () => new HttpResponse(null, { status: 403 })),
    );
    const summary = await loadPopulation(gateway(), [search('Patient'), search('Provenance', false)], {
      onPage: () => undefined,
    });
    expect(summary.skipped.map((s) => [s.search.type, s.error.kind])).toEqual([['Provenance', 'forbidden']]);
  });

  it('rejects as cancelled when the user cancels', async () => {
    server.use(pages('Patient', 10));
    const controller = new AbortController();
    const error: unknown = await loadPopulation(gateway(), [search('Patient')], {
      signal: controller.signal,
      onPage: () => {
        controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'cancelled' });
  });
});

describe('the population plan', () => {
  const scopes = ['user/Patient.rs', 'user/Observation.rs', 'user/Encounter.rs'];

  it('asks only for what the token allows, narrows observations by code and visits to a year before the period', () => {
    const plan = populationPlan({ start: '2026-01-01', end: '2026-12-31' }, scopes);
    expect(plan.searches.map((s) => s.type)).toEqual(['Observation', 'Encounter', 'Patient']);
    expect(plan.notPermitted.map((s) => s.type)).toContain('Condition');
    const observation = plan.searches[0]?.path ?? '';
    expect(observation).toMatch(/^Observation\?code=.*\b85354-9\b.*&_count=1000$/);
    expect(observation).toContain('88122-7');
    expect(observation).toContain('4548-4');
    expect(plan.searches[1]?.path).toBe('Encounter?date=ge2025-01-01&_count=1000');
  });
});
