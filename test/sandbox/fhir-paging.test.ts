import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './fhir-harness';
import { asBundle, linkOf, smallPopulation, startFhirHarness } from './fhir-harness';

// 137 observations per patient: not a multiple of the page size, so the last page is partial.
const PER_PATIENT = 137;
let harness: Harness;

beforeAll(async () => {
  harness = await startFhirHarness(smallPopulation(PER_PATIENT));
});
afterAll(() => harness.close());

describe('search paging', () => {
  it('follows next links to the end with no duplicates or gaps', async () => {
    const seen: string[] = [];
    let url: string | undefined = 'Observation?code=http://loinc.org|4548-4&_count=10';
    let pages = 0;
    while (url !== undefined) {
      const reply = await harness.request(url, { token: 'admin' });
      expect(reply.status).toBe(200);
      const bundle = asBundle(reply.body);
      expect(bundle.total).toBe(2 * PER_PATIENT);
      for (const entry of bundle.entry ?? []) seen.push(entry.resource.id ?? '');
      if (pages === 0) expect(linkOf(bundle, 'previous')).toBeUndefined();
      url = linkOf(bundle, 'next');
      if (url !== undefined) expect(url.startsWith(`${harness.publicBase}/Observation?`)).toBe(true);
      pages++;
    }
    expect(pages).toBe(Math.ceil((2 * PER_PATIENT) / 10));
    expect(new Set(seen).size).toBe(seen.length);
    const expected = smallPopulation(PER_PATIENT)
      .filter((resource) => resource.resourceType === 'Observation')
      .map((resource) => resource.id);
    expect([...seen].sort()).toEqual([...expected].sort());
  });

  it('pages within a patient in date order with _sort=-date', async () => {
    const first = asBundle(
      (await harness.request('Observation?patient=p1&_sort=-date&_count=50', { token: 'admin' })).body,
    );
    const ids = first.entry?.map((entry) => entry.resource.id);
    // Observation i of p1 is dated 2024-01-01 + i days, so newest first is the highest i first.
    expect(ids?.slice(0, 3)).toEqual([
      `p1-obs-${PER_PATIENT - 1}`,
      `p1-obs-${PER_PATIENT - 2}`,
      `p1-obs-${PER_PATIENT - 3}`,
    ]);
    const previous = linkOf(
      asBundle((await harness.request(linkOf(first, 'next') ?? '', { token: 'admin' })).body),
      'previous',
    );
    expect(previous).toBe(linkOf(first, 'self'));
  });

  it('counts without entries for _summary=count', async () => {
    const reply = await harness.request('Observation?patient=p2&_summary=count', { token: 'admin' });
    const bundle = asBundle(reply.body);
    expect(bundle.total).toBe(PER_PATIENT);
    expect(bundle.entry).toBeUndefined();
  });

  it('caps _count at 1000 and rejects a negative one', async () => {
    const bundle = asBundle((await harness.request('Observation?_count=5000', { token: 'admin' })).body);
    expect(bundle.entry).toHaveLength(2 * PER_PATIENT);
    expect(linkOf(bundle, 'self')).toContain('_count=1000');
    expect((await harness.request('Observation?_count=-1', { token: 'admin' })).status).toBe(400);
  });
});
