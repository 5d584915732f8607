import { describe, expect, it } from 'vitest';
import { ageBandOf, ageInYears, patientAgeAt } from '../../src/domain/age';
import { sexOf } from '../../src/domain/sex';

describe('age', () => {
  it('counts whole years, the birthday included', () => {
    expect(ageInYears('1960-12-31', '2026-12-30')).toBe(65);
    expect(ageInYears('1960-12-31', '2026-12-31')).toBe(66);
    expect(ageInYears('2000-02-29', '2026-02-28')).toBe(25);
  });

  it('places ages in the default bands (bands are inclusive)', () => {
    expect([17, 18, 29, 30, 44, 45, 64, 65, 74, 75, 101].map((a) => ageBandOf(a))).toEqual([
      '0-17',
      '18-29',
      '18-29',
      '30-44',
      '30-44',
      '45-64',
      '45-64',
      '65-74',
      '65-74',
      '75+',
      '75+',
    ]);
    expect(ageBandOf(40, [{ key: '30-65', min: 30, max: 65 }])).toBe('30-65');
    expect(ageBandOf(70, [{ key: '30-65', min: 30, max: 65 }])).toBe('absent');
  });

  it('reads the Patient birth date, partial dates from their first day, bad dates as a warning', () => {
    expect(patientAgeAt({ birthDate: '1960' }, '2026-12-31').value).toBe(66);
    const bad = patientAgeAt({ resourceType: 'Patient', birthDate: '31/12/1960' }, '2026-12-31');
    expect(bad.value).toBeUndefined();
    expect(bad.warnings[0]?.code).toBe('unparseable-date');
  });
});

describe('sexOf', () => {
  it('maps administrative gender and treats a missing or invalid value as absent', () => {
    expect(sexOf({ gender: 'female' }).value).toBe('female');
    expect(sexOf({}).value).toBe('absent');
    expect(sexOf({ gender: 'F' }).warnings).toHaveLength(1);
  });
});
