import type { Session } from '../../../src/fhir/session';
import { EHR_LAUNCH_SCOPES } from '../../../src/fhir/scopes';
import { charterServer } from '../../fhir/charter-harness';

/** A quality lead's session on the sandbox FHIR server (in process, validating writes), with the app's scopes. */
export async function goalsSession(): Promise<{ session: Session; close: () => Promise<void> }> {
  const { harness, gateway } = await charterServer();
  const session: Session = {
    way: 'quality-lead',
    serverUrl: harness.publicBase,
    encounterId: undefined,
    needPatientBanner: false,
    fhirUser: 'Practitioner/sandbox-quality-lead',
    grantedScopes: EHR_LAUNCH_SCOPES.filter((s) => s.startsWith('user/')),
    gateway,
  };
  return { session, close: () => harness.close() };
}
