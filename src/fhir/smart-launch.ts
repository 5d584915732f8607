import FHIR from 'fhirclient';
import { AppError } from './app-error';
import { FhirGateway } from './fhir-gateway';
import { launchFailure, planLaunch } from './launch-plan';
import { sessionFromToken } from './session';
import type { LaunchKind, Session } from './session';

const LAUNCH_KIND_KEY = 'equity-lens:launch-kind';

/** The client id registered with the EHR; override at build time with VITE_SMART_CLIENT_ID. */
export const CLIENT_ID: string = import.meta.env.VITE_SMART_CLIENT_ID ?? 'equity-lens';

/** Step one, on launch.html: check the launch URL and redirect to the EHR's authorization server. */
export async function startLaunch(location: Location): Promise<void> {
  const plan = planLaunch(new URL(location.href), CLIENT_ID);
  if (plan instanceof AppError) throw plan;
  sessionStorage.setItem(LAUNCH_KIND_KEY, plan.kind);
  try {
    await FHIR.oauth2.authorize({
      iss: plan.iss,
      launch: plan.launch,
      clientId: plan.clientId,
      scope: plan.scope,
      redirectUri: plan.redirectUri,
      pkceMode: 'required',
    });
  } catch (error) {
    throw launchFailure(error);
  }
}

let readyOnce: Promise<Session> | undefined;

/**
 * Step two, on the redirect page: exchange the code for a token exactly once (a second exchange of the same code
 * fails on a real server, and React runs effects twice in development), then check the server speaks R4.
 */
export function completeLaunch(): Promise<Session> {
  readyOnce ??= completeLaunchOnce();
  return readyOnce;
}

async function completeLaunchOnce(): Promise<Session> {
  let client: Awaited<ReturnType<typeof FHIR.oauth2.ready>>;
  try {
    client = await FHIR.oauth2.ready();
  } catch (error) {
    throw launchFailure(error);
  }
  const stored = sessionStorage.getItem(LAUNCH_KIND_KEY);
  const launchKind: LaunchKind = stored === 'standalone' ? 'standalone' : 'ehr';
  const gateway = new FhirGateway({
    baseUrl: client.state.serverUrl,
    accessToken: () => client.state.tokenResponse?.access_token,
  });
  const session = sessionFromToken(
    {
      serverUrl: client.state.serverUrl,
      tokenResponse: client.state.tokenResponse,
      fhirUser: client.getFhirUser() ?? undefined,
      launchKind,
    },
    gateway,
  );
  if ('error' in session) {
    throw new AppError({
      kind: 'launch-failed',
      title: 'The launch did not complete',
      detail: session.error,
      action: 'Start Equity Lens again from your EHR; if it keeps failing, tell your EHR administrator.',
    });
  }
  await gateway.checkFhirVersion({ what: 'checking the FHIR server' });
  return session;
}
