import { describe, expect, it } from 'vitest';
import { evaluatePatient, evaluatePatientMeasures } from '../../src/measures/evaluate-patient';
import { MEASURES, MEASURE_LIST } from '../../src/measures/measure-catalogue';
import { VALUE_SETS, valueSetCodes, valueSetName } from '../../src/measures/value-sets';
import { withAgeBand } from '../../src/measures/with-age-band';
import { PERIOD, bloodPressure, hypertensive, patient, record } from './record-builder';

/** A hypertensive patient of the given age on 2026-12-31 with a controlled reading. */
function agedRecord(age: number) {
  const [, ...rest] = hypertensive();
  return record(patient(`${2026 - age}-06-15`), ...rest, bloodPressure('r', '2026-06-01T10:00:00Z', 120, 70));
}

describe('htn-30-65 age band', () => {
  it.each([
    [29, false],
    [30, true],
    [65, true],
    [66, false],
  ])('age %i is in the band: %s', (age, inBand) => {
    const result = evaluatePatient('htn-30-65', agedRecord(age), PERIOD);
    expect(result.measure).toBe('htn-30-65');
    expect(result.ageAtPeriodEnd).toBe(age);
    expect(result.populations.initialPopulation).toBe(inBand);
    expect(result.populations.numerator).toBe(inBand);
    expect(result.evidence.population.missing.includes('age-band')).toBe(!inBand);
  });

  it('filters any result without modifying it', () => {
    const [cms165] = evaluatePatientMeasures(['cms165'], agedRecord(70), PERIOD);
    if (cms165 === undefined) throw new Error('no result');
    const before = JSON.stringify(cms165);
    const banded = withAgeBand(cms165, { min: 30, max: 65 });
    expect(banded.populations.denominator).toBe(false);
    expect(banded.measure).toBe('cms165');
    expect(JSON.stringify(cms165)).toBe(before);
  });
});

describe('measure catalogue and value sets', () => {
  it('marks CMS122 as lower-is-better, whatever its published Measure says', () => {
    expect(MEASURES.cms122.improvementNotation).toBe('decrease');
    expect(MEASURES.cms165.improvementNotation).toBe('increase');
    expect(MEASURE_LIST.map((m) => m.id)).toEqual(['cms165', 'htn-30-65', 'cms122']);
  });

  it('has an expansion for every value set the logic uses', () => {
    for (const url of Object.values(VALUE_SETS)) {
      expect(valueSetName(url), url).toBeDefined();
      expect(valueSetCodes(url).size, url).toBeGreaterThan(0);
    }
    expect(valueSetCodes(VALUE_SETS.hba1cLabTest).has('http://loinc.org|4548-4')).toBe(true);
  });
});
