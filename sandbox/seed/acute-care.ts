import { DISCHARGE, ENCOUNTER_CLASS, VISIT } from './codes';
import { dateTime, dayOf } from './dates';
import { bloodPressure, encounter } from './fhir-builders';
import { toBp } from './blood-pressure-readings';
import type { Bp, BpSource } from './blood-pressure-readings';
import type { PatientResources, ResourceIds } from './patient-resources';
import type { GenerationContext, PatientProfile } from './profile';
import type { Rng } from './prng';
import { distinctDays, inpatientChance } from './visits';
import type { Visit } from './visits';

/** ED visits and hospital stays, with blood pressures that CMS165 must ignore (readings on those days). */
export function addAcuteCare(
  p: PatientProfile,
  rng: Rng,
  ctx: GenerationContext,
  out: PatientResources,
  ids: ResourceIds,
  occupied: Set<number>,
  decisive: Visit | undefined,
  reading: BpSource,
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
    if (day !== undefined && day > decisive.day) ed(day, reading(!p.bpControlled, 'both'));
  }
}
