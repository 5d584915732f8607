import { describe, expect, it } from 'vitest';
import { notMeetingGoal, outreachList, sortOutreach } from '../../../src/measures/panel-outreach';
import { a1cRow, bpRow, plain, row } from './panel-rows';

const black = { race: '2054-5', sex: 'female' };
const white = { race: '2106-3', sex: 'female' };

describe('outreach list', () => {
  it('lists only performance-denominator patients not meeting the goal, by the measure’s direction', () => {
    expect(notMeetingGoal(row('p', 'den', {}), 'increase')).toBe(true);
    expect(notMeetingGoal(row('p', 'num', {}), 'increase')).toBe(false);
    expect(notMeetingGoal(row('p', 'excl', {}), 'increase')).toBe(false);
    expect(notMeetingGoal(row('p', 'ip', {}), 'increase')).toBe(false);
    // CMS122's numerator is poor control: those are the ones to reach.
    expect(notMeetingGoal(row('p', 'num', {}), 'decrease')).toBe(true);
    expect(notMeetingGoal(row('p', 'den', {}), 'decrease')).toBe(false);
  });

  it('keeps the stratum’s patients with their last blood pressure, and their HbA1c from the other measure', () => {
    const bp = [
      bpRow(row('p1', 'den', black, 60), '2026-05-01', 150, 95),
      bpRow(row('p2', 'den', black, 40), null),
      bpRow(row('p3', 'num', black), '2026-06-01', 120, 70),
      bpRow(row('p4', 'den', white), '2026-06-01', 160, 70),
    ];
    const a1c = [a1cRow(row('p1', 'den', black), '2026-04-02', 8.1), plain(row('p2', 'out', black))];
    const list = outreachList(bp, {
      improvementNotation: 'increase',
      selection: { dimensions: ['race', 'sex'], keys: ['2054-5', 'female'] },
      filters: {},
      others: [a1c],
    });
    expect(list.map((e) => e.patientId)).toEqual(['p1', 'p2']);
    expect(list[0]).toMatchObject({
      reason: 'above-goal',
      lastBloodPressure: { day: '2026-05-01', systolic: 150, diastolic: 95 },
      lastGlycemic: { day: '2026-04-02', percent: 8.1 },
    });
    // p2: in the BP measure without a reading (null), not in the diabetes measure at all (undefined).
    expect(list[1]).toMatchObject({ reason: 'no-reading', lastBloodPressure: null, lastGlycemic: undefined });
  });

  it('sorts by a column either way with missing values last, ties by name', () => {
    const entries = [
      { patientId: 'b', age: 70, lastBloodPressure: undefined, lastGlycemic: undefined, reason: 'no-reading' as const },
      {
        patientId: 'a',
        age: null,
        lastBloodPressure: undefined,
        lastGlycemic: undefined,
        reason: 'no-reading' as const,
      },
      { patientId: 'c', age: 30, lastBloodPressure: undefined, lastGlycemic: undefined, reason: 'no-reading' as const },
    ];
    const name = (id: string): string => id;
    expect(sortOutreach(entries, 'age', 'ascending', name).map((e) => e.patientId)).toEqual(['c', 'b', 'a']);
    expect(sortOutreach(entries, 'age', 'descending', name).map((e) => e.patientId)).toEqual(['b', 'c', 'a']);
    expect(sortOutreach(entries, 'name', 'descending', name).map((e) => e.patientId)).toEqual(['c', 'b', 'a']);
  });
});
