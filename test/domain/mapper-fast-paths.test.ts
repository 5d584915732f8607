import { describe, expect, it } from 'vitest';
import { ethnicityOf } from '../../src/domain/ethnicity';
import { languageOf } from '../../src/domain/language';
import { raceOf } from '../../src/domain/race';
import { OMB_1997, OMB_2024 } from '../../src/domain/race-scheme';
import { sexOf } from '../../src/domain/sex';
import { US_CORE_ETHNICITY_URL, US_CORE_RACE_URL } from '../../src/domain/systems';

// The race, ethnicity, language and sex mappers read the commonest Patient shapes on a fast path and leave every
// other shape to the full rules. A non-object entry in `extension` (ignored by the full rules) forces the full
// rules, so each case below is mapped both ways and must give the same value and warnings.

const CDC = 'urn:oid:2.16.840.1.113883.6.238';
const NULL_FLAVOR = 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor';
type Sub = readonly [url: string, code: string | undefined, system?: string | null];

function ext(url: string, ...subs: Sub[]): object {
  return {
    url,
    extension: subs.map(([part, code, system]) => ({
      url: part,
      valueCoding: {
        ...(system === null ? {} : { system: system ?? CDC }),
        ...(code === undefined ? {} : { code }),
      },
    })),
  };
}

const patient = (...extension: unknown[]): Record<string, unknown> => ({
  resourceType: 'Patient',
  id: 'p1',
  extension,
});
const forcedFull = (p: Record<string, unknown>): Record<string, unknown> => ({
  ...p,
  extension: [...(Array.isArray(p.extension) ? (p.extension as unknown[]) : []), 'not an extension'],
});

const RACE_CASES: Record<string, Record<string, unknown>> = {
  'one OMB category': patient(ext(US_CORE_RACE_URL, ['ombCategory', '2054-5'], ['text', undefined])),
  'one OMB category without a system': patient(ext(US_CORE_RACE_URL, ['ombCategory', '2028-9', null])),
  'one OMB category, v3 system': patient(
    ext(US_CORE_RACE_URL, ['ombCategory', '2106-3', 'http://terminology.hl7.org/CodeSystem/v3-Race']),
  ),
  'a detailed code as ombCategory': patient(ext(US_CORE_RACE_URL, ['ombCategory', '2036-2'])),
  'two categories': patient(ext(US_CORE_RACE_URL, ['ombCategory', '2106-3'], ['ombCategory', '2054-5'])),
  'category and detailed': patient(ext(US_CORE_RACE_URL, ['ombCategory', '2106-3'], ['detailed', '2118-8'])),
  'category and a detailed code of another': patient(
    ext(US_CORE_RACE_URL, ['ombCategory', '2106-3'], ['detailed', '2036-2']),
  ),
  'a detailed code alone': patient(ext(US_CORE_RACE_URL, ['detailed', '2036-2'])),
  'UNK bare': patient(ext(US_CORE_RACE_URL, ['ombCategory', 'UNK', null])),
  'ASKU null flavor': patient(ext(US_CORE_RACE_URL, ['ombCategory', 'ASKU', NULL_FLAVOR])),
  'other race 2131-1': patient(ext(US_CORE_RACE_URL, ['ombCategory', '2131-1'])),
  'unknown system': patient(ext(US_CORE_RACE_URL, ['ombCategory', '2054-5', 'http://example.org'])),
  'code with blanks': patient(ext(US_CORE_RACE_URL, ['ombCategory', ' 2054-5 '])),
  'empty code': patient(ext(US_CORE_RACE_URL, ['ombCategory', ''])),
  'no code': patient(ext(US_CORE_RACE_URL, ['ombCategory', undefined])),
  'two race extensions': patient(
    ext(US_CORE_RACE_URL, ['ombCategory', '2054-5']),
    ext(US_CORE_RACE_URL, ['ombCategory', '2054-5']),
  ),
  'no race extension': patient(ext(US_CORE_ETHNICITY_URL, ['ombCategory', '2135-2'])),
  'race extension with only text': patient(ext(US_CORE_RACE_URL, ['text', undefined])),
  'Hispanic, race White': patient(
    ext(US_CORE_RACE_URL, ['ombCategory', '2106-3']),
    ext(US_CORE_ETHNICITY_URL, ['ombCategory', '2135-2']),
  ),
};

const ETHNICITY_CASES: Record<string, Record<string, unknown>> = {
  Hispanic: patient(ext(US_CORE_ETHNICITY_URL, ['ombCategory', '2135-2'], ['text', undefined])),
  'not Hispanic': patient(ext(US_CORE_ETHNICITY_URL, ['ombCategory', '2186-5', null])),
  'detailed code as ombCategory': patient(ext(US_CORE_ETHNICITY_URL, ['ombCategory', '2148-5'])),
  'both codes': patient(ext(US_CORE_ETHNICITY_URL, ['ombCategory', '2135-2'], ['ombCategory', '2186-5'])),
  'with detailed': patient(ext(US_CORE_ETHNICITY_URL, ['ombCategory', '2135-2'], ['detailed', '2148-5'])),
  ASKU: patient(ext(US_CORE_ETHNICITY_URL, ['ombCategory', 'ASKU', NULL_FLAVOR])),
  'not a CDC code': patient(ext(US_CORE_ETHNICITY_URL, ['ombCategory', '1234-5'])),
  absent: patient(ext(US_CORE_RACE_URL, ['ombCategory', '2054-5'])),
};

describe('race and ethnicity fast paths agree with the full rules', () => {
  for (const [name, p] of Object.entries(RACE_CASES)) {
    it(`race: ${name}`, () => {
      for (const scheme of [OMB_1997, OMB_2024]) expect(raceOf(p, scheme)).toEqual(raceOf(forcedFull(p), scheme));
    });
  }
  for (const [name, p] of Object.entries(ETHNICITY_CASES)) {
    it(`ethnicity: ${name}`, () => {
      expect(ethnicityOf(p)).toEqual(ethnicityOf(forcedFull(p)));
    });
  }

  it('reads the common shapes to the keys the rules give', () => {
    expect(raceOf(RACE_CASES['one OMB category']).value.key).toBe('2054-5');
    expect(raceOf(RACE_CASES['a detailed code as ombCategory']).value.key).toBe('2028-9');
    expect(raceOf(RACE_CASES['no race extension']).value.key).toBe('absent');
    expect(ethnicityOf(ETHNICITY_CASES.Hispanic).value).toBe('2135-2');
    expect(ethnicityOf(ETHNICITY_CASES['detailed code as ombCategory']).value).toBe('2135-2');
  });

  it('shares frozen results, so a caller cannot change the next patient’s key', () => {
    const a = raceOf(RACE_CASES['one OMB category']);
    expect(raceOf(RACE_CASES['one OMB category'])).toBe(a);
    expect(Object.isFrozen(a.value.combined)).toBe(true);
    expect(Object.isFrozen(ethnicityOf(ETHNICITY_CASES.Hispanic))).toBe(true);
  });
});

describe('language and sex', () => {
  const lang = (...communication: unknown[]): object => ({ resourceType: 'Patient', id: 'p1', communication });
  const tag = (code: unknown, system = 'urn:ietf:bcp:47', preferred?: boolean): object => ({
    language: { coding: [{ system, code }] },
    ...(preferred === undefined ? {} : { preferred }),
  });

  it('prefers the preferred communication, then the BCP-47 coding, and caches nothing wrong', () => {
    expect(languageOf(lang(tag('en'), tag('es-MX', undefined, true))).value).toBe('es');
    expect(languageOf(lang(tag('ZH-Hant'))).value).toBe('zh');
    expect(languageOf(lang({ language: { coding: [{ system: 'x', code: 'fr' }, { code: 'de' }] } })).value).toBe('fr');
    expect(
      languageOf(
        lang({
          language: {
            coding: [
              { system: 'x', code: 'fr' },
              { system: 'urn:ietf:bcp:47', code: 'de' },
            ],
          },
        }),
      ).value,
    ).toBe('de');
    // The same tag read twice gives the same answer (the subtag cache).
    expect(languageOf(lang(tag('ZH-Hant'))).value).toBe('zh');
    const unknown = languageOf(lang(tag('1234')));
    expect(unknown.value).toBe('UNK');
    expect(unknown.warnings).toHaveLength(1);
    expect(languageOf(lang(tag(42))).value).toBe('UNK');
    expect(languageOf({ resourceType: 'Patient' }).value).toBe('absent');
  });

  it('maps sex to shared keys and warns about codes outside the list', () => {
    expect(sexOf({ gender: 'female' })).toBe(sexOf({ gender: 'female' }));
    expect(sexOf({ gender: 'female' }).value).toBe('female');
    expect(sexOf({ gender: 'F' }).warnings).toHaveLength(1);
    expect(sexOf({}).value).toBe('absent');
  });
});
