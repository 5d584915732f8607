import { describe, expect, it } from 'vitest';
import { FieldReader } from '../../src/measures/field-reader';
import { valueSetsOf } from '../../src/measures/value-set-membership';
import { VALUE_SETS, valueSetCodes } from '../../src/measures/value-sets';
import { compactConcept } from '../../src/worker/compact-resource';

const [hypertension = ''] = valueSetCodes(VALUE_SETS.essentialHypertension);
const bar = hypertension.lastIndexOf('|');
const coding = { system: hypertension.slice(0, bar), code: hypertension.slice(bar + 1) };

describe('FieldReader concepts', () => {
  it('reads a shared frozen concept once and gives the same keys and value sets every time', () => {
    const concept = compactConcept({ coding: [coding], text: 'Hypertension' });
    const r = new FieldReader(0);
    const first = r.concept({ code: concept }, 'code');
    expect(first).toEqual([hypertension]);
    expect(r.concept({ code: concept }, 'code')).toBe(first);
    expect(r.concepts({ type: [concept] }, 'type')).toBe(first);
    expect(r.concepts({ type: [concept, concept] }, 'type')).toEqual([hypertension, hypertension]);
    expect(valueSetsOf(first).has(VALUE_SETS.essentialHypertension)).toBe(true);
    expect(valueSetsOf(first)).toBe(valueSetsOf(first));
    expect(r.problem).toBeUndefined();
  });

  it('reads a concept that can change afresh each time', () => {
    const concept = { coding: [{ ...coding }] };
    const r = new FieldReader(0);
    expect(r.concept({ code: concept }, 'code')).toEqual([hypertension]);
    concept.coding[0] = { system: 'http://snomed.info/sct', code: '1' };
    expect(r.concept({ code: concept }, 'code')).toEqual(['http://snomed.info/sct|1']);
  });

  it('records the problem of a malformed frozen concept on every read', () => {
    const malformed = Object.freeze({ coding: Object.freeze([Object.freeze({ system: 7, code: '1' })]) });
    for (let i = 0; i < 2; i++) {
      const r = new FieldReader(0);
      expect(r.concept({ code: malformed }, 'code')).toEqual([]);
      expect(r.problem).toBe('code.coding');
    }
  });
});
