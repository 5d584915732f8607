import { describe, expect, it } from 'vitest';
import { KEY_SEPARATOR, StratificationAccumulator } from '../../src/measures/stratification-accumulator';

const cellsOf = (acc: StratificationAccumulator, i: number): Record<string, readonly number[]> =>
  Object.fromEntries((acc.toSnapshot().cells[i] ?? []).map(([key, ...counts]) => [key, counts]));

describe('StratificationAccumulator.add', () => {
  it('applies the eCQM cascade: an excluded patient is never in the numerator, an exception never beside it', () => {
    const acc = new StratificationAccumulator([['sex']]);
    const base = { initialPopulation: true, denominator: true, denominatorException: false };
    acc.add({ populations: { ...base, denominatorExclusion: true, numerator: true }, strata: { sex: 'female' } });
    acc.add({
      populations: { ...base, denominatorExclusion: false, numerator: true, denominatorException: true },
      strata: { sex: 'female' },
    });
    acc.add({
      populations: { ...base, initialPopulation: false, denominatorExclusion: false, numerator: true },
      strata: { sex: 'female' },
    });
    // [ip, den, excl, exc, num]
    expect(acc.toSnapshot().total).toEqual([2, 2, 1, 0, 1]);
    expect(acc.patients).toBe(2);
  });

  it('counts a missing dimension as absent, a list once per distinct key, intersections as products', () => {
    const acc = new StratificationAccumulator([['race-combined'], ['race-combined', 'sex'], ['language']]);
    const populations = {
      initialPopulation: true,
      denominator: true,
      denominatorExclusion: false,
      denominatorException: false,
      numerator: false,
    };
    acc.add({ populations, strata: { 'race-combined': ['2106-3', '2054-5', '2106-3'], sex: 'male' } });
    expect(cellsOf(acc, 0)).toEqual({ '2054-5': [1, 1, 0, 0, 0], '2106-3': [1, 1, 0, 0, 0] });
    expect(Object.keys(cellsOf(acc, 1)).sort()).toEqual([`2054-5${KEY_SEPARATOR}male`, `2106-3${KEY_SEPARATOR}male`]);
    expect(cellsOf(acc, 2)).toEqual({ absent: [1, 1, 0, 0, 0] });
    expect(acc.toSnapshot().multiValued).toEqual(['race-combined']);
  });

  it('rejects a stratifier of more than three dimensions', () => {
    expect(() => new StratificationAccumulator([['race', 'sex', 'zip', 'payer']])).toThrow();
  });
});
