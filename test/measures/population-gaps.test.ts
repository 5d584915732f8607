import { describe, expect, it } from 'vitest';
import { populationGaps } from '../../src/measures/shared-populations';

describe('populationGaps', () => {
  it('names each unmet criterion in the order age, diagnosis, encounter', () => {
    expect(populationGaps(true, true, true)).toEqual([]);
    expect(populationGaps(false, true, true)).toEqual(['age']);
    expect(populationGaps(true, false, true)).toEqual(['diagnosis']);
    expect(populationGaps(true, true, false)).toEqual(['encounter']);
    expect(populationGaps(false, true, false)).toEqual(['age', 'encounter']);
    expect(populationGaps(false, false, false)).toEqual(['age', 'diagnosis', 'encounter']);
  });

  it('shares one frozen list per answer, so that no caller can change another patient’s evidence', () => {
    const gaps = populationGaps(true, false, false);
    expect(populationGaps(true, false, false)).toBe(gaps);
    expect(Object.isFrozen(gaps)).toBe(true);
  });
});
