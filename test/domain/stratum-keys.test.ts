import { describe, expect, it } from 'vitest';
import { stratumCoding } from '../../src/domain/stratum-coding';
import { stratumKeysOf } from '../../src/domain/stratum-keys';
import { withRaceAndEthnicity } from './patients';

describe('stratumKeysOf', () => {
  it('gives every dimension a key, absent where nothing is recorded', () => {
    const patient = {
      ...withRaceAndEthnicity([['ombCategory', '2054-5']], [['ombCategory', '2186-5']]),
      gender: 'male',
      birthDate: '1970-06-15',
    };
    const { value } = stratumKeysOf([patient], { asOf: '2026-12-31' });
    expect(value).toEqual({
      race: '2054-5',
      'race-combined': ['2054-5'],
      ethnicity: '2186-5',
      language: 'absent',
      interpreter: 'absent',
      sex: 'male',
      'age-band': '45-64',
      payer: 'absent',
      'food-insecurity': 'not-screened',
      practitioner: 'absent',
      zip: 'absent',
    });
  });

  it('never throws on garbage', () => {
    expect(
      stratumKeysOf([null, 42, { resourceType: 'Patient', extension: 'x' }], { asOf: '2026-12-31' }).value.race,
    ).toBe('absent');
  });
});

describe('stratumCoding', () => {
  it('codes keys in their standard systems', () => {
    expect(stratumCoding('race', '2106-3').system).toBe('urn:oid:2.16.840.1.113883.6.238');
    expect(stratumCoding('ethnicity', 'ASKU').system).toBe('http://terminology.hl7.org/CodeSystem/v3-NullFlavor');
    expect(stratumCoding('language', 'es')).toEqual({ system: 'urn:ietf:bcp:47', code: 'es', display: 'Spanish' });
    expect(stratumCoding('race', 'multiple').system).toBe('https://equity-lens.example.org/CodeSystem/stratum');
  });
});
