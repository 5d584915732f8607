import type { SandboxProfile } from './profiles';

/** Who the app runs as and which patient (if any) is in context: what an EHR launch id or a login stands for. */
export interface LaunchContext {
  readonly profile: SandboxProfile;
  /** The user's FHIR resource, e.g. `Practitioner/sandbox-clinician` or `Patient/123` (the id_token `fhirUser`). */
  readonly fhirUser: string;
  /** Bare id of the patient in context (the token response's `patient`), absent for a panel launch. */
  readonly patient?: string;
}

/** A launch context bound to one grant, with the scopes actually granted (see `grantScopes`). */
export interface GrantContext extends LaunchContext {
  readonly scope: readonly string[];
}
