import type { Practitioner } from 'fhir/r4';

/** The sandbox's default clinician, used when a launched patient has no general practitioner on record. */
export const SANDBOX_CLINICIAN = 'Practitioner/sandbox-clinician';

/** The sandbox's quality lead: the user behind a panel (no patient) launch. */
export const SANDBOX_QUALITY_LEAD = 'Practitioner/sandbox-quality-lead';

function practitioner(reference: string, given: string, family: string, role: string): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: reference.slice('Practitioner/'.length),
    active: true,
    name: [{ use: 'official', given: [given], family, text: `${given} ${family}` }],
    // Marks these as users of the sandbox, not part of the seeded population.
    identifier: [{ system: 'urn:equity-lens:sandbox-user', value: role }],
  };
}

/** The sandbox users' own FHIR resources, loaded beside the population so that `fhirUser` resolves. */
export function sandboxUserResources(): Practitioner[] {
  return [
    practitioner(SANDBOX_CLINICIAN, 'Robin', 'Okafor', 'clinician'),
    practitioner(SANDBOX_QUALITY_LEAD, 'Morgan', 'Lee', 'quality-lead'),
  ];
}
