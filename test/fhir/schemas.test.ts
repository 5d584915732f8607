import { describe, expect, it } from 'vitest';
import { bundleSchema, resourceSchema } from '../../src/fhir/schemas';

describe('FHIR envelope schemas', () => {
  it('accept a resource by its resourceType, and a non-empty id and a meta object when present, without copying', () => {
    const good = [
      { resourceType: 'Observation' },
      { resourceType: 'Observation', id: 'o1', status: 'final', extra: [1, 2] },
      { resourceType: 'Patient', id: 'p1', meta: { versionId: '3', lastUpdated: '2026-01-01T00:00:00Z', tag: [] } },
      { resourceType: 'Patient', meta: {} },
    ];
    for (const resource of good) {
      const parsed = resourceSchema.safeParse(resource);
      expect(parsed.success, JSON.stringify(resource)).toBe(true);
      expect(parsed.data).toBe(resource);
    }
    const bad: unknown[] = [
      null,
      'Patient',
      [],
      {},
      { resourceType: '' },
      { resourceType: 3 },
      { resourceType: 'Patient', id: '' },
      { resourceType: 'Patient', id: 7 },
      { resourceType: 'Patient', meta: [] },
      { resourceType: 'Patient', meta: 'x' },
      { resourceType: 'Patient', meta: { versionId: 3 } },
      { resourceType: 'Patient', meta: { lastUpdated: null } },
    ];
    for (const value of bad) expect(resourceSchema.safeParse(value).success, JSON.stringify(value)).toBe(false);
  });

  it('accept a Bundle whose entries are objects with a string fullUrl and search mode when present', () => {
    const page = {
      resourceType: 'Bundle',
      type: 'searchset',
      total: 2,
      link: [{ relation: 'next', url: 'https://x/fhir/Patient?page=2' }],
      entry: [
        {
          fullUrl: 'https://x/fhir/Patient/1',
          resource: { resourceType: 'Patient', id: '1' },
          search: { mode: 'match' },
        },
        // A broken resource does not make the Bundle invalid: the gateway skips that entry.
        { resource: { id: 'no-type' } },
      ],
    };
    const parsed = bundleSchema.safeParse(page);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.entry?.[0]).toBe(page.entry[0]);
    for (const entry of [null, 'x', [], { fullUrl: 3 }, { search: 'match' }, { search: { mode: 1 } }]) {
      expect(bundleSchema.safeParse({ ...page, entry: [entry] }).success, JSON.stringify(entry)).toBe(false);
    }
    expect(bundleSchema.safeParse({ ...page, resourceType: 'Patient' }).success).toBe(false);
  });
});
