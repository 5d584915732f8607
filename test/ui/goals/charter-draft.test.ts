import { describe, expect, it } from 'vitest';
import type { StratumResult } from '../../../src/measures/stratification-types';
import { defaultDraft, draftProblems, draftToCharter } from '../../../src/ui/features/goals/charter-draft';
import { goalViewFromPanel } from '../../../src/ui/features/goals/goal-view';
import { VIEW } from './goal-view-fixture';

const NOW = new Date('2026-01-31T15:00:00Z');

describe('the Set-a-goal draft', () => {
  it('reads amounts as typed (a decimal comma too) and counts the deadline in calendar months', () => {
    const charter = draftToCharter(VIEW, { ...defaultDraft(VIEW), improvementAmount: '7,5', months: 1 }, NOW);
    expect(charter.goals).toMatchObject({
      improvement: { kind: 'relative', amount: 7.5 },
      start: '2026-01-31',
      deadline: '2026-02-28',
    });
    expect(charter.baseline).toEqual({
      frozenAt: '2026-01-31T15:00:00.000Z',
      snapshot: {
        period: VIEW.period,
        overall: VIEW.overall,
        focus: VIEW.focus.counts,
        reference: VIEW.reference.counts,
      },
    });
  });

  it('names what must be fixed before saving', () => {
    const problems = draftProblems({ ...defaultDraft(VIEW), title: ' ', improvementAmount: 'ten', gapAmount: '120' });
    expect(problems.map((p) => p.field)).toEqual(['title', 'improvementAmount', 'gapAmount']);
    expect(problems[2]?.message).toBe('A gap can shrink by at most 100% (closed).');
  });

  it('compares a panel stratum with everyone else (the total minus the stratum), and refuses a suppressed one', () => {
    const stratum: StratumResult = {
      key: '2054-5',
      label: 'Black or African American',
      components: [{ dimension: 'race', key: '2054-5', label: 'Black or African American' }],
      suppressed: false,
      counts: VIEW.focus.counts,
      performanceDenominator: 100,
    };
    const overall = { suppressed: false, counts: VIEW.overall, performanceDenominator: 400 } as const;
    const group = {
      measure: 'cms165',
      period: VIEW.period,
      dimensions: ['race'],
      label: 'Black',
      overall,
      filters: [],
    } as const;
    expect(goalViewFromPanel({ ...group, stratum })?.reference.counts).toEqual(VIEW.reference.counts);
    expect(
      goalViewFromPanel({ ...group, stratum: { ...stratum, suppressed: true, reason: 'small-cell' } }),
    ).toBeUndefined();
  });
});
