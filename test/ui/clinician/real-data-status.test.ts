import { describe, expect, it } from 'vitest';
import { realDataStatus } from '../../../src/ui/features/clinician/real-data-status';
import { selfReportProvenance } from '../../../src/domain/self-report-provenance';
import { selfReportDays } from '../../../src/ui/features/clinician/self-report-evidence';

const RACE = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race';
const patient = {
  resourceType: 'Patient',
  id: 'p1',
  extension: [
    {
      url: RACE,
      extension: [
        {
          url: 'ombCategory',
          valueCoding: { system: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor', code: 'ASKU' },
        },
        { url: 'text', valueString: 'Declined' },
      ],
    },
  ],
  communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'es-MX' }] }, preferred: true }],
};

const provenance = (
  patientId: string,
  recorded: string,
  fields: Parameters<typeof selfReportProvenance>[0]['fields'],
) => selfReportProvenance({ patientId, patientVersionId: '3', fields, recorded });
/** Signed by staff, not the patient: not a self-report. */
const staffProvenance = {
  ...provenance('p1', '2026-09-09T12:00:00Z', ['race', 'ethnicity', 'language', 'interpreter-needed']),
  agent: [{ who: { reference: 'Practitioner/x' } }],
};

describe('REAL data status', () => {
  it('flags declined, unknown and missing values and shows what is recorded', () => {
    const fields = realDataStatus(patient, new Map());
    expect(fields.map((f) => [f.id, f.state])).toEqual([
      ['race', 'declined'],
      ['ethnicity', 'missing'],
      ['language', 'recorded'],
      ['interpreter', 'missing'],
    ]);
    expect(fields[2]?.value).toBe('Spanish');
  });

  it('counts as self-reported only what the patient signed, dated by the latest report', () => {
    const days = selfReportDays(
      'p1',
      [
        provenance('p1', '2026-05-02T12:00:00Z', ['race', 'ethnicity']),
        provenance('p1', '2026-03-01T12:00:00Z', ['race', 'interpreter-needed']),
        staffProvenance,
        provenance('p2', '2026-10-10T12:00:00Z', ['language']),
      ],
      [
        {
          resourceType: 'QuestionnaireResponse',
          status: 'completed',
          authored: '2026-07-01',
          author: { reference: 'Patient/p1' },
          item: [{ linkId: 'preferred-language' }],
        },
      ],
    );
    expect(Object.fromEntries(days)).toEqual({
      race: '2026-05-02',
      ethnicity: '2026-05-02',
      language: '2026-07-01',
      interpreter: '2026-03-01',
    });
    expect(realDataStatus(patient, days)[0]?.selfReported).toBe('2026-05-02');
  });
});
