import { describe, expect, it } from 'vitest';
import { evaluatePatient } from '../../src/measures/evaluate-patient';
import { valueSetsOf } from '../../src/measures/value-set-membership';
import { VALUE_SETS, anyIn, valueSetCodes } from '../../src/measures/value-sets';
import { LOINC, PERIOD, hypertensive, record } from './record-builder';

describe('valueSetsOf', () => {
  it('agrees with a scan of every value set, for single codes and combinations', () => {
    const urls = Object.values(VALUE_SETS);
    const samples = urls.flatMap((url) => [...valueSetCodes(url)].slice(0, 3));
    const cases = [[], ['urn:x|nothing'], ...samples.map((k) => [k]), [samples[0] ?? '', samples.at(-1) ?? '']];
    for (const codes of cases) {
      const member = valueSetsOf(codes);
      for (const url of urls) expect(member.has(url)).toBe(anyIn(codes, valueSetCodes(url)));
    }
  });
});

describe('observations no criterion uses', () => {
  it('are left out unread: their bad dates raise no warning, a blood-pressure panel’s still do', () => {
    const weight = (id: string, code: string) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      code: { coding: [{ system: LOINC, code }] },
      effectiveDateTime: '2026-02-30',
    });
    const result = evaluatePatient(
      'cms165',
      record(...hypertensive(), weight('w', '29463-7'), weight('bp', '85354-9')),
      PERIOD,
    );
    expect(result.warnings.filter((w) => w.code === 'unparseable-date').map((w) => w.resourceId)).toEqual(['bp']);
  });
});
