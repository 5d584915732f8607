import { describe, expect, it } from 'vitest';
import { freezeBaseline, reviseCharter } from '../../src/measures/charter-model';
import { assessCharter, assessRate } from '../../src/measures/goal-progress';
import { charter, counts, snapshot } from './charter-fixtures';

// Baseline: focus 40/100 (40%), everyone else 180/300 (60%), overall 220/400 (55%): a 20-point gap.
const BASE = snapshot(counts(220, 400), counts(40, 100), counts(180, 300));

describe('baseline freezing', () => {
  it('keeps the frozen values when the counts it was made from change afterwards', () => {
    const source = { ...BASE, focus: { ...BASE.focus } };
    const frozen = freezeBaseline(source, '2026-11-01T10:00:00Z');
    source.focus.numerator = 99;
    expect(frozen.snapshot.focus.numerator).toBe(40);
    expect(Object.isFrozen(frozen.snapshot.focus)).toBe(true);
  });

  it('ignores a new baseline or new goals smuggled into a revision', () => {
    const c = charter('cms165', BASE);
    const sneaky = { sponsor: 'New sponsor', baseline: freezeBaseline(BASE, 'later'), goals: {} };
    const revised = reviseCharter(c, sneaky);
    expect(revised.sponsor).toBe('New sponsor');
    expect(revised.baseline).toBe(c.baseline);
    expect(revised.goals).toBe(c.goals);
  });
});

describe('progress against the frozen baseline', () => {
  it('says "not yet measurable" when fewer than 11 patients are behind a rate', () => {
    expect(assessRate(counts(4, 10), counts(5, 12), { kind: 'relative', amount: 10 }, 'increase')).toEqual({
      kind: 'not-measurable',
      which: 'baseline',
      n: 10,
    });
    const gap = assessCharter(charter('cms165', BASE), snapshot(counts(30, 40), counts(5, 8), counts(25, 32))).gap;
    expect(gap).toEqual({ kind: 'not-measurable', which: 'now', n: 8 });
  });

  it('meets the goals when every group rose by 10% and the gap halved (higher is better)', () => {
    // Focus 52/100 (≥ 44%), everyone else 198/300 = 66% (≥ 66%), gap 14 points: not ≤ 10, so the gap goal is not met.
    const now = snapshot(counts(250, 400), counts(52, 100), counts(198, 300));
    const p = assessCharter(charter('cms165', BASE), now);
    expect(p.focus.kind === 'measured' && p.focus.met).toBe(true);
    expect(p.reference.kind === 'measured' && p.reference.met).toBe(true);
    expect(p.gap.kind === 'measured' && p.gap.standing.met).toBe(false);
    const closer = assessCharter(
      charter('cms165', BASE),
      snapshot(counts(260, 400), counts(62, 100), counts(198, 300)),
    );
    expect(closer.gap.kind === 'measured' && closer.gap.standing.met).toBe(true);
  });

  it('warns when the average improved while the gap widened', () => {
    // Overall 55% → 60%, but everyone else 60% → 70% while the focus group stays at 40%: a 30-point gap.
    const now = snapshot(counts(250, 400), counts(40, 100), counts(210, 300));
    expect(assessCharter(charter('cms165', BASE), now).averageUpGapWider).toBe(true);
  });

  it('judges a lower-is-better measure downwards (CMS122)', () => {
    // Poor control: focus 40% vs everyone else 20%; the focus group falls to 30%, everyone else to 18%.
    const base = snapshot(counts(100, 400), counts(40, 100), counts(60, 300));
    const now = snapshot(counts(84, 400), counts(30, 100), counts(54, 300));
    const p = assessCharter(charter('cms122', base), now);
    expect(p.focus.kind === 'measured' && p.focus.target.target).toBeCloseTo(0.36, 12);
    expect(p.focus.kind === 'measured' && p.focus.met).toBe(true);
    expect(p.gap.kind === 'measured' && p.gap.baseline.gap).toBeCloseTo(0.2, 12);
    expect(p.gap.kind === 'measured' && p.gap.now.gap).toBeCloseTo(0.12, 12);
  });
});
