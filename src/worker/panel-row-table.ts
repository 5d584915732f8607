import { z } from 'zod';
import { DIMENSION_IDS, type DimensionId } from '../domain/dimensions';
import type { EvidenceRow } from '../measures/panel-outreach';
import type { MeasureEvidence } from '../measures/patient-measure-result';
import type { MeasureId, Populations } from '../measures/types';
import { measureOutcomeEvidenceSchema } from './evidence-schema';
import { measureIdSchema } from './report-schema';
import type { MeasureOutcome } from './measure-run';

// A population's drill-down rows as they travel from the worker to the panels: what the panels read of each row
// (age, populations, stratum keys, the outcome evidence behind the outreach list), column by column. One row per
// patient and measure as objects is 10 MB and 200,000 objects for 10,000 patients; copying them between threads
// and validating them took longer than evaluating them. Here the patients' columns travel once for every measure,
// populations are one byte, stratum keys are indexes into each dimension's distinct keys, and only the outcome
// evidence stays an object (null outside the initial population).

/** One dimension's keys: the distinct ones, and each patient's index into them. */
export interface PanelStrataColumn {
  readonly dimension: DimensionId;
  readonly keys: readonly (string | readonly string[])[];
  readonly index: Uint32Array;
}

/** One measure's columns: populations as bits (see {@link POPULATION_BITS}) and each row's outcome evidence. */
export interface PanelMeasureColumns {
  readonly measure: MeasureId;
  readonly populations: Uint8Array;
  readonly outcomes: readonly MeasureEvidence['outcome'][];
}

/** Every measure's rows for the same patients, in the same order. */
export interface PanelRowTable {
  readonly patientIds: readonly string[];
  /** Age at the end of the period; NaN when unknown. */
  readonly ages: Float64Array;
  readonly strata: readonly PanelStrataColumn[];
  readonly measures: readonly PanelMeasureColumns[];
}

/** One measure's rows, as the panels read them. */
export interface PanelMeasureRows {
  readonly measure: MeasureId;
  readonly rows: readonly EvidenceRow[];
}

/** Bit of each population in {@link PanelMeasureColumns.populations}. */
export const POPULATION_BITS = {
  initialPopulation: 1,
  denominator: 2,
  denominatorExclusion: 4,
  denominatorException: 8,
  numerator: 16,
} as const satisfies Record<keyof Populations, number>;

function populationBits(p: Populations): number {
  return (
    (p.initialPopulation ? POPULATION_BITS.initialPopulation : 0) |
    (p.denominator ? POPULATION_BITS.denominator : 0) |
    (p.denominatorExclusion ? POPULATION_BITS.denominatorExclusion : 0) |
    (p.denominatorException ? POPULATION_BITS.denominatorException : 0) |
    (p.numerator ? POPULATION_BITS.numerator : 0)
  );
}

function populationsOf(bits: number): Populations {
  return Object.freeze({
    initialPopulation: (bits & POPULATION_BITS.initialPopulation) !== 0,
    denominator: (bits & POPULATION_BITS.denominator) !== 0,
    denominatorExclusion: (bits & POPULATION_BITS.denominatorExclusion) !== 0,
    denominatorException: (bits & POPULATION_BITS.denominatorException) !== 0,
    numerator: (bits & POPULATION_BITS.numerator) !== 0,
  });
}

/** The 32 possible population sets, shared by every row that has them (rows are read, never changed). */
const POPULATIONS_BY_BITS: readonly Populations[] = Array.from({ length: 32 }, (_, bits) => populationsOf(bits));

/** A stratum key's identity in its dimension's dictionary: arrays (the multi-valued race view) by content. */
function keyId(value: string | readonly string[]): string {
  // A string is its own identity; an array's codes are joined with a character no key contains.
  return typeof value === 'string' ? value : `\u0000${value.join('\u0000')}`;
}

/**
 * The rows of a run's outcomes as a {@link PanelRowTable}. Every outcome must hold one row per patient in the same
 * order (a `MeasureRun` with `keepRows` gives that); anything else is a bug and throws.
 */
export function toPanelRowTable(outcomes: readonly MeasureOutcome[]): PanelRowTable {
  const first = outcomes[0]?.rows ?? [];
  const n = first.length;
  const patientIds = first.map((row) => row.patientId);
  for (const outcome of outcomes) {
    if (outcome.rows.length !== n || !outcome.rows.every((row, i) => row.patientId === patientIds[i])) {
      throw new Error('the measures of a run have rows for different patients');
    }
  }
  const ages = new Float64Array(n);
  for (let i = 0; i < n; i++) ages[i] = first[i]?.ageAtPeriodEnd ?? Number.NaN;
  const strata = DIMENSION_IDS.map((dimension): PanelStrataColumn => {
    const ids = new Map<string, number>();
    const keys: (string | readonly string[])[] = [];
    const index = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const value: string | readonly string[] = first[i]?.strata[dimension] ?? 'absent';
      const id = keyId(value);
      let at = ids.get(id);
      if (at === undefined) {
        at = keys.length;
        ids.set(id, at);
        keys.push(value);
      }
      index[i] = at;
    }
    return { dimension, keys, index };
  });
  const measures = outcomes.map((outcome): PanelMeasureColumns => {
    const populations = new Uint8Array(n);
    outcome.rows.forEach((row, i) => {
      populations[i] = populationBits(row.populations);
    });
    return { measure: outcome.measure, populations, outcomes: outcome.rows.map((row) => row.evidence.outcome) };
  });
  return { patientIds, ages, strata, measures };
}

/**
 * The rows of a (validated) {@link PanelRowTable}: one object per patient and measure, sharing each patient's
 * stratum keys between measures.
 */
export function fromPanelRowTable(table: PanelRowTable): PanelMeasureRows[] {
  const n = table.patientIds.length;
  const strata: EvidenceRow['strata'][] = [];
  for (let i = 0; i < n; i++) {
    const keys: Partial<Record<DimensionId, string | readonly string[]>> = {};
    for (const column of table.strata) {
      const value = column.keys[column.index[i] ?? 0];
      if (value !== undefined) keys[column.dimension] = value;
    }
    strata.push(keys);
  }
  return table.measures.map((columns) => ({
    measure: columns.measure,
    rows: table.patientIds.map((patientId, i): EvidenceRow => {
      const age = table.ages[i] ?? Number.NaN;
      return {
        patientId,
        ageAtPeriodEnd: Number.isNaN(age) ? null : age,
        populations: POPULATIONS_BY_BITS[columns.populations[i] ?? 0] ?? populationsOf(0),
        strata: strata[i] ?? {},
        evidence: { outcome: columns.outcomes[i] ?? null },
      };
    }),
  }));
}

const stratumValue = z.union([z.string(), z.array(z.string())]);

/**
 * A {@link PanelRowTable} from the worker: the columns' types and lengths, every key index within its dictionary,
 * populations that are sets of the five bits, and every outcome's evidence.
 */
export const panelRowTableSchema = z
  .object({
    patientIds: z.array(z.string().min(1)),
    ages: z.instanceof(Float64Array),
    strata: z.array(
      z.object({ dimension: z.enum(DIMENSION_IDS), keys: z.array(stratumValue), index: z.instanceof(Uint32Array) }),
    ),
    measures: z.array(
      z.object({
        measure: measureIdSchema,
        populations: z.instanceof(Uint8Array),
        outcomes: z.array(measureOutcomeEvidenceSchema),
      }),
    ),
  })
  .superRefine((table, context) => {
    const n = table.patientIds.length;
    const problem = (message: string): void => {
      context.addIssue({ code: 'custom', message });
    };
    if (table.ages.length !== n) problem('ages and patients differ in number');
    for (const column of table.strata) {
      if (column.index.length !== n) problem(`${column.dimension}: keys and patients differ in number`);
      else if (column.index.some((at) => at >= column.keys.length)) problem(`${column.dimension}: a key is missing`);
    }
    for (const columns of table.measures) {
      if (columns.populations.length !== n || columns.outcomes.length !== n) {
        problem(`${columns.measure}: rows and patients differ in number`);
      } else if (columns.populations.some((bits) => bits > 31)) problem(`${columns.measure}: unknown populations`);
    }
  }) satisfies z.ZodType<PanelRowTable>;
