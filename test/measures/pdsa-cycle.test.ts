import { describe, expect, it } from 'vitest';
import { cycleDays, latestEnd, sixWeekWarnings, timelineOrder } from '../../src/measures/pdsa-cycle';

describe('the six-week PDSA rule', () => {
  it('allows a Monday-to-Sunday six-week cycle (42 days) and warns from 43', () => {
    expect(cycleDays('2026-01-05', '2026-02-15')).toBe(42);
    expect(latestEnd('2026-01-05')).toBe('2026-02-15');
    expect(sixWeekWarnings({ start: '2026-01-05', plannedEnd: '2026-02-15' }, '2026-01-10')).toEqual([]);
    expect(sixWeekWarnings({ start: '2026-01-05', plannedEnd: '2026-02-16' }, '2026-01-10')).toEqual([
      { kind: 'planned-too-long', days: 43 },
    ]);
  });

  it('warns when an open cycle has run past six weeks, or a closed one ran longer', () => {
    const open = { start: '2026-01-05', plannedEnd: '2026-01-31' };
    expect(sixWeekWarnings(open, '2026-02-15')).toEqual([]);
    expect(sixWeekWarnings(open, '2026-02-16')).toEqual([{ kind: 'overdue', days: 43 }]);
    expect(sixWeekWarnings({ ...open, end: '2026-03-01' }, '2026-04-01')).toEqual([{ kind: 'ran-too-long', days: 56 }]);
  });

  it('catches dates in the wrong order, and orders a timeline by start', () => {
    expect(sixWeekWarnings({ start: '2026-02-01', plannedEnd: '2026-01-01' }, '2026-02-02')).toEqual([
      { kind: 'ends-before-start' },
    ]);
    const order = timelineOrder([
      { start: '2026-03-01', plannedEnd: '2026-03-20' },
      { start: '2026-01-01', plannedEnd: '2026-01-20' },
    ]);
    expect(order.map((c) => c.start)).toEqual(['2026-01-01', '2026-03-01']);
  });
});
