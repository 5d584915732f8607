import { describe, expect, it } from 'vitest';
import {
  isSelfReportProvenance,
  selfReportedFields,
  selfReportedPatientId,
  selfReportProvenance,
  selfReportsByPatient,
  SELF_REPORTED_FIELD_URL,
} from '../../src/domain/self-report-provenance';
import { selfReportQuestionnaireResponse } from '../../src/domain/self-report-questionnaire-response';
import { SELF_REPORT_FORMS } from '../../src/domain/self-report-form';

const input = {
  patientId: 'p7',
  patientVersionId: '4',
  fields: ['language', 'race'] as const,
  recorded: '2026-11-02T10:00:00Z',
  questionnaireResponseId: 'qr1',
};

describe('self-report Provenance', () => {
  const provenance = selfReportProvenance(input);

  it('targets the Patient version written, names the patient as author and the response as source', () => {
    expect(provenance).toMatchObject({
      resourceType: 'Provenance',
      target: [{ reference: 'Patient/p7/_history/4' }],
      recorded: input.recorded,
      activity: { text: 'self-reported' },
      agent: [{ who: { reference: 'Patient/p7' } }],
      entity: [{ role: 'source', what: { reference: 'QuestionnaireResponse/qr1' } }],
    });
  });

  it('is recognised, with its patient and the fields touched in canonical order', () => {
    expect(isSelfReportProvenance(provenance)).toBe(true);
    expect(isSelfReportProvenance(provenance, 'p7')).toBe(true);
    expect(isSelfReportProvenance(provenance, 'other')).toBe(false);
    expect(selfReportedPatientId(provenance)).toBe('p7');
    expect(selfReportedFields(provenance)).toEqual(['race', 'language']);
  });

  it('recognises absolute references and ignores field codes it does not know', () => {
    const absolute = {
      ...provenance,
      target: [{ reference: 'https://ehr.example/fhir/Patient/p7/_history/9' }],
      agent: [{ who: { reference: 'https://ehr.example/fhir/Patient/p7' } }],
      extension: ['race', 'eye-colour'].map((valueCode) => ({ url: SELF_REPORTED_FIELD_URL, valueCode })),
    };
    expect(selfReportedPatientId(absolute)).toBe('p7');
    expect(selfReportedFields(absolute)).toEqual(['race']);
  });

  it('does not count a clinician-entered change, another activity, or a patient writing about someone else', () => {
    const byClinician = { ...provenance, agent: [{ who: { reference: 'Practitioner/d1' } }] };
    const otherActivity = { ...provenance, activity: { coding: [{ system: 'x', code: 'self-reported' }] } };
    const otherTarget = { ...provenance, target: [{ reference: 'Patient/p8/_history/1' }] };
    for (const resource of [byClinician, otherActivity, otherTarget, { resourceType: 'Patient' }, null]) {
      expect(isSelfReportProvenance(resource)).toBe(false);
      expect(selfReportedFields(resource)).toEqual([]);
    }
  });

  it('gathers the fields and latest date per patient for panels', () => {
    const later = selfReportProvenance({ ...input, fields: ['ethnicity'], recorded: '2026-11-03T09:00:00Z' });
    const index = selfReportsByPatient([provenance, { resourceType: 'Observation' }, later]);
    expect([...index.keys()]).toEqual(['p7']);
    expect([...(index.get('p7')?.fields ?? [])].sort()).toEqual(['ethnicity', 'language', 'race']);
    expect(index.get('p7')?.lastRecorded).toBe('2026-11-03T09:00:00Z');
  });
});

describe('self-report QuestionnaireResponse', () => {
  it('records each answered question with its codes, the patient as subject and author, and the form language', () => {
    const response = selfReportQuestionnaireResponse({
      patientId: 'p7',
      answers: { race: { kind: 'ASKU' }, ethnicity: { kind: 'codes', codes: ['2135-2'] }, interpreterNeeded: false },
      form: SELF_REPORT_FORMS['omb-1997'],
      authored: input.recorded,
      submissionId: 's1',
      formLanguage: 'es',
    });
    expect(response).toMatchObject({
      status: 'completed',
      language: 'es',
      subject: { reference: 'Patient/p7' },
      author: { reference: 'Patient/p7' },
      identifier: { value: 's1' },
      item: [
        { linkId: 'race', answer: [{ valueCoding: { code: 'ASKU' } }] },
        { linkId: 'ethnicity', answer: [{ valueCoding: { code: '2135-2' } }] },
        { linkId: 'interpreter-needed', answer: [{ valueBoolean: false }] },
      ],
    });
  });
});
