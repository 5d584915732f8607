import { MEASURES } from '../../../measures/measure-catalogue';
import type {
  BloodPressureEvidence,
  ExclusionKind,
  GapHint,
  GlycemicEvidence,
  PatientMeasureResult,
  PopulationGap,
} from '../../../measures/patient-measure-result';
import { formatDay } from './format-day';

/** Where the patient stands on one measure, in a clinician's terms. */
export type MeasureStatus = 'goal-met' | 'care-gap' | 'excluded' | 'not-in-population';

export const STATUS_LABEL: Readonly<Record<MeasureStatus, string>> = {
  'goal-met': 'Goal met',
  'care-gap': 'Care gap',
  excluded: 'Excluded',
  'not-in-population': 'Not in this measure',
};

/**
 * The status from the populations, minding the measure's direction: CMS165's numerator is control (goal met),
 * CMS122's is poor control (a care gap).
 */
export function measureStatusOf(result: PatientMeasureResult): MeasureStatus {
  const { populations } = result;
  if (!populations.initialPopulation || !populations.denominator) return 'not-in-population';
  if (populations.denominatorExclusion || populations.denominatorException) return 'excluded';
  const numeratorIsGoal = MEASURES[result.measure].improvementNotation === 'increase';
  return populations.numerator === numeratorIsGoal ? 'goal-met' : 'care-gap';
}

const MISSING: Readonly<Record<PopulationGap, (result: PatientMeasureResult) => string>> = {
  age: (r) => {
    const { min, max } = MEASURES[r.measure].ages;
    return r.ageAtPeriodEnd === null
      ? `Age unknown (birth date missing); the measure covers ages ${min}–${max}`
      : `Age ${r.ageAtPeriodEnd} at the end of the period; the measure covers ages ${min}–${max}`;
  },
  diagnosis: (r) =>
    r.measure === 'cms122'
      ? 'No diabetes diagnosis active during the period'
      : 'No essential hypertension diagnosis overlapping the first six months of the period',
  encounter: () => 'No qualifying visit in the period',
  'age-band': () => 'Outside the 30–65 age band',
};

const EXCLUSION: Readonly<Record<ExclusionKind, string>> = {
  hospice: 'Hospice care',
  'palliative-care': 'Palliative care',
  pregnancy: 'Pregnancy',
  esrd: 'End-stage renal disease',
  'kidney-transplant': 'Kidney transplant',
  'ckd-stage-5': 'Chronic kidney disease, stage 5',
  dialysis: 'Dialysis',
  'advanced-illness-and-frailty': 'Frailty with advanced illness (ages 66–80)',
  'frailty-age-81-plus': 'Frailty (age 81 or older)',
  'nursing-home': 'Long-term nursing home stay (age 66 or older)',
};

/** Why the patient is not in the measure, one line per reason. */
export function notInPopulationReasons(result: PatientMeasureResult): string[] {
  return result.evidence.population.missing.map((gap) => MISSING[gap](result));
}

/** The exclusions met, in plain words. */
export function exclusionReasons(result: PatientMeasureResult): string[] {
  return result.evidence.exclusions.map((exclusion) => EXCLUSION[exclusion.kind]);
}

/** "Last blood pressure …" or "Last HbA1c …": the reading the status rests on. */
export function outcomeEvidence(result: PatientMeasureResult, periodLabel: string): string | undefined {
  const outcome = result.evidence.outcome;
  if (outcome === null) return undefined;
  return outcome.kind === 'blood-pressure'
    ? bloodPressureLine(outcome, periodLabel)
    : glycemicLine(outcome, periodLabel);
}

function bloodPressureLine(bp: BloodPressureEvidence, periodLabel: string): string {
  if (bp.mostRecentDay === null) return `No blood pressure reading that counts in ${periodLabel}.`;
  const day = formatDay(bp.mostRecentDay);
  const outside = bp.dayInPeriod === false ? ' (outside the measurement period)' : '';
  if (bp.lowestSystolic === null || bp.lowestDiastolic === null) {
    return `Last blood pressure on ${day}${outside}: a reading that day lacks a systolic or diastolic value.`;
  }
  const several = bp.readingIds.length > 1 ? ` (lowest of ${bp.readingIds.length} readings that day)` : '';
  return `Last blood pressure: ${bp.lowestSystolic.value}/${bp.lowestDiastolic.value} mmHg on ${day}${outside}${several}.`;
}

function glycemicLine(glycemic: GlycemicEvidence, periodLabel: string): string {
  const recent = glycemic.mostRecent;
  if (recent === null) return `No HbA1c or GMI result in ${periodLabel}.`;
  const test = recent.test === 'gmi' ? 'GMI' : 'HbA1c';
  const day = formatDay(recent.day);
  if (recent.result === 'no-result') return `Last ${test} on ${day}: done, but no result recorded.`;
  if (recent.percent === null) return `Last ${test} on ${day}: the value could not be read as a percentage.`;
  return `Last ${test}: ${recent.percent.toFixed(1)} % on ${day}.`;
}

/** What would close the gap, in words. */
export function closeGapText(hint: GapHint): string {
  const after = hint.onOrAfter === null ? '' : ` on or after ${formatDay(hint.onOrAfter)}`;
  switch (hint.kind) {
    case 'bp-below':
      return `A blood pressure below ${hint.systolic}/${hint.diastolic} mmHg (systolic and diastolic)${after}, not taken during a hospital stay or emergency visit.`;
    case 'glycemic-at-most': {
      const why = hint.reason === 'no-test' ? 'No test yet: ' : hint.reason === 'no-result' ? 'Result missing: ' : '';
      return `${why}an HbA1c or GMI of ${hint.percent} % or less${after}, within the measurement period.`;
    }
  }
}
