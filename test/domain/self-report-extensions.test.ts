import { describe, expect, it } from 'vitest';
import { ethnicityOf } from '../../src/domain/ethnicity';
import { raceOf } from '../../src/domain/race';
import { OMB_2024 } from '../../src/domain/race-scheme';
import { ombExtension, type WrittenExtension } from '../../src/domain/self-report-extensions';

const CDC = 'urn:oid:2.16.840.1.113883.6.238';
const NF = 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor';

/** `[url, system, code]` of each sub-extension, and the text. */
function parts(ext: WrittenExtension): { coded: string[][]; text: string | undefined } {
  const subs = ext.extension ?? [];
  return {
    coded: subs
      .filter((s) => s.valueCoding)
      .map((s) => [s.url, s.valueCoding?.system ?? '', s.valueCoding?.code ?? '']),
    text: subs.find((s) => s.url === 'text')?.valueString,
  };
}

const patientWith = (...extension: WrittenExtension[]) => ({ resourceType: 'Patient', id: 'p', extension });

describe('ombExtension: answers to US Core race and ethnicity (US Core 6 rules)', () => {
  it('writes two OMB races as two ombCategory codings, in OMB order, with a text', () => {
    const ext = ombExtension('race', { kind: 'codes', codes: ['2106-3', '2054-5'] });
    expect(ext.url).toBe('http://hl7.org/fhir/us/core/StructureDefinition/us-core-race');
    expect(parts(ext)).toEqual({
      coded: [
        ['ombCategory', CDC, '2054-5'],
        ['ombCategory', CDC, '2106-3'],
      ],
      text: 'White, Black or African American',
    });
    expect(raceOf(patientWith(ext)).value.key).toBe('multiple');
  });

  it('writes a detailed code as detailed and adds the OMB category it rolls up to (Samoan → NHPI)', () => {
    // CDC hierarchy: 2080-0 Samoan < 2078-4 Polynesian < 2076-8 Native Hawaiian or Other Pacific Islander.
    const ext = ombExtension('race', { kind: 'codes', codes: ['2080-0'] });
    expect(parts(ext).coded).toEqual([
      ['ombCategory', CDC, '2076-8'],
      ['detailed', CDC, '2080-0'],
    ]);
    expect(raceOf(patientWith(ext)).value.key).toBe('2076-8');
  });

  it('does not repeat a category already chosen with its detailed code', () => {
    const ext = ombExtension('race', { kind: 'codes', codes: ['2028-9', '2034-7', '2047-9'] });
    expect(parts(ext).coded.map(([url, , code]) => `${url}:${code}`)).toEqual([
      'ombCategory:2028-9',
      'detailed:2034-7',
      'detailed:2047-9',
    ]);
  });

  it('writes ASKU and UNK as the only ombCategory, under v3-NullFlavor', () => {
    for (const kind of ['ASKU', 'UNK'] as const) {
      const ext = ombExtension('race', { kind });
      expect(parts(ext).coded).toEqual([['ombCategory', NF, kind]]);
      expect(parts(ext).text).toBeTruthy();
      expect(raceOf(patientWith(ext)).value.key).toBe(kind);
    }
  });

  it('writes a detailed ethnicity under Hispanic or Latino (Mexican → 2135-2)', () => {
    const ext = ombExtension('ethnicity', { kind: 'codes', codes: ['2148-5'] });
    expect(parts(ext).coded).toEqual([
      ['ombCategory', CDC, '2135-2'],
      ['detailed', CDC, '2148-5'],
    ]);
    expect(ethnicityOf(patientWith(ext)).value).toBe('2135-2');
  });

  it('never writes more than the five OMB race codes as ombCategory, and only OMB codes there', () => {
    const many = ['1002-5', '2028-9', '2054-5', '2076-8', '2106-3', '2034-7', '2079-2', '1004-1'];
    const omb = parts(ombExtension('race', { kind: 'codes', codes: many })).coded.filter(
      ([url]) => url === 'ombCategory',
    );
    expect(omb.map(([, , code]) => code)).toEqual(['1002-5', '2028-9', '2054-5', '2076-8', '2106-3']);
  });

  it('writes Middle Eastern or North African as detailed under White, read back as MENA under OMB 2024', () => {
    const ext = ombExtension('race', { kind: 'codes', codes: ['2118-8'] });
    expect(parts(ext).coded).toEqual([
      ['ombCategory', CDC, '2106-3'],
      ['detailed', CDC, '2118-8'],
    ]);
    expect(raceOf(patientWith(ext)).value.key).toBe('2106-3');
    expect(raceOf(patientWith(ext), OMB_2024).value.key).toBe('2118-8');
  });

  it('writes only a text when an answer has no code for this extension', () => {
    expect(parts(ombExtension('race', { kind: 'codes', codes: [] }, 'Hispanic or Latino'))).toEqual({
      coded: [],
      text: 'Hispanic or Latino',
    });
  });
});
