import type { DimensionId } from '../domain/dimensions';
import { matchesFilters, type PanelFilters, type PanelRow } from './panel-filters';
import type { MeasureEvidence } from './patient-measure-result';
import type { ImprovementNotation } from './types';

/** A row with the evidence the outreach list shows (the worker's `PatientRow` has this shape). */
export interface EvidenceRow extends PanelRow {
  readonly evidence: Pick<MeasureEvidence, 'outcome'>;
}

/** The most recent blood pressure the measure used: lowest systolic and diastolic of its day. */
export interface LastBloodPressure {
  readonly day: string;
  readonly systolic: number | null;
  readonly diastolic: number | null;
}

/** The most recent HbA1c (or GMI) the measure used. */
export interface LastGlycemic {
  readonly day: string;
  readonly percent: number | null;
  readonly test: 'hba1c' | 'gmi';
}

/** One patient to reach out to. */
export interface OutreachEntry {
  readonly patientId: string;
  readonly age: number | null;
  /**
   * From the blood-pressure measure's evidence: null when the patient is in that measure but had no reading in the
   * period, undefined when the patient is not in it.
   */
  readonly lastBloodPressure: LastBloodPressure | null | undefined;
  /** From the glycemic measure's evidence: null (in the measure, no test in the period) or undefined (not in it). */
  readonly lastGlycemic: LastGlycemic | null | undefined;
  /** Why the patient is on the list, as data: no reading at all, or a reading above the goal. */
  readonly reason: 'no-reading' | 'above-goal';
}

/** A stratum to drill into: one key per dimension (an intersection has two or three). */
export interface StratumSelection {
  readonly dimensions: readonly DimensionId[];
  readonly keys: readonly string[];
}

/**
 * Whether the patient is in the measure's performance denominator and not meeting the goal: for a measure where
 * higher is better (CMS165), not in the numerator; where lower is better (CMS122, whose numerator is poor control),
 * in the numerator. Excluded patients are never on the list.
 */
export function notMeetingGoal(row: PanelRow, improvementNotation: ImprovementNotation): boolean {
  const p = row.populations;
  if (!p.initialPopulation || !p.denominator || p.denominatorExclusion) return false;
  if (improvementNotation === 'decrease') return p.numerator;
  return !p.numerator && !p.denominatorException;
}

function inStratum(row: PanelRow, selection: StratumSelection): boolean {
  return selection.dimensions.every((dimension, i) => {
    const wanted = selection.keys[i];
    const value = row.strata[dimension] ?? 'absent';
    return typeof value === 'string' ? value === wanted : wanted !== undefined && value.includes(wanted);
  });
}

function bloodPressureOf(row: EvidenceRow | undefined): LastBloodPressure | null | undefined {
  const outcome = row?.evidence.outcome;
  if (outcome?.kind !== 'blood-pressure') return undefined;
  if (outcome.mostRecentDay === null) return null;
  return {
    day: outcome.mostRecentDay,
    systolic: outcome.lowestSystolic?.value ?? null,
    diastolic: outcome.lowestDiastolic?.value ?? null,
  };
}

function glycemicOf(row: EvidenceRow | undefined): LastGlycemic | null | undefined {
  const outcome = row?.evidence.outcome;
  if (outcome?.kind !== 'glycemic-status') return undefined;
  const recent = outcome.mostRecent;
  return recent === null ? null : { day: recent.day, percent: recent.percent, test: recent.test };
}

/**
 * The patients of a stratum (after the filters) who are not meeting the measure, with their last blood pressure and
 * last HbA1c from the engine's evidence (`others` holds the other measures' rows, matched by patient id).
 */
export function outreachList(
  rows: readonly EvidenceRow[],
  options: {
    readonly improvementNotation: ImprovementNotation;
    readonly selection: StratumSelection;
    readonly filters: PanelFilters;
    readonly others?: readonly (readonly EvidenceRow[])[];
  },
): OutreachEntry[] {
  const byPatient = (options.others ?? []).map((list) => new Map(list.map((r) => [r.patientId, r])));
  const entries: OutreachEntry[] = [];
  for (const row of rows) {
    if (!notMeetingGoal(row, options.improvementNotation)) continue;
    if (!matchesFilters(row, options.filters) || !inStratum(row, options.selection)) continue;
    const related = [row, ...byPatient.map((m) => m.get(row.patientId))];
    const lastBloodPressure = related.map(bloodPressureOf).find((x) => x !== undefined);
    const lastGlycemic = related.map(glycemicOf).find((x) => x !== undefined);
    const own = row.evidence.outcome;
    const hasReading =
      own?.kind === 'blood-pressure'
        ? own.mostRecentDay !== null
        : own?.kind === 'glycemic-status' && own.mostRecent !== null;
    entries.push({
      patientId: row.patientId,
      age: row.ageAtPeriodEnd,
      lastBloodPressure,
      lastGlycemic,
      reason: hasReading ? 'above-goal' : 'no-reading',
    });
  }
  return entries;
}

/** Columns the outreach list sorts by. */
export type OutreachSortKey = 'name' | 'age' | 'bp' | 'bp-day' | 'a1c' | 'a1c-day';

/**
 * Sorts entries (a new array): by `key`, ascending or descending, missing values last either way, then by name.
 * `nameOf` gives the display name (or the id when names are not shown).
 */
export function sortOutreach(
  entries: readonly OutreachEntry[],
  key: OutreachSortKey,
  direction: 'ascending' | 'descending',
  nameOf: (patientId: string) => string,
): OutreachEntry[] {
  const value = (e: OutreachEntry): string | number | undefined => {
    switch (key) {
      case 'name':
        return nameOf(e.patientId).toLocaleLowerCase('en-US');
      case 'age':
        return e.age ?? undefined;
      case 'bp':
        return e.lastBloodPressure?.systolic ?? undefined;
      case 'bp-day':
        return e.lastBloodPressure?.day;
      case 'a1c':
        return e.lastGlycemic?.percent ?? undefined;
      case 'a1c-day':
        return e.lastGlycemic?.day;
    }
  };
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: OutreachEntry, b: OutreachEntry): number =>
    nameOf(a.patientId).localeCompare(nameOf(b.patientId), 'en-US');
  return [...entries].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === undefined || vb === undefined) return va === vb ? byName(a, b) : va === undefined ? 1 : -1;
    if (va === vb) return byName(a, b);
    return (va < vb ? -1 : 1) * sign;
  });
}
