import { PERMISSION_ORDER, PROFILE_POLICIES, SANDBOX_PROFILES } from './profiles';

/** oidc-provider routes, relative to the issuer; the provider is configured with these same paths. */
export const AUTH_ROUTES = {
  authorization: '/auth',
  token: '/token',
  jwks: '/jwks',
  userinfo: '/me',
  end_session: '/session/end',
} as const;

/** Where the sandbox's interactions (auto-completing EHR launch, standalone login page) live. */
export const INTERACTION_PATH = '/interaction';

/** SMART App Launch 2.x capabilities this server implements. */
export const SMART_CAPABILITIES = [
  'launch-ehr',
  'launch-standalone',
  'client-public',
  'context-ehr-patient',
  'context-standalone-patient',
  'context-banner',
  'permission-v2',
  'permission-v1',
  'permission-patient',
  'permission-user',
  'sso-openid-connect',
] as const;

function profileScopes(): string[] {
  const scopes = new Set<string>();
  for (const profile of SANDBOX_PROFILES) {
    const { context, permissions } = PROFILE_POLICIES[profile];
    for (const [type, letters] of Object.entries(permissions)) {
      scopes.add(`${context}/${type}.${PERMISSION_ORDER.filter((p) => letters.includes(p)).join('')}`);
    }
  }
  return [...scopes];
}

/** The `/.well-known/smart-configuration` document (SMART App Launch 2.x, "SMART on FHIR Discovery"). */
export function smartConfiguration(issuer: string): Record<string, unknown> {
  const url = (path: string): string => `${issuer}${path}`;
  return {
    issuer,
    jwks_uri: url(AUTH_ROUTES.jwks),
    authorization_endpoint: url(AUTH_ROUTES.authorization),
    token_endpoint: url(AUTH_ROUTES.token),
    userinfo_endpoint: url(AUTH_ROUTES.userinfo),
    grant_types_supported: ['authorization_code'],
    response_types_supported: ['code'],
    token_endpoint_auth_methods_supported: ['none'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'fhirUser', 'launch', 'launch/patient', ...profileScopes()],
    capabilities: [...SMART_CAPABILITIES],
  };
}
