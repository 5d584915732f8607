import { z } from 'zod';
import type { FhirGateway } from './fhir-gateway';

/** The three ways into the app. */
export type WayIn = 'clinician' | 'quality-lead' | 'patient';

/** How the app was started: from inside an EHR (with `launch`) or on its own (a portal, a shared link). */
export type LaunchKind = 'ehr' | 'standalone';

interface SessionBase {
  readonly serverUrl: string;
  readonly encounterId: string | undefined;
  readonly needPatientBanner: boolean;
  /** `Practitioner/123` or `Patient/456`, from the id_token. */
  readonly fhirUser: string | undefined;
  readonly grantedScopes: readonly string[];
  readonly gateway: FhirGateway;
}

/**
 * Everything the views need to know about the launch, read once from the token response. The clinician and the
 * patient always have a patient id (the patient in context, or the patient who signed in); the quality lead never.
 */
export type Session =
  | (SessionBase & { readonly way: 'clinician' | 'patient'; readonly patientId: string })
  | (SessionBase & { readonly way: 'quality-lead'; readonly patientId?: undefined });

const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  scope: z.string().optional(),
  patient: z.string().min(1).optional(),
  encounter: z.string().min(1).optional(),
  need_patient_banner: z.boolean().optional(),
});

/**
 * Decides the way in from how the app was launched and what the token says: a standalone launch is the patient's
 * way in; an EHR launch with a patient in context is the clinician's; without one it is the quality lead's.
 */
export function sessionFromToken(
  input: { serverUrl: string; tokenResponse: unknown; fhirUser: string | undefined; launchKind: LaunchKind },
  gateway: FhirGateway,
): Session | { error: string } {
  const parsed = tokenResponseSchema.safeParse(input.tokenResponse);
  if (!parsed.success) return { error: 'The token response has no access token.' };
  const token = parsed.data;
  const grantedScopes = (token.scope ?? '').split(/\s+/).filter((scope) => scope.length > 0);
  const patientFromUser = input.fhirUser?.startsWith('Patient/') === true ? input.fhirUser.slice(8) : undefined;
  const base: SessionBase = {
    serverUrl: input.serverUrl,
    encounterId: token.encounter,
    needPatientBanner: token.need_patient_banner === true,
    fhirUser: input.fhirUser,
    grantedScopes,
    gateway,
  };
  if (input.launchKind === 'standalone') {
    const patientId = token.patient ?? patientFromUser;
    if (patientId === undefined) return { error: 'The portal did not say which patient is signed in.' };
    return { ...base, way: 'patient', patientId };
  }
  if (token.patient === undefined) return { ...base, way: 'quality-lead' };
  return { ...base, way: 'clinician', patientId: token.patient };
}
