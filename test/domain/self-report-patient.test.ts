import { describe, expect, it } from 'vitest';
import { interpreterNeededOf } from '../../src/domain/interpreter';
import { languageOf } from '../../src/domain/language';
import { ethnicityOf } from '../../src/domain/ethnicity';
import { raceOf } from '../../src/domain/race';
import { OMB_2024 } from '../../src/domain/race-scheme';
import type { SelfReportAnswers } from '../../src/domain/self-report-answers';
import { SELF_REPORT_FORMS } from '../../src/domain/self-report-form';
import { answeredFields, answersFromPatient, applySelfReport } from '../../src/domain/self-report-patient';
import { withRace } from './patients';

const F1997 = SELF_REPORT_FORMS['omb-1997'];
const F2024 = SELF_REPORT_FORMS['omb-2024'];
const RACE_URL = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race';
const BIRTHPLACE = {
  url: 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace',
  valueAddress: { city: 'Lowell' },
};

const base = {
  resourceType: 'Patient',
  id: 'p1',
  meta: { versionId: '3' },
  name: [{ family: 'Rivera', given: ['Ana'] }],
  extension: [{ url: RACE_URL, extension: [{ url: 'text', valueString: 'staff guess' }] }, BIRTHPLACE],
  communication: [
    { language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'en' }] }, preferred: true },
    { language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'es-MX' }] } },
  ],
};

describe('applySelfReport and answersFromPatient (OMB 1997 form)', () => {
  const answers: SelfReportAnswers = {
    race: { kind: 'codes', codes: ['2054-5', '2106-3', '2113-9'] },
    ethnicity: { kind: 'codes', codes: ['2135-2', '2180-8'] },
    language: 'vi',
    interpreterNeeded: true,
  };

  it('round-trips: what is written reads back as the same answers', () => {
    expect(answersFromPatient(applySelfReport(base, answers, F1997), F1997)).toEqual(answers);
    for (const kind of ['ASKU', 'UNK'] as const) {
      const declined = { race: { kind }, ethnicity: { kind } };
      expect(answersFromPatient(applySelfReport(base, declined, F1997), F1997)).toMatchObject(declined);
    }
  });

  it('lands in the strata the engine computes (multiple races, Hispanic, Vietnamese, interpreter)', () => {
    const written = applySelfReport(base, answers, F1997);
    expect(raceOf(written).value.key).toBe('multiple');
    expect(ethnicityOf(written).value).toBe('2135-2');
    expect(languageOf(written).value).toBe('vi');
    expect(interpreterNeededOf(written).value).toBe('yes');
  });

  it('keeps the rest of the Patient, replaces the race extension in place and never mutates its input', () => {
    const before = structuredClone(base);
    const written = applySelfReport(base, { race: { kind: 'UNK' } }, F1997);
    expect(base).toEqual(before);
    expect(written['name']).toEqual(base.name);
    expect(written['communication']).toEqual(base.communication);
    expect(written['extension']).toEqual([expect.objectContaining({ url: RACE_URL }), BIRTHPLACE]);
  });

  it('reuses a recorded regional tag for a bare language and leaves one preferred communication', () => {
    const communication = applySelfReport(base, { language: 'es' }, F1997)['communication'];
    expect(communication).toEqual([
      { ...base.communication[0], preferred: false },
      { ...base.communication[1], preferred: true },
    ]);
    const added = applySelfReport(base, { language: 'vi' }, F1997)['communication'];
    expect(added).toMatchObject([
      { language: { coding: [{ code: 'vi', display: 'Vietnamese' }] }, preferred: true },
      {},
      {},
    ]);
  });

  it('reads a detailed-only record with its category ticked, and names only the answered fields', () => {
    expect(answersFromPatient(withRace(['detailed', '2036-2']), F1997).race).toEqual({
      kind: 'codes',
      codes: ['2028-9', '2036-2'],
    });
    expect(answeredFields({ race: { kind: 'ASKU' }, interpreterNeeded: false }, F1997)).toEqual([
      'race',
      'interpreter-needed',
    ]);
  });
});

describe('the 2024 combined question', () => {
  it('splits Hispanic codes into the ethnicity extension and keeps MENA under the 2024 scheme', () => {
    const written = applySelfReport(base, { race: { kind: 'codes', codes: ['2135-2', '2118-8', '2148-5'] } }, F2024);
    expect(ethnicityOf(written).value).toBe('2135-2');
    expect(raceOf(written, OMB_2024).value.categories).toEqual(['2135-2', '2118-8']);
    expect(answersFromPatient(written, F2024).race).toEqual({ kind: 'codes', codes: ['2135-2', '2118-8', '2148-5'] });
    expect(answeredFields({ race: { kind: 'ASKU' } }, F2024)).toEqual(['race', 'ethnicity']);
  });

  it('records Not Hispanic or Latino when no Hispanic group was chosen, and a text-only race for Hispanic alone', () => {
    expect(ethnicityOf(applySelfReport(base, { race: { kind: 'codes', codes: ['2028-9'] } }, F2024)).value).toBe(
      '2186-5',
    );
    const hispanicOnly = applySelfReport(base, { race: { kind: 'codes', codes: ['2135-2'] } }, F2024);
    expect(raceOf(hispanicOnly, OMB_2024).value.key).toBe('2135-2');
    expect(answersFromPatient(hispanicOnly, F2024).race).toEqual({ kind: 'codes', codes: ['2135-2'] });
  });
});
