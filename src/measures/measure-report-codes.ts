import { APP_BASE } from '../domain/systems';
import type { PopulationCounts } from './stratification-types';

/** FHIR measure-population codes, in the order a MeasureReport lists them. */
export type MeasurePopulationCode =
  'initial-population' | 'denominator' | 'denominator-exclusion' | 'denominator-exception' | 'numerator';

export const MEASURE_POPULATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-population';
export const IMPROVEMENT_NOTATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation';

/** Extension on a stratum (or group) whose counts are withheld; `valueCode` `small-cell` or `complementary`. */
export const SUPPRESSED_EXTENSION = `${APP_BASE}/StructureDefinition/suppressed`;
/** Extension with the Wilson interval of the measure score (`valueRange`, proportions). */
export const SCORE_INTERVAL_EXTENSION = `${APP_BASE}/StructureDefinition/measure-score-interval`;
/** Complex extension comparing a stratum with its reference group (see `Comparison`). */
export const COMPARISON_EXTENSION = `${APP_BASE}/StructureDefinition/stratum-comparison`;

export const ALL_POPULATIONS: readonly MeasurePopulationCode[] = [
  'initial-population',
  'denominator',
  'denominator-exclusion',
  'denominator-exception',
  'numerator',
];

const DISPLAY: Readonly<Record<MeasurePopulationCode, string>> = {
  'initial-population': 'Initial Population',
  denominator: 'Denominator',
  'denominator-exclusion': 'Denominator Exclusion',
  'denominator-exception': 'Denominator Exception',
  numerator: 'Numerator',
};

/** The display of a population code. */
export function populationDisplay(code: MeasurePopulationCode): string {
  return DISPLAY[code];
}

/** The count of a population code in named counts. */
export function countFor(counts: PopulationCounts, code: MeasurePopulationCode): number {
  switch (code) {
    case 'initial-population':
      return counts.initialPopulation;
    case 'denominator':
      return counts.denominator;
    case 'denominator-exclusion':
      return counts.denominatorExclusion;
    case 'denominator-exception':
      return counts.denominatorException;
    case 'numerator':
      return counts.numerator;
  }
}
