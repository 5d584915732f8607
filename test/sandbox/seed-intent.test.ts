import type { Bundle, Condition, Encounter, FhirResource, Observation, Patient } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { generatePopulation } from '../../sandbox/seed/population';

/**
 * Re-derives each patient's CMS165/CMS122 landing from the generated resources with a deliberately simple reading of
 * the CQL (codes written out here from valuesets.json, not imported from the generator), and compares it with the
 * generator's intent. This is what engine and end-to-end tests rely on: the intent matches the data.
 */
const HTN = new Set(['59621000', '1201005', '371125006', 'I10']);
const DIABETES = new Set(['44054006', '46635009', 'E11.9', 'E11.65', 'E10.9']);
const VISITS = new Set(['99212', '99213', '99214', '99215', '99203', '185463005', 'G0439', '99395', '99396', '99397']);
const PHONE = new Set(['99442', '185317003']);
const ONLINE = new Set(['99422']);
const ACUTE = new Set(['99284', '4525004', '32485007']);
const RENAL_OR_PREGNANCY = new Set(['46177005', 'N18.6', 'Z94.0', '433146000', 'N18.5', '77386006']);
const A1C = new Set(['4548-4', '4549-2', '17855-8', '17856-6', '96595-4']);

const day = (dt: string | undefined): string => (dt ?? '').slice(0, 10);
const codes = (cc: { coding?: { code?: string }[] } | undefined): string[] =>
  (cc?.coding ?? []).map((c) => c.code ?? '');
const has = (set: Set<string>, cc: { coding?: { code?: string }[] } | undefined): boolean =>
  codes(cc).some((c) => set.has(c));

function ageAt(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return (y ?? 0) - (by ?? 0) - ((m ?? 0) < (bm ?? 0) || (m === bm && (d ?? 0) < (bd ?? 0)) ? 1 : 0);
}

interface Landing {
  ip: boolean;
  excluded: boolean;
  numerator: boolean;
}

function evaluate(patient: Patient, rs: readonly FhirResource[], year: number): { cms165: Landing; cms122: Landing } {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const age = ageAt(patient.birthDate ?? '', end);
  const enc = rs.filter((r): r is Encounter => r.resourceType === 'Encounter' && r.status === 'finished');
  const cond = rs.filter((r): r is Condition => r.resourceType === 'Condition');
  const obs = rs.filter((r): r is Observation => r.resourceType === 'Observation');
  const verified = (c: Condition): boolean =>
    !['refuted', 'entered-in-error'].includes(codes(c.verificationStatus)[0] ?? '');
  const active = (c: Condition): boolean =>
    day(c.onsetDateTime) <= end && (c.abatementDateTime === undefined || day(c.abatementDateTime) >= start);
  const inPeriod = (d: string): boolean => d >= start && d <= end;
  const visit = (set: Set<string>): boolean =>
    enc.some((e) => inPeriod(day(e.period?.start)) && e.type?.some((t) => has(set, t)));
  const age66 = age >= 66;
  const frail = cond.some((c) => has(new Set(['217082002', '129588001']), c.code) && active(c));
  const illness = cond.some(
    (c) => has(new Set(['84114007', '26929004']), c.code) && day(c.onsetDateTime) >= `${year - 1}-01-01`,
  );
  const shared =
    enc.some((e) => e.type?.some((t) => has(new Set(['305336008', '713281006']), t)) && inPeriod(day(e.period?.end))) ||
    enc.some(
      (e) => codes(e.hospitalization?.dischargeDisposition).includes('428361000124107') && inPeriod(day(e.period?.end)),
    ) ||
    rs.some((r) => r.resourceType === 'ServiceRequest' && inPeriod(day(r.authoredOn))) ||
    cond.some((c) => has(new Set(['Z51.5']), c.code) && active(c)) ||
    (age66 && obs.some((o) => has(new Set(['160734000']), o.valueCodeableConcept)));

  const acuteDays = new Set<string>();
  for (const e of enc.filter((x) => x.type?.some((t) => has(ACUTE, t)))) {
    for (
      let d = new Date(day(e.period?.start));
      d.toISOString().slice(0, 10) <= day(e.period?.end);
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      acuteDays.add(d.toISOString().slice(0, 10));
    }
  }
  const bps = obs.filter(
    (o) =>
      has(new Set(['85354-9']), o.code) &&
      inPeriod(day(o.effectiveDateTime)) &&
      !acuteDays.has(day(o.effectiveDateTime)),
  );
  const lastBpDay = bps
    .map((o) => day(o.effectiveDateTime))
    .sort()
    .at(-1);
  const lowest = (loinc: string): number =>
    Math.min(
      ...bps
        .filter((o) => day(o.effectiveDateTime) === lastBpDay)
        .flatMap((o) =>
          (o.component ?? [])
            .filter((c) => has(new Set([loinc]), c.code) && c.valueQuantity?.code === 'mm[Hg]')
            .map((c) => c.valueQuantity?.value ?? Infinity),
        ),
    );
  const htn = cond.some((c) => has(HTN, c.code) && verified(c) && day(c.onsetDateTime) < `${year}-07-01`);
  const ip165 = age >= 18 && age <= 85 && htn && visit(new Set([...VISITS, ...PHONE, ...ONLINE]));
  const excluded165 =
    shared ||
    cond.some((c) => has(RENAL_OR_PREGNANCY, c.code) && active(c)) ||
    rs.some((r) => r.resourceType === 'Procedure') ||
    (age >= 66 && age <= 80 && frail && illness) ||
    (age >= 81 && frail);

  const a1cs = obs.filter((o) => has(A1C, o.code) && inPeriod(day(o.effectiveDateTime)));
  const lastA1c = a1cs.sort((a, b) => day(a.effectiveDateTime).localeCompare(day(b.effectiveDateTime))).at(-1);
  const a1cValue = lastA1c?.valueQuantity?.code === '%' ? lastA1c.valueQuantity.value : undefined;
  const poor = lastA1c === undefined || lastA1c.valueQuantity === undefined || (a1cValue !== undefined && a1cValue > 9);
  const ip122 =
    age >= 18 &&
    age <= 75 &&
    visit(new Set([...VISITS, ...PHONE])) &&
    cond.some((c) => has(DIABETES, c.code) && codes(c.category?.[0]).includes('encounter-diagnosis') && active(c));
  return {
    cms165: { ip: ip165, excluded: ip165 && excluded165, numerator: lowest('8480-6') < 140 && lowest('8462-4') < 90 },
    cms122: { ip: ip122, excluded: ip122 && (shared || (age66 && frail && illness)), numerator: poor },
  };
}

describe.each(['2026-11-01', '2026-03-15'])(
  'generated data lands where the generator intends (anchor %s)',
  (anchor) => {
    const pop = generatePopulation({ seed: 7, patients: 1500, anchor });
    const byPatient = new Map<string, FhirResource[]>();
    for (const r of pop.resources) {
      const ref =
        r.resourceType === 'Patient'
          ? `Patient/${r.id ?? ''}`
          : r.resourceType === 'Coverage'
            ? r.beneficiary.reference
            : 'subject' in r && r.subject !== undefined && !Array.isArray(r.subject)
              ? r.subject.reference
              : undefined;
      if (ref !== undefined) byPatient.set(ref, [...(byPatient.get(ref) ?? []), r]);
    }
    const year = Number(anchor.slice(0, 4));

    it.each(['cms165', 'cms122'] as const)(
      '%s: initial population, exclusion and numerator match for every patient',
      (m) => {
        const mismatches: string[] = [];
        for (const intent of pop.intents) {
          const rs = byPatient.get(`Patient/${intent.patientId}`) ?? [];
          const patient = rs.find((r): r is Patient => r.resourceType === 'Patient');
          if (!patient) throw new Error(`no Patient ${intent.patientId}`);
          const got = evaluate(patient, rs, year)[m];
          const want = intent[m];
          const same =
            got.ip === want.initialPopulation &&
            got.excluded === want.excluded &&
            (!got.ip || got.excluded || got.numerator === want.numerator);
          if (!same) mismatches.push(`${intent.patientId}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
        }
        expect(mismatches.slice(0, 5)).toEqual([]);
        expect(pop.intents.filter((i) => i[m].initialPopulation).length).toBeGreaterThan(100);
      },
    );

    it('bundles as valid JSON', () => {
      const bundle: Bundle = {
        resourceType: 'Bundle',
        type: 'collection',
        entry: pop.resources.slice(0, 50).map((resource) => ({ resource })),
      };
      expect(JSON.parse(JSON.stringify(bundle))).toEqual(bundle);
    });
  },
);
