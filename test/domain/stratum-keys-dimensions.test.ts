import { describe, expect, it } from 'vitest';
import { stratumKeysOf } from '../../src/domain/stratum-keys';
import { withRaceAndEthnicity } from './patients';

const patient = {
  ...withRaceAndEthnicity([['ombCategory', '2028-9']], [['ombCategory', '2135-2']]),
  gender: 'female',
  birthDate: '1980-01-01',
  communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'es-MX' }] }, preferred: true }],
};

describe('stratumKeysOf with dimensions', () => {
  it('computes only the dimensions asked for, with the keys a full run gives them', () => {
    const { value } = stratumKeysOf([patient], { asOf: '2026-12-31', dimensions: ['race', 'language', 'sex'] });
    expect(value).toEqual({ race: '2028-9', language: 'es', sex: 'female' });
  });

  it('raises only the warnings of those dimensions', () => {
    const bad = { resourceType: 'Patient', id: 'p', birthDate: 'not a date' };
    expect(stratumKeysOf([bad], { asOf: '2026-12-31' }).warnings.length).toBeGreaterThan(0);
    expect(stratumKeysOf([bad], { asOf: '2026-12-31', dimensions: ['race'] }).warnings).toEqual([]);
  });
});
