import { describe, expect, it } from 'vitest';
import shipped from '../../src/domain/self-report-cdc-names.json';
import { cdcEnglishName, detailedOptions, normalizeCodes, SELF_REPORT_FORMS } from '../../src/domain/self-report-form';
import { buildCdcNames } from './self-report-cdc-names-source';

const [race1997, ethnicity1997] = SELF_REPORT_FORMS['omb-1997'].questions;
const [combined] = SELF_REPORT_FORMS['omb-2024'].questions;

describe('CDC names and the detailed choices of the form', () => {
  it('ships exactly what the generator builds from the HL7 code systems', () => {
    expect(shipped).toEqual(buildCdcNames());
    expect(cdcEnglishName('2106-3')).toBe('White');
    expect(cdcEnglishName('2127-9')).toBe('Israeli'); // the CDC display is misspelt "Israeili"
  });

  it('offers detailed groups under their category, and nothing without one (Other Race)', () => {
    if (race1997 === undefined || ethnicity1997 === undefined || combined === undefined) throw new Error('forms');
    const race = new Map(detailedOptions(race1997).map((o) => [o.code, o.category]));
    expect(race.get('2034-7')).toBe('2028-9'); // Chinese → Asian
    expect(race.get('1735-0')).toBe('1002-5'); // Alaska Native → AIAN
    expect(race.has('2131-1')).toBe(false);
    expect(race.has('2148-5')).toBe(false); // Mexican is an ethnicity under 1997
    expect(detailedOptions(ethnicity1997).every((o) => o.category === '2135-2')).toBe(true);
    const all = new Map(detailedOptions(combined).map((o) => [o.code, o.category]));
    expect(all.get('2148-5')).toBe('2135-2');
    expect(all.get('2129-5')).toBe('2118-8'); // Arab moves under MENA in 2024
  });

  it('normalizes codes: categories added and first, unknown codes dropped, one category for pick-one', () => {
    if (race1997 === undefined || ethnicity1997 === undefined) throw new Error('forms');
    expect(normalizeCodes(race1997, ['2034-7', '9999-9', '2106-3', '2034-7'])).toEqual(['2028-9', '2106-3', '2034-7']);
    expect(normalizeCodes(ethnicity1997, ['2135-2', '2186-5', '2148-5'])).toEqual(['2135-2', '2148-5']);
  });
});
