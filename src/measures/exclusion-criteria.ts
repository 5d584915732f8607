import { CODES, ORDER_INTENTS, ORDER_STATUSES, RESULT_STATUSES, SYMPTOM_STATUSES } from './codes';
import { duringDays, leDay, overlapsDays } from './cql-time';
import type { MeasurementContext } from './measurement-context';
import type { ConditionFact, EncounterFact, ObservationFact, PatientFacts, RequestFact } from './patient-facts';
import { endsInPeriodDays, overlapsPeriodDays, pointInPeriodDays } from './period-predicates';
import { VALUE_SETS, anyIn, valueSetCodes } from './value-sets';

// Each criterion returns the ids of the resources that meet it: empty means "not met". The CQL only asks
// `exists`, but the ids are the evidence a clinician needs to check an exclusion. Plain loops, not filter/map
// chains: these run for every patient in the initial population.

/** `([ConditionProblemsHealthConcerns: vs] union [ConditionEncounterDiagnosis: vs]).verified()`. */
export function verifiedConditions(facts: PatientFacts, valueSetUrl: string): ConditionFact[] {
  const found: ConditionFact[] = [];
  for (const c of facts.conditions) {
    if (c.verified && (c.encounterDiagnosis || c.problemOrConcern) && c.valueSets.has(valueSetUrl)) found.push(c);
  }
  return found;
}

/** `([Encounter: vs]).isEncounterPerformed()`. */
export function finishedEncounters(facts: PatientFacts, valueSetUrl: string): EncounterFact[] {
  const found: EncounterFact[] = [];
  for (const e of facts.encounters) if (e.finished && e.valueSets.has(valueSetUrl)) found.push(e);
  return found;
}

function isOrder(r: RequestFact): boolean {
  return (
    r.status !== undefined && ORDER_STATUSES.has(r.status) && r.intent !== undefined && ORDER_INTENTS.has(r.intent)
  );
}

function hasStatus(o: ObservationFact, statuses: ReadonlySet<string>): boolean {
  return o.status !== undefined && statuses.has(o.status);
}

/** Conditions of the value set whose prevalence overlaps the period's days. */
function diagnosesInPeriod(facts: PatientFacts, ctx: MeasurementContext, url: string, into: string[]): void {
  for (const c of verifiedConditions(facts, url)) if (overlapsPeriodDays(c.prevalence, ctx)) into.push(c.id);
}

/** Finished encounters of the value set overlapping the period's days. */
function encountersInPeriod(facts: PatientFacts, ctx: MeasurementContext, url: string, into: string[]): void {
  for (const e of finishedEncounters(facts, url)) if (overlapsPeriodDays(e.period, ctx)) into.push(e.id);
}

/** Completed procedures of the value set overlapping the period's days. */
function proceduresInPeriod(facts: PatientFacts, ctx: MeasurementContext, url: string, into: string[]): void {
  for (const p of facts.procedures) {
    if (p.status === 'completed' && p.valueSets.has(url) && overlapsPeriodDays(p.performed, ctx)) into.push(p.id);
  }
}

/** Hospice v6.18.000 `"Has Hospice Services"`. */
export function hospiceIds(facts: PatientFacts, ctx: MeasurementContext): string[] {
  const found: string[] = [];
  for (const e of finishedEncounters(facts, VALUE_SETS.encounterInpatient)) {
    const toHospice =
      e.dischargeDisposition.includes(CODES.dischargeHomeHospice) ||
      e.dischargeDisposition.includes(CODES.dischargeFacilityHospice);
    if (toHospice && endsInPeriodDays(e.period, ctx)) found.push(e.id);
  }
  encountersInPeriod(facts, ctx, VALUE_SETS.hospiceEncounter, found);
  for (const o of facts.observations) {
    if (
      o.codes.includes(CODES.hospiceCareMds) &&
      hasStatus(o, RESULT_STATUSES) &&
      o.value.kind === 'concept' &&
      o.value.codes.includes(CODES.yes) &&
      overlapsPeriodDays(o.effective, ctx)
    ) {
      found.push(o.id);
    }
  }
  for (const r of facts.serviceRequests) {
    if (isOrder(r) && r.valueSets.has(VALUE_SETS.hospiceCareAmbulatory) && pointInPeriodDays(r.authoredOn, ctx))
      found.push(r.id);
  }
  proceduresInPeriod(facts, ctx, VALUE_SETS.hospiceCareAmbulatory, found);
  diagnosesInPeriod(facts, ctx, VALUE_SETS.hospiceDiagnosis, found);
  return found;
}

/** PalliativeCare v1.18.000 `"Has Palliative Care in the Measurement Period"`. */
export function palliativeCareIds(facts: PatientFacts, ctx: MeasurementContext): string[] {
  const found: string[] = [];
  for (const o of facts.observations) {
    if (o.codes.includes(CODES.facitPal) && hasStatus(o, RESULT_STATUSES) && overlapsPeriodDays(o.effective, ctx)) {
      found.push(o.id);
    }
  }
  diagnosesInPeriod(facts, ctx, VALUE_SETS.palliativeCareDiagnosis, found);
  encountersInPeriod(facts, ctx, VALUE_SETS.palliativeCareEncounter, found);
  proceduresInPeriod(facts, ctx, VALUE_SETS.palliativeCareIntervention, found);
  return found;
}

/** AdvancedIllnessandFrailty v1.27.000 `"Has Criteria Indicating Frailty"`. */
export function frailtyIds(facts: PatientFacts, ctx: MeasurementContext): string[] {
  const found: string[] = [];
  const devices = valueSetCodes(VALUE_SETS.frailtyDevice);
  for (const r of facts.deviceRequests) {
    if (isOrder(r) && r.valueSets.has(VALUE_SETS.frailtyDevice) && pointInPeriodDays(r.authoredOn, ctx))
      found.push(r.id);
  }
  for (const o of facts.observations) {
    const equipment =
      o.codes.includes(CODES.medicalEquipmentUsed) &&
      hasStatus(o, RESULT_STATUSES) &&
      o.value.kind === 'concept' &&
      anyIn(o.value.codes, devices) &&
      endsInPeriodDays(o.effective, ctx);
    const symptom =
      hasStatus(o, SYMPTOM_STATUSES) &&
      o.valueSets.has(VALUE_SETS.frailtySymptom) &&
      overlapsPeriodDays(o.effective, ctx);
    if (equipment || symptom) found.push(o.id);
  }
  diagnosesInPeriod(facts, ctx, VALUE_SETS.frailtyDiagnosis, found);
  encountersInPeriod(facts, ctx, VALUE_SETS.frailtyEncounter, found);
  return found;
}

/**
 * `"Has Advanced Illness in Year Before or During Measurement Period"` and `"Has Dementia Medications in Year
 * Before or During Measurement Period"`, together.
 */
export function advancedIllnessOrDementiaIds(facts: PatientFacts, ctx: MeasurementContext): string[] {
  const found: string[] = [];
  for (const c of verifiedConditions(facts, VALUE_SETS.advancedIllness)) {
    if (duringDays(c.prevalence.low, ctx.lookback) === true) found.push(c.id);
  }
  for (const m of facts.medicationRequests) {
    const active = m.status === 'active' && m.intent !== undefined && ORDER_INTENTS.has(m.intent);
    if (
      active &&
      m.valueSets.has(VALUE_SETS.dementiaMedications) &&
      m.period !== null &&
      overlapsDays(m.period, ctx.lookback) === true
    ) {
      found.push(m.id);
    }
  }
  return found;
}

/**
 * `"Is Age 66 or Older Living Long Term in a Nursing Home"` without its age test: the id of the latest housing
 * status assessment ending by the period's last day, when it says "lives in nursing home"; else empty.
 */
export function nursingHomeIds(facts: PatientFacts, ctx: MeasurementContext): string[] {
  let latest: ObservationFact | undefined;
  let latestEnd = -Infinity;
  for (const o of facts.observations) {
    if (!o.codes.includes(CODES.housingStatus) || !hasStatus(o, RESULT_STATUSES) || o.effective === null) continue;
    if (leDay(o.effective.high, ctx.period.high) !== true) continue;
    // `sort by end of effective asc` then `Last`: ties keep input order, so a later equal one wins.
    if (o.effective.high.lo >= latestEnd) {
      latest = o;
      latestEnd = o.effective.high.lo;
    }
  }
  return latest !== undefined &&
    latest.value.kind === 'concept' &&
    latest.value.codes.includes(CODES.livesInNursingHome)
    ? [latest.id]
    : [];
}
