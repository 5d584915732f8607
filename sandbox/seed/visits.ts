import type { Coding } from 'fhir/r4';
import { ENCOUNTER_CLASS, VISIT } from './codes';
import { addYears, dayOf } from './dates';
import type { GenerationContext, PatientProfile } from './profile';
import type { Rng } from './prng';

/** One planned in-person visit (each gets a blood pressure; some get labs or screenings). */
export interface Visit {
  readonly day: number;
  readonly year: number;
  /** Minutes after local midnight. */
  readonly minutes: number;
  readonly type: readonly Coding[];
  readonly text: string;
  readonly cls: Coding;
}

/** One planned visit without vital signs (telephone or online). */
export interface RemoteVisit {
  readonly day: number;
  readonly minutes: number;
  readonly type: readonly Coding[];
  readonly text: string;
}

export interface VisitPlan {
  readonly inPerson: readonly Visit[];
  readonly remote: readonly RemoteVisit[];
}

const weekday = (day: number): number => (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday.

/** Up to `n` distinct days in [from, to], preferring weekdays, sorted ascending. */
export function distinctDays(rng: Rng, from: number, to: number, n: number, taken?: ReadonlySet<number>): number[] {
  const chosen = new Set<number>();
  const span = to - from + 1;
  for (let attempt = 0; attempt < n * 6 && chosen.size < n && span > 0; attempt++) {
    const day = rng.int(from, to);
    const wd = weekday(day);
    // Clinics are closed at weekends, but a window of a few days may hold nothing else.
    if ((wd === 0 || wd === 6) && attempt < n * 4 && span > 3) continue;
    if (taken?.has(day) !== true) chosen.add(day);
  }
  return [...chosen].sort((a, b) => a - b);
}

// Encounter.type lists, built once (the resource builders share one CodeableConcept per distinct list).
const TYPE = {
  office: VISIT.office.map((c) => [c]),
  officeNew: [VISIT.officeNew],
  outOfHours: [VISIT.officeOutOfHours],
  annualWellness: [VISIT.annualWellness],
  preventive18to39: [VISIT.preventive18to39],
  preventive40to64: [VISIT.preventive40to64],
  preventive65up: [VISIT.preventive65up],
  telephone: VISIT.telephone.map((c) => [c]),
  online: [VISIT.online],
} as const;

/** Shares of the office-visit codes in VISIT.office (99213, 99214, 99212, 99215). */
const OFFICE_WEIGHTS = { '0': 0.5, '1': 0.35, '2': 0.1, '3': 0.05 } as const;

function officeType(rng: Rng): { type: readonly Coding[]; text: string } {
  if (rng.chance(0.03)) return { type: TYPE.outOfHours, text: 'Office visit (out of hours)' };
  const cpt = rng.weighted(OFFICE_WEIGHTS);
  return { type: TYPE.office[Number(cpt)] ?? TYPE.officeNew, text: 'Office visit' };
}

function preventiveType(age: number): readonly Coding[] {
  if (age < 40) return TYPE.preventive18to39;
  return age < 65 ? TYPE.preventive40to64 : TYPE.preventive65up;
}

/** Plans a patient's visits from their first year to the anchor date. */
export function planVisits(p: PatientProfile, rng: Rng, ctx: GenerationContext): VisitPlan {
  const chronic = p.hypertension !== undefined || p.diabetes !== undefined;
  const inPerson: Visit[] = [];
  const remote: RemoteVisit[] = [];
  for (let year = p.firstYear; year <= ctx.year; year++) {
    const from = dayOf(year, 1, 1);
    const to = year === ctx.year ? ctx.anchor : dayOf(year, 12, 31);
    if (year === ctx.year && !p.activeInPeriod) continue;
    if (year < ctx.year && !chronic && rng.chance(0.12)) continue;
    let n = chronic ? rng.int(2, 4) : rng.int(0, 2);
    if (year === ctx.year) n = Math.max(1, Math.round((n * (to - from + 1)) / 365));
    // Messy cases that need an earlier reading in the period get a second visit.
    if (year === ctx.year && p.messy !== undefined) n = Math.max(n, 2);
    const age = year - (ctx.year - p.ageAtPeriodEnd);
    distinctDays(rng, from, to, n).forEach((day, i) => {
      const minutes = rng.int(32, 66) * 15; // 08:00–16:30
      const first = i === 0;
      if (first && year === p.firstYear && p.firstYear > ctx.year - 3) {
        inPerson.push({
          day,
          year,
          minutes,
          type: TYPE.officeNew,
          text: 'New patient visit',
          cls: ENCOUNTER_CLASS.ambulatory,
        });
      } else if (first && p.payer === 'medicare' && rng.chance(0.5)) {
        inPerson.push({
          day,
          year,
          minutes,
          type: TYPE.annualWellness,
          text: 'Annual wellness visit',
          cls: ENCOUNTER_CLASS.ambulatory,
        });
      } else if (first && rng.chance(0.3)) {
        inPerson.push({
          day,
          year,
          minutes,
          type: preventiveType(age),
          text: 'Preventive visit',
          cls: ENCOUNTER_CLASS.ambulatory,
        });
      } else {
        inPerson.push({ day, year, minutes, ...officeType(rng), cls: ENCOUNTER_CLASS.ambulatory });
      }
    });
    if (chronic && rng.chance(0.3)) {
      const [day] = distinctDays(rng, from, to, 1);
      const telephone = TYPE.telephone[rng.int(0, TYPE.telephone.length - 1)];
      if (day !== undefined && telephone) {
        remote.push({ day, minutes: rng.int(36, 64) * 15, type: telephone, text: 'Telephone visit' });
      }
    }
    if (p.hypertension !== undefined && rng.chance(0.1)) {
      const [day] = distinctDays(rng, from, to, 1);
      if (day !== undefined)
        remote.push({ day, minutes: rng.int(36, 64) * 15, type: TYPE.online, text: 'Online visit' });
    }
  }
  return { inPerson, remote };
}

/** Whether the patient is old enough for a hospital stay to be likelier (design: 6 % a year at 65+, else 2 %). */
export function inpatientChance(p: PatientProfile, ctx: GenerationContext): number {
  return p.birthDay <= addYears(ctx.anchor, -65) ? 0.06 : 0.02;
}
