import { describe, expect, it } from 'vitest';
import { evaluatePatient } from '../../src/measures/evaluate-patient';
import { ifccToNgsp } from '../../src/measures/measure-units';
import { PERIOD, diabetic, hba1c, record } from './record-builder';

const UCUM = 'http://unitsofmeasure.org';
const percent = (value: number) => ({ value, unit: '%', system: UCUM, code: '%' });

function glycemic(...tests: readonly object[]) {
  const result = evaluatePatient('cms122', record(...diabetic(), ...tests), PERIOD);
  const outcome = result.evidence.outcome;
  if (outcome?.kind !== 'glycemic-status') throw new Error('expected glycemic evidence');
  return { result, recent: outcome.mostRecent };
}

describe('CMS122 glycemic status (numerator = poor control)', () => {
  it('converts IFCC mmol/mol with the NGSP master equation', () => {
    // 0.09148 × 75 + 2.152 = 9.013 % (> 9); 0.09148 × 64 + 2.152 = 8.007 %.
    expect(ifccToNgsp(75)).toBeCloseTo(9.013, 3);
    const high = glycemic(hba1c('h', '2026-05-01', { value: 75, unit: 'mmol/mol', system: UCUM, code: 'mmol/mol' }));
    expect(high.recent).toMatchObject({ result: 'elevated', original: { value: 75, unit: 'mmol/mol' } });
    expect(high.result.populations.numerator).toBe(true);
    expect(high.result.warnings.map((w) => w.code)).toContain('converted-unit');
    const ok = glycemic(hba1c('o', '2026-05-01', { value: 64, unit: 'mmol/mol', system: UCUM, code: 'mmol/mol' }));
    expect(ok.recent?.percent).toBeCloseTo(8.007, 3);
    expect(ok.result.populations.numerator).toBe(false);
  });

  it('does not assume % for a value without a unit: not poor control, with a warning', () => {
    const { result, recent } = glycemic(hba1c('u', '2026-05-01', { value: 11 }));
    expect(recent?.result).toBe('not-comparable');
    expect(result.populations.numerator).toBe(false);
    expect(result.warnings.map((w) => w.code)).toContain('unknown-unit');
  });

  it('counts a test without a result, and no test at all, as poor control', () => {
    const noResult = glycemic(hba1c('n', '2026-05-01'));
    expect(noResult.recent?.result).toBe('no-result');
    expect(noResult.result.populations.numerator).toBe(true);
    const none = glycemic();
    expect(none.recent).toBeNull();
    expect(none.result.populations.numerator).toBe(true);
    expect(none.result.evidence.closeGap).toEqual([
      { kind: 'glycemic-at-most', percent: 9, onOrAfter: null, reason: 'no-test' },
    ]);
  });

  it('uses the lowest result of the most recent day, and a GMI counts like an HbA1c', () => {
    const { result, recent } = glycemic(
      hba1c('old', '2026-02-01', percent(7)),
      hba1c('a', '2026-08-01T08:00:00Z', percent(9.4)),
      hba1c('gmi', '2026-08-01T15:00:00Z', percent(8.6), '97506-0'),
    );
    expect(recent).toMatchObject({ observationId: 'gmi', test: 'gmi', day: '2026-08-01', percent: 8.6 });
    expect(result.populations.numerator).toBe(false);
  });

  it('ignores tests dated outside the period', () => {
    const { result, recent } = glycemic(
      hba1c('in', '2026-04-01', percent(10)),
      hba1c('future', '2027-01-02', percent(6)),
    );
    expect(recent?.observationId).toBe('in');
    expect(result.populations.numerator).toBe(true);
  });
});
