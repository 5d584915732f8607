import { AppError } from './app-error';
import { EHR_LAUNCH_SCOPES, PATIENT_LAUNCH_SCOPES } from './scopes';
import type { LaunchKind } from './session';

/** What the app sends to the authorization server, decided from the launch URL alone. */
export interface LaunchPlan {
  readonly kind: LaunchKind;
  readonly iss: string;
  readonly launch: string | undefined;
  readonly clientId: string;
  readonly scope: string;
  readonly redirectUri: string;
}

/**
 * Reads `iss` and `launch` from the launch URL as an EHR (with `launch`) or a portal (without) sends them, and
 * refuses what cannot work before any redirect happens.
 */
export function planLaunch(url: URL, clientId: string): LaunchPlan | AppError {
  const iss = url.searchParams.get('iss');
  const launch = url.searchParams.get('launch') ?? undefined;
  if (iss === null || iss.trim() === '') {
    return new AppError({
      kind: 'launch-missing-iss',
      title: 'Open Equity Lens from your EHR',
      detail:
        'The app was opened without the address of a FHIR server (the "iss" parameter an EHR or patient portal adds ' +
        'when it launches an app), so it does not know whose records to use.',
      action: 'Start Equity Lens from your EHR, or from your patient portal; bookmarks to this page do not work.',
    });
  }
  let issUrl: URL;
  try {
    issUrl = new URL(iss);
  } catch {
    return badIss(iss);
  }
  if (issUrl.protocol !== 'https:' && issUrl.protocol !== 'http:') return badIss(iss);
  const kind: LaunchKind = launch === undefined ? 'standalone' : 'ehr';
  return {
    kind,
    iss: issUrl.href.replace(/\/+$/, ''),
    launch,
    clientId,
    scope: (kind === 'ehr' ? EHR_LAUNCH_SCOPES : PATIENT_LAUNCH_SCOPES).join(' '),
    redirectUri: new URL('./', url).href,
  };
}

function badIss(iss: string): AppError {
  return new AppError({
    kind: 'launch-failed',
    title: 'The launch link is broken',
    detail: `The FHIR server address given to the app ("${iss.slice(0, 200)}") is not a web address.`,
    action: 'Start Equity Lens again from your EHR; if this keeps happening, tell your EHR administrator.',
  });
}

/** Maps what fhirclient's `ready()` throws to what the user sees. */
export function launchFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/access_denied/i.test(message)) {
    return new AppError({
      kind: 'launch-denied',
      title: 'Access was not allowed',
      detail: 'The sign-in step ended without permission for Equity Lens to read the record.',
      action: 'Launch the app again and choose Allow, or ask your EHR administrator to enable it for you.',
    });
  }
  if (/No 'state'|No state found/i.test(message)) {
    return new AppError({
      kind: 'launch-no-state',
      title: 'Open Equity Lens from your EHR',
      detail: 'This page was opened directly, or the launch expired, so there is no sign-in to continue.',
      action: 'Start Equity Lens again from your EHR or patient portal.',
    });
  }
  if (/Failed to fetch|NetworkError|fetch failed/i.test(message)) {
    return new AppError({
      kind: 'network',
      title: 'Cannot reach the EHR',
      detail: 'The EHR’s sign-in or FHIR server did not answer; it may be down.',
      action: 'Check your connection and try launching again in a moment.',
      retryable: true,
    });
  }
  return new AppError({
    kind: 'launch-failed',
    title: 'The launch did not complete',
    detail: `The EHR’s sign-in step failed (${message.slice(0, 300)}).`,
    action: 'Start Equity Lens again from your EHR; if it keeps failing, tell your EHR administrator.',
  });
}
