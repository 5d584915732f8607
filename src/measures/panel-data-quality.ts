import type { SelfReportField } from '../domain/self-report-answers';
import { matchesFilters, type PanelFilters, type PanelRow } from './panel-filters';

/** The REAL fields the data-quality panel counts. */
export const REAL_FIELDS = ['race', 'ethnicity', 'language'] as const;
export type RealField = (typeof REAL_FIELDS)[number];

/** How one field is recorded across a group of patients. Every patient is in exactly one of the four counts. */
export interface FieldQuality {
  /** A usable value (for race, one or more OMB categories). */
  readonly recorded: number;
  /** Asked but declined (`ASKU`). */
  readonly declined: number;
  /** Recorded as unknown (`UNK`). */
  readonly unknown: number;
  /** Nothing recorded at all. */
  readonly absent: number;
  /** Patients who reported this field themselves (undefined when self-reports could not be read). */
  readonly selfReported: number | undefined;
}

/** One group's data quality: the practice (`key` `all`) or one practitioner's panel. */
export interface QualityGroup {
  /** `all`, or the practitioner stratum key (`Practitioner/prac-01`, `absent`). */
  readonly key: string;
  readonly patients: number;
  readonly fields: Readonly<Record<RealField, FieldQuality>>;
  /** Patients with any self-report (undefined when self-reports could not be read). */
  readonly anySelfReport: number | undefined;
  /** Patients with race, ethnicity and language all recorded. */
  readonly complete: number;
}

/** Self-reported fields by patient id (from Provenance and the self-report form's QuestionnaireResponses). */
export type SelfReportIndex = ReadonlyMap<string, ReadonlySet<SelfReportField>>;

interface Tally {
  patients: number;
  any: number;
  complete: number;
  fields: Record<RealField, { recorded: number; declined: number; unknown: number; absent: number; self: number }>;
}

const newTally = (): Tally => ({
  patients: 0,
  any: 0,
  complete: 0,
  fields: {
    race: { recorded: 0, declined: 0, unknown: 0, absent: 0, self: 0 },
    ethnicity: { recorded: 0, declined: 0, unknown: 0, absent: 0, self: 0 },
    language: { recorded: 0, declined: 0, unknown: 0, absent: 0, self: 0 },
  },
});

/** The state of one field's stratum key (race, ethnicity and language are single keys). */
function stateOf(value: string | readonly string[] | undefined): 'recorded' | 'declined' | 'unknown' | 'absent' {
  const key = value === undefined ? 'absent' : typeof value === 'string' ? value : (value[0] ?? 'absent');
  if (key === 'ASKU') return 'declined';
  if (key === 'UNK') return 'unknown';
  if (key === 'absent') return 'absent';
  return 'recorded';
}

/**
 * REAL data quality of the patients that pass the filters (every patient, not only those in a measure): for race,
 * ethnicity and preferred language, how many have a value, declined, are unknown or have nothing, and how many
 * reported it themselves; overall and by practitioner (largest panel first, "not recorded" last).
 */
export function dataQuality(
  rows: readonly PanelRow[],
  selfReports: SelfReportIndex | undefined,
  filters: PanelFilters = {},
): { readonly overall: QualityGroup; readonly byPractitioner: readonly QualityGroup[] } {
  const overall = newTally();
  const byPractitioner = new Map<string, Tally>();
  for (const row of rows) {
    if (!matchesFilters(row, filters)) continue;
    const practitioner = row.strata.practitioner;
    const key = typeof practitioner === 'string' ? practitioner : 'absent';
    let group = byPractitioner.get(key);
    if (group === undefined) {
      group = newTally();
      byPractitioner.set(key, group);
    }
    const reported = selfReports?.get(row.patientId);
    const states = REAL_FIELDS.map((field) => stateOf(row.strata[field]));
    for (const tally of [overall, group]) {
      tally.patients += 1;
      if (reported !== undefined && reported.size > 0) tally.any += 1;
      if (states.every((state) => state === 'recorded')) tally.complete += 1;
      REAL_FIELDS.forEach((field, i) => {
        const counts = tally.fields[field];
        counts[states[i] ?? 'absent'] += 1;
        if (reported?.has(field) === true) counts.self += 1;
      });
    }
  }
  const finish = (key: string, tally: Tally): QualityGroup => ({
    key,
    patients: tally.patients,
    anySelfReport: selfReports === undefined ? undefined : tally.any,
    complete: tally.complete,
    fields: {
      race: fieldOf(tally.fields.race, selfReports !== undefined),
      ethnicity: fieldOf(tally.fields.ethnicity, selfReports !== undefined),
      language: fieldOf(tally.fields.language, selfReports !== undefined),
    },
  });
  const groups = [...byPractitioner].map(([key, tally]) => finish(key, tally));
  groups.sort((a, b) =>
    a.key === 'absent' || b.key === 'absent'
      ? Number(a.key === 'absent') - Number(b.key === 'absent')
      : b.patients - a.patients || (a.key < b.key ? -1 : 1),
  );
  return { overall: finish('all', overall), byPractitioner: groups };
}

function fieldOf(
  t: { recorded: number; declined: number; unknown: number; absent: number; self: number },
  readable: boolean,
): FieldQuality {
  return {
    recorded: t.recorded,
    declined: t.declined,
    unknown: t.unknown,
    absent: t.absent,
    selfReported: readable ? t.self : undefined,
  };
}
