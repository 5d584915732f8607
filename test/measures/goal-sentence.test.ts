import { describe, expect, it } from 'vitest';
import { durationPhrase } from '../../src/measures/goal-time';
import { goalSentences } from '../../src/measures/goal-sentence';
import { charter, counts, snapshot } from './charter-fixtures';

const BASE = snapshot(counts(220, 400), counts(40, 100), counts(180, 300));

describe('goal sentences in the toolkit templates', () => {
  it('writes both sentences for a higher-is-better measure with relative changes', () => {
    const s = goalSentences(charter('cms165', BASE));
    expect(s.improvement).toBe(
      'Within 12 months, achieve at least 10% increase from baseline in Controlling High Blood Pressure for ' +
        'adults 18–85 with hypertension, including Black or African American patients and everyone else',
    );
    expect(s.gap).toBe(
      'Decrease the gap in Controlling High Blood Pressure between Black or African American patients and ' +
        'everyone else by at least 50% from baseline',
    );
    expect(s.improvementDetail).toContain('relative change (higher is better)');
    expect(s.improvementDetail).toContain('from 55.0% to at least 60.5%');
    expect(s.gapDetail).toContain('from 20.0 percentage points to at most 10.0 percentage points');
  });

  it('asks for a decrease when lower is better, and names an absolute change', () => {
    const c = charter('cms122', snapshot(counts(100, 400), counts(40, 100), counts(60, 300)));
    const s = goalSentences({ ...c, goals: { ...c.goals, improvement: { kind: 'absolute', amount: 5 } } });
    expect(s.improvement).toContain('achieve at least 5 percentage-point decrease from baseline in Diabetes');
    expect(s.improvementDetail).toContain('absolute change (lower is better)');
    expect(s.improvementDetail).toContain('from 25.0% to at most 20.0%');
  });

  it('says there is no gap to close when the focus group did not fare worse at baseline', () => {
    const s = goalSentences(charter('cms165', snapshot(counts(250, 400), counts(70, 100), counts(180, 300))));
    expect(s.gapDetail).toContain('there is no gap to close');
  });

  it('words the time as months when whole, else weeks', () => {
    expect(durationPhrase('2026-01-31', '2026-07-31')).toBe('6 months');
    expect(durationPhrase('2026-01-31', '2026-02-28')).toBe('1 month');
    expect(durationPhrase('2026-01-01', '2026-03-12')).toBe('10 weeks');
  });
});
