import type { FhirResource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { generatePopulation } from '../../sandbox/seed/population';
import { stratumKeysOf } from '../../src/domain/stratum-keys';
import { evaluatePatientMeasures } from '../../src/measures/evaluate-patient';

/** The app's own engine and mappers agree with the generator's ground truth (the sandbox's timestamps are -05:00). */
describe.each(['2026-11-01', '2026-02-10'])('engine on the synthetic population (anchor %s)', (anchor) => {
  const pop = generatePopulation({ seed: 11, patients: 2000, anchor });
  const year = anchor.slice(0, 4);
  const records = new Map<string, FhirResource[]>();
  for (const r of pop.resources) {
    const owner =
      r.resourceType === 'Patient'
        ? `Patient/${r.id ?? ''}`
        : r.resourceType === 'Coverage'
          ? r.beneficiary.reference
          : 'subject' in r && r.subject !== undefined && !Array.isArray(r.subject)
            ? r.subject.reference
            : undefined;
    if (owner !== undefined) records.set(owner, [...(records.get(owner) ?? []), r]);
  }

  it('lands every patient where the generator intends, in both measures', () => {
    const period = { start: `${year}-01-01`, end: `${year}-12-31` };
    const mismatches = pop.intents.flatMap((intent) => {
      const resources = records.get(`Patient/${intent.patientId}`) ?? [];
      const results = evaluatePatientMeasures(
        ['cms165', 'cms122'],
        { patientId: intent.patientId, resources },
        period,
        {
          utcOffsetMinutes: -300,
        },
      );
      return (['cms165', 'cms122'] as const).flatMap((m, i) => {
        const got = results[i]?.populations;
        const want = intent[m];
        const same =
          got?.initialPopulation === want.initialPopulation &&
          got.denominatorExclusion === want.excluded &&
          (!want.initialPopulation || want.excluded || got.numerator === want.numerator);
        return same ? [] : [`${intent.patientId} ${m}`];
      });
    });
    expect(mismatches).toEqual([]);
  });

  it('maps every patient to the intended race, ethnicity, language and ZIP strata', () => {
    const mismatches = pop.intents.filter((intent) => {
      const keys = stratumKeysOf(records.get(`Patient/${intent.patientId}`) ?? [], { asOf: `${year}-12-31` }).value;
      return (
        keys.race !== intent.raceKey ||
        keys.ethnicity !== intent.ethnicityKey ||
        keys.language !== intent.languageKey ||
        keys.zip !== intent.zip
      );
    });
    expect(mismatches.map((m) => m.patientId)).toEqual([]);
  });
});
