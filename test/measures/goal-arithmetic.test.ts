import { describe, expect, it } from 'vitest';
import { gapStanding, gapTarget, rateTarget, reaches, signedGap } from '../../src/measures/goal-arithmetic';
import { differenceInterval } from '../../src/measures/panel-gap';

describe('rate targets', () => {
  it('tells relative change (a share of the baseline) from absolute change (percentage points)', () => {
    expect(rateTarget(0.5, { kind: 'relative', amount: 10 }, 'increase').target).toBeCloseTo(0.55, 12);
    expect(rateTarget(0.5, { kind: 'absolute', amount: 10 }, 'increase').target).toBeCloseTo(0.6, 12);
  });

  it('turns improvement into a decrease when lower is better (CMS122 poor control)', () => {
    expect(rateTarget(0.4, { kind: 'relative', amount: 10 }, 'decrease').target).toBeCloseTo(0.36, 12);
    expect(rateTarget(0.4, { kind: 'absolute', amount: 10 }, 'decrease').target).toBeCloseTo(0.3, 12);
    expect(reaches(0.35, 0.36, 'decrease')).toBe(true);
    expect(reaches(0.37, 0.36, 'decrease')).toBe(false);
    expect(reaches(0.37, 0.36, 'increase')).toBe(true);
  });

  it('caps at 100%, floors at 0%, and refuses a relative change of a 0% baseline', () => {
    expect(rateTarget(0.95, { kind: 'absolute', amount: 10 }, 'increase')).toEqual({ target: 1, note: 'capped' });
    expect(rateTarget(0.05, { kind: 'absolute', amount: 10 }, 'decrease')).toEqual({ target: 0, note: 'floored' });
    expect(rateTarget(0, { kind: 'relative', amount: 20 }, 'increase')).toEqual({ target: 0, note: 'zero-baseline' });
  });
});

describe('gap goals', () => {
  it('signs the gap so that positive means the focus group fares worse, whichever way is better', () => {
    expect(signedGap(0.45, 0.6, 'increase')).toBeCloseTo(0.15, 12);
    expect(signedGap(0.4, 0.25, 'decrease')).toBeCloseTo(0.15, 12);
    expect(signedGap(0.7, 0.6, 'increase')).toBeCloseTo(-0.1, 12);
  });

  it('shrinks a 12-point gap by 50% to 6 points, or by 5 points to 7, never below 0', () => {
    expect(gapTarget(0.12, { kind: 'relative', amount: 50 })).toEqual({ kind: 'target', target: 0.06 });
    const absolute = gapTarget(0.12, { kind: 'absolute', amount: 5 });
    expect(absolute.kind === 'target' && absolute.target).toBeCloseTo(0.07, 12);
    expect(gapTarget(0.12, { kind: 'absolute', amount: 20 })).toEqual({ kind: 'target', target: 0 });
    expect(gapTarget(-0.05, { kind: 'relative', amount: 50 })).toEqual({ kind: 'no-gap' });
  });

  it('counts a gap that flips sign as met only while the reversed gap stays within the target', () => {
    const small = gapStanding(0.12, -0.03, 0.06);
    expect(small).toMatchObject({ met: true, flipped: true, reversedBeyondTarget: false });
    expect(small.closed).toBeCloseTo(1.25, 12);
    const large = gapStanding(0.12, -0.1, 0.06);
    expect(large).toMatchObject({ met: false, flipped: true, reversedBeyondTarget: true });
    expect(gapStanding(0.12, 0.15, 0.06)).toMatchObject({ met: false, flipped: false });
    expect(gapStanding(0.12, 0.15, 0.06).closed).toBeCloseTo(-0.25, 12);
  });
});

describe('differenceInterval', () => {
  it("matches Newcombe's (1998) worked example for method 10: 56/70 − 48/80 → 0.0524 to 0.3339", () => {
    const i = differenceInterval({ successes: 56, n: 70 }, { successes: 48, n: 80 });
    expect(i?.lower).toBeCloseTo(0.0524, 4);
    expect(i?.upper).toBeCloseTo(0.3339, 4);
    expect(differenceInterval({ successes: 0, n: 0 }, { successes: 1, n: 2 })).toBeUndefined();
  });
});
