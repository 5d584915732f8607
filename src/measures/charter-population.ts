import type { DimensionId } from '../domain/dimensions';
import type { StratumKeys } from '../domain/stratum-keys';
import type { CharterSnapshot, CharterSpec } from './charter-model';
import type { PopulationCounts } from './stratification-types';
import type { Period, Populations } from './types';

/** A patient's keys in the dimensions a charter reads (a list for multi-valued dimensions). */
export type CharterKeys = Partial<Readonly<Record<DimensionId, string | readonly string[]>>>;

const has = (value: string | readonly string[] | undefined, key: string): boolean =>
  value === undefined ? key === 'absent' : typeof value === 'string' ? value === key : value.includes(key);

/**
 * Whether the patient passes every filter of the charter (a missing dimension counts as `absent`) and its age range
 * (the measure's age at the end of the period; a patient of unknown age passes no age range).
 */
export function inCharterPopulation(
  keys: CharterKeys | StratumKeys,
  age: number | null,
  spec: Pick<CharterSpec, 'filters' | 'ageRange'>,
): boolean {
  const k: CharterKeys = keys;
  const range = spec.ageRange;
  if (range !== undefined && (age === null || age < range.min || (range.max !== undefined && age > range.max)))
    return false;
  return spec.filters.every((f) => f.keys.some((key) => has(k[f.dimension], key)));
}

/** Whether the patient's keys match one key per stratifier dimension. */
function matches(keys: CharterKeys, stratifier: readonly DimensionId[], wanted: readonly string[]): boolean {
  return stratifier.length === wanted.length && stratifier.every((dim, i) => has(keys[dim], wanted[i] ?? ''));
}

/**
 * Which of the charter's groups a patient of its population belongs to. The focus group is one stratum; the
 * reference is everyone else (complement), another stratum, or everyone (overall, which includes the focus group).
 */
export function charterGroupsOf(
  keys: CharterKeys | StratumKeys,
  spec: Pick<CharterSpec, 'stratifier' | 'focus' | 'reference'>,
): { readonly focus: boolean; readonly reference: boolean } {
  const k: CharterKeys = keys;
  const focus = matches(k, spec.stratifier, spec.focus.keys);
  switch (spec.reference.kind) {
    case 'complement':
      return { focus, reference: !focus };
    case 'overall':
      return { focus, reference: true };
    case 'stratum':
      return { focus, reference: matches(k, spec.stratifier, spec.reference.keys) };
  }
}

/** Empty counts. */
export function zeroCounts(): PopulationCounts {
  return { initialPopulation: 0, denominator: 0, denominatorExclusion: 0, denominatorException: 0, numerator: 0 };
}

/**
 * Adds one patient to counts with the eCQM proportion cascade (as `StratificationAccumulator.add`): denominator
 * needs the initial population, an exclusion the denominator, the numerator the denominator and no exclusion, an
 * exception the denominator, no exclusion and no numerator.
 */
export function addPatient(counts: PopulationCounts, p: Populations): PopulationCounts {
  if (!p.initialPopulation) return counts;
  const den = p.denominator;
  const excl = den && p.denominatorExclusion;
  const num = den && !excl && p.numerator;
  const exc = den && !excl && !num && p.denominatorException;
  return {
    initialPopulation: counts.initialPopulation + 1,
    denominator: counts.denominator + (den ? 1 : 0),
    denominatorExclusion: counts.denominatorExclusion + (excl ? 1 : 0),
    denominatorException: counts.denominatorException + (exc ? 1 : 0),
    numerator: counts.numerator + (num ? 1 : 0),
  };
}

/** What a counter needs of a charter's spec. */
export type CounterSpec = Pick<CharterSpec, 'stratifier' | 'focus' | 'reference' | 'filters' | 'ageRange'>;

/** Counts a charter's three groups over one period, one patient at a time. */
export class CharterCounter {
  readonly period: Period;
  readonly #spec: CounterSpec;
  #overall = zeroCounts();
  #focus = zeroCounts();
  #reference = zeroCounts();

  constructor(spec: CounterSpec, period: Period) {
    this.#spec = spec;
    this.period = period;
  }

  /** Adds a patient's result (`age`: the measure's age at period end); patients the filters exclude are not counted. */
  add(populations: Populations, keys: CharterKeys | StratumKeys, age: number | null): void {
    if (!inCharterPopulation(keys, age, this.#spec)) return;
    const groups = charterGroupsOf(keys, this.#spec);
    this.#overall = addPatient(this.#overall, populations);
    if (groups.focus) this.#focus = addPatient(this.#focus, populations);
    if (groups.reference) this.#reference = addPatient(this.#reference, populations);
  }

  snapshot(): CharterSnapshot {
    return { period: this.period, overall: this.#overall, focus: this.#focus, reference: this.#reference };
  }
}
