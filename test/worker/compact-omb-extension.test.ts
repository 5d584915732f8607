import { describe, expect, it } from 'vitest';
import { OMB_1997, OMB_2024 } from '../../src/domain/race-scheme';
import { stratumKeysOf } from '../../src/domain/stratum-keys';
import { US_CORE_ETHNICITY_URL, US_CORE_RACE_URL } from '../../src/domain/systems';
import { compactResource, type CompactResource } from '../../src/worker/compact-resource';

const CDC = 'urn:oid:2.16.840.1.113883.6.238';
const NULL_FLAVOR = 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor';
const AS_OF = { asOf: '2026-12-31', dimensions: ['race', 'race-combined', 'ethnicity'] } as const;

const part = (url: string, system: string | undefined, code: unknown, display?: string) => ({
  url,
  valueCoding: { ...(system === undefined ? {} : { system }), code, ...(display === undefined ? {} : { display }) },
});
const text = (valueString: string) => ({ url: 'text', valueString });

function patient(id: string, extension: unknown[]): Record<string, unknown> {
  return { resourceType: 'Patient', id, gender: 'female', extension };
}

function compact(resource: Record<string, unknown>): CompactResource {
  const p = compactResource(resource);
  if (p.kind !== 'keep') throw new Error(`not kept: ${JSON.stringify(p)}`);
  return p.resource;
}

function extensionsOf(resource: CompactResource): unknown[] {
  const list = resource.extension;
  if (!Array.isArray(list)) throw new Error('no extension list');
  return list;
}

/** Race and ethnicity shapes the mappers treat differently: each must map the same before and after compaction. */
const SHAPES: Record<string, unknown[]> = {
  'one category': [{ url: US_CORE_RACE_URL, extension: [part('ombCategory', CDC, '2106-3', 'White'), text('White')] }],
  'two categories': [
    { url: US_CORE_RACE_URL, extension: [part('ombCategory', CDC, '2106-3'), part('ombCategory', CDC, '2054-5')] },
  ],
  'detailed only': [{ url: US_CORE_RACE_URL, extension: [part('detailed', CDC, '2108-9'), text('European')] }],
  'null flavor': [{ url: US_CORE_RACE_URL, extension: [part('ombCategory', NULL_FLAVOR, 'ASKU'), text('Declined')] }],
  'bare null flavor': [{ url: US_CORE_RACE_URL, extension: [part('ombCategory', undefined, 'UNK')] }],
  'code with blanks': [{ url: US_CORE_RACE_URL, extension: [part('ombCategory', CDC, ' 2106-3 ')] }],
  'code not a string': [{ url: US_CORE_RACE_URL, extension: [part('ombCategory', CDC, 2106)] }],
  'no valueCoding': [{ url: US_CORE_RACE_URL, extension: [{ url: 'ombCategory', valueString: 'White' }] }],
  'unknown part': [{ url: US_CORE_RACE_URL, extension: [part('ombCategory', CDC, '2106-3'), part('other', CDC, 'x')] }],
  'parts not a list': [{ url: US_CORE_RACE_URL, extension: 'White' }],
  'two race extensions': [
    { url: US_CORE_RACE_URL, extension: [part('ombCategory', CDC, '2106-3')] },
    { url: US_CORE_RACE_URL, extension: [part('ombCategory', CDC, '2028-9')] },
  ],
  // Under the 2024 scheme the White category only restates the detailed code's old roll-up: the key is MENA.
  'category restating a detailed code': [
    { url: US_CORE_RACE_URL, extension: [part('ombCategory', CDC, '2106-3'), part('detailed', CDC, '2120-4')] },
  ],
  ethnicity: [
    { url: US_CORE_ETHNICITY_URL, extension: [part('ombCategory', CDC, '2135-2'), part('detailed', CDC, '2148-5')] },
  ],
};

describe('compactResource: race and ethnicity extensions', () => {
  it('maps every shape to the same stratum keys and warnings as the whole Patient', () => {
    for (const [shape, extension] of Object.entries(SHAPES)) {
      const whole = patient('p1', extension);
      for (const raceScheme of [OMB_1997, OMB_2024]) {
        const before = stratumKeysOf([whole], { ...AS_OF, raceScheme });
        const after = stratumKeysOf([compact(whole)], { ...AS_OF, raceScheme });
        expect({ shape, scheme: raceScheme.id, ...after }).toEqual({ shape, scheme: raceScheme.id, ...before });
      }
    }
  });

  it('gives equal well-formed extensions one shared frozen object, without text or display', () => {
    const a = extensionsOf(compact(patient('a', SHAPES['one category'] ?? [])));
    const b = extensionsOf(
      compact(patient('b', [{ url: US_CORE_RACE_URL, extension: [part('ombCategory', CDC, '2106-3')] }])),
    );
    expect(a[0]).toBe(b[0]);
    expect(Object.isFrozen(a[0])).toBe(true);
    expect(a[0]).toEqual({
      url: US_CORE_RACE_URL,
      extension: [{ url: 'ombCategory', valueCoding: { system: CDC, code: '2106-3' } }],
    });
    const other = extensionsOf(compact(patient('c', SHAPES['two categories'] ?? [])));
    expect(other[0]).not.toBe(a[0]);
  });

  it('leaves out a text part that also carries a valueCoding, as its cache key does', () => {
    // A category no other test uses, so that this extension is built here rather than found in the cache.
    const category = part('ombCategory', CDC, '2076-8');
    const odd = extensionsOf(
      compact(
        patient('a', [
          { url: US_CORE_RACE_URL, extension: [category, { ...text('x'), ...part('text', CDC, '2054-5') }] },
        ]),
      ),
    );
    expect(odd[0]).toEqual({
      url: US_CORE_RACE_URL,
      extension: [{ url: 'ombCategory', valueCoding: { system: CDC, code: '2076-8' } }],
    });
    const plain = extensionsOf(compact(patient('b', [{ url: US_CORE_RACE_URL, extension: [category] }])));
    expect(plain[0]).toBe(odd[0]);
  });

  it('keeps a code that only looks like two parts apart from two real parts', () => {
    const joined = extensionsOf(
      compact(
        patient('a', [{ url: US_CORE_RACE_URL, extension: [part('ombCategory', CDC, '2106-3|ombCategory|-|2054-5')] }]),
      ),
    );
    const two = extensionsOf(compact(patient('b', SHAPES['two categories'] ?? [])));
    expect(joined[0]).not.toBe(two[0]);
  });

  it('keeps malformed extensions as found, for the mappers to report', () => {
    for (const shape of ['code not a string', 'no valueCoding', 'unknown part', 'parts not a list'] as const) {
      const extension = SHAPES[shape] ?? [];
      expect({ shape, kept: extensionsOf(compact(patient('p', extension))) }).toEqual({ shape, kept: extension });
    }
  });
});
