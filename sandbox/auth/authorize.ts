import type { IncomingMessage } from 'node:http';
import type { AccessToken } from 'oidc-provider';
import type { AccessDecision, Authorize } from '../fhir/fhir-server';
import { grantContextFromExtra } from './grant-context-schema';

function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

function hasAudience(aud: string | readonly string[] | undefined, fhirBaseUrl: string): boolean {
  if (aud === undefined) return false;
  return typeof aud === 'string' ? aud === fhirBaseUrl : aud.includes(fhirBaseUrl);
}

const deny = (reason: string): AccessDecision => ({ ok: false, status: 401, reason });

/** Where issued access tokens are looked up: oidc-provider's `provider.AccessToken`. */
export interface AccessTokenStore {
  find(token: string): Promise<AccessToken | undefined>;
}

/**
 * The FHIR server's access check: finds the request's Bearer token among the access tokens oidc-provider issued and
 * returns what it grants. Unknown, expired or foreign-audience tokens are refused (401).
 */
export function createAuthorize(tokens: AccessTokenStore, fhirBaseUrl: string): Authorize {
  return async (req) => {
    const token = bearerToken(req);
    if (token === undefined) return deny('missing Bearer access token');
    const accessToken = await tokens.find(token);
    if (!accessToken || accessToken.isExpired) return deny('unknown or expired access token');
    if (!hasAudience(accessToken.aud, fhirBaseUrl)) return deny('access token was not issued for this FHIR server');
    const context = grantContextFromExtra(accessToken.extra);
    if (!context) return deny('access token carries no launch context');
    return {
      ok: true,
      scopes: context.scope,
      fhirUser: context.fhirUser,
      ...(context.patient === undefined ? {} : { patient: context.patient }),
    };
  };
}
