import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/domain/panel-csv';
import { addSelfReports, selfReportResponseOf } from '../../../src/domain/panel-self-report';
import type { SelfReportField } from '../../../src/domain/self-report-answers';
import { selfReportProvenance } from '../../../src/domain/self-report-provenance';
import { SELF_REPORT_QUESTIONNAIRE } from '../../../src/domain/self-report-questionnaire-response';

describe('CSV', () => {
  it('quotes what RFC 4180 requires, ends lines with CRLF and defuses spreadsheet formulas', () => {
    const csv = toCsv(
      ['group', 'n'],
      [
        ['Smith, "Jo"', 3],
        ['=HYPERLINK("x")', -1],
        [undefined, 0.25],
      ],
    );
    expect(csv).toBe('group,n\r\n"Smith, ""Jo""",3\r\n"\'=HYPERLINK(""x"")",-1\r\n,0.25\r\n');
  });
});

describe('self-reports', () => {
  const response = (patient: string, source: string) => ({
    resourceType: 'QuestionnaireResponse',
    questionnaire: `${SELF_REPORT_QUESTIONNAIRE}|2024`,
    status: 'completed',
    subject: { reference: `Patient/${patient}` },
    source: { reference: source },
    item: [
      { linkId: 'race-ethnicity', answer: [{ valueCoding: { code: '2054-5' } }] },
      { linkId: 'language', answer: [] },
    ],
  });

  it('counts the patient’s own answers to the app’s form, not answers someone else entered', () => {
    expect(selfReportResponseOf(response('p1', 'Patient/p1'))).toEqual({
      patientId: 'p1',
      fields: ['race', 'ethnicity'],
    });
    expect(selfReportResponseOf(response('p1', 'Practitioner/x'))).toBeUndefined();
    expect(selfReportResponseOf({ ...response('p1', 'Patient/p1'), questionnaire: 'https://other/Q' })).toBeUndefined();
  });

  it('merges Provenance and form answers per patient', () => {
    const index = new Map<string, Set<SelfReportField>>();
    const provenance = selfReportProvenance({
      patientId: 'p2',
      patientVersionId: '3',
      fields: ['language'],
      recorded: '2026-05-01T10:00:00Z',
    });
    addSelfReports(index, [provenance, response('p2', 'Patient/p2'), { resourceType: 'Observation' }]);
    expect([...(index.get('p2') ?? [])].sort()).toEqual(['ethnicity', 'language', 'race']);
    expect(index.size).toBe(1);
  });
});
