import { describe, expect, it } from 'vitest';
import { mergeAccumulators } from '../../src/measures/merge-accumulators';
import { accumulatorSnapshotSchema, StratificationAccumulator } from '../../src/measures/stratification-accumulator';
import { finishStratification } from '../../src/measures/stratification-report';
import type { PatientStrataInput, StratifierDimensions } from '../../src/measures/stratification-types';

/** A reproducible mixed population (linear congruential generator, no Math.random). */
function population(n: number): PatientStrataInput[] {
  let seed = 12345;
  const next = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const races = ['2106-3', '2054-5', '2028-9', 'multiple', 'ASKU', 'absent'];
  return Array.from({ length: n }, () => {
    const race = races[next(races.length)] ?? 'absent';
    return {
      populations: {
        initialPopulation: next(10) > 0,
        denominator: next(10) > 0,
        denominatorExclusion: next(10) === 0,
        denominatorException: false,
        numerator: next(2) === 0,
      },
      strata: {
        race,
        'race-combined': race === 'multiple' ? ['2106-3', '2054-5'] : [race],
        sex: next(2) === 0 ? 'female' : 'male',
        'age-band': ['18-29', '30-44', '45-64', '65-74'][next(4)] ?? 'absent',
      },
    };
  });
}

const STRATIFIERS: StratifierDimensions[] = [
  ['race'],
  ['race-combined'],
  ['sex'],
  ['race', 'sex'],
  ['race', 'sex', 'age-band'],
];

describe('mergeAccumulators', () => {
  it('gives exactly the one-pass report for a population split across workers', () => {
    const patients = population(3000);
    const onePass = new StratificationAccumulator(STRATIFIERS);
    for (const p of patients) onePass.add(p);

    const parts = [patients.slice(0, 1000), patients.slice(1000, 1700), patients.slice(1700)].map((slice) => {
      const acc = new StratificationAccumulator(STRATIFIERS);
      for (const p of slice) acc.add(p);
      return acc;
    });
    // One part travels as JSON (a worker message or a file) and is validated on the way back in.
    const [a, b, c] = parts;
    if (a === undefined || b === undefined || c === undefined) throw new Error('three parts');
    const wire = accumulatorSnapshotSchema.parse(JSON.parse(JSON.stringify(c.toSnapshot())));
    const merged = mergeAccumulators(b, wire, a);

    expect(merged.toSnapshot()).toEqual(onePass.toSnapshot());
    const options = { improvementNotation: 'decrease', reference: { kind: 'best' } } as const;
    expect(finishStratification(merged, options)).toEqual(finishStratification(onePass, options));
    expect(a.patients + b.patients + c.patients).toBe(onePass.patients);
  });

  it('refuses to merge accumulators built for different stratifiers', () => {
    expect(() =>
      mergeAccumulators(new StratificationAccumulator([['race']]), new StratificationAccumulator([['sex']])),
    ).toThrow();
  });
});
