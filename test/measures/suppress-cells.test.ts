import { describe, expect, it } from 'vitest';
import { StratificationAccumulator } from '../../src/measures/stratification-accumulator';
import { finishStratification } from '../../src/measures/stratification-report';
import type { PatientStrataInput, StratifierDimensions } from '../../src/measures/stratification-types';
import { group } from './stratification-fixtures';

function hidden(stratifiers: StratifierDimensions[], patients: PatientStrataInput[]): Record<string, string> {
  const acc = new StratificationAccumulator(stratifiers);
  for (const p of patients) acc.add(p);
  const report = finishStratification(acc, { improvementNotation: 'increase' });
  const out: Record<string, string> = {};
  for (const s of report.stratifiers) for (const t of s.strata) if (t.suppressed) out[`${s.id}:${t.key}`] = t.reason;
  return out;
}

describe('small-cell suppression', () => {
  it('withholds a denominator of 1–10 and, when it is the only one, the next-smallest cell too', () => {
    const patients = [
      ...group(50, 30, { race: '2106-3' }),
      ...group(30, 20, { race: '2054-5' }),
      ...group(5, 2, { race: '2028-9' }),
    ];
    expect(hidden([['race']], patients)).toEqual({ 'race:2028-9': 'small-cell', 'race:2054-5': 'complementary' });
  });

  it('needs no complement when two cells are already withheld', () => {
    const patients = [
      ...group(50, 30, { race: '2106-3' }),
      ...group(5, 2, { race: '2054-5' }),
      ...group(6, 2, { race: '2028-9' }),
    ];
    expect(hidden([['race']], patients)).toEqual({ 'race:2054-5': 'small-cell', 'race:2028-9': 'small-cell' });
  });

  it('protects rows and columns of an intersection whose margins are shown', () => {
    // race × sex: White M 30 / F 30, Black M 20 / F 5. Black-female is small; row Black, then column female,
    // then column male each had a single unknown, so all four cells end up withheld; the margins stay visible.
    const patients = [
      ...group(30, 10, { race: '2106-3', sex: 'male' }),
      ...group(30, 10, { race: '2106-3', sex: 'female' }),
      ...group(20, 10, { race: '2054-5', sex: 'male' }),
      ...group(5, 1, { race: '2054-5', sex: 'female' }),
    ];
    expect(hidden([['race'], ['sex'], ['race', 'sex']], patients)).toEqual({
      'race+sex:2054-5 × female': 'small-cell',
      'race+sex:2054-5 × male': 'complementary',
      'race+sex:2106-3 × female': 'complementary',
      'race+sex:2106-3 × male': 'complementary',
    });
  });

  it('sees through margins that are not shown but follow from the total', () => {
    // Only race × sex is reported. Row White is all shown, so White's total is known; the grand total then gives
    // Black's, and Black-female would follow from Black-male: Black-male must be withheld too.
    const patients = [
      ...group(30, 10, { race: '2106-3', sex: 'male' }),
      ...group(30, 10, { race: '2106-3', sex: 'female' }),
      ...group(20, 10, { race: '2054-5', sex: 'male' }),
      ...group(5, 1, { race: '2054-5', sex: 'female' }),
    ];
    expect(hidden([['race', 'sex']], patients)).toEqual({
      'race+sex:2054-5 × female': 'small-cell',
      'race+sex:2054-5 × male': 'complementary',
    });
  });

  it('adds no complement in an overlapping (alone or in combination) view', () => {
    const patients = [
      ...group(20, 10, { 'race-combined': ['2106-3'] }),
      ...group(20, 10, { 'race-combined': ['2054-5'] }),
      ...group(5, 1, { 'race-combined': ['2106-3', '2054-5'] }),
      ...group(3, 1, { 'race-combined': ['1002-5', '2106-3'] }),
    ];
    expect(hidden([['race-combined']], patients)).toEqual({ 'race-combined:1002-5': 'small-cell' });
  });

  it('withholds everything, the total included, when the total is small', () => {
    const acc = new StratificationAccumulator([['sex']]);
    for (const p of group(8, 4, { sex: 'female' })) acc.add(p);
    const report = finishStratification(acc, { improvementNotation: 'increase' });
    expect(report.overall.suppressed).toBe(true);
    expect(report.stratifiers[0]?.strata.every((s) => s.suppressed)).toBe(true);
    expect(JSON.stringify(report)).not.toContain('"numerator"');
  });
});
