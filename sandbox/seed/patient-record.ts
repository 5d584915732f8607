import type { Coverage, Observation, Patient } from 'fhir/r4';
import { addAcuteCare } from './acute-care';
import { bpSource, drawFail, earlierControlled, normalBp, toBp } from './blood-pressure-readings';
import type { Bp } from './blood-pressure-readings';
import { ENCOUNTER_CLASS } from './codes';
import { dateTime } from './dates';
import { addExclusion } from './exclusion-evidence';
import { bloodPressure, condition, encounter } from './fhir-builders';
import { addHbA1c } from './hba1c-tests';
import { addHungerScreenings } from './hunger-screenings';
import { ResourceIds } from './patient-resources';
import type { PatientResources } from './patient-resources';
import type { GenerationContext, PatientProfile } from './profile';
import type { Rng } from './prng';
import { planVisits } from './visits';
import type { Visit } from './visits';

export type { PatientResources } from './patient-resources';

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
  const ids = new ResourceIds(p.id.slice('pat-'.length));
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

  const reading = bpSource(rng);
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
        const original = bp(encId, v.day, at, reading(p.bpControlled, fail));
        out.observations.push(original, { ...original, id: ids.next('obs', 3) });
      } else if (rng.chance(0.15)) {
        // A repeat reading: a controlled day may start high, since CMS165 takes the lowest of each number.
        const first = p.bpControlled && rng.chance(0.4) ? reading(false, 'sys') : reading(p.bpControlled, fail);
        out.observations.push(bp(encId, v.day, at, first), bp(encId, v.day, at + 10, reading(p.bpControlled, fail)));
      } else {
        out.observations.push(bp(encId, v.day, at, reading(p.bpControlled, fail)));
      }
      continue;
    }
    const values = p.hypertension !== undefined ? reading(earlierControlled(rng, p), drawFail(rng)) : normalBp(rng);
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
    const values = toBp(reading(p.bpControlled, 'sys'));
    out.observations.push(
      bloodPressure({ id: ids.next('obs', 3), patientId: pid, when: dateTime(ctx.anchor + 45, 600), ...values }),
    );
  }

  addAcuteCare(p, rng, ctx, out, ids, occupied, decisive, reading);
  addHbA1c(p, rng, ctx, out, ids, plan.inPerson, visitIds);
  addConditions(p, rng, out, ids, periodVisits[0] ? visitIds.get(periodVisits[0]) : undefined);
  addExclusion(p, rng, ctx, out, ids, occupied);
  addHungerScreenings(p, rng, ctx, out, ids, plan.inPerson, visitIds);
  return out;
}

function addConditions(
  p: PatientProfile,
  rng: Rng,
  out: PatientResources,
  ids: ResourceIds,
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
