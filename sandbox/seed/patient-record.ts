import type { Coding, Condition, Coverage, Encounter, Observation, Patient, Procedure, ServiceRequest } from 'fhir/r4';
import { ANSWER, CONDITION, DISCHARGE, ENCOUNTER_CLASS, LOINC, PROCEDURE, VISIT } from './codes';
import { addYears, dateTime, dayOf } from './dates';
import {
  bloodPressure,
  condition,
  encounter,
  hba1c,
  housingStatus,
  hungerVitalSign,
  order,
  procedure,
} from './fhir-builders';
import type { GenerationContext, PatientProfile } from './profile';
import { dayBetween } from './profile';
import type { Rng } from './prng';
import { distinctDays, inpatientChance, planVisits } from './visits';
import type { Visit } from './visits';

/** The resources of one patient, by type (the population concatenates them type by type). */
export interface PatientResources {
  readonly patient: Patient;
  readonly coverages: Coverage[];
  readonly encounters: Encounter[];
  readonly conditions: Condition[];
  readonly observations: Observation[];
  readonly procedures: Procedure[];
  readonly serviceRequests: ServiceRequest[];
}

type Bp = readonly [systolic: number, diastolic: number];

/** Readings that meet CMS165's numerator (< 140/90) or fail it in at least one of the two numbers. */
function bpReading(rng: Rng, controlled: boolean, fail: 'sys' | 'dia' | 'both'): Bp {
  if (controlled) return [rng.int(108, 139), rng.int(60, 89)];
  if (fail === 'sys') return [rng.int(140, 178), rng.int(66, 98)];
  if (fail === 'dia') return [rng.int(118, 139), rng.int(90, 104)];
  return [rng.int(140, 178), rng.int(90, 104)];
}

/** Which number fails in an uncontrolled reading (design: mostly systolic, as in treated older adults). */
const FAIL_WEIGHTS = { sys: 0.7, dia: 0.15, both: 0.15 } as const;

function drawFail(rng: Rng): 'sys' | 'dia' | 'both' {
  return rng.weighted(FAIL_WEIGHTS);
}

function normalBp(rng: Rng): Bp {
  return [
    Math.round(Math.min(150, Math.max(95, rng.normal(121, 10)))),
    Math.round(Math.min(95, Math.max(55, rng.normal(76, 7)))),
  ];
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

class Ids {
  private readonly counters = new Map<string, number>();
  constructor(private readonly pid: string) {}
  next(prefix: string, width: number): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${this.pid}-${String(n).padStart(width, '0')}`;
  }
}

/** Builds everything clinical about one patient so that the data lands where the profile intends. */
export function buildPatientRecord(
  p: PatientProfile,
  rng: Rng,
  ctx: GenerationContext,
  patient: Patient,
  coverages: Coverage[],
): PatientResources {
  const out: PatientResources = {
    patient,
    coverages,
    encounters: [],
    conditions: [],
    observations: [],
    procedures: [],
    serviceRequests: [],
  };
  const ids = new Ids(p.id.slice('pat-'.length));
  const pid = p.id;
  const prac = p.practitioner.id;
  const plan = planVisits(p, rng, ctx);
  const occupied = new Set(plan.inPerson.map((v) => v.day));
  const visitIds = new Map<Visit, string>();

  for (const v of plan.inPerson) {
    const id = ids.next('enc', 2);
    visitIds.set(v, id);
    const end = v.minutes + rng.int(2, 3) * 10;
    out.encounters.push(
      encounter({
        id,
        patientId: pid,
        practitionerId: prac,
        cls: v.cls,
        type: v.type,
        text: v.text,
        start: dateTime(v.day, v.minutes),
        end: dateTime(v.day, end),
      }),
    );
  }
  for (const r of plan.remote) {
    out.encounters.push(
      encounter({
        id: ids.next('enc', 2),
        patientId: pid,
        practitionerId: prac,
        cls: ENCOUNTER_CLASS.virtual,
        type: r.type,
        text: r.text,
        start: dateTime(r.day, r.minutes),
        end: dateTime(r.day, r.minutes + 15),
      }),
    );
  }

  const periodVisits = plan.inPerson.filter((v) => v.year === ctx.year);
  const decisive = periodVisits[periodVisits.length - 1];
  const earlier = plan.inPerson[plan.inPerson.length - 2];
  const bp = (
    encounterId: string,
    day: number,
    minutes: number,
    values: Bp,
    extra?: { missingUnit?: boolean; missingDiastolic?: boolean },
  ): Observation =>
    bloodPressure({
      id: ids.next('obs', 3),
      patientId: pid,
      encounterId,
      when: dateTime(day, minutes),
      systolic: values[0],
      diastolic: values[1],
      ...extra,
    });

  // Blood pressure at every in-person visit; the last one in the period carries the intended CMS165 outcome.
  for (const v of plan.inPerson) {
    const encId = visitIds.get(v) ?? '';
    const at = v.minutes + 5;
    if (v === decisive && p.hypertension !== undefined) {
      const fail = drawFail(rng);
      if (p.messy === 'bp-systolic-exactly-140') {
        out.observations.push(bp(encId, v.day, at, [140, 80]));
      } else if (p.messy === 'bp-exact-duplicate') {
        const reading = bp(encId, v.day, at, bpReading(rng, p.bpControlled, fail));
        out.observations.push(reading, { ...reading, id: ids.next('obs', 3) });
      } else if (rng.chance(0.15)) {
        // A repeat reading: a controlled day may start high, since CMS165 takes the lowest of each number.
        const first =
          p.bpControlled && rng.chance(0.4) ? bpReading(rng, false, 'sys') : bpReading(rng, p.bpControlled, fail);
        out.observations.push(
          bp(encId, v.day, at, first),
          bp(encId, v.day, at + 10, bpReading(rng, p.bpControlled, fail)),
        );
      } else {
        out.observations.push(bp(encId, v.day, at, bpReading(rng, p.bpControlled, fail)));
      }
      continue;
    }
    const values =
      p.hypertension !== undefined ? bpReading(rng, rng.chance(p.bpProbability), drawFail(rng)) : normalBp(rng);
    const messyHere = v === earlier && v !== decisive;
    out.observations.push(
      bp(encId, v.day, at, values, {
        missingUnit: messyHere && p.messy === 'bp-missing-unit',
        missingDiastolic: messyHere && p.messy === 'bp-missing-diastolic-value',
      }),
    );
  }
  if (p.messy === 'future-dated-observation') {
    // Same control status as the intended outcome, so the outcome does not depend on whether it is used.
    const values = toBp(bpReading(rng, p.bpControlled, 'sys'));
    out.observations.push(
      bloodPressure({ id: ids.next('obs', 3), patientId: pid, when: dateTime(ctx.anchor + 45, 600), ...values }),
    );
  }

  addAcuteCare(p, rng, ctx, out, ids, occupied, decisive);
  addHbA1c(p, rng, ctx, out, ids, plan.inPerson, visitIds);
  addConditions(p, rng, out, ids, periodVisits[0] ? visitIds.get(periodVisits[0]) : undefined);
  addExclusion(p, rng, ctx, out, ids, occupied);
  addHungerScreenings(p, rng, ctx, out, ids, plan.inPerson, visitIds);
  return out;
}

function toBp(values: Bp): { systolic: number; diastolic: number } {
  return { systolic: values[0], diastolic: values[1] };
}

/** ED visits and hospital stays, with blood pressures that CMS165 must ignore (readings on those days). */
function addAcuteCare(
  p: PatientProfile,
  rng: Rng,
  ctx: GenerationContext,
  out: PatientResources,
  ids: Ids,
  occupied: Set<number>,
  decisive: Visit | undefined,
): void {
  const ed = (day: number, values: Bp): void => {
    const id = ids.next('enc', 2);
    const minutes = rng.int(0, 90) * 10; // any time of day
    out.encounters.push(
      encounter({
        id,
        patientId: p.id,
        cls: ENCOUNTER_CLASS.emergency,
        type: VISIT.emergency,
        text: 'Emergency department visit',
        start: dateTime(day, minutes),
        end: dateTime(day, Math.min(1439, minutes + 240)),
      }),
    );
    out.observations.push(
      bloodPressure({
        id: ids.next('obs', 3),
        patientId: p.id,
        encounterId: id,
        when: dateTime(day, Math.min(1439, minutes + 20)),
        ...toBp(values),
      }),
    );
    occupied.add(day);
  };
  const stayChance = inpatientChance(p, ctx);
  for (let year = p.firstYear; year <= ctx.year; year++) {
    const from = dayOf(year, 1, 1);
    const to = year === ctx.year ? ctx.anchor : dayOf(year, 12, 31);
    if (rng.chance(p.hypertension !== undefined || p.diabetes !== undefined ? 0.1 : 0.06)) {
      const [day] = distinctDays(rng, from, to, 1, occupied);
      if (day !== undefined) ed(day, [rng.int(128, 182), rng.int(72, 104)]);
    }
    if (rng.chance(stayChance)) {
      const length = rng.int(2, 4);
      const start = rng.int(from, Math.max(from, to - length + 1));
      const days = Array.from({ length }, (_, i) => start + i);
      if (days.every((d) => !occupied.has(d) && d <= to)) {
        const id = ids.next('enc', 2);
        const last = days[days.length - 1] ?? start;
        out.encounters.push(
          encounter({
            id,
            patientId: p.id,
            cls: ENCOUNTER_CLASS.inpatient,
            type: [VISIT.inpatient],
            text: 'Hospital admission',
            start: dateTime(start, 600),
            end: dateTime(last, 660),
            discharge: DISCHARGE.home,
          }),
        );
        for (const d of days) {
          occupied.add(d);
          out.observations.push(
            bloodPressure({
              id: ids.next('obs', 3),
              patientId: p.id,
              encounterId: id,
              when: dateTime(d, 480),
              ...toBp([rng.int(118, 170), rng.int(64, 98)]),
            }),
          );
        }
      }
    }
  }
  // An ED visit after the decisive office day whose reading would flip the outcome if it were (wrongly) counted.
  if (p.inCms165 && p.exclusion === undefined && decisive && p.messy === undefined && rng.chance(0.08)) {
    const [day] = distinctDays(rng, decisive.day + 1, ctx.anchor, 1, occupied);
    if (day !== undefined && day > decisive.day) ed(day, bpReading(rng, !p.bpControlled, 'both'));
  }
}

/** HbA1c tests for people with diabetes (the last one in the period carries the intended CMS122 outcome). */
function addHbA1c(
  p: PatientProfile,
  rng: Rng,
  ctx: GenerationContext,
  out: PatientResources,
  ids: Ids,
  visits: readonly Visit[],
  visitIds: ReadonlyMap<Visit, string>,
): void {
  const push = (
    v: Visit,
    value: number | undefined,
    unit: '%' | 'mmol/mol' = '%',
    code: Coding = LOINC.hba1c,
  ): void => {
    out.observations.push(
      hba1c({
        id: ids.next('obs', 3),
        patientId: p.id,
        encounterId: visitIds.get(v) ?? '',
        when: dateTime(v.day, v.minutes + 15),
        value,
        unit,
        code,
      }),
    );
  };
  const code = (): Coding => (rng.chance(0.1) ? LOINC.hba1cHplc : LOINC.hba1c);
  if (p.diabetes === undefined) {
    // Occasional screening of adults without diabetes (never counted by CMS122).
    for (const v of visits)
      if (v.year >= ctx.year - 1 && rng.chance(0.04)) push(v, round1(rng.int(50, 63) / 10), '%', code());
    return;
  }
  const mean = p.a1cPoor ? 9.4 : 7.1;
  const tested = visits.filter((v) => v.day >= (p.diabetes?.onset ?? 0) && rng.chance(0.55));
  const inPeriod = visits.filter((v) => v.year === ctx.year);
  let periodTests = tested.filter((v) => v.year === ctx.year);
  if (p.inCms122 && p.a1cMode === 'not-tested') periodTests = [];
  if (p.inCms122 && p.a1cMode !== 'not-tested' && periodTests.length === 0) {
    const last = inPeriod[inPeriod.length - 1];
    if (last) periodTests = [last];
  }
  const decisive = p.inCms122 ? periodTests[periodTests.length - 1] : undefined;
  for (const v of [...tested.filter((t) => t.year !== ctx.year), ...periodTests]) {
    if (v !== decisive) {
      push(v, round1(Math.min(14, Math.max(5.5, rng.normal(mean, 1)))), '%', code());
      continue;
    }
    if (p.messy === 'hba1c-mmol-per-mol') push(v, 53, 'mmol/mol');
    else if (p.messy === 'hba1c-exactly-9') push(v, 9);
    else if (p.a1cMode === 'no-result') push(v, undefined);
    else if (p.a1cMode === 'high') push(v, round1(rng.int(91, 135) / 10), '%', code());
    else push(v, round1(rng.int(58, 89) / 10), '%', code());
  }
}

function addConditions(
  p: PatientProfile,
  rng: Rng,
  out: PatientResources,
  ids: Ids,
  firstPeriodVisit: string | undefined,
): void {
  if (p.hypertension) {
    const onListed = rng.chance(0.8);
    out.conditions.push(
      condition({
        id: ids.next('cond', 2),
        patientId: p.id,
        codings: p.hypertension.codings,
        category: onListed ? 'problem-list-item' : 'encounter-diagnosis',
        onset: dateTime(p.hypertension.onset, 540),
        verification: p.hypertension.refuted ? 'refuted' : 'confirmed',
      }),
    );
  }
  if (p.diabetes) {
    // CMS122 reads diabetes from encounter diagnoses (QI-Core ConditionEncounterDiagnosis) only.
    out.conditions.push(
      condition({
        id: ids.next('cond', 2),
        patientId: p.id,
        codings: p.diabetes.codings,
        category: 'encounter-diagnosis',
        onset: dateTime(p.diabetes.onset, 540),
        encounterId: firstPeriodVisit,
      }),
    );
  }
}

/** The evidence for the patient's denominator exclusion, dated in the measurement period up to the anchor. */
function addExclusion(
  p: PatientProfile,
  rng: Rng,
  ctx: GenerationContext,
  out: PatientResources,
  ids: Ids,
  occupied: ReadonlySet<number>,
): void {
  if (p.exclusion === undefined) return;
  const [free] = distinctDays(rng, ctx.periodStart, ctx.anchor, 1, occupied);
  const day = free ?? ctx.periodStart;
  const when = dateTime(day, 600);
  const cond = (
    codings: readonly Coding[],
    onsetDay: number,
    category: 'problem-list-item' | 'encounter-diagnosis' = 'problem-list-item',
    abatementDay?: number,
  ): void => {
    out.conditions.push(
      condition({
        id: ids.next('cond', 2),
        patientId: p.id,
        codings,
        category,
        onset: dateTime(onsetDay, 600),
        abatement: abatementDay === undefined ? undefined : dateTime(abatementDay, 600),
      }),
    );
  };
  const earlierOnset = (): number => dayBetween(rng, addYears(ctx.periodStart, -6), ctx.periodStart - 1);
  switch (p.exclusion) {
    case 'hospice-encounter':
      out.encounters.push(
        encounter({
          id: ids.next('enc', 2),
          patientId: p.id,
          cls: ENCOUNTER_CLASS.homeHealth,
          type: [VISIT.hospice],
          text: 'Hospice admission',
          start: when,
          end: dateTime(day, 660),
        }),
      );
      return;
    case 'hospice-order':
      out.serviceRequests.push(order(ids.next('sr', 2), p.id, p.practitioner.id, PROCEDURE.hospiceCare, when));
      return;
    case 'hospice-discharge':
      out.encounters.push(
        encounter({
          id: ids.next('enc', 2),
          patientId: p.id,
          cls: ENCOUNTER_CLASS.inpatient,
          type: [VISIT.inpatient],
          text: 'Hospital admission',
          start: dateTime(Math.max(ctx.periodStart, day - 3), 600),
          end: dateTime(day, 900),
          discharge: DISCHARGE.homeHospice,
        }),
      );
      return;
    case 'palliative-encounter':
      out.encounters.push(
        encounter({
          id: ids.next('enc', 2),
          patientId: p.id,
          practitionerId: p.practitioner.id,
          cls: ENCOUNTER_CLASS.ambulatory,
          type: [VISIT.palliative],
          text: 'Palliative care consultation',
          start: when,
          end: dateTime(day, 660),
        }),
      );
      return;
    case 'palliative-diagnosis':
      cond(CONDITION.palliative, day, 'encounter-diagnosis');
      return;
    case 'esrd':
      cond(CONDITION.esrd, earlierOnset());
      return;
    case 'esrd-dialysis':
      cond(CONDITION.esrd, earlierOnset());
      out.procedures.push(procedure(ids.next('proc', 2), p.id, PROCEDURE.hemodialysis, when));
      return;
    case 'kidney-transplant':
      cond(CONDITION.kidneyTransplant, earlierOnset());
      return;
    case 'ckd5':
      cond(CONDITION.ckd5, earlierOnset());
      return;
    case 'pregnancy':
      cond(CONDITION.pregnancy, day, 'encounter-diagnosis');
      return;
    case 'frailty-advanced-illness':
      cond(CONDITION.frailtyFall, day, 'encounter-diagnosis', day);
      // Advanced illness must start in the year before or during the period.
      cond(
        rng.chance(0.6) ? CONDITION.heartFailure : CONDITION.dementia,
        dayBetween(rng, addYears(ctx.periodStart, -1), day),
      );
      return;
    case 'frailty-81-plus':
      cond(CONDITION.frailtyFailureToThrive, day, 'encounter-diagnosis');
      return;
    case 'nursing-home':
      out.observations.push(housingStatus(ids.next('obs', 3), p.id, when));
      return;
  }
}

/** Hunger Vital Sign at the first visit of each of the last two years, for most patients. */
function addHungerScreenings(
  p: PatientProfile,
  rng: Rng,
  ctx: GenerationContext,
  out: PatientResources,
  ids: Ids,
  visits: readonly Visit[],
  visitIds: ReadonlyMap<Visit, string>,
): void {
  for (const [year, share] of [
    [ctx.year - 1, 0.7],
    [ctx.year, 0.85],
  ] as const) {
    const v = visits.find((x) => x.year === year);
    if (!v || !rng.chance(share)) continue;
    let worried: Coding = ANSWER.never;
    let didNotLast: Coding = ANSWER.never;
    if (p.foodInsecure) {
      worried = rng.pick([ANSWER.often, ANSWER.sometimes, ANSWER.sometimes, ANSWER.never]);
      didNotLast =
        worried.code === ANSWER.never.code
          ? rng.pick([ANSWER.often, ANSWER.sometimes])
          : rng.pick([ANSWER.often, ANSWER.sometimes, ANSWER.never]);
    } else if (rng.chance(0.02)) {
      worried = ANSWER.refused;
    }
    const panelIds = [ids.next('obs', 3), ids.next('obs', 3), ids.next('obs', 3), ids.next('obs', 3)] as const;
    out.observations.push(
      ...hungerVitalSign({
        ids: panelIds,
        patientId: p.id,
        encounterId: visitIds.get(v) ?? '',
        when: dateTime(v.day, v.minutes + 2),
        worried,
        didNotLast,
      }),
    );
  }
}
