import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './fhir-harness';
import { asBundle, smallPopulation, startFhirHarness } from './fhir-harness';

// p1 is Ana Smith, p2 Bo Nesmith; observation i of each has value 5 + i/10 %.
let harness: Harness;
beforeAll(async () => {
  harness = await startFhirHarness(smallPopulation(20));
});
afterAll(() => harness.close());

const ids = async (query: string, init: Parameters<Harness['request']>[1] = {}): Promise<string[]> =>
  (asBundle((await harness.request(query, { token: 'admin', ...init })).body).entry ?? [])
    .filter((entry) => entry.search?.mode !== 'outcome')
    .map((entry) => entry.resource.id ?? '');

describe('search semantics', () => {
  it('matches strings by case-insensitive prefix, :contains and :exact', async () => {
    expect(await ids('Patient?name=smi')).toEqual(['p1']);
    expect((await ids('Patient?name:contains=smith')).sort()).toEqual(['p1', 'p2']);
    expect(await ids('Patient?family:exact=smith')).toEqual([]);
  });

  it('compares quantities and tokens', async () => {
    // Values 5.0 … 6.9 per patient: above 6.5 are i = 16 … 19, four per patient.
    expect(await ids('Observation?patient=p1&value-quantity=gt6.5')).toHaveLength(4);
    expect(await ids('Observation?patient=p1&value-quantity=5.3|http://unitsofmeasure.org|%')).toEqual(['p1-obs-3']);
    expect(await ids('Observation?code=http://loinc.org|4548-4&_count=100')).toHaveLength(40);
    expect(await ids('Observation?code=http://snomed.info/sct|4548-4')).toEqual([]);
  });

  it('includes the subject and subsets with _elements', async () => {
    const bundle = asBundle(
      (
        await harness.request('Observation?_id=p2-obs-0&_include=Observation:subject&_elements=status', {
          token: 'admin',
        })
      ).body,
    );
    expect(bundle.entry?.map((entry) => [entry.search?.mode, entry.resource.id])).toEqual([
      ['match', 'p2-obs-0'],
      ['include', 'p2'],
    ]);
    const match = bundle.entry?.[0]?.resource;
    expect(match?.status).toBe('final');
    expect(match?.valueQuantity).toBeUndefined();
    expect(JSON.stringify(match?.meta)).toContain('SUBSETTED');
  });

  it('ignores unknown parameters with a warning, or refuses them when strict', async () => {
    const lenient = asBundle((await harness.request('Patient?nickname=x', { token: 'admin' })).body);
    expect(lenient.total).toBe(2);
    expect(lenient.entry?.some((entry) => entry.search?.mode === 'outcome')).toBe(true);
    const strict = await harness.request('Patient?nickname=x', {
      token: 'admin',
      headers: { Prefer: 'handling=strict' },
    });
    expect(strict.status).toBe(400);
  });

  it('searches by POST _search with a form body', async () => {
    const found = await ids('Patient/_search', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'gender=male',
    });
    expect(found).toEqual(['p2']);
  });
});
