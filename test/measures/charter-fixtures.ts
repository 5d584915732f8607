import type { Charter, CharterSnapshot } from '../../src/measures/charter-model';
import { freezeBaseline } from '../../src/measures/charter-model';
import type { PopulationCounts } from '../../src/measures/stratification-types';
import type { MeasureId } from '../../src/measures/types';

/** Counts with `numerator` of `denominator` (no exclusions), for hand-computed rates. */
export const counts = (numerator: number, denominator: number): PopulationCounts => ({
  initialPopulation: denominator,
  denominator,
  denominatorExclusion: 0,
  denominatorException: 0,
  numerator,
});

export const snapshot = (
  overall: PopulationCounts,
  focus: PopulationCounts,
  reference: PopulationCounts,
  period = { start: '2026-01-01', end: '2026-12-31' },
): CharterSnapshot => ({ period, overall, focus, reference });

/** A charter on Black or African American patients vs everyone else, with a baseline of the given counts. */
export function charter(measure: MeasureId, baseline: CharterSnapshot): Charter {
  return {
    title: 'Blood pressure equity',
    spec: {
      measure,
      stratifier: ['race'],
      focus: { keys: ['2054-5'], label: 'Black or African American' },
      reference: { kind: 'complement', label: 'everyone else' },
      filters: [],
      populationLabel: 'adults 18–85 with hypertension',
    },
    goals: {
      improvement: { kind: 'relative', amount: 10 },
      gapReduction: { kind: 'relative', amount: 50 },
      start: '2026-11-01',
      deadline: '2027-11-01',
    },
    baseline: freezeBaseline(baseline, '2026-11-01T10:00:00Z'),
    sponsor: 'Chief medical officer',
    team: 'Nurse lead\nData analyst',
    status: 'active',
  };
}
