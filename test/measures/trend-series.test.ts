import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { trendSeries, trendWindows, windowEndingOn } from '../../src/measures/trend-series';
import { evaluatePatientMeasures } from '../../src/measures/evaluate-patient';
import type { MeasureId, PatientRecord } from '../../src/measures/types';
import { bloodPressure, diabetic, hba1c, hypertensive } from './record-builder';

const RACE_URL = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race';

/** A CMS165 patient (50, hypertension, visit 1 March 2026) of one OMB race, with blood-pressure readings. */
function hypertensiveOf(id: string, race: string, ...readings: readonly object[]): PatientRecord {
  const [patient, ...rest] = hypertensive();
  const raceExtension = {
    url: RACE_URL,
    extension: [
      { url: 'ombCategory', valueCoding: { system: 'urn:oid:2.16.840.1.113883.6.238', code: race } },
      { url: 'text', valueString: race },
    ],
  };
  const resources = [{ ...patient, id, extension: [raceExtension] }, ...rest, ...readings];
  return { patientId: id, resources: resources as Resource[] };
}

const SPEC = {
  measure: 'cms165',
  stratifier: ['race'],
  focus: { keys: ['2054-5'], label: 'Black or African American' },
  reference: { kind: 'complement', label: 'everyone else' },
  filters: [],
} as const;

describe('trend windows', () => {
  it('ends 24 rolling twelve-month windows on the last day of each month, the last in the month of asOf', () => {
    const w = trendWindows('2026-11-23');
    expect(w).toHaveLength(24);
    expect(w[0]).toEqual({ period: { start: '2024-01-01', end: '2024-12-31' }, month: '2024-12' });
    expect(w[23]).toEqual({ period: { start: '2025-12-01', end: '2026-11-30' }, month: '2026-11' });
    expect(windowEndingOn('2026-11-23').period).toEqual({ start: '2025-11-24', end: '2026-11-23' });
  });
});

describe('trendSeries', () => {
  it('evaluates each window on its own: a later uncontrolled reading takes the patient out of the numerator', () => {
    const records = [
      hypertensiveOf(
        'black-1',
        '2054-5',
        bloodPressure('ok', '2026-06-01T10:00:00Z', 130, 80),
        bloodPressure('high', '2026-11-15T10:00:00Z', 150, 95),
      ),
      hypertensiveOf('white-1', '2106-3', bloodPressure('ok2', '2026-06-01T10:00:00Z', 128, 78)),
    ];
    const [october, november] = trendSeries(records, SPEC, trendWindows('2026-11-01', 2));
    expect(october?.period.end).toBe('2026-10-31');
    expect(october?.focus).toMatchObject({ denominator: 1, numerator: 1 });
    expect(november?.focus).toMatchObject({ denominator: 1, numerator: 0 });
    expect(november?.reference).toMatchObject({ denominator: 1, numerator: 1 });
    expect(november?.overall).toMatchObject({ denominator: 2, numerator: 1 });
  });

  it('leaves out patients that the charter filters or its age range exclude', () => {
    const records = [hypertensiveOf('w', '2106-3', bloodPressure('ok', '2026-06-01T10:00:00Z', 120, 70))];
    const filtered = { ...SPEC, filters: [{ dimension: 'sex', keys: ['female'], label: 'Women' }] } as const;
    const [point] = trendSeries(records, filtered, trendWindows('2026-11-01', 1));
    expect(point?.overall.initialPopulation).toBe(0);
    // Born 1976-05-05: 50 at the end of 2026, so outside 30–45 and inside 45–64.
    const young = trendSeries(records, { ...SPEC, ageRange: { min: 30, max: 45 } }, trendWindows('2026-12-01', 1));
    const middle = trendSeries(records, { ...SPEC, ageRange: { min: 45, max: 64 } }, trendWindows('2026-12-01', 1));
    expect([young[0]?.overall.initialPopulation, middle[0]?.overall.initialPopulation]).toEqual([0, 1]);
  });

  it.each<MeasureId>(['cms165', 'htn-30-65', 'cms122'])(
    '%s: each window counts what the engine counts for that period',
    (measure) => {
      const older = (r: PatientRecord): PatientRecord => ({
        patientId: `${r.patientId}-70`,
        resources: r.resources.map((x) => (x.resourceType === 'Patient' ? { ...x, birthDate: '1956-05-05' } : x)),
      });
      const reading = bloodPressure('bp', '2026-06-01T10:00:00Z', 150, 95);
      const a1c = hba1c('a1c', '2026-06-01T10:00:00Z', {
        value: 7.2,
        unit: '%',
        system: 'http://unitsofmeasure.org',
        code: '%',
      });
      const base = [
        hypertensiveOf('h', '2054-5', reading),
        { patientId: 'd', resources: [...diabetic(), a1c] as Resource[] },
      ];
      // The 70-year-olds are in CMS165 and CMS122, and out of the 30–65 variant.
      const records = [...base, ...base.map(older)];
      const windows = trendWindows('2026-11-01', 3);
      const series = trendSeries(records, { ...SPEC, measure }, windows);
      windows.forEach((w, i) => {
        const results = records.map((r) => evaluatePatientMeasures([measure], r, w.period)[0]);
        const count = (p: 'initialPopulation' | 'numerator') => results.filter((r) => r?.populations[p]).length;
        expect(series[i]?.overall).toMatchObject({
          initialPopulation: count('initialPopulation'),
          numerator: count('numerator'),
        });
      });
      expect(series.at(-1)?.overall.initialPopulation).toBe(measure === 'htn-30-65' ? 1 : 2);
    },
  );
});
