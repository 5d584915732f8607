import { codings, isObject, obj, objects, str } from './guards';
import type { VisitKind } from './racism-prompt-due';
import { fhirDay } from './fhir-day';

const CPT = 'http://www.ama-assn.org/go/cpt';
const SNOMED = 'http://snomed.info/sct';
const HCPCS = ['http://www.nlm.nih.gov/research/umls/hcpcs', 'urn:oid:2.16.840.1.113883.6.285'];

/**
 * Annual and preventive visit codes: CPT preventive medicine visits (99381–99387 new, 99391–99397 established;
 * VSAC 2.16.840.1.113883.3.464.1003.101.12.1023/.1025 list the adult ones) and the Annual Wellness Visit value set
 * (2.16.840.1.113883.3.526.3.1240: HCPCS G0402, G0438, G0439 and its SNOMED codes).
 */
const PREVENTIVE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [
    CPT,
    new Set([
      ...['99381', '99382', '99383', '99384', '99385', '99386', '99387'],
      ...['99391', '99392', '99393', '99394', '99395', '99396', '99397'],
    ]),
  ],
  [SNOMED, new Set(['444971000124105', '456201000124103', '86013001', '866149003', '90526000'])],
  ...HCPCS.map((system): [string, ReadonlySet<string>] => [system, new Set(['G0402', 'G0438', 'G0439'])]),
]);

/** What the app knows about the visit in progress. */
export interface CurrentVisit {
  readonly kind: VisitKind;
  /** First day of the visit (`YYYY-MM-DD`), when the Encounter says. */
  readonly start: string | undefined;
}

/** Whether an Encounter's type is an annual or preventive visit; `unknown` when there is no Encounter to read. */
export function visitOf(encounter: unknown): CurrentVisit {
  if (!isObject(encounter)) return { kind: 'unknown', start: undefined };
  const preventive = objects(encounter, 'type').some((type) =>
    codings(type).some((c) => c.system !== undefined && PREVENTIVE.get(c.system)?.has(c.code) === true),
  );
  const startText = str(obj(encounter, 'period') ?? {}, 'start');
  return {
    kind: preventive ? 'annual-preventive' : 'other',
    start: startText === undefined ? undefined : fhirDay(startText),
  };
}

/**
 * The visit in progress when the EHR gave no encounter context: the patient's encounter that is `in-progress` or
 * `arrived`, or whose period covers `today`. Undefined when there is none (the rule then relies on the interval).
 */
export function currentEncounter(encounters: readonly unknown[], today: string): unknown {
  return encounters.find((encounter) => {
    if (!isObject(encounter)) return false;
    const status = str(encounter, 'status');
    if (status === 'in-progress' || status === 'arrived') return true;
    if (status === 'cancelled' || status === 'entered-in-error') return false;
    const period = obj(encounter, 'period') ?? {};
    const start = fhirDay(str(period, 'start') ?? '');
    const endText = str(period, 'end');
    const end = endText === undefined ? start : fhirDay(endText, 'end');
    return start !== undefined && end !== undefined && start <= today && today <= end;
  });
}
