import { describe, expect, it } from 'vitest';
import { raceOf } from '../../src/domain/race';
import { OMB_2024 } from '../../src/domain/race-scheme';
import { withRace, withRaceAndEthnicity } from './patients';

describe('raceOf (OMB 1997)', () => {
  it('keys a single OMB category by its bare CDC code', () => {
    expect(raceOf(withRace(['ombCategory', '2054-5'])).value).toEqual({
      key: '2054-5',
      categories: ['2054-5'],
      combined: ['2054-5'],
    });
  });

  it('keys two distinct categories as multiple and lists both for "alone or in combination"', () => {
    const race = raceOf(withRace(['ombCategory', '2106-3'], ['ombCategory', '2028-9'])).value;
    expect(race.key).toBe('multiple');
    expect(race.combined).toEqual(['2028-9', '2106-3']);
  });

  it('rolls a detailed code without an OMB code up to its category', () => {
    expect(raceOf(withRace(['detailed', '2036-2'])).value.key).toBe('2028-9'); // Filipino → Asian
  });

  it('does not call a detailed code of the same category "multiple"', () => {
    expect(raceOf(withRace(['ombCategory', '2028-9'], ['detailed', '2047-9'])).value.key).toBe('2028-9');
  });

  it('keeps ASKU, UNK and absent as keys of their own', () => {
    expect(raceOf(withRace(['ombCategory', 'ASKU'])).value).toEqual({
      key: 'ASKU',
      categories: [],
      combined: ['ASKU'],
    });
    expect(raceOf(withRace(['ombCategory', 'UNK'])).value.key).toBe('UNK');
    expect(raceOf({ resourceType: 'Patient' }).value).toEqual({ key: 'absent', categories: [], combined: ['absent'] });
  });

  it('turns an unknown code into UNK with a warning instead of throwing', () => {
    const mapped = raceOf(withRace(['ombCategory', '9999-9']));
    expect(mapped.value.key).toBe('UNK');
    expect(mapped.warnings.map((w) => w.code)).toContain('missing-code');
    expect(raceOf('not a patient').value.key).toBe('absent');
  });
});

describe('raceOf (OMB 2024 scheme, switched on by data)', () => {
  it('files Middle Eastern or North African codes under MENA instead of White', () => {
    expect(raceOf(withRace(['ombCategory', '2106-3'], ['detailed', '2120-4']), OMB_2024).value.key).toBe('2118-8');
    expect(raceOf(withRace(['detailed', '2129-5']), OMB_2024).value.key).toBe('2118-8'); // Arab
  });

  it('counts Hispanic or Latino ethnicity as a category of the combined question', () => {
    const race = raceOf(withRaceAndEthnicity([['ombCategory', '2106-3']], [['ombCategory', '2135-2']]), OMB_2024).value;
    expect(race.key).toBe('multiple');
    expect(race.combined).toEqual(['2135-2', '2106-3']);
  });
});
