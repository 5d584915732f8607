import { describe, expect, it } from 'vitest';
import { StratificationAccumulator } from '../../src/measures/stratification-accumulator';
import { finishStratification } from '../../src/measures/stratification-report';
import type { StratificationOptions, StratumResult, VisibleStratum } from '../../src/measures/stratification-types';
import { group } from './stratification-fixtures';

// White 15/20 = 0.75, Black 8/20 = 0.40: large enough that nothing is suppressed.
function report(options: StratificationOptions) {
  const acc = new StratificationAccumulator([['race']]);
  for (const p of [...group(20, 15, { race: '2106-3' }), ...group(20, 8, { race: '2054-5' })]) acc.add(p);
  return finishStratification(acc, options);
}
const stratum = (strata: readonly StratumResult[], key: string): VisibleStratum => {
  const s = strata.find((x) => x.key === key);
  if (s === undefined || s.suppressed) throw new Error(`no visible stratum ${key}`);
  return s;
};

describe('finishStratification', () => {
  it('computes rates and compares with everyone else; a positive gap is worse for a higher-is-better measure', () => {
    const r = report({ improvementNotation: 'increase' });
    const black = stratum(r.stratifiers[0]?.strata ?? [], '2054-5');
    expect(black.rate).toBe(0.4);
    expect(black.comparison?.referenceRate).toBe(0.75); // everyone else = the White patients
    expect(black.comparison?.difference).toBeCloseTo(-0.35, 12);
    expect(black.comparison?.gap).toBeCloseTo(0.35, 12);
    expect(black.comparison?.direction).toBe('worse');
    // Wilson 8/20 ≈ [0.219, 0.613] does not reach 0.75.
    expect(black.comparison?.excludesReference).toBe(true);
    expect(r.overall.suppressed ? undefined : r.overall.rate).toBe(23 / 40);
  });

  it('flips the sign for CMS122 (lower is better): the lower rate is better and is the best stratum', () => {
    const r = report({ improvementNotation: 'decrease', reference: { kind: 'best' } });
    const strata = r.stratifiers[0]?.strata ?? [];
    expect(stratum(strata, '2054-5').comparison?.gap).toBe(0);
    const white = stratum(strata, '2106-3').comparison;
    expect(white?.referenceLabel).toBe('Black or African American');
    expect(white?.gap).toBeCloseTo(0.35, 12);
    expect(white?.direction).toBe('worse');
  });

  it('picks the highest rate as best for CMS165 and honours a named reference', () => {
    const best = report({ improvementNotation: 'increase', reference: { kind: 'best' } });
    expect(stratum(best.stratifiers[0]?.strata ?? [], '2054-5').comparison?.referenceLabel).toBe('White');
    const named = report({ improvementNotation: 'increase', reference: { kind: 'stratum', key: '2054-5' } });
    expect(stratum(named.stratifiers[0]?.strata ?? [], '2106-3').comparison?.difference).toBeCloseTo(0.35, 12);
  });

  it('gives no rate when everyone in the denominator is excluded', () => {
    const acc = new StratificationAccumulator([['sex']]);
    const populations = {
      initialPopulation: true,
      denominator: true,
      denominatorExclusion: true,
      denominatorException: false,
      numerator: false,
    };
    for (let i = 0; i < 12; i++) acc.add({ populations, strata: { sex: 'female' } });
    const s = finishStratification(acc, { improvementNotation: 'increase' }).stratifiers[0]?.strata[0];
    expect(s?.suppressed === false && s.rate === undefined && s.performanceDenominator === 0).toBe(true);
  });
});
