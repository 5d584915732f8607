import { z } from 'zod';
import { DIMENSION_IDS, type DimensionId } from '../domain/dimensions';
import type { PatientStrataInput, PopulationCounts, StratifierDimensions, StratumInput } from './stratification-types';
import { stratifierId } from './stratification-types';

/** Separates the keys of an intersection inside a cell key (a control character no key contains). */
export const KEY_SEPARATOR = '\u001f';

/** Counts in a fixed order: initial population, denominator, exclusion, exception, numerator. */
export type CountTuple = readonly [number, number, number, number, number];

/** A serialisable, mergeable accumulator state (JSON- and structured-clone-safe). */
export interface AccumulatorSnapshot {
  readonly format: 'equity-lens/stratification-accumulator@1';
  readonly stratifiers: readonly StratifierDimensions[];
  /** Patients counted (those in the initial population). */
  readonly patients: number;
  readonly total: CountTuple;
  /** Per stratifier (same order), `[cellKey, ...counts]`; intersection keys joined with {@link KEY_SEPARATOR}. */
  readonly cells: readonly (readonly (readonly [string, number, number, number, number, number])[])[];
  /** Dimensions in which some patient had zero or several keys: their strata overlap and do not sum to the total. */
  readonly multiValued: readonly DimensionId[];
}

const count = z.number().int().nonnegative();
const dimension = z.enum(DIMENSION_IDS);

/** Validates a snapshot read from outside (a file, a worker message). */
export const accumulatorSnapshotSchema = z.object({
  format: z.literal('equity-lens/stratification-accumulator@1'),
  stratifiers: z.array(z.array(dimension).min(1).max(3)),
  patients: count,
  total: z.tuple([count, count, count, count, count]),
  cells: z.array(z.array(z.tuple([z.string(), count, count, count, count, count]))),
  multiValued: z.array(dimension),
});

/** Converts a count tuple to named counts. */
export function countsOf(t: readonly number[]): PopulationCounts {
  return {
    initialPopulation: t[0] ?? 0,
    denominator: t[1] ?? 0,
    denominatorExclusion: t[2] ?? 0,
    denominatorException: t[3] ?? 0,
    numerator: t[4] ?? 0,
  };
}

/**
 * Raw counts per stratum, for one measure, over any number of patients. Adding is cheap (one map lookup and five
 * increments per stratifier); rates, intervals, comparisons and suppression are computed only by
 * `finishStratification`, so accumulators over disjoint patients can be merged exactly ({@link merge}).
 */
export class StratificationAccumulator {
  readonly stratifiers: readonly StratifierDimensions[];
  #patients = 0;
  readonly #total: number[] = [0, 0, 0, 0, 0];
  readonly #cells: Map<string, number[]>[];
  readonly #multiValued = new Set<DimensionId>();

  /** @param stratifiers one entry per stratifier: one dimension, or two or three for an intersection. */
  constructor(stratifiers: readonly StratifierDimensions[]) {
    for (const dims of stratifiers) {
      if (dims.length < 1 || dims.length > 3 || new Set(dims).size !== dims.length)
        throw new Error(`a stratifier has one to three distinct dimensions, not ${stratifierId(dims)}`);
    }
    this.stratifiers = stratifiers.map((dims) => [...dims]);
    this.#cells = stratifiers.map(() => new Map<string, number[]>());
  }

  /** Patients counted so far (those in the initial population). */
  get patients(): number {
    return this.#patients;
  }

  /**
   * Counts one patient. Populations are normalised with the eCQM proportion cascade, so that inconsistent flags
   * cannot push a rate above 1: denominator requires the initial population; an exclusion requires the
   * denominator; the numerator requires the denominator and no exclusion; an exception requires the denominator,
   * no exclusion and no numerator. Patients outside the initial population are not counted. A dimension missing
   * from `strata` is `absent`; an empty list is `absent`; duplicate keys in a list count once.
   */
  add(input: PatientStrataInput): void {
    const p = input.populations;
    if (!p.initialPopulation) return;
    const den = p.denominator;
    const excl = den && p.denominatorExclusion;
    const num = den && !excl && p.numerator;
    const exc = den && !excl && !num && p.denominatorException;
    const d = den ? 1 : 0;
    const x = excl ? 1 : 0;
    const e = exc ? 1 : 0;
    const n = num ? 1 : 0;
    this.#patients++;
    const t = this.#total;
    t[0] = (t[0] ?? 0) + 1;
    t[1] = (t[1] ?? 0) + d;
    t[2] = (t[2] ?? 0) + x;
    t[3] = (t[3] ?? 0) + e;
    t[4] = (t[4] ?? 0) + n;
    for (let i = 0; i < this.stratifiers.length; i++) {
      const dims = this.stratifiers[i] ?? [];
      const cells = this.#cells[i] ?? new Map<string, number[]>();
      const first = dims[0];
      if (dims.length === 1 && first !== undefined) {
        const v = input.strata[first];
        if (typeof v === 'string') bump(cells, v, d, x, e, n);
        else for (const key of this.#keys(first, v)) bump(cells, key, d, x, e, n);
        continue;
      }
      let keys: string[] = [''];
      for (let j = 0; j < dims.length; j++) {
        const dim = dims[j];
        if (dim === undefined) continue;
        const v = input.strata[dim];
        const own = typeof v === 'string' ? [v] : this.#keys(dim, v);
        const next: string[] = [];
        for (const prefix of keys) for (const k of own) next.push(j === 0 ? k : prefix + KEY_SEPARATOR + k);
        keys = next;
      }
      for (const key of keys) bump(cells, key, d, x, e, n);
    }
  }

  #keys(dim: DimensionId, v: StratumInput | undefined): readonly string[] {
    if (v === undefined) return ['absent'];
    if (typeof v === 'string') return [v];
    const unique = [...new Set(v)];
    if (unique.length !== 1) this.#multiValued.add(dim);
    return unique.length === 0 ? ['absent'] : unique;
  }

  /** Adds another accumulator's counts (patients must be disjoint). Throws when the stratifiers differ. */
  merge(other: StratificationAccumulator | AccumulatorSnapshot): this {
    const snap = other instanceof StratificationAccumulator ? other.toSnapshot() : other;
    const mine = this.stratifiers.map(stratifierId).join(',');
    const theirs = snap.stratifiers.map(stratifierId).join(',');
    if (mine !== theirs) throw new Error(`cannot merge stratifiers [${theirs}] into [${mine}]`);
    this.#patients += snap.patients;
    for (let k = 0; k < 5; k++) this.#total[k] = (this.#total[k] ?? 0) + (snap.total[k] ?? 0);
    snap.cells.forEach((entries, i) => {
      const cells = this.#cells[i];
      if (cells === undefined) return;
      for (const [key, ...c] of entries) {
        const row = cells.get(key);
        if (row === undefined) cells.set(key, [...c]);
        else for (let k = 0; k < 5; k++) row[k] = (row[k] ?? 0) + (c[k] ?? 0);
      }
    });
    for (const dim of snap.multiValued) this.#multiValued.add(dim);
    return this;
  }

  /** A plain-data copy of the state (cells sorted by key, so equal counts give equal snapshots). */
  toSnapshot(): AccumulatorSnapshot {
    const tuple = (r: readonly number[]): CountTuple => [r[0] ?? 0, r[1] ?? 0, r[2] ?? 0, r[3] ?? 0, r[4] ?? 0];
    return {
      format: 'equity-lens/stratification-accumulator@1',
      stratifiers: this.stratifiers.map((dims) => [...dims]),
      patients: this.#patients,
      total: tuple(this.#total),
      cells: this.#cells.map((cells) =>
        [...cells.entries()]
          .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
          .map(([key, r]) => [key, ...tuple(r)] as const),
      ),
      multiValued: [...this.#multiValued].sort(),
    };
  }

  /** Rebuilds an accumulator from a snapshot (validate outside data with {@link accumulatorSnapshotSchema} first). */
  static fromSnapshot(snapshot: AccumulatorSnapshot): StratificationAccumulator {
    return new StratificationAccumulator(snapshot.stratifiers).merge(snapshot);
  }
}

function bump(cells: Map<string, number[]>, key: string, d: number, x: number, e: number, n: number): void {
  const row = cells.get(key);
  if (row === undefined) {
    cells.set(key, [1, d, x, e, n]);
    return;
  }
  row[0] = (row[0] ?? 0) + 1;
  row[1] = (row[1] ?? 0) + d;
  row[2] = (row[2] ?? 0) + x;
  row[3] = (row[3] ?? 0) + e;
  row[4] = (row[4] ?? 0) + n;
}
