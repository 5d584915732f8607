/** Builders for per-patient stratification inputs in measure tests. */
import type { PatientStrataInput } from '../../src/measures/stratification-types';

type Strata = PatientStrataInput['strata'];

/** A patient in the denominator, meeting the numerator or not. */
export function inDenominator(numerator: boolean, strata: Strata): PatientStrataInput {
  return {
    populations: {
      initialPopulation: true,
      denominator: true,
      denominatorExclusion: false,
      denominatorException: false,
      numerator,
    },
    strata,
  };
}

/** `total` patients with these strata, the first `numerator` of them in the numerator. */
export function group(total: number, numerator: number, strata: Strata): PatientStrataInput[] {
  return Array.from({ length: total }, (_, i) => inDenominator(i < numerator, strata));
}
