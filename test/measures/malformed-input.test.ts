import { describe, expect, it } from 'vitest';
import { evaluatePatient, evaluatePatientMeasures } from '../../src/measures/evaluate-patient';
import { CPT, PERIOD, SNOMED, bloodPressure, encounter, hypertensive, record } from './record-builder';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('untrusted input', () => {
  it('skips malformed resources with warnings instead of throwing', () => {
    const input = record(
      ...hypertensive(),
      null,
      42,
      { resourceType: 'Observation' },
      { resourceType: 'Condition', id: 'bad-code', code: 'I10' },
      { resourceType: 'Encounter', id: 'bad-coding', status: 'finished', type: [{ coding: 'x' }] },
      { ...bloodPressure('bad-date', '2026-02-30T10:00:00Z', 120, 70) },
      bloodPressure('good', '2026-06-01T10:00:00Z', 120, 70),
    );
    const result = evaluatePatient('cms165', input, PERIOD);
    const byCode = (code: string) => result.warnings.filter((w) => w.code === code).map((w) => w.resourceId);
    expect(byCode('malformed-resource')).toEqual([undefined, undefined, undefined, 'bad-code', 'bad-coding']);
    expect(byCode('unparseable-date')).toEqual(['bad-date']);
    expect(result.populations.numerator).toBe(true);
  });

  it('uses the first of two resources with the same id and says so', () => {
    const input = record(
      ...hypertensive(),
      bloodPressure('dup', '2026-06-01T10:00:00Z', 120, 70),
      bloodPressure('dup', '2026-07-01T10:00:00Z', 160, 100),
    );
    const result = evaluatePatient('cms165', input, PERIOD);
    expect(result.evidence.outcome).toMatchObject({ mostRecentDay: '2026-06-01' });
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'duplicate', resourceId: 'dup' }));
  });

  it('ignores a Condition without a QI-Core category, with a warning', () => {
    const uncategorised = { ...hypertensive()[1], category: undefined };
    const result = evaluatePatient('cms165', record(hypertensive()[0], uncategorised, hypertensive()[2]), PERIOD);
    expect(result.evidence.population.missing).toEqual(['diagnosis']);
    expect(result.warnings.map((w) => w.code)).toContain('missing-code');
  });

  it('never modifies its input', () => {
    const input = deepFreeze(
      record(
        ...hypertensive(),
        encounter('ed', CPT, '99284', '2026-09-10T20:00:00Z', '2026-09-10T23:00:00Z', 'EMER'),
        bloodPressure('r', '2026-09-10T21:00:00Z', 120, 70, { encounter: 'ed' }),
        { resourceType: 'Condition', id: 'x', code: 'bad' },
      ),
    );
    const before = JSON.stringify(input);
    evaluatePatientMeasures(['cms165', 'cms122', 'htn-30-65'], input, PERIOD);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('lists every exclusion that applies, with the resources behind it', () => {
    const input = record(
      ...hypertensive(),
      encounter('hospice', SNOMED, '183919006', '2026-04-01T00:00:00Z', '2026-04-02T00:00:00Z'),
      encounter('palliative', SNOMED, '305284002', '2026-05-01T00:00:00Z', '2026-05-01T01:00:00Z'),
    );
    const result = evaluatePatient('cms165', input, PERIOD);
    expect(result.evidence.exclusions).toEqual([
      { kind: 'hospice', resourceIds: ['hospice'] },
      { kind: 'palliative-care', resourceIds: ['palliative'] },
    ]);
    expect(result.populations).toMatchObject({ denominatorExclusion: true, numerator: false });
  });

  it('rejects an invalid measurement period (a programming error)', () => {
    expect(() => evaluatePatient('cms165', record(), { start: '2026-12-31', end: '2026-01-01' })).toThrow(RangeError);
  });
});
