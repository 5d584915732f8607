import { generateKeyPair, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import Provider, { errors, interactionPolicy } from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { Authorize } from '../fhir/fhir-server';
import { escapeHtml, htmlPage } from '../ehr/html';
import type { PatientDirectory } from '../ehr/patient-directory';
import { sendJson } from '../ehr/respond';
import { createAuthorize } from './authorize';
import { ExpiringMap } from './expiring-map';
import { parseResourceScope } from './grant-scopes';
import { handleInteraction } from './interaction-handler';
import type { GrantContext } from './launch-context';
import { LaunchStore } from './launch-store';
import { AUTH_ROUTES, INTERACTION_PATH, smartConfiguration } from './smart-configuration';
import { smartTokenResponse } from './token-response';

/** The SMART client every sandbox registers: the Equity Lens app, a public client. */
export const CLIENT_ID = 'equity-lens';

/** Access tokens last a working session; there are no refresh tokens. */
export const ACCESS_TOKEN_TTL_SECONDS = 3 * 60 * 60;

export interface AuthServerOptions {
  /** The EHR origin, which is also the OpenID issuer, e.g. `http://localhost:8080`. */
  readonly issuer: string;
  /** The FHIR base (`aud`, and the default resource indicator), e.g. `http://localhost:8080/fhir`. */
  readonly fhirBaseUrl: string;
  /** Exact redirect URIs registered for the `equity-lens` client. */
  readonly redirectUris: readonly string[];
  readonly directory: PatientDirectory;
  readonly accessTokenTtlSeconds?: number;
}

/** The sandbox's SMART authorization server (oidc-provider), with its EHR launch ids and its token check. */
export interface AuthServer {
  readonly provider: Provider;
  /** EHR launch ids: the launch page creates them, the authorization request consumes them. */
  readonly launches: LaunchStore;
  /** The access check the FHIR server calls for every request. */
  readonly authorize: Authorize;
  /** Serves `…/.well-known/smart-configuration`, the interactions, and every oidc-provider route. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

const stripSlash = (url: string): string => url.replace(/\/+$/, '');

async function signingKey(): Promise<Record<string, unknown>> {
  // A fresh RS256 key per run: tokens never outlive the sandbox process anyway.
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'sandbox-rs256' };
}

/** Every authorization request goes through the interaction, because each SMART launch carries its own context. */
function smartPolicy(): interactionPolicy.Policy {
  const policy = interactionPolicy.base();
  policy
    .get('login')
    ?.checks.add(
      new interactionPolicy.Check(
        'smart_launch_context',
        'each launch binds its own user and patient',
        (ctx) => ctx.oidc.result === undefined,
      ),
      0,
    );
  return policy;
}

async function renderError(ctx: KoaContextWithOIDC, out: Record<string, unknown>): Promise<void> {
  await Promise.resolve();
  const rows = Object.entries(out)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(String(value))}</dd>`)
    .join('');
  ctx.body = htmlPage(
    'Authorization error – Equity Lens sandbox EHR',
    `<main><h1>Authorization error</h1><dl>${rows}</dl><p><a href="/">Back to the sandbox EHR</a></p></main>`,
  );
}

/** Builds the SMART App Launch 2.x authorization server on oidc-provider 9. */
export async function createAuthServer(options: AuthServerOptions): Promise<AuthServer> {
  const { issuer, fhirBaseUrl, directory } = options;
  const ttl = options.accessTokenTtlSeconds ?? ACCESS_TOKEN_TTL_SECONDS;
  const launches = new LaunchStore();
  // Grants and sessions outlive their tokens a little, so that a short token TTL cannot expire a sign-in midway.
  const grantTtl = Math.max(ttl, 3600);
  const grants = new ExpiringMap<string, GrantContext>(grantTtl * 1000);

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_name: 'Equity Lens',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [...options.redirectUris],
      },
    ],
    jwks: { keys: [await signingKey()] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    routes: AUTH_ROUTES,
    responseTypes: ['code'],
    scopes: ['openid', 'fhirUser', 'launch', 'launch/patient', 'offline_access', 'online_access'],
    claims: { openid: ['sub'], fhirUser: ['fhirUser'] },
    // SMART apps read fhirUser from the id_token, not from userinfo.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    extraParams: {
      launch(_ctx: unknown, value: unknown): Promise<void> {
        if (value !== undefined && (typeof value !== 'string' || !launches.peek(value))) {
          throw new errors.InvalidRequest('launch is unknown, expired or already used');
        }
        return Promise.resolve();
      },
      aud(_ctx: unknown, value: unknown): Promise<void> {
        if (typeof value !== 'string' || stripSlash(value) !== stripSlash(fhirBaseUrl)) {
          throw new errors.InvalidRequest(`aud must be the FHIR base URL ${fhirBaseUrl}`);
        }
        return Promise.resolve();
      },
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => fhirBaseUrl,
        // With `openid` requested the token would otherwise be issued for userinfo, not the FHIR server.
        useGrantedResource: () => true,
        getResourceServerInfo(ctx: KoaContextWithOIDC, indicator: string) {
          if (stripSlash(indicator) !== stripSlash(fhirBaseUrl)) throw new errors.InvalidTarget();
          // SMART resource scopes are open-ended (types, letters, granular queries), so the FHIR server accepts
          // whichever ones the request or the code being exchanged names; the grant decides what is given.
          const named = [ctx.oidc?.params?.scope, ctx.oidc?.entities.AuthorizationCode?.scope]
            .filter((s): s is string => typeof s === 'string')
            .join(' ')
            .split(' ')
            .filter((s) => parseResourceScope(s) !== undefined);
          return {
            scope: [...new Set(named)].join(' '),
            audience: fhirBaseUrl,
            accessTokenTTL: ttl,
            accessTokenFormat: 'opaque',
          };
        },
      },
    },
    interactions: { policy: smartPolicy(), url: (_ctx: unknown, i: { uid: string }) => `${INTERACTION_PATH}/${i.uid}` },
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, fhirUser: `${fhirBaseUrl}/${sub}` }),
    }),
    extraTokenClaims: (_ctx: unknown, token: { grantId?: string }) => {
      const context = token.grantId === undefined ? undefined : grants.get(token.grantId);
      return context ? { smart: context } : undefined;
    },
    // Tokens live for their TTL even when the browser signs in as someone else for the next launch.
    expiresWithSession: () => false,
    clientBasedCORS: (_ctx: unknown, origin: string, client: { redirectUris: readonly string[] }) =>
      client.redirectUris.some((uri) => URL.parse(uri)?.origin === origin),
    ttl: {
      AccessToken: ttl,
      AuthorizationCode: 60,
      IdToken: ttl,
      Interaction: 600,
      Session: grantTtl,
      Grant: grantTtl,
    },
    renderError,
  });
  provider.use(smartTokenResponse());

  const providerCallback = provider.callback();
  const deps = { provider, launches, grants, fhirBaseUrl, directory };
  return {
    provider,
    launches,
    authorize: createAuthorize(provider.AccessToken, fhirBaseUrl),
    async handle(req, res) {
      const url = new URL(req.url ?? '/', issuer);
      if (url.pathname.endsWith('/.well-known/smart-configuration')) {
        sendJson(res, 200, smartConfiguration(issuer), { 'Access-Control-Allow-Origin': '*' });
      } else if (url.pathname.startsWith(`${INTERACTION_PATH}/`)) {
        await handleInteraction(req, res, url, deps);
      } else {
        await providerCallback(req, res);
      }
    },
  };
}
