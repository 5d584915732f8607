import type { Coding } from 'fhir/r4';
import { LOINC } from './codes';
import { dateTime } from './dates';
import { hba1c } from './fhir-builders';
import type { PatientResources, ResourceIds } from './patient-resources';
import type { GenerationContext, PatientProfile } from './profile';
import type { Rng } from './prng';
import type { Visit } from './visits';

const round1 = (v: number): number => Math.round(v * 10) / 10;

/** HbA1c tests for people with diabetes (the last one in the period carries the intended CMS122 outcome). */
export function addHbA1c(
  p: PatientProfile,
  rng: Rng,
  ctx: GenerationContext,
  out: PatientResources,
  ids: ResourceIds,
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
