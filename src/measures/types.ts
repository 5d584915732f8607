import type { Resource } from 'fhir/r4';

/** The measures the engine knows. `htn-30-65` is CMS165 restricted to ages 30–65 (AMA STEPS Forward toolkit). */
export type MeasureId = 'cms165' | 'cms122' | 'htn-30-65';

/** A closed interval of calendar dates, ISO `YYYY-MM-DD`, both ends inclusive (eCQM measurement period). */
export interface Period {
  readonly start: string;
  readonly end: string;
}

/** Whether higher or lower rates are better (CMS122's numerator is poor control, so lower is better). */
export type ImprovementNotation = 'increase' | 'decrease';

/** One patient's population membership for a proportion measure (eCQM semantics). */
export interface Populations {
  readonly initialPopulation: boolean;
  readonly denominator: boolean;
  readonly denominatorExclusion: boolean;
  readonly denominatorException: boolean;
  readonly numerator: boolean;
}

/** Something the engine noticed about the data while evaluating; never thrown, always returned. */
export interface DataWarning {
  readonly code:
    | 'malformed-resource'
    | 'unknown-unit'
    | 'converted-unit'
    | 'unparseable-date'
    | 'future-date'
    | 'missing-code'
    | 'missing-value'
    | 'duplicate';
  readonly resourceType?: string;
  readonly resourceId?: string;
  /** Plain words for a quality lead; never contains patient-identifying values. */
  readonly message: string;
}

/** A patient's clinical resources as read from a server or an export: everything whose subject/patient is them. */
export interface PatientRecord {
  readonly patientId: string;
  /** The Patient resource itself and all resources that refer to the patient, untyped until validated. */
  readonly resources: readonly Resource[];
}
