import type { Coding } from 'fhir/r4';
import { CONDITION, DISCHARGE, ENCOUNTER_CLASS, PROCEDURE, VISIT } from './codes';
import { addYears, dateTime } from './dates';
import { condition, encounter, housingStatus, order, procedure } from './fhir-builders';
import type { PatientResources, ResourceIds } from './patient-resources';
import type { GenerationContext, PatientProfile } from './profile';
import { dayBetween } from './profile';
import type { Rng } from './prng';
import { distinctDays } from './visits';

/** The evidence for the patient's denominator exclusion, dated in the measurement period up to the anchor. */
export function addExclusion(
  p: PatientProfile,
  rng: Rng,
  ctx: GenerationContext,
  out: PatientResources,
  ids: ResourceIds,
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
