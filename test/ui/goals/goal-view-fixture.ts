import type { GoalView } from '../../../src/ui/features/goals/goal-view';

const counts = (numerator: number, denominator: number) => ({
  initialPopulation: denominator,
  denominator,
  denominatorExclusion: 0,
  denominatorException: 0,
  numerator,
});

/** A CMS165 disparity: Black patients 40/100 controlled vs everyone else 180/300. */
export const VIEW: GoalView = {
  measure: 'cms165',
  period: { start: '2026-01-01', end: '2026-12-31' },
  stratifier: ['race'],
  focus: { keys: ['2054-5'], label: 'Black or African American', counts: counts(40, 100) },
  reference: { label: 'everyone else', counts: counts(180, 300) },
  overall: counts(220, 400),
  filters: [],
};
