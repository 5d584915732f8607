import { displayName } from '../../domain/human-name';
import { patientFacts } from '../patient-facts';
import type { LooseResource } from '../../fhir/schemas';

interface PatientBannerProps {
  readonly patient: LooseResource;
}

/** The banner an EHR asks for (`need_patient_banner`) so the user always knows whose record is open. */
export function PatientBanner({ patient }: PatientBannerProps) {
  const facts = patientFacts(patient);
  return (
    <section className="patient-banner" aria-label="Patient" data-testid="patient-banner">
      <strong className="patient-name">{displayName(patient) ?? 'Name not recorded'}</strong>
      <span>
        Born {facts.birthDate ?? 'unknown'}
        {facts.age !== undefined && ` (${facts.age} y)`}
      </span>
      <span>Sex: {facts.gender ?? 'not recorded'}</span>
      <span>ID: {patient.id}</span>
    </section>
  );
}
