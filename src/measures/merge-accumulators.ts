import { StratificationAccumulator, type AccumulatorSnapshot } from './stratification-accumulator';

/**
 * Merges accumulators (or their snapshots, e.g. from workers or files) over disjoint sets of patients into a new
 * accumulator; the parts are not changed. Counts add, so finishing the merge gives exactly the report of one pass
 * over all the patients. Throws when the parts were built for different stratifiers (a programming error).
 */
export function mergeAccumulators(
  first: StratificationAccumulator | AccumulatorSnapshot,
  ...rest: readonly (StratificationAccumulator | AccumulatorSnapshot)[]
): StratificationAccumulator {
  const merged = new StratificationAccumulator(first.stratifiers).merge(first);
  for (const part of rest) merged.merge(part);
  return merged;
}
