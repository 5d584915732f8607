import { ACUTE_ENCOUNTER_CLASSES, CODES, RESULT_STATUSES } from './codes';
import { certainDay, duringDays, formatDay, overlaps } from './cql-time';
import { finishedEncounters, verifiedConditions } from './exclusion-criteria';
import type { MeasurementContext } from './measurement-context';
import { readMillimetresOfMercury } from './measure-units';
import type { ReadValue } from './measure-units';
import { ageIn, ageRangeAt, certainAge } from './patient-age';
import type { ObservationFact, PatientFacts } from './patient-facts';
import type {
  BloodPressureEvidence,
  BloodPressureValue,
  ExclusionEvidence,
  ExcludedReading,
  GapHint,
  PatientMeasureResult,
  ReadingExclusionReason,
} from './patient-measure-result';
import { endsByPeriodEnd, pointInPeriodDays, startsByPeriodEnd } from './period-predicates';
import {
  combinedCodes,
  commonExclusions,
  frailtyExclusions,
  populationGaps,
  proportionPopulations,
  qualifyingEncounterIds,
} from './shared-populations';
import type { DataWarning } from './types';
import { VALUE_SETS } from './value-sets';

/** Options of the CMS165 evaluation. */
export interface Cms165Options {
  /**
   * Count only blood-pressure readings dated within the measurement period. Default `false`: the measure's CQL
   * (v0.5.000, first branch of "Qualifying ... Blood Pressure Reading") has no date limit, so a reading before or
   * after the period that is not on an inpatient or ED day can be the most recent blood-pressure day.
   */
  readonly bpReadingsWithinPeriodOnly?: boolean;
}

/** CMS165 thresholds (mm[Hg]): the numerator needs systolic < 140 and diastolic < 90. */
export const CMS165_SYSTOLIC_BELOW = 140;
export const CMS165_DIASTOLIC_BELOW = 90;

/** AdultOutpatientEncounters v4.19.000 "Qualifying Encounters", as one set of codes. */
const OUTPATIENT_VISITS = combinedCodes([
  VALUE_SETS.officeVisit,
  VALUE_SETS.annualWellnessVisit,
  VALUE_SETS.preventiveEstablished18,
  VALUE_SETS.preventiveInitial18,
  VALUE_SETS.homeHealthcare,
  VALUE_SETS.virtualEncounter,
  VALUE_SETS.telephoneVisits,
]);

/**
 * CMS165FHIR v0.5.000 Controlling High Blood Pressure for one patient: ages 18–85 at the end of the period,
 * essential hypertension overlapping the first six months, a qualifying outpatient visit; numerator when the
 * lowest systolic and diastolic on the most recent blood-pressure day are below 140/90 mm[Hg].
 */
export function evaluateCms165(
  facts: PatientFacts,
  ctx: MeasurementContext,
  options: Cms165Options = {},
): PatientMeasureResult {
  // The measure's own warnings; the caller adds the facts' reading warnings once evaluation is done.
  const warnings: DataWarning[] = [];
  const age = ageRangeAt(facts.birthDays, ctx.endDay);

  // "Essential Hypertension Diagnosis": prevalence overlaps [start of period, start + 6 months).
  const diagnosisIds: string[] = [];
  for (const c of verifiedConditions(facts, VALUE_SETS.essentialHypertension)) {
    if (overlaps(c.prevalence, ctx.firstSixMonths) === true) diagnosisIds.push(c.id);
  }
  const encounterIds = qualifyingEncounterIds(facts, ctx, OUTPATIENT_VISITS);
  const missing = populationGaps(ageIn(age, 18, 85), diagnosisIds.length > 0, encounterIds.length > 0);
  const inPopulation = missing.length === 0;

  const exclusions = inPopulation ? exclusionsOf(facts, ctx, age) : [];
  const outcome = inPopulation ? bloodPressureOutcome(facts, ctx, options, warnings) : null;
  const systolic = outcome?.lowestSystolic ?? null;
  const diastolic = outcome?.lowestDiastolic ?? null;
  const controlled =
    systolic !== null &&
    diastolic !== null &&
    systolic.value < CMS165_SYSTOLIC_BELOW &&
    diastolic.value < CMS165_DIASTOLIC_BELOW;
  const populations = proportionPopulations(inPopulation, exclusions.length > 0, controlled);
  const closeGap: GapHint[] =
    populations.denominator && !populations.denominatorExclusion && !populations.numerator
      ? [
          {
            kind: 'bp-below',
            systolic: CMS165_SYSTOLIC_BELOW,
            diastolic: CMS165_DIASTOLIC_BELOW,
            onOrAfter: outcome?.mostRecentDay ?? null,
          },
        ]
      : [];
  return {
    measure: 'cms165',
    patientId: facts.patientId,
    ageAtPeriodEnd: certainAge(age),
    populations,
    evidence: { population: { missing, diagnosisIds, encounterIds }, exclusions, outcome, closeGap },
    warnings,
  };
}

const RENAL_DIAGNOSES = [
  ['pregnancy', VALUE_SETS.pregnancy],
  ['esrd', VALUE_SETS.esrd],
  ['kidney-transplant', VALUE_SETS.kidneyTransplantRecipient],
  ['ckd-stage-5', VALUE_SETS.ckdStage5],
] as const;

const RENAL_PROCEDURES = [
  ['kidney-transplant', VALUE_SETS.kidneyTransplant],
  ['dialysis', VALUE_SETS.dialysisServices],
] as const;

function exclusionsOf(
  facts: PatientFacts,
  ctx: MeasurementContext,
  age: ReturnType<typeof ageRangeAt>,
): ExclusionEvidence[] {
  const found = commonExclusions(facts, ctx, age);
  // "Pregnancy or Renal Diagnosis": prevalence overlaps the period (full precision).
  for (const [kind, url] of RENAL_DIAGNOSES) {
    const ids: string[] = [];
    for (const c of verifiedConditions(facts, url)) if (overlaps(c.prevalence, ctx.period) === true) ids.push(c.id);
    if (ids.length > 0) found.push({ kind, resourceIds: ids });
  }
  // "End Stage Renal Disease Procedures": completed, ending on or before the end of the period.
  for (const [kind, url] of RENAL_PROCEDURES) {
    const ids: string[] = [];
    for (const p of facts.procedures) {
      if (p.status === 'completed' && p.valueSets.has(url) && endsByPeriodEnd(p.performed, ctx)) ids.push(p.id);
    }
    if (ids.length > 0) found.push({ kind, resourceIds: ids });
  }
  // "End Stage Renal Disease Encounter": ESRD monthly services starting on or before the end of the period.
  const esrdVisits: string[] = [];
  for (const e of finishedEncounters(facts, VALUE_SETS.esrdMonthlyOutpatient)) {
    if (startsByPeriodEnd(e.period, ctx)) esrdVisits.push(e.id);
  }
  if (esrdVisits.length > 0) found.push({ kind: 'esrd', resourceIds: esrdVisits });
  for (const f of frailtyExclusions(facts, ctx, age, 81)) found.push(f);
  return found;
}

interface DayReading {
  readonly observation: ObservationFact;
  readonly day: number;
}

/** The numerator detail: qualifying readings, the most recent day and its lowest values. */
function bloodPressureOutcome(
  facts: PatientFacts,
  ctx: MeasurementContext,
  options: Cms165Options,
  warnings: DataWarning[],
): BloodPressureEvidence {
  const disqualifying = facts.encounters.filter(
    (e) =>
      e.finished &&
      e.period !== null &&
      (e.valueSets.has(VALUE_SETS.encounterInpatient) || e.valueSets.has(VALUE_SETS.edVisit)),
  );
  const qualifying: DayReading[] = [];
  const excludedReadings: ExcludedReading[] = [];
  let mostRecent = -Infinity;

  for (const o of facts.observations) {
    if (!o.codes.includes(CODES.bloodPressurePanel)) {
      if (o.codes.includes(CODES.systolic) || o.codes.includes(CODES.diastolic)) {
        warnings.push({
          code: 'missing-code',
          resourceType: 'Observation',
          resourceId: o.id,
          message:
            'A systolic or diastolic reading recorded on its own, not in a blood-pressure panel (LOINC 85354-9); ' +
            'the measure only reads panels.',
        });
      }
      continue;
    }
    const latest = o.latest;
    const day = certainDay(latest);
    if (o.status === undefined || !RESULT_STATUSES.has(o.status)) {
      excludedReadings.push({ observationId: o.id, day: dayText(day), reasons: ['status'], encounterIds: [] });
      continue;
    }
    // Branch 1: not taken during the day(s) of a finished inpatient or ED encounter (no date limit).
    const sameDay: string[] = [];
    if (latest !== null) {
      for (const e of disqualifying) if (e.period !== null && duringDays(latest, e.period) === true) sameDay.push(e.id);
    }
    // Branch 2: its own encounter is not acute, and it lies within the period.
    const own = o.encounterId === undefined ? undefined : facts.encountersById.get(o.encounterId);
    const acute = own?.classCode !== undefined && ACUTE_ENCOUNTER_CLASSES.has(own.classCode);
    const inPeriod = pointInPeriodDays(latest, ctx);
    const qualifies =
      (sameDay.length === 0 && (inPeriod || !options.bpReadingsWithinPeriodOnly)) || (!acute && inPeriod);
    if (!qualifies) {
      const reasons: ReadingExclusionReason[] = [];
      if (sameDay.length > 0) reasons.push('inpatient-or-ed-day');
      if (acute) reasons.push('acute-encounter');
      if (!inPeriod) reasons.push('outside-period');
      excludedReadings.push({
        observationId: o.id,
        day: dayText(day),
        reasons,
        encounterIds: sameDay,
      });
      continue;
    }
    if (day === null) {
      warnings.push({
        code: 'missing-value',
        resourceType: 'Observation',
        resourceId: o.id,
        message: 'Blood-pressure reading has no date precise to the day; it cannot be the most recent reading.',
      });
      continue;
    }
    qualifying.push({ observation: o, day });
    if (day > mostRecent) mostRecent = day;
  }

  if (qualifying.length === 0) {
    return {
      kind: 'blood-pressure',
      mostRecentDay: null,
      dayInPeriod: null,
      readingIds: [],
      lowestSystolic: null,
      lowestDiastolic: null,
      incompleteReadingIds: [],
      excludedReadings,
    };
  }
  const onDay: ObservationFact[] = [];
  const readingIds: string[] = [];
  for (const q of qualifying) {
    if (q.day !== mostRecent) continue;
    onDay.push(q.observation);
    readingIds.push(q.observation.id);
  }
  const dayInPeriod = mostRecent >= ctx.startDay && mostRecent <= ctx.endDay;
  if (mostRecent > ctx.endDay) {
    warnings.push({
      code: 'future-date',
      resourceType: 'Observation',
      resourceId: onDay[0]?.id,
      message:
        'The most recent blood-pressure day is after the measurement period; the measure counts it because its ' +
        'CQL does not limit readings to the period.',
    });
  }
  const incomplete = new Set<string>();
  const systolic = lowestOnDay(onDay, CODES.systolic, incomplete, warnings);
  const diastolic = lowestOnDay(onDay, CODES.diastolic, incomplete, warnings);
  return {
    kind: 'blood-pressure',
    mostRecentDay: formatDay(mostRecent),
    dayInPeriod,
    readingIds,
    lowestSystolic: systolic,
    lowestDiastolic: diastolic,
    incompleteReadingIds: [...incomplete],
    excludedReadings,
  };
}

function dayText(day: number | null): string | null {
  return day === null ? null : formatDay(day);
}

/**
 * `First(readings on the day return singleton from (component ~ code).value sort asc)`: CQL sorts nulls first,
 * so one reading without a usable value makes the day's lowest value unknown (`null`).
 */
function lowestOnDay(
  readings: readonly ObservationFact[],
  code: string,
  incomplete: Set<string>,
  warnings: DataWarning[],
): BloodPressureValue | null {
  let lowest: BloodPressureValue | null = null;
  let unknown = false;
  for (const o of readings) {
    const values: ReadValue[] = [];
    for (const c of o.components) if (c.codes.includes(code)) values.push(readMillimetresOfMercury(c.value));
    if (values.length > 1) {
      warnings.push({
        code: 'duplicate',
        resourceType: 'Observation',
        resourceId: o.id,
        message: 'Blood-pressure reading has the same component twice; the lower value was used.',
      });
    }
    let best: number | null = null;
    for (const v of values) {
      noteUnit(v, o.id, warnings);
      if (v.ok && (best === null || v.value < best)) best = v.value;
    }
    if (best === null) {
      unknown = true;
      incomplete.add(o.id);
    } else if (lowest === null || best < lowest.value) {
      lowest = { observationId: o.id, value: best };
    }
  }
  return unknown ? null : lowest;
}

function noteUnit(v: ReadValue, observationId: string, warnings: DataWarning[]): void {
  if (v.ok && !v.converted) return;
  const base = { resourceType: 'Observation', resourceId: observationId } as const;
  if (v.ok) {
    warnings.push({
      ...base,
      code: 'converted-unit',
      message: 'Blood pressure recorded in "mmHg" was read as mm[Hg].',
    });
  } else if (v.reason === 'no-unit' || v.reason === 'unknown-unit') {
    warnings.push({
      ...base,
      code: 'unknown-unit',
      message: `Blood pressure in ${v.unit === undefined ? 'no unit' : `unit "${v.unit}"`} cannot be compared with mm[Hg].`,
    });
  } else {
    warnings.push({ ...base, code: 'missing-value', message: blankReason(v.reason) });
  }
}

function blankReason(reason: 'none' | 'not-quantity' | 'comparator'): string {
  switch (reason) {
    case 'none':
      return 'Blood-pressure component has no value.';
    case 'not-quantity':
      return 'Blood-pressure component value is not a quantity.';
    case 'comparator':
      return 'Blood-pressure value has a comparator (such as "<"); it cannot be used.';
  }
}
