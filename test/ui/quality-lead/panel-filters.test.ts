import { describe, expect, it } from 'vitest';
import { ageRangeOf, matchesFilters } from '../../../src/measures/panel-filters';
import { stratifyRows } from '../../../src/measures/panel-stratify';
import { row } from './panel-rows';

describe('panel filters', () => {
  it('reads age keys as inclusive ranges and refuses anything else', () => {
    expect(ageRangeOf('30-65')).toEqual({ min: 30, max: 65 });
    expect(ageRangeOf('75+')).toEqual({ min: 75 });
    expect(ageRangeOf('65-30')).toBeUndefined();
    expect(ageRangeOf('old')).toBeUndefined();
  });

  it('keeps the toolkit band 30–65 inclusive, drops unknown ages, and reads a missing dimension as absent', () => {
    const band = { age: { min: 30, max: 65 } };
    expect([29, 30, 65, 66].map((age) => matchesFilters(row('p', 'num', {}, age), band))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(matchesFilters(row('p', 'num', {}, null), band)).toBe(false);
    expect(matchesFilters(row('p', 'num', {}), { keys: { payer: 'absent' } })).toBe(true);
    expect(matchesFilters(row('p', 'num', { payer: 'medicaid' }), { keys: { payer: 'absent' } })).toBe(false);
  });

  it('re-counts only the rows that pass, with the engine’s own suppression', () => {
    const rows = [
      ...Array.from({ length: 12 }, (_, i) =>
        row(`w${String(i)}`, i < 9 ? 'num' : 'den', { race: '2106-3', sex: 'female' }),
      ),
      ...Array.from({ length: 12 }, (_, i) =>
        row(`b${String(i)}`, i < 6 ? 'num' : 'den', { race: '2054-5', sex: 'male' }),
      ),
    ];
    const all = stratifyRows(rows, { stratifiers: [['race']], filters: {}, improvementNotation: 'increase' });
    expect(all.overall).toMatchObject({ suppressed: false, counts: { denominator: 24, numerator: 15 } });
    const women = stratifyRows(rows, {
      stratifiers: [['race']],
      filters: { keys: { sex: 'female' } },
      improvementNotation: 'increase',
    });
    expect(women.overall).toMatchObject({ suppressed: false, counts: { denominator: 12, numerator: 9 } });
    expect(women.stratifiers[0]?.strata.map((s) => s.key)).toEqual(['2106-3']);
  });
});
