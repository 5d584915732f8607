import { describe, expect, it } from 'vitest';
import type { PatientMeasureResult } from '../../../src/measures/patient-measure-result';
import type { MeasureId, Populations } from '../../../src/measures/types';
import { closeGapText, measureStatusOf } from '../../../src/ui/features/clinician/measure-status';

const populations = (ip: boolean, excluded: boolean, numerator: boolean): Populations => ({
  initialPopulation: ip,
  denominator: ip,
  denominatorExclusion: excluded,
  denominatorException: false,
  numerator,
});
const result = (measure: MeasureId, p: Populations): PatientMeasureResult => ({
  measure,
  patientId: 'p1',
  ageAtPeriodEnd: 50,
  populations: p,
  evidence: {
    population: { missing: [], diagnosisIds: [], encounterIds: [] },
    exclusions: [],
    outcome: null,
    closeGap: [],
  },
  warnings: [],
});

describe('measure status', () => {
  it('reads the numerator in the measure’s direction: CMS165 control is the goal, CMS122 poor control the gap', () => {
    expect(measureStatusOf(result('cms165', populations(true, false, true)))).toBe('goal-met');
    expect(measureStatusOf(result('cms165', populations(true, false, false)))).toBe('care-gap');
    expect(measureStatusOf(result('cms122', populations(true, false, true)))).toBe('care-gap');
    expect(measureStatusOf(result('cms122', populations(true, false, false)))).toBe('goal-met');
  });

  it('puts exclusions and patients outside the population apart from the numerator', () => {
    expect(measureStatusOf(result('cms165', populations(true, true, true)))).toBe('excluded');
    expect(measureStatusOf(result('cms122', populations(false, false, false)))).toBe('not-in-population');
  });

  it('says what would close a gap', () => {
    expect(closeGapText({ kind: 'bp-below', systolic: 140, diastolic: 90, onOrAfter: '2026-03-12' })).toContain(
      'below 140/90 mmHg',
    );
    expect(closeGapText({ kind: 'glycemic-at-most', percent: 9, onOrAfter: null, reason: 'no-test' })).toMatch(
      /^No test yet/,
    );
  });
});
