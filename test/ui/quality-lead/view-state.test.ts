import { describe, expect, it } from 'vitest';
import { defaultView, formatView, panelFilters, parseView } from '../../../src/ui/features/quality-lead/view-state';

describe('view state in the address', () => {
  it('writes only what differs from the default, and reads it back the same', () => {
    expect(formatView(defaultView(2026), 2026)).toBe('');
    const view = {
      ...defaultView(2026),
      panel: 'outreach' as const,
      measure: 'cms122' as const,
      dimension: 'language' as const,
      third: { dimension: 'age-band' as const, key: '45-64' },
      filters: { age: '30-65', payer: 'medicaid' },
      year: 2025,
      group: { dimensions: ['race' as const, 'sex' as const], keys: ['2054-5', 'female'] },
      pin: {
        measure: 'cms165' as const,
        group: { dimensions: ['race' as const], keys: ['2054-5'] },
        filters: { age: '30-65' },
      },
      benchmark: { medicaid: 22.5 },
    };
    const query = formatView(view, 2026);
    expect(parseView(`?${query}`, 2026)).toEqual({ ...view, ask: undefined });
  });

  it('falls back to the default for anything malformed, so an old or edited link still opens', () => {
    const view = parseView(
      '?panel=nope&by=religion&year=1999&age=12-13&group=race:&pin=measure%3Dx&medicaid=300',
      2026,
    );
    expect(view).toEqual(defaultView(2026));
  });

  it('never puts the same dimension on both axes', () => {
    expect(parseView('?rows=sex&cols=sex', 2026)).toMatchObject({ rows: 'sex', columns: 'race' });
  });

  it('turns filter choices into engine filters (the third dimension too)', () => {
    expect(panelFilters({ age: '75+', lang: 'es' }, { dimension: 'sex', key: 'male' })).toEqual({
      age: { min: 75 },
      keys: { language: 'es', sex: 'male' },
    });
  });
});
