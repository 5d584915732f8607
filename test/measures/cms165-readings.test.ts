import { describe, expect, it } from 'vitest';
import { evaluatePatient } from '../../src/measures/evaluate-patient';
import type { BloodPressureEvidence } from '../../src/measures/patient-measure-result';
import { CPT, LOINC, PERIOD, SNOMED, bloodPressure, encounter, hypertensive, record } from './record-builder';

function bp(...extra: readonly object[]) {
  const result = evaluatePatient('cms165', record(...hypertensive(), ...extra), PERIOD);
  const outcome = result.evidence.outcome;
  if (outcome?.kind !== 'blood-pressure') throw new Error('expected blood-pressure evidence');
  return { result, outcome: outcome satisfies BloodPressureEvidence };
}

describe('CMS165 most recent blood-pressure day', () => {
  it('takes the lowest systolic and the lowest diastolic of the last day, across readings', () => {
    const { result, outcome } = bp(
      bloodPressure('old', '2026-02-01T10:00:00Z', 120, 70),
      bloodPressure('a', '2026-06-01T09:00:00Z', 150, 85),
      bloodPressure('b', '2026-06-01T09:20:00Z', 135, 95),
    );
    expect(outcome.mostRecentDay).toBe('2026-06-01');
    expect(outcome.lowestSystolic).toEqual({ observationId: 'b', value: 135 });
    expect(outcome.lowestDiastolic).toEqual({ observationId: 'a', value: 85 });
    expect(result.populations.numerator).toBe(true);
  });

  it('ignores a reading on the day of an ED visit it belongs to, and falls back to the day before', () => {
    const { result, outcome } = bp(
      encounter('ed', CPT, '99284', '2026-09-10T20:00:00Z', '2026-09-10T23:00:00Z', 'EMER'),
      bloodPressure('earlier', '2026-09-09T10:00:00Z', 150, 95),
      bloodPressure('in-ed', '2026-09-10T21:00:00Z', 120, 70, { encounter: 'ed' }),
    );
    expect(outcome.excludedReadings).toEqual([
      {
        observationId: 'in-ed',
        day: '2026-09-10',
        reasons: ['inpatient-or-ed-day', 'acute-encounter'],
        encounterIds: ['ed'],
      },
    ]);
    expect(outcome.mostRecentDay).toBe('2026-09-09');
    expect(result.populations.numerator).toBe(false);
    expect(result.evidence.closeGap).toEqual([
      { kind: 'bp-below', systolic: 140, diastolic: 90, onOrAfter: '2026-09-09' },
    ]);
  });

  it('keeps a reading on an inpatient day when its own encounter is an office visit (second CQL branch)', () => {
    const { outcome } = bp(
      encounter('stay', SNOMED, '32485007', '2026-05-01T00:00:00Z', '2026-05-03T12:00:00Z', 'IMP'),
      bloodPressure('office', '2026-05-02T10:00:00Z', 130, 80, { encounter: 'visit' }),
    );
    expect(outcome.readingIds).toEqual(['office']);
  });

  it('counts a reading after the period, as the CQL does, with a warning; the option limits it to the period', () => {
    const readings = [
      bloodPressure('in', '2026-11-01T10:00:00Z', 150, 95),
      bloodPressure('later', '2027-01-15T10:00:00Z', 120, 70),
    ];
    const literal = bp(...readings);
    expect(literal.outcome.mostRecentDay).toBe('2027-01-15');
    expect(literal.outcome.dayInPeriod).toBe(false);
    expect(literal.result.warnings.map((w) => w.code)).toContain('future-date');

    const limited = evaluatePatient('cms165', record(...hypertensive(), ...readings), PERIOD, {
      bpReadingsWithinPeriodOnly: true,
    });
    expect(limited.evidence.outcome).toMatchObject({ mostRecentDay: '2026-11-01' });
    expect(limited.populations.numerator).toBe(false);
  });

  it('reads the day at the evaluation UTC offset', () => {
    const lateEvening = bloodPressure('eve', '2026-12-31T23:30:00-05:00', 120, 70);
    const utc = bp(lateEvening).outcome;
    const eastern = evaluatePatient('cms165', record(...hypertensive(), lateEvening), PERIOD, {
      utcOffsetMinutes: -300,
    }).evidence.outcome;
    expect(utc.mostRecentDay).toBe('2027-01-01');
    expect(eastern).toMatchObject({ mostRecentDay: '2026-12-31', dayInPeriod: true });
  });
});

describe('CMS165 units and missing values', () => {
  it('accepts "mmHg" (not UCUM) as mm[Hg] with a converted-unit warning', () => {
    const quantity = { unit: 'mmHg' };
    const { result } = bp(bloodPressure('r', '2026-06-01T10:00:00Z', 130, 80, { quantity }));
    expect(result.populations.numerator).toBe(true);
    expect(result.warnings.map((w) => w.code)).toContain('converted-unit');
  });

  it('does not compare a value in another unit, so the day has no known lowest value', () => {
    const quantity = { unit: 'kPa', system: 'http://unitsofmeasure.org', code: 'kPa' };
    const { result, outcome } = bp(bloodPressure('r', '2026-06-01T10:00:00Z', 17, 10, { quantity }));
    expect(outcome.lowestSystolic).toBeNull();
    expect(result.populations.numerator).toBe(false);
    expect(result.warnings.map((w) => w.code)).toContain('unknown-unit');
  });

  it('a reading without systolic on the last day makes the lowest systolic unknown (nulls sort first)', () => {
    const { result, outcome } = bp(
      bloodPressure('full', '2026-06-01T09:00:00Z', 120, 70),
      bloodPressure('half', '2026-06-01T09:10:00Z', undefined, 72),
    );
    expect(outcome.incompleteReadingIds).toEqual(['half']);
    expect(outcome.lowestSystolic).toBeNull();
    expect(outcome.lowestDiastolic).toEqual({ observationId: 'full', value: 70 });
    expect(result.populations.numerator).toBe(false);
  });

  it('warns about a systolic value recorded outside a blood-pressure panel, which the measure ignores', () => {
    const lone = {
      ...bloodPressure('lone', '2026-06-01T10:00:00Z', 120, 70),
      code: { coding: [{ system: LOINC, code: '8480-6' }] },
    };
    const { result, outcome } = bp(lone);
    expect(outcome.mostRecentDay).toBeNull();
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'missing-code', resourceId: 'lone' }));
  });

  it('skips a reading whose status is not final, amended or corrected', () => {
    const { outcome } = bp(bloodPressure('prelim', '2026-06-01T09:00:00Z', 120, 70, { status: 'preliminary' }));
    expect(outcome.mostRecentDay).toBeNull();
    expect(outcome.excludedReadings[0]?.reasons).toEqual(['status']);
  });
});
