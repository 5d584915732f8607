import { describe, expect, it } from 'vitest';
import shipped from '../../src/domain/cdc-race-ethnicity-parents.json';
import { cdcAncestry, OMB_1997, rollUp } from '../../src/domain/race-scheme';
import { buildCdcParents } from './cdc-hierarchy-source';

describe('CDC race & ethnicity hierarchy data', () => {
  it('is exactly what the generator builds from the HL7 code systems', () => {
    expect(shipped).toEqual(buildCdcParents());
  });

  it('rolls detailed codes up to their OMB category', () => {
    // Facts from the CDC code set: Egyptian < Middle Eastern or North African < White; Mexican < Hispanic or Latino;
    // Hmong < Asian; Alaska Native < AIAN; Samoan < Polynesian < NHPI.
    expect(cdcAncestry('2120-4')).toEqual(['2120-4', '2118-8', '2106-3']);
    expect(rollUp('2148-5', ['2135-2', '2186-5'])).toBe('2135-2');
    expect(rollUp('2037-0', OMB_1997.categories)).toBe('2028-9');
    expect(rollUp('1735-0', OMB_1997.categories)).toBe('1002-5');
    expect(rollUp('2080-0', OMB_1997.categories)).toBe('2076-8');
    expect(rollUp('2131-1', OMB_1997.categories)).toBeUndefined();
  });
});
