import { describe, expect, it } from 'vitest';
import { evaluatePatient } from '../../src/measures/evaluate-patient';
import { compactRecord } from '../../src/worker/compact-record';
import { compactConcept, compactResource } from '../../src/worker/compact-resource';
import { isResourceShaped } from '../../src/worker/patient-record-grouper';
import { patientIdFromReference } from '../../src/worker/patient-reference';
import { readDeck } from '../cli/deck-export';

const PERIOD = { start: '2026-01-01', end: '2026-12-31' };

describe('compactResource', () => {
  it('changes no population and no evidence on any case of the official decks', () => {
    for (const [deck, measure] of [
      ['CMS165-2025', 'cms165'],
      ['CMS122-2025', 'cms122'],
    ] as const) {
      for (const c of readDeck(deck).cases) {
        const whole = c.resources.filter(isResourceShaped);
        const compact = compactRecord(c.patientId, c.resources).resources.filter(isResourceShaped);
        expect(compact.length).toBeLessThanOrEqual(whole.length);
        const a = evaluatePatient(measure, { patientId: c.patientId, resources: whole }, PERIOD);
        const b = evaluatePatient(measure, { patientId: c.patientId, resources: compact }, PERIOD);
        expect({ case: c.folder, populations: b.populations, evidence: b.evidence }).toEqual({
          case: c.folder,
          populations: a.populations,
          evidence: a.evidence,
        });
      }
    }
  });

  it('drops what no measure reads and says why', () => {
    const subject = { reference: 'Patient/p1' };
    expect(compactResource({ resourceType: 'Claim', id: 'c' })).toEqual({ kind: 'skip', reason: 'unused-type' });
    // Names an object's prototype has are types like any other.
    for (const resourceType of ['constructor', 'toString', '__proto__']) {
      expect(compactResource({ resourceType, id: 'x' })).toEqual({ kind: 'skip', reason: 'unused-type' });
    }
    const weight = {
      resourceType: 'Observation',
      id: 'o',
      subject,
      code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
    };
    expect(compactResource(weight)).toEqual({ kind: 'skip', reason: 'unused-code' });
    const bp = { ...weight, code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] } };
    expect(compactResource({ ...bp, subject: { reference: 'Group/g' } })).toEqual({
      kind: 'skip',
      reason: 'no-patient',
    });
    expect(compactResource([1])).toEqual({ kind: 'invalid', reason: 'not a JSON object' });
    expect(compactResource({ resourceType: 'Condition' })).toEqual({
      kind: 'invalid',
      reason: 'Condition without an id',
    });
  });

  it('keeps only read fields, trims codings, and leaves malformed fields for the engine to judge', () => {
    const p = compactResource({
      resourceType: 'Observation',
      id: 'o',
      subject: { reference: 'https://ehr.example/fhir/Patient/p1/_history/3' },
      text: { div: '<div>narrative</div>' },
      code: { coding: [{ system: 'http://loinc.org', code: '85354-9', display: 'Blood pressure panel' }], text: 'BP' },
      status: 7,
      effectiveDateTime: '2026-05-01',
    });
    expect(p).toEqual({
      kind: 'keep',
      patientId: 'p1',
      resource: {
        resourceType: 'Observation',
        id: 'o',
        code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
        status: 7,
        effectiveDateTime: '2026-05-01',
      },
    });
  });
});

describe('compactConcept', () => {
  const LOINC = 'http://loinc.org';

  it('gives equal concepts one shared frozen object, with one coding or several', () => {
    const one = compactConcept({ coding: [{ system: LOINC, code: '4548-4', display: 'HbA1c' }], text: 'A1c' });
    expect(one).toEqual({ coding: [{ system: LOINC, code: '4548-4' }] });
    expect(compactConcept({ coding: [{ code: '4548-4', system: LOINC }] })).toBe(one);
    expect(Object.isFrozen(one)).toBe(true);
    const two = {
      coding: [
        { system: LOINC, code: '4548-4' },
        { system: 'urn:x', code: 'a1c' },
      ],
    };
    expect(compactConcept(two)).toBe(compactConcept(structuredClone(two)));
    expect(compactConcept(two)).not.toBe(one);
  });

  it('keeps a missing system or code apart from every other coding', () => {
    const noSystem = compactConcept({ coding: [{ code: '4548-4' }] });
    const noCode = compactConcept({ coding: [{ system: LOINC }] });
    expect(noSystem).toEqual({ coding: [{ code: '4548-4' }] });
    expect(noCode).toEqual({ coding: [{ system: LOINC }] });
    expect(compactConcept({ coding: [{ system: '', code: '4548-4' }] })).toEqual({
      coding: [{ system: '', code: '4548-4' }],
    });
    expect(compactConcept({ coding: [{ system: LOINC, code: '4548-4' }] })).not.toBe(noSystem);
    // Length-prefixed keys: these two pairs would read the same if the parts were simply joined.
    const a = compactConcept({ coding: [{ system: 'a', code: 'bc' }, { code: 'd' }] });
    const b = compactConcept({ coding: [{ system: 'ab', code: 'c' }, { code: 'd' }] });
    expect(a).not.toBe(b);
  });

  it('returns malformed concepts as they are, for the engine to report', () => {
    const badCode = { coding: [{ system: LOINC, code: 4548 }] };
    expect(compactConcept(badCode)).toBe(badCode);
    const badEntry = { coding: [{ system: LOINC, code: '4548-4' }, 'x'] };
    expect(compactConcept(badEntry)).toBe(badEntry);
    const notList = { coding: { system: LOINC } };
    expect(compactConcept(notList)).toBe(notList);
    expect(compactConcept('text')).toBe('text');
    expect(compactConcept({ text: 'no coding' })).toEqual({});
  });
});

describe('patientIdFromReference', () => {
  it.each([
    ['Patient/123', '123'],
    ['https://ehr.example/fhir/Patient/a-1/_history/2', 'a-1'],
    ['Group/1', undefined],
    ['Patient/', undefined],
    ['urn:uuid:5e1b', undefined],
    ['#contained', undefined],
  ])('%s → %s', (reference, id) => {
    expect(patientIdFromReference(reference)).toBe(id);
  });
});
