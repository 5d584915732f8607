import type { PatientMeasureResult } from './patient-measure-result';
import type { MeasureId } from './types';

/** An inclusive age range, in whole years at the end of the measurement period. */
export interface AgeBand {
  readonly min: number;
  readonly max: number;
}

/**
 * Restricts any measure result to an age band (e.g. the AMA STEPS Forward toolkit's "hypertension control,
 * ages 30–65" on top of CMS165). Age is the measure's own `AgeInYearsAt(end of period)`. A patient outside the
 * band (or of unknown age) leaves every population, with `'age-band'` added to `evidence.population.missing`;
 * a patient inside it is unchanged. Returns a new result; the input is not modified.
 */
export function withAgeBand(result: PatientMeasureResult, band: AgeBand, measure?: MeasureId): PatientMeasureResult {
  const age = result.ageAtPeriodEnd;
  const inBand = age !== null && age >= band.min && age <= band.max;
  const relabelled = measure === undefined ? result : { ...result, measure };
  if (inBand) return relabelled;
  return {
    ...relabelled,
    populations: {
      initialPopulation: false,
      denominator: false,
      denominatorExclusion: false,
      denominatorException: false,
      numerator: false,
    },
    evidence: {
      ...result.evidence,
      population: { ...result.evidence.population, missing: [...result.evidence.population.missing, 'age-band'] },
      closeGap: [],
    },
  };
}
