import type { Coding } from 'fhir/r4';
import { ANSWER } from './codes';
import { dateTime } from './dates';
import { hungerVitalSign } from './fhir-builders';
import type { PatientResources, ResourceIds } from './patient-resources';
import type { GenerationContext, PatientProfile } from './profile';
import type { Rng } from './prng';
import type { Visit } from './visits';

/** Hunger Vital Sign at the first visit of each of the last two years, for most patients. */
export function addHungerScreenings(
  p: PatientProfile,
  rng: Rng,
  ctx: GenerationContext,
  out: PatientResources,
  ids: ResourceIds,
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
