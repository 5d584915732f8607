import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Interaction, Provider } from 'oidc-provider';
import { escapeHtml, htmlPage } from '../ehr/html';
import type { PatientDirectory } from '../ehr/patient-directory';
import { readForm, sendHtml } from '../ehr/respond';
import type { ExpiringMap } from './expiring-map';
import { grantScopes, parseResourceScope } from './grant-scopes';
import type { LaunchMode } from './grant-scopes';
import type { GrantContext, LaunchContext } from './launch-context';
import type { LaunchStore } from './launch-store';
import { renderLoginPage } from './login-page';
import { SANDBOX_QUALITY_LEAD } from './sandbox-users';
import { INTERACTION_PATH } from './smart-configuration';

/** What the interaction endpoint works with. */
export interface InteractionDeps {
  readonly provider: Provider;
  readonly launches: LaunchStore;
  readonly grants: ExpiringMap<string, GrantContext>;
  readonly fhirBaseUrl: string;
  readonly directory: PatientDirectory;
}

const PAGE_SIZE = 20;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function problemPage(res: ServerResponse, status: number, message: string): void {
  const body = `<main><h1>Sign-in problem</h1><p>${escapeHtml(message)}</p>
<p>Go back to the <a href="/">sandbox EHR</a> and launch the app again.</p></main>`;
  sendHtml(res, status, htmlPage('Sign-in problem – Equity Lens sandbox EHR', body));
}

/** Records a grant for the launch context, down-scoped to its profile, and resumes the authorization request. */
async function complete(
  req: IncomingMessage,
  res: ServerResponse,
  deps: InteractionDeps,
  interaction: Interaction,
  context: LaunchContext,
  mode: LaunchMode,
): Promise<void> {
  const requested = text(interaction.params.scope).split(' ');
  const { granted, accepted, rejected } = grantScopes(context.profile, requested, mode);
  const isResource = (s: string): boolean => parseResourceScope(s) !== undefined;
  const grant = new deps.provider.Grant({ accountId: context.fhirUser, clientId: text(interaction.params.client_id) });
  const join = (list: readonly string[], resource: boolean): string =>
    list.filter((s) => isResource(s) === resource).join(' ');
  if (join(accepted, false) !== '') grant.addOIDCScope(join(accepted, false));
  if (join(rejected, false) !== '') grant.rejectOIDCScope(join(rejected, false));
  if (join(accepted, true) !== '') grant.addResourceScope(deps.fhirBaseUrl, join(accepted, true));
  // Rejected scopes are recorded too, or oidc-provider would keep asking for consent to them.
  if (join(rejected, true) !== '') grant.rejectResourceScope(deps.fhirBaseUrl, join(rejected, true));
  const grantId = await grant.save();
  deps.grants.set(grantId, { ...context, scope: granted });
  await deps.provider.interactionFinished(
    req,
    res,
    { login: { accountId: context.fhirUser }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

async function standaloneChoice(
  req: IncomingMessage,
  res: ServerResponse,
  deps: InteractionDeps,
  interaction: Interaction,
): Promise<void> {
  const form = await readForm(req);
  if (form.has('deny')) {
    await deps.provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'The user denied the app access.',
    });
    return;
  }
  if (form.get('profile') === 'quality-lead') {
    await complete(
      req,
      res,
      deps,
      interaction,
      { profile: 'quality-lead', fhirUser: SANDBOX_QUALITY_LEAD },
      'standalone',
    );
    return;
  }
  const patient = await deps.directory.get(form.get('patient') ?? '');
  if (!patient) {
    problemPage(res, 400, 'That patient does not exist (any more).');
    return;
  }
  const context = { profile: 'patient', fhirUser: `Patient/${patient.id}`, patient: patient.id } as const;
  await complete(req, res, deps, interaction, context, 'standalone');
}

async function loginPage(
  res: ServerResponse,
  url: URL,
  deps: InteractionDeps,
  interaction: Interaction,
): Promise<void> {
  const query = url.searchParams.get('q') ?? '';
  const offset = Math.max(0, Number.parseInt(url.searchParams.get('offset') ?? '0', 10) || 0);
  const page = await deps.directory.search({ text: query, offset, count: PAGE_SIZE });
  const html = renderLoginPage({
    action: `${INTERACTION_PATH}/${interaction.uid}`,
    clientId: text(interaction.params.client_id),
    requestedScopes: text(interaction.params.scope).split(' '),
    query,
    offset,
    count: PAGE_SIZE,
    page,
    qualityLeadName: (await deps.directory.practitionerName(SANDBOX_QUALITY_LEAD)) ?? 'the quality lead',
  });
  sendHtml(res, 200, html);
}

/**
 * `GET|POST /interaction/<uid>`: an EHR launch (a `launch` id) completes by itself; a standalone launch shows the
 * sign-in page, whose choice (a patient, the quality lead, or Deny) completes the authorization request.
 */
export async function handleInteraction(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: InteractionDeps,
): Promise<void> {
  let interaction: Interaction;
  try {
    interaction = await deps.provider.interactionDetails(req, res);
  } catch {
    problemPage(res, 400, 'This sign-in has expired or was opened in another browser.');
    return;
  }
  if (url.pathname !== `${INTERACTION_PATH}/${interaction.uid}`) {
    problemPage(res, 400, 'This sign-in page does not belong to the current sign-in.');
    return;
  }
  const launch = interaction.params.launch;
  if (typeof launch === 'string') {
    const context = deps.launches.consume(launch);
    if (!context) {
      await deps.provider.interactionFinished(req, res, {
        error: 'invalid_request',
        error_description: 'launch is unknown, expired or already used',
      });
      return;
    }
    await complete(req, res, deps, interaction, context, 'ehr');
    return;
  }
  if (req.method === 'POST') {
    await standaloneChoice(req, res, deps, interaction);
    return;
  }
  await loginPage(res, url, deps, interaction);
}
