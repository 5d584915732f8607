import { describe, expect, it } from 'vitest';
import { DISPARITY_MODEL } from '../../sandbox/seed/disparity-model';
import { generatePopulation } from '../../sandbox/seed/population';
import { expectedRateOf, rateOf } from '../../sandbox/seed/summary';
import type { Tally } from '../../sandbox/seed/summary';

const pop = generatePopulation({ seed: 42, patients: 5000, anchor: '2026-11-01' });
const rate = (t: Tally | undefined): number => (t ? (rateOf(t) ?? NaN) : NaN);
const expected = (t: Tally | undefined): number => (t ? (expectedRateOf(t) ?? NaN) : NaN);
const denominator = (t: Tally): number => t.initialPopulation - t.exclusions;

describe.each(['cms165', 'cms122'] as const)('%s built-in disparities', (measure) => {
  const s = pop.summary[measure];
  const target = DISPARITY_MODEL[measure].intersection.targetGapVsOverall;

  it('designs the Spanish-speaking men 40–60 gap at about the target size', () => {
    // The model's own expectation over the generated patients: only the model's calibration, no sampling noise.
    expect(expected(s.intersection) - expected(s.overall)).toBeCloseTo(target, 1);
    expect(Math.abs(expected(s.intersection) - expected(s.overall) - target)).toBeLessThan(0.04);
  });

  it('realises that gap within sampling error', () => {
    const n = denominator(s.intersection);
    expect(n).toBeGreaterThan(10);
    const p = expected(s.intersection);
    const se = Math.sqrt((p * (1 - p)) / n);
    const realised = rate(s.intersection) - rate(s.overall);
    const designed = expected(s.intersection) - expected(s.overall);
    // Three standard errors of the intersection's rate, plus a little for the overall rate's own noise.
    expect(Math.abs(realised - designed)).toBeLessThan(3 * se + 0.01);
    // And in the designed direction.
    expect(Math.sign(realised)).toBe(Math.sign(target));
  });

  it('shows a gap for Hispanic against non-Hispanic patients in the published direction', () => {
    const hispanic = s.byEthnicity['2135-2'];
    const other = s.byEthnicity['2186-5'];
    const worse = measure === 'cms165' ? rate(hispanic) < rate(other) : rate(hispanic) > rate(other);
    expect(worse).toBe(true);
    expect(Math.abs(rate(hispanic) - rate(other))).toBeGreaterThan(0.04);
  });

  it('lands every patient with its own probability: rates follow the model overall', () => {
    const n = denominator(s.overall);
    const p = expected(s.overall);
    expect(Math.abs(rate(s.overall) - p)).toBeLessThan(3 * Math.sqrt((p * (1 - p)) / n) + 0.01);
  });
});

describe('food insecurity and payers', () => {
  const share = (pred: (i: (typeof pop.intents)[number]) => boolean): number => {
    const group = pop.intents.filter(pred);
    return group.filter((i) => i.foodInsecure).length / group.length;
  };

  it('is more common for Black and Hispanic than for White and Asian patients (USDA ERS EIB-269 order)', () => {
    const white = share((i) => i.group === 'white');
    expect(share((i) => i.group === 'black')).toBeGreaterThan(white);
    expect(share((i) => i.group === 'hispanic')).toBeGreaterThan(white);
    expect(share((i) => i.group === 'asian')).toBeLessThan(share((i) => i.group === 'black'));
  });

  it('lowers blood-pressure control for food-insecure patients', () => {
    const t = pop.summary.cms165.byFoodInsecurity;
    expect(expected(t['food-insecure']) - expected(t['food-secure'])).toBeLessThan(-0.03);
  });
});
