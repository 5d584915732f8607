import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

// A scripted SMART App Launch client on plain fetch: no browser, every redirect followed by hand. Tests, benchmarks
// and scripts use it to get real tokens from a running sandbox.

const smartConfigurationSchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string(),
  token_endpoint: z.string(),
  code_challenge_methods_supported: z.array(z.string()),
  capabilities: z.array(z.string()),
});

/** The parts of `.well-known/smart-configuration` a client needs. */
export type SmartDiscovery = z.infer<typeof smartConfigurationSchema>;

/** A token response as SMART App Launch 2.x describes it (only what the sandbox sends). */
export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.string(),
  expires_in: z.number(),
  scope: z.string(),
  id_token: z.string().optional(),
  patient: z.string().optional(),
  need_patient_banner: z.boolean().optional(),
});

export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** Reads `[iss]/.well-known/smart-configuration`. */
export async function discover(fhirBaseUrl: string): Promise<SmartDiscovery> {
  const res = await fetch(`${fhirBaseUrl}/.well-known/smart-configuration`);
  if (!res.ok) throw new Error(`smart-configuration: HTTP ${res.status}`);
  return smartConfigurationSchema.parse(await res.json());
}

/** Follows the sandbox's `/ehr/launch` URL and returns the app launch parameters it redirects with. */
export async function ehrLaunch(
  ehrUrl: string,
  profile: string,
  patient?: string,
): Promise<{ iss: string; launch?: string }> {
  const params = new URLSearchParams({ profile, ...(patient === undefined ? {} : { patient }) });
  const res = await fetch(`${ehrUrl}/ehr/launch?${params.toString()}`, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status !== 302 || location === null) throw new Error(`ehr launch: HTTP ${res.status}`);
  const query = new URL(location).searchParams;
  const iss = query.get('iss');
  if (iss === null) throw new Error('ehr launch: no iss');
  const launch = query.get('launch');
  return launch === null ? { iss } : { iss, launch };
}

/** An authorization request ready to send, with its PKCE verifier and state. */
export interface AuthorizationRequest {
  readonly url: string;
  readonly codeVerifier: string;
  readonly state: string;
}

/** Builds an authorization-code + PKCE (S256) request, as a SMART app's launch page would. */
export function authorizationRequest(options: {
  discovery: SmartDiscovery;
  clientId: string;
  redirectUri: string;
  scope: string;
  aud: string;
  launch?: string;
}): AuthorizationRequest {
  const codeVerifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: options.scope,
    aud: options.aud,
    state,
    code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...(options.launch === undefined ? {} : { launch: options.launch }),
  });
  return { url: `${options.discovery.authorization_endpoint}?${params.toString()}`, codeVerifier, state };
}

/** A minimal cookie jar: enough for oidc-provider's interaction and session cookies on one origin. */
class CookieJar {
  readonly #cookies = new Map<string, string>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired) this.#cookies.delete(name);
      else this.#cookies.set(name, pair.slice(eq + 1).trim());
    }
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Sends an authorization request and follows redirects until the app's redirect URI, answering the standalone
 * sign-in page with `loginForm` (e.g. `{ patient: 'pat-000001' }` or `{ deny: '1' }`). Returns the redirect's query
 * (`code` and `state`, or `error`).
 */
export async function followAuthorization(
  url: string,
  redirectUri: string,
  loginForm?: Readonly<Record<string, string>>,
): Promise<URLSearchParams> {
  const jar = new CookieJar();
  let next = url;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 12; hop += 1) {
    if (next.startsWith(redirectUri)) return new URL(next).searchParams;
    const res = await fetch(next, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(body ? { body: body.toString() } : {}),
    });
    jar.store(res);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location !== null) {
      next = new URL(location, next).href;
      body = undefined;
      continue;
    }
    const text = await res.text();
    if (res.status === 200 && loginForm && body === undefined && text.includes('Sign in')) {
      body = new URLSearchParams(loginForm);
      continue;
    }
    throw new Error(`authorization stopped at ${new URL(next).pathname} with HTTP ${res.status}`);
  }
  throw new Error('authorization: too many redirects');
}

/** Exchanges a code at the token endpoint; the raw response, so callers can check failures too. */
export function exchangeCode(options: {
  discovery: SmartDiscovery;
  clientId: string;
  redirectUri: string;
  code: string;
  codeVerifier?: string;
}): Promise<Response> {
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    code: options.code,
    ...(options.codeVerifier === undefined ? {} : { code_verifier: options.codeVerifier }),
  });
  return fetch(options.discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
}

/** The claims of a JWT, unverified (tests only read what the sandbox put there). */
export function jwtClaims(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  return z.record(z.string(), z.unknown()).parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
}
