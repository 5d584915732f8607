import { render } from '@testing-library/react';
import type { SelfReportStandard } from '../../../src/domain/self-report-form';
import type { Session } from '../../../src/fhir/session';
import { PatientHome } from '../../../src/ui/features/patient/PatientHome';
import { fakeServer, type FakeServer } from '../../fhir/self-report-fake-server';

const RACE = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race';

/** A patient whose record says White (entered by staff) and English. */
export const RECORDED_PATIENT = {
  resourceType: 'Patient',
  id: 'p1',
  name: [{ use: 'official', given: ['Ana'], family: 'Rivera' }],
  extension: [
    {
      url: RACE,
      extension: [
        { url: 'ombCategory', valueCoding: { system: 'urn:oid:2.16.840.1.113883.6.238', code: '2106-3' } },
        { url: 'text', valueString: 'White' },
      ],
    },
  ],
  communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'en' }] }, preferred: true }],
};

/** Renders the patient's way in against an in-memory FHIR server. */
export function renderPatientHome(
  server: FakeServer = fakeServer(RECORDED_PATIENT),
  standard: SelfReportStandard = 'omb-1997',
): FakeServer {
  const session: Session = {
    way: 'patient',
    patientId: 'p1',
    serverUrl: 'https://ehr.example.test/fhir',
    encounterId: undefined,
    needPatientBanner: false,
    fhirUser: 'Patient/p1',
    grantedScopes: [],
    gateway: server.gateway,
  };
  render(<PatientHome session={session} standard={standard} />);
  return server;
}
