import { CODES, NUTRITION_THERAPY_CODES, RESULT_STATUSES } from './codes';
import { certainDay, formatDay } from './cql-time';
import type { MeasurementContext } from './measurement-context';
import { readGlycemicPercent } from './measure-units';
import type { ReadValue } from './measure-units';
import { ageIn, ageRangeAt, certainAge } from './patient-age';
import type { ObservationFact, PatientFacts } from './patient-facts';
import type {
  GapHint,
  GlycemicAssessment,
  GlycemicEvidence,
  GlycemicResult,
  PatientMeasureResult,
} from './patient-measure-result';
import { overlapsPeriodDays, pointInPeriodDays } from './period-predicates';
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

/** CMS122 threshold: the numerator (poor control) is a most recent HbA1c / GMI above 9 %. */
export const CMS122_POOR_CONTROL_ABOVE = 9;

/** CMS122 "Qualifying Encounters" value sets plus the medical nutrition therapy codes, as one set of codes. */
const QUALIFYING_VISITS = combinedCodes(
  [
    VALUE_SETS.officeVisit,
    VALUE_SETS.annualWellnessVisit,
    VALUE_SETS.preventiveEstablished18,
    VALUE_SETS.preventiveInitial18,
    VALUE_SETS.homeHealthcare,
    VALUE_SETS.nutritionServices,
    VALUE_SETS.telephoneVisits,
  ],
  NUTRITION_THERAPY_CODES,
);

/**
 * CMS122FHIR v0.5.000 Diabetes: Glycemic Status Assessment > 9% for one patient: ages 18–75 at the end of the
 * period, a diabetes encounter diagnosis overlapping the period, a qualifying visit; numerator (poor control) when
 * the lowest HbA1c/GMI on the most recent day is > 9 %, has no result, or there is none in the period.
 */
export function evaluateCms122(facts: PatientFacts, ctx: MeasurementContext): PatientMeasureResult {
  // The measure's own warnings; the caller adds the facts' reading warnings once evaluation is done.
  const warnings: DataWarning[] = [];
  const age = ageRangeAt(facts.birthDays, ctx.endDay);
  // Only [ConditionEncounterDiagnosis: "Diabetes"]: a problem-list diabetes entry does not count in this version.
  const diagnosisIds: string[] = [];
  for (const c of facts.conditions) {
    if (
      c.encounterDiagnosis &&
      c.verified &&
      c.valueSets.has(VALUE_SETS.diabetes) &&
      overlapsPeriodDays(c.prevalence, ctx)
    )
      diagnosisIds.push(c.id);
  }
  const encounterIds = qualifyingEncounterIds(facts, ctx, QUALIFYING_VISITS);
  const missing = populationGaps(ageIn(age, 18, 75), diagnosisIds.length > 0, encounterIds.length > 0);
  const inPopulation = missing.length === 0;

  const exclusions = inPopulation ? commonExclusions(facts, ctx, age) : [];
  if (inPopulation) for (const f of frailtyExclusions(facts, ctx, age)) exclusions.push(f);
  const outcome = inPopulation ? glycemicOutcome(facts, ctx, warnings) : null;
  const poorControl =
    outcome !== null &&
    (outcome.mostRecent === null
      ? outcome.assessmentIds.length === 0
      : outcome.mostRecent.result === 'elevated' || outcome.mostRecent.result === 'no-result');
  const populations = proportionPopulations(inPopulation, exclusions.length > 0, poorControl);
  const closeGap: GapHint[] = populations.numerator && outcome !== null ? [gapHint(outcome)] : [];
  return {
    measure: 'cms122',
    patientId: facts.patientId,
    ageAtPeriodEnd: certainAge(age),
    populations,
    evidence: { population: { missing, diagnosisIds, encounterIds }, exclusions, outcome, closeGap },
    warnings,
  };
}

function gapHint(outcome: GlycemicEvidence): GapHint {
  const recent = outcome.mostRecent;
  return {
    kind: 'glycemic-at-most',
    percent: CMS122_POOR_CONTROL_ABOVE,
    onOrAfter: recent?.day ?? null,
    reason: recent === null ? 'no-test' : recent.result === 'no-result' ? 'no-result' : 'elevated',
  };
}

interface Assessment {
  readonly observation: ObservationFact;
  readonly day: number;
  readonly read: ReadValue;
}

/** "Glycemic Status Assessment" in the period, its most recent day and the lowest reading that day. */
function glycemicOutcome(facts: PatientFacts, ctx: MeasurementContext, warnings: DataWarning[]): GlycemicEvidence {
  const assessmentIds: string[] = [];
  const dated: Assessment[] = [];
  let mostRecent = -Infinity;
  for (const o of facts.observations) {
    const isGmi = o.codes.includes(CODES.glucoseManagementIndicator);
    if (!isGmi && !o.valueSets.has(VALUE_SETS.hba1cLabTest)) continue;
    if (o.status === undefined || !RESULT_STATUSES.has(o.status) || !pointInPeriodDays(o.latest, ctx)) continue;
    assessmentIds.push(o.id);
    const day = certainDay(o.latest);
    if (day === null) {
      warnings.push({
        code: 'missing-value',
        resourceType: 'Observation',
        resourceId: o.id,
        message: 'Glycemic test has no date precise to the day; it cannot be the most recent test.',
      });
      continue;
    }
    dated.push({ observation: o, day, read: readGlycemicPercent(o.value) });
    if (day > mostRecent) mostRecent = day;
  }
  // `First(... sort by value)`: CQL sorts nulls first, so a test without a usable quantity is "lowest".
  let lowest: Assessment | undefined;
  for (const a of dated) {
    if (a.day !== mostRecent) continue;
    if (lowest === undefined || sortKey(a) < sortKey(lowest)) lowest = a;
  }
  for (const a of dated) if (a.day === mostRecent) noteValue(a, warnings);
  return { kind: 'glycemic-status', mostRecent: lowest === undefined ? null : describe(lowest), assessmentIds };
}

function sortKey(a: Assessment): number {
  return a.read.ok ? a.read.value : -Infinity;
}

function describe(a: Assessment): GlycemicAssessment {
  const { observation: o, read } = a;
  let result: GlycemicResult;
  if (read.ok) result = read.value > CMS122_POOR_CONTROL_ABOVE ? 'elevated' : 'not-elevated';
  else result = read.reason === 'none' ? 'no-result' : 'not-comparable';
  const value = o.value;
  return {
    observationId: o.id,
    day: formatDay(a.day),
    test: o.codes.includes(CODES.glucoseManagementIndicator) ? 'gmi' : 'hba1c',
    percent: read.ok ? read.value : null,
    original: value.kind === 'quantity' ? { value: value.value, unit: value.code ?? value.unit ?? null } : null,
    result,
  };
}

function noteValue(a: Assessment, warnings: DataWarning[]): void {
  const { read } = a;
  const base = { resourceType: 'Observation', resourceId: a.observation.id } as const;
  if (read.ok) {
    if (read.converted) {
      warnings.push({
        ...base,
        code: 'converted-unit',
        message: 'HbA1c in mmol/mol (IFCC) was converted to % (NGSP).',
      });
    }
    return;
  }
  switch (read.reason) {
    case 'none':
      // A test without a result is a numerator criterion of its own, not a data problem.
      return;
    case 'no-unit':
      warnings.push({
        ...base,
        code: 'unknown-unit',
        message:
          'Glycemic result has no unit; as in the measure logic it is not compared with 9 %, so it does not count as poor control.',
      });
      return;
    case 'unknown-unit':
      warnings.push({
        ...base,
        code: 'unknown-unit',
        message: `Glycemic result in unit "${read.unit ?? '?'}" cannot be compared with 9 %; it does not count as poor control.`,
      });
      return;
    case 'not-quantity':
      warnings.push({
        ...base,
        code: 'missing-value',
        message: 'Glycemic result is not a numeric quantity; it does not count as poor control.',
      });
      return;
    case 'comparator':
      warnings.push({
        ...base,
        code: 'missing-value',
        message: 'Glycemic result has a comparator (such as ">"); the measure logic cannot use it.',
      });
      return;
  }
}
