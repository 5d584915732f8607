import { describe, expect, it } from 'vitest';
import { differenceInterval } from '../../../src/measures/panel-gap';
import { gapSentence } from '../../../src/ui/features/quality-lead/gap-sentence';

describe('difference of two proportions (Newcombe 1998, method 10)', () => {
  // Newcombe, Statistics in Medicine 1998;17:873–890, Table II: the hybrid score interval (method 10).
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
  ])('%i/%i − %i/%i gives %f to %f', (a, n, b, m, lower, upper) => {
    const interval = differenceInterval({ successes: a, n }, { successes: b, n: m });
    expect(interval?.lower).toBeCloseTo(lower, 3);
    expect(interval?.upper).toBeCloseTo(upper, 3);
  });

  it('has no interval for an empty group', () => {
    expect(differenceInterval({ successes: 0, n: 0 }, { successes: 1, n: 2 })).toBeUndefined();
  });
});

describe('gap sentence', () => {
  const gap = {
    stratum: { successes: 48, n: 80 },
    others: { successes: 56, n: 70 },
    difference: 48 / 80 - 56 / 70,
    interval: { lower: -0.3339, upper: -0.0524 },
  };

  it('calls a lower rate worse when higher is better, with the interval in "worse" points', () => {
    const s = gapSentence(gap, 'increase', 'were controlled', undefined);
    expect(s.direction).toBe('worse');
    expect(s.beyondChance).toBe(true);
    expect(s.gap).toBe('That is 20.0 percentage points worse (95% CI 5.2 points worse to 33.4 points worse).');
    expect(s.group).toContain('48 of 80 patients');
  });

  it('calls the same lower rate better when lower is better, and says when the interval crosses zero', () => {
    expect(gapSentence(gap, 'decrease', 'had poor control', undefined).direction).toBe('better');
    const unsure = gapSentence({ ...gap, interval: { lower: -0.3, upper: 0.05 } }, 'increase', 'x', undefined);
    expect(unsure.beyondChance).toBe(false);
    expect(unsure.gap).toContain('5.0 points better to 30.0 points worse');
  });
});
