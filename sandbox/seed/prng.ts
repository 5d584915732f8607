/**
 * A small seeded pseudo-random generator, so that the sandbox population is identical for identical inputs.
 *
 * Counter-based: each draw hashes an incrementing 32-bit counter with an integer finaliser (xor-shift / multiply
 * rounds with well-mixing odd constants). Every patient gets its own stream derived from (seed, patient index), so a
 * population of 5,000 is the first half of the population of 10,000 with the same seed.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One key of a table of non-negative weights (missing keys weigh nothing), proportionally to its weight. */
  weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K;
  /** A normally distributed value (Box–Muller). */
  normal(mean: number, sd: number): number;
}

const GOLDEN = 0x9e3779b9;

/** Finalises a 32-bit integer into a well-mixed 32-bit unsigned integer. */
export function hash32(input: number): number {
  let z = input | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** Derives the seed of an independent stream (e.g. one per patient) from a population seed and a stream number. */
export function streamSeed(seed: number, stream: number): number {
  return hash32(hash32(seed ^ 0x5bd1e995) + Math.imul(stream + 1, GOLDEN));
}

// Weight tables are module constants; caching their keys and total avoids re-reading them on every draw.
const tableCache = new WeakMap<
  object,
  { readonly keys: readonly string[]; readonly weights: readonly number[]; readonly total: number }
>();

function tableOf(weights: Readonly<Partial<Record<string, number>>>): {
  keys: readonly string[];
  weights: readonly number[];
  total: number;
} {
  let table = tableCache.get(weights);
  if (!table) {
    const keys = Object.keys(weights);
    const values = keys.map((k) => weights[k] ?? 0);
    table = { keys, weights: values, total: values.reduce((a, b) => a + b, 0) };
    tableCache.set(weights, table);
  }
  return table;
}

/** Creates a generator; the same seed always yields the same sequence. */
export function createRng(seed: number): Rng {
  let counter = hash32(seed);
  const next = (): number => {
    counter = (counter + GOLDEN) | 0;
    return hash32(counter) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick() needs a non-empty list');
      return item;
    },
    weighted: <K extends string>(weights: Readonly<Partial<Record<K, number>>>): K => {
      const table = tableOf(weights);
      let r = next() * table.total;
      let i = 0;
      for (; i < table.keys.length - 1; i++) {
        r -= table.weights[i] ?? 0;
        if (r < 0) break;
      }
      const key = table.keys[i];
      if (key === undefined) throw new Error('weighted() needs at least one key');
      // The keys are exactly the table's own keys, which Object.keys types as string.
      return key as K;
    },
    normal: (mean, sd) => {
      // 1 - next() is in (0, 1], so the logarithm is finite.
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
  return rng;
}
