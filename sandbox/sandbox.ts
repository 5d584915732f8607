import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Resource } from 'fhir/r4';
import { createAuthServer } from './auth/auth-server';
import type { AuthServer } from './auth/auth-server';
import { sandboxUserResources } from './auth/sandbox-users';
import { AUTH_ROUTES, smartConfiguration } from './auth/smart-configuration';
import { createEhrRoutes } from './ehr/ehr-routes';
import type { EhrRoutes } from './ehr/ehr-routes';
import { assertPortFree, closeServer, listen } from './ehr/listen';
import { createPatientDirectory } from './ehr/patient-directory';
import { startStaticAppServer } from './ehr/static-app-server';
import type { AppServer } from './ehr/static-app-server';
import { startViteAppServer } from './ehr/vite-app-server';
import { createFhirServer } from './fhir/fhir-server';
import type { AccessDecision, Authorize, FhirServer } from './fhir/fhir-server';
import { generatePopulation } from './seed/population';

/** How the app is served: Vite's dev server, the built `dist/` folder, or not at all. */
export type AppMode = 'dev' | 'dist' | 'none';

export interface SandboxOptions {
  /** EHR origin port (env `EHR_PORT`, default 8080); 0 picks a free port. */
  readonly ehrPort?: number;
  /** App origin port (env `APP_PORT`, default 5173); 0 picks a free port (not with `app: 'none'`). */
  readonly appPort?: number;
  readonly app?: AppMode;
  /** Population seed (env `SEED`, default 42). */
  readonly seed?: number;
  /** Number of patients (env `SEED_PATIENTS`, default 5000). */
  readonly patients?: number;
  /** YYYY-MM-DD the data runs back from (env `SEED_ANCHOR`, default today). */
  readonly anchor?: string;
  /** Redirect URIs registered besides `<appUrl>/` (env `SMART_REDIRECT_URIS`, comma or space separated). */
  readonly extraRedirectUris?: readonly string[];
  readonly accessTokenTtlSeconds?: number;
  /** Serve the FHIR server's `/__sandbox/*` test hooks (fault injection, health); default true. */
  readonly testHooks?: boolean;
  /** Where progress lines go (default: nowhere). */
  readonly log?: (line: string) => void;
}

/** A running sandbox. */
export interface Sandbox {
  /** The EHR origin, e.g. `http://localhost:8080` (launch page at `/`, OpenID issuer). */
  readonly ehrUrl: string;
  /** The FHIR R4 base, e.g. `http://localhost:8080/fhir`. */
  readonly fhirBaseUrl: string;
  /** The app origin, e.g. `http://localhost:5173` (its launch URL is `<appUrl>/launch.html`). */
  readonly appUrl: string;
  /** Seconds each start-up step took, and `total`. */
  readonly timings: Readonly<Record<string, number>>;
  close(): Promise<void>;
}

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const FHIR_PATH = '/fhir';
const SMART_CONFIGURATION = '/.well-known/smart-configuration';

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Reads the sandbox's settings from the environment (EHR_PORT, APP_PORT, SEED, SEED_PATIENTS, SEED_ANCHOR, …). */
export function sandboxOptionsFromEnv(): SandboxOptions {
  const anchor = process.env.SEED_ANCHOR?.trim() ?? '';
  if (anchor !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(anchor))
    throw new Error(`SEED_ANCHOR must be YYYY-MM-DD, got "${anchor}"`);
  return {
    ehrPort: intFromEnv('EHR_PORT', 8080),
    appPort: intFromEnv('APP_PORT', 5173),
    seed: intFromEnv('SEED', 42),
    patients: intFromEnv('SEED_PATIENTS', 5000),
    anchor: anchor === '' ? today() : anchor,
    extraRedirectUris: (process.env.SMART_REDIRECT_URIS ?? '').split(/[\s,]+/).filter((u) => u !== ''),
  };
}

async function startApp(mode: AppMode, port: number): Promise<AppServer> {
  switch (mode) {
    case 'dev':
      return startViteAppServer({ port });
    case 'dist':
      // APP_DIST_DIR lets parallel end-to-end runs each serve their own build.
      return startStaticAppServer({ root: process.env.APP_DIST_DIR ?? `${REPO_ROOT}dist`, port });
    case 'none':
      return { url: `http://localhost:${port}`, close: () => Promise.resolve() };
  }
}

function sendPlain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    ...(status === 503 ? { 'Retry-After': '1' } : {}),
  });
  res.end(text);
}

interface Handlers {
  readonly fhir: FhirServer;
  readonly auth: AuthServer;
  readonly ehr: EhrRoutes;
}

/** One origin, several services: FHIR under /fhir, test hooks, the EHR pages, and oidc-provider for the rest. */
async function route(handlers: Handlers, ehrUrl: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', ehrUrl);
  const path = url.pathname;
  // Discovery lives at [iss]/.well-known/smart-configuration, and iss is the FHIR base: serve both places.
  if (path === SMART_CONFIGURATION || path === `${FHIR_PATH}${SMART_CONFIGURATION}`)
    return handlers.auth.handle(req, res);
  if (path === FHIR_PATH || path.startsWith(`${FHIR_PATH}/`)) return handlers.fhir.handle(req, res);
  if (path.startsWith('/__sandbox/')) return handlers.fhir.handleTestHook(req, res);
  if (await handlers.ehr(req, res, url)) return;
  return handlers.auth.handle(req, res);
}

/**
 * Starts the whole sandbox on loopback: the synthetic population in a FHIR R4 server, the SMART authorization
 * server and EHR launch page on the EHR origin, and the app on its own origin.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  const log = options.log ?? (() => undefined);
  const step = async <T>(name: string, run: () => Promise<T> | T): Promise<T> => {
    const t = performance.now();
    const result = await run();
    timings[name] = (performance.now() - t) / 1000;
    return result;
  };
  const seed = options.seed ?? 42;
  const patients = options.patients ?? 5000;
  const anchor = options.anchor ?? today();
  const appMode = options.app ?? 'dev';
  const appPort = options.appPort ?? 5173;

  // Bind the EHR port first: a port in use should fail in milliseconds, not after seeding.
  let handlers: Handlers | undefined;
  const server = createServer((req, res) => {
    if (!handlers) {
      sendPlain(res, 503, 'The sandbox is still starting.');
      return;
    }
    route(handlers, ehrUrl, req, res).catch((error: unknown) => {
      // The message only: errors may quote request data, and this terminal is no place for patient data.
      log(
        `request failed: ${req.method ?? ''} ${(req.url ?? '').split('?')[0] ?? ''}: ${error instanceof Error ? error.name : 'error'}`,
      );
      if (!res.headersSent) sendPlain(res, 500, 'Internal sandbox error');
      else res.end();
    });
  });
  if (appMode !== 'none' && appPort !== 0) await assertPortFree(appPort, 'APP_PORT');
  const ehrPort = await listen(server, options.ehrPort ?? 8080, 'EHR_PORT');
  const ehrUrl = `http://localhost:${ehrPort}`;
  const fhirBaseUrl = `${ehrUrl}${FHIR_PATH}`;
  let app: AppServer | undefined;
  // The app starts alongside the rest; what matters is when it is ready, counted from the start.
  const appStarting = startApp(appMode, appPort).then((appServer) => {
    timings[`app (${appMode}) ready after`] = (performance.now() - started) / 1000;
    return appServer;
  });
  appStarting.catch(() => undefined);
  try {
    // The FHIR server asks the auth server about every token, and the auth server reads patients from the FHIR
    // server: bind the check late to break the cycle.
    const late: { authorize?: Authorize } = {};
    const lateAuthorize: Authorize = (req) =>
      late.authorize
        ? late.authorize(req)
        : Promise.resolve<AccessDecision>({ ok: false, status: 401, reason: 'the sandbox is starting' });
    // Sequential on purpose: these steps are CPU-bound on one thread, so overlapping them gains nothing and
    // blurs the timings. Only the signing key (thread pool) and the app server (its own I/O) run alongside.
    const fhir = await step('FHIR server', () =>
      createFhirServer({
        baseUrl: fhirBaseUrl,
        authorize: lateAuthorize,
        oauth: { authorize: `${ehrUrl}${AUTH_ROUTES.authorization}`, token: `${ehrUrl}${AUTH_ROUTES.token}` },
        smartConfiguration: () => smartConfiguration(ehrUrl),
        testHooks: options.testHooks ?? true,
      }),
    );
    const directory = createPatientDirectory(fhir.repo, anchor);
    // The redirect URI names the app's port, so an ephemeral app port must be known before the client is registered.
    const appUrl = appPort === 0 ? (await appStarting).url : `http://localhost:${appPort}`;
    const authStarting = createAuthServer({
      issuer: ehrUrl,
      fhirBaseUrl,
      redirectUris: [`${appUrl}/`, ...(options.extraRedirectUris ?? [])],
      directory,
      ...(options.accessTokenTtlSeconds === undefined ? {} : { accessTokenTtlSeconds: options.accessTokenTtlSeconds }),
    });
    authStarting.catch(() => undefined);
    const population = await step('population', () => generatePopulation({ seed, patients, anchor }));
    const resources: Resource[] = [...sandboxUserResources(), ...population.resources];
    await step('load', () => fhir.load(resources));
    log(`population: ${patients} patients, ${resources.length} resources (seed ${seed}, anchor ${anchor})`);
    const auth = await step('auth server', () => authStarting);
    late.authorize = auth.authorize;
    const ehr = createEhrRoutes({
      launches: auth.launches,
      directory,
      appUrl,
      fhirBaseUrl,
      population: {
        seed,
        patients,
        anchor,
        resources: resources.length,
        featured: population.featuredPatients,
      },
    });
    handlers = { fhir, auth, ehr };
    app = await appStarting;
  } catch (error) {
    await Promise.all([
      closeServer(server),
      appStarting.then(
        (a) => a.close(),
        () => undefined,
      ),
    ]);
    throw error;
  }
  timings.total = (performance.now() - started) / 1000;
  for (const [name, seconds] of Object.entries(timings)) log(`  ${name}: ${seconds.toFixed(2)} s`);
  const running = app;
  return {
    ehrUrl,
    fhirBaseUrl,
    appUrl: running.url,
    timings,
    async close() {
      await Promise.all([running.close(), closeServer(server)]);
    },
  };
}
