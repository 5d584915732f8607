import type { ServerResponse } from 'node:http';
import type { LaunchStore } from '../auth/launch-store';
import { SANDBOX_CLINICIAN, SANDBOX_QUALITY_LEAD } from '../auth/sandbox-users';
import { escapeHtml, htmlPage } from './html';
import type { PatientDirectory } from './patient-directory';
import { redirect, sendHtml } from './respond';

export interface EhrLaunchDeps {
  readonly launches: LaunchStore;
  readonly directory: PatientDirectory;
  /** The app origin, e.g. `http://localhost:5173` (its launch URL is `<appUrl>/launch.html`). */
  readonly appUrl: string;
  readonly fhirBaseUrl: string;
}

function badRequest(res: ServerResponse, message: string): void {
  const body = `<main><h1>Cannot launch</h1><p>${escapeHtml(message)}</p><p><a href="/">Back to the sandbox EHR</a></p></main>`;
  sendHtml(res, 400, htmlPage('Cannot launch – Equity Lens sandbox EHR', body));
}

/** The app's launch URL with the given query parameters. */
export function appLaunchUrl(appUrl: string, params: Record<string, string>): string {
  return `${appUrl}/launch.html?${new URLSearchParams(params).toString()}`;
}

/**
 * `GET /ehr/launch?profile=clinician|quality-lead|patient[&patient=<id>]`: redirects to the app's launch URL, with a
 * fresh single-use `launch` id for an EHR launch, or with `iss` only for the patient's standalone launch.
 */
export async function handleEhrLaunch(res: ServerResponse, url: URL, deps: EhrLaunchDeps): Promise<void> {
  const iss = deps.fhirBaseUrl;
  const profile = url.searchParams.get('profile');
  switch (profile) {
    case 'patient':
      redirect(res, appLaunchUrl(deps.appUrl, { iss }));
      return;
    case 'quality-lead': {
      const launch = deps.launches.create({ profile: 'quality-lead', fhirUser: SANDBOX_QUALITY_LEAD });
      redirect(res, appLaunchUrl(deps.appUrl, { launch, iss }));
      return;
    }
    case 'clinician': {
      const patient = await deps.directory.get(url.searchParams.get('patient') ?? '');
      if (!patient) {
        badRequest(res, 'A clinician launch needs an existing patient: add patient=<id>.');
        return;
      }
      // The clinician is the patient's own practitioner when that practitioner is on record.
      const gp = patient.practitioner?.reference;
      const known = gp !== undefined && (await deps.directory.practitionerName(gp)) !== undefined;
      const fhirUser = known ? gp : SANDBOX_CLINICIAN;
      const launch = deps.launches.create({ profile: 'clinician', fhirUser, patient: patient.id });
      redirect(res, appLaunchUrl(deps.appUrl, { launch, iss }));
      return;
    }
    case null:
    default:
      badRequest(res, 'profile must be clinician, quality-lead or patient.');
  }
}
