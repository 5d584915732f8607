import type { DataWarning, MeasureId, Populations } from './types';

/** What kept a patient out of the initial population; empty when they are in it. */
export type PopulationGap = 'age' | 'diagnosis' | 'encounter' | 'age-band';

export interface PopulationEvidence {
  readonly missing: readonly PopulationGap[];
  /** The qualifying diagnoses (essential hypertension for CMS165, diabetes for CMS122). */
  readonly diagnosisIds: readonly string[];
  /** The qualifying visits in the period. */
  readonly encounterIds: readonly string[];
}

/** Which denominator exclusion applied, named as a clinician would say it. */
export type ExclusionKind =
  | 'hospice'
  | 'palliative-care'
  | 'pregnancy'
  | 'esrd'
  | 'kidney-transplant'
  | 'ckd-stage-5'
  | 'dialysis'
  | 'advanced-illness-and-frailty'
  | 'frailty-age-81-plus'
  | 'nursing-home';

export interface ExclusionEvidence {
  readonly kind: ExclusionKind;
  /** The resources that met the criterion (for frailty exclusions: the frailty and the illness/medication ones). */
  readonly resourceIds: readonly string[];
}

/** One blood-pressure value taken into account, always in mm[Hg]. */
export interface BloodPressureValue {
  readonly observationId: string;
  readonly value: number;
}

/** Why a blood-pressure reading did not count (CMS165 "Qualifying ... Blood Pressure Reading"). */
export type ReadingExclusionReason =
  /** Status other than final, amended or corrected. */
  | 'status'
  /** Taken on a day of a finished inpatient or emergency-department encounter... */
  | 'inpatient-or-ed-day'
  /** ...and its own encounter is acute (EMER, IMP, ACUTE, NONAC, PRENC, SS)... */
  | 'acute-encounter'
  /** ...or it falls outside the measurement period. */
  | 'outside-period';

export interface ExcludedReading {
  readonly observationId: string;
  /** Calendar day of the reading (`YYYY-MM-DD`), `null` when unknown. */
  readonly day: string | null;
  readonly reasons: readonly ReadingExclusionReason[];
  /** The inpatient/ED encounters on that day. */
  readonly encounterIds: readonly string[];
}

/** CMS165 numerator detail. */
export interface BloodPressureEvidence {
  readonly kind: 'blood-pressure';
  /** The most recent day with a qualifying reading (`YYYY-MM-DD`), or `null` when there is none. */
  readonly mostRecentDay: string | null;
  /** Whether that day lies inside the measurement period (the CQL also counts days outside it). */
  readonly dayInPeriod: boolean | null;
  /** Qualifying readings on the most recent day. */
  readonly readingIds: readonly string[];
  /** Lowest systolic / diastolic on that day; `null` when there is none or one of the day's readings lacks it. */
  readonly lowestSystolic: BloodPressureValue | null;
  readonly lowestDiastolic: BloodPressureValue | null;
  /** Readings on that day without a usable systolic or diastolic value (they make the lowest value unknown). */
  readonly incompleteReadingIds: readonly string[];
  readonly excludedReadings: readonly ExcludedReading[];
}

/** How CMS122 read the most recent glycemic status assessment. */
export type GlycemicResult = 'elevated' | 'not-elevated' | 'no-result' | 'not-comparable';

export interface GlycemicAssessment {
  readonly observationId: string;
  readonly day: string;
  readonly test: 'hba1c' | 'gmi';
  /** The value in % (NGSP), converted from mmol/mol (IFCC) when needed; `null` when not usable. */
  readonly percent: number | null;
  /** The value and unit as recorded; `null` when there is no numeric value. */
  readonly original: { readonly value: number; readonly unit: string | null } | null;
  readonly result: GlycemicResult;
}

/** CMS122 numerator detail. */
export interface GlycemicEvidence {
  readonly kind: 'glycemic-status';
  /** The lowest assessment on the most recent day, `null` when there was none in the period. */
  readonly mostRecent: GlycemicAssessment | null;
  /** Assessments in the period. */
  readonly assessmentIds: readonly string[];
}

/** "What would close the gap", as data for the UI to phrase. */
export type GapHint =
  /** A reading with systolic below `systolic` and diastolic below `diastolic`, on `onOrAfter` or later. */
  | {
      readonly kind: 'bp-below';
      readonly systolic: number;
      readonly diastolic: number;
      readonly onOrAfter: string | null;
    }
  /** An HbA1c or GMI of at most `percent` %, on `onOrAfter` or later (CMS122 numerator is poor control). */
  | {
      readonly kind: 'glycemic-at-most';
      readonly percent: number;
      readonly onOrAfter: string | null;
      readonly reason: 'no-test' | 'no-result' | 'elevated';
    };

export interface MeasureEvidence {
  readonly population: PopulationEvidence;
  /** Every exclusion criterion met (not just the first); only evaluated inside the initial population. */
  readonly exclusions: readonly ExclusionEvidence[];
  /** The numerator detail; `null` outside the initial population, where it is not evaluated. */
  readonly outcome: BloodPressureEvidence | GlycemicEvidence | null;
  readonly closeGap: readonly GapHint[];
}

/** One patient's result for one measure: population membership, the evidence behind it, and data warnings. */
export interface PatientMeasureResult {
  readonly measure: MeasureId;
  readonly patientId: string;
  /** CQL `AgeInYearsAt(end of period)`; `null` when the birth date is missing or too imprecise. */
  readonly ageAtPeriodEnd: number | null;
  readonly populations: Populations;
  readonly evidence: MeasureEvidence;
  readonly warnings: readonly DataWarning[];
}
