import type { AgeBand } from './with-age-band';
import type { ImprovementNotation, MeasureId } from './types';

/** Population codes (http://terminology.hl7.org/CodeSystem/measure-population) a proportion measure reports. */
export type PopulationCode = 'initial-population' | 'denominator' | 'denominator-exclusion' | 'numerator';

/** What the app knows about a measure it can evaluate. */
export interface MeasureDefinition {
  readonly id: MeasureId;
  readonly title: string;
  /** CMS eCQM identifier and version of the logic the engine implements. */
  readonly cmsId: string;
  readonly version: string;
  /** Canonical URL of the published Measure (for `MeasureReport.measure`). */
  readonly url: string;
  readonly improvementNotation: ImprovementNotation;
  readonly populationCodes: readonly PopulationCode[];
  /** The measure's own age criterion at the end of the period. */
  readonly ages: AgeBand;
  /** A derived view: the base measure restricted to an age band (see `withAgeBand`). */
  readonly derivedFrom?: { readonly measure: MeasureId; readonly ageBand: AgeBand };
  readonly description: string;
}

const POPULATIONS: readonly PopulationCode[] = [
  'initial-population',
  'denominator',
  'denominator-exclusion',
  'numerator',
];

/** The measures the engine evaluates, by id. */
export const MEASURES: Readonly<Record<MeasureId, MeasureDefinition>> = {
  cms165: {
    id: 'cms165',
    title: 'Controlling High Blood Pressure',
    cmsId: 'CMS165FHIR',
    version: '0.5.000',
    url: 'https://madie.cms.gov/Measure/CMS165FHIRControllingHighBloodPressure',
    improvementNotation: 'increase',
    populationCodes: POPULATIONS,
    ages: { min: 18, max: 85 },
    description: 'Patients 18–85 with essential hypertension whose most recent blood pressure was below 140/90 mm[Hg].',
  },
  cms122: {
    id: 'cms122',
    title: 'Diabetes: Glycemic Status Assessment Greater Than 9%',
    cmsId: 'CMS122FHIR',
    version: '0.5.000',
    url: 'https://madie.cms.gov/Measure/CMS122FHIRDiabetesAssessGreaterThan9Percent',
    // The numerator is poor control, so lower is better (the published Measure says "increase"; it is wrong).
    improvementNotation: 'decrease',
    populationCodes: POPULATIONS,
    ages: { min: 18, max: 75 },
    description:
      'Patients 18–75 with diabetes whose most recent HbA1c or GMI was above 9 %, missing, or not done (poor control).',
  },
  'htn-30-65': {
    id: 'htn-30-65',
    title: 'Controlling High Blood Pressure, ages 30–65',
    cmsId: 'CMS165FHIR',
    version: '0.5.000',
    url: 'https://madie.cms.gov/Measure/CMS165FHIRControllingHighBloodPressure',
    improvementNotation: 'increase',
    populationCodes: POPULATIONS,
    ages: { min: 30, max: 65 },
    derivedFrom: { measure: 'cms165', ageBand: { min: 30, max: 65 } },
    description: 'CMS165 restricted to patients aged 30–65 at the end of the period (AMA STEPS Forward toolkit).',
  },
};

/** The catalogue as a list, in display order. */
export const MEASURE_LIST: readonly MeasureDefinition[] = [MEASURES.cms165, MEASURES['htn-30-65'], MEASURES.cms122];
