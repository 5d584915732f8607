import type { IncomingMessage, ServerResponse } from 'node:http';
import { OperationOutcomeError, getStatus } from '@medplum/core';
import { FhirRouter } from '@medplum/fhir-router';
import type { CapabilityStatement, OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { Resource as R4Resource } from 'fhir/r4';
import { ZodError } from 'zod';
import type { OAuthUris } from './capability-statement';
import { buildCapabilityStatement } from './capability-statement';
import { answerPreflight, applyCors } from './cors';
import { FaultInjector } from './fault-injector';
import { loadFhirDefinitions } from './fhir-definitions';
import { GuardedRepository } from './guarded-repository';
import { HttpProblem, notAllowed, outcome, sendFhir } from './http-io';
import { routeFhirRequest } from './rest-interactions';
import { SandboxRepository } from './sandbox-repository';
import { parseScopes } from './smart-scopes';
import { handleTestHook } from './test-hooks';

/** What the authorization server says about a request's access token. */
export type AccessDecision =
  | { ok: true; scopes: readonly string[]; patient?: string; fhirUser?: string }
  | { ok: false; status: 401; reason: string };

/** Looks up the Bearer token of a FHIR request (S2 implements it with oidc-provider). */
export type Authorize = (req: IncomingMessage) => Promise<AccessDecision>;

/** Options of {@link createFhirServer}. */
export interface FhirServerOptions {
  /** Public FHIR base URL, e.g. `http://localhost:8080/fhir`; its path is where {@link FhirServer.handle} expects requests. */
  readonly baseUrl: string;
  readonly authorize: Authorize;
  /** SMART endpoints for the CapabilityStatement's oauth-uris extension. */
  readonly oauth?: OAuthUris;
  /** Serve `/__sandbox/*` test hooks (fault injection, health) through {@link FhirServer.handleTestHook}. */
  readonly testHooks?: boolean;
  /**
   * SMART discovery document, served without a token at `<base>/.well-known/smart-configuration` when given
   * (SMART App Launch looks for it relative to the FHIR base, i.e. the `iss`).
   */
  readonly smartConfiguration?: () => unknown;
  /** Largest request body accepted, in bytes (default 20 MB). */
  readonly maxBodyBytes?: number;
}

/** The sandbox's FHIR R4 server. */
export interface FhirServer {
  /** The public base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** Handles one HTTP request whose path is under the base URL's path (e.g. `/fhir/Patient/1`). Never rejects. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Bulk-loads trusted seed resources, keeping their ids, without validation (the objects are not copied). */
  load(resources: readonly R4Resource[]): Promise<void>;
  /** In-process access with no access control: `find('Patient?name=…')`, `get(type, id)`, `count(type)`, Medplum's API. */
  readonly repo: SandboxRepository;
  /** Fault rules for end-to-end tests (also reachable over HTTP through the test hooks). */
  readonly faults: FaultInjector;
  /** Handles `/__sandbox/*`: `GET health`, `POST|GET|DELETE faults`. 404 unless `testHooks` is on. Never rejects. */
  handleTestHook(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/**
 * Creates the sandbox's FHIR R4 server: Medplum's in-memory repository behind this project's own HTTP layer, which
 * adds SMART scope enforcement, validation, CORS, paging links, ETags and fault injection.
 * Loads the FHIR definitions on first use (about 0.6 s per process).
 */
export async function createFhirServer(opts: FhirServerOptions): Promise<FhirServer> {
  const r4Types = loadFhirDefinitions();
  const repo = new SandboxRepository();
  const faults = new FaultInjector();
  const router = new FhirRouter();
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const maxBodyBytes = opts.maxBodyBytes ?? 20 * 1024 * 1024;
  let capabilityStatement: CapabilityStatement | undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      applyCors(req, res);
      const method = (req.method ?? 'GET').toUpperCase();
      const url = new URL(req.url ?? '/', 'http://request.invalid');
      const path = relativePath(url.pathname, basePath);
      if (path === undefined) throw new HttpProblem(404, outcome('not-found', 'Not a FHIR URL'));
      if (method === 'OPTIONS') {
        answerPreflight(req, res);
        return;
      }
      const failure = faults.next(method, `${path}${url.search}`);
      if (failure) {
        sendInjectedFailure(res, failure.status, failure.retryAfter, baseUrl);
        return;
      }
      if (path === 'metadata' || path === '.well-known/smart-configuration') {
        if (method !== 'GET') throw notAllowed('GET');
        if (path === 'metadata') {
          capabilityStatement ??= buildCapabilityStatement(baseUrl, r4Types, opts.oauth);
          sendFhir(res, 200, capabilityStatement);
        } else if (opts.smartConfiguration) {
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify(opts.smartConfiguration()));
        } else {
          throw new HttpProblem(404, outcome('not-found', 'No SMART configuration here'));
        }
        return;
      }
      const decision = await opts.authorize(req);
      if (!decision.ok) throw unauthorized(req, decision.reason, baseUrl);
      const access = { scopes: parseScopes(decision.scopes), patient: decision.patient, fhirUser: decision.fhirUser };
      const guarded = new GuardedRepository(repo, access, r4Types);
      await routeFhirRequest({ req, res, method, url, path, baseUrl, r4Types, repo, guarded, router, maxBodyBytes });
    } catch (err) {
      sendError(res, err);
    }
  };

  return Promise.resolve({
    baseUrl,
    handle,
    load: (resources) => {
      repo.load(resources);
      return Promise.resolve();
    },
    repo,
    faults,
    handleTestHook: async (req, res) => {
      try {
        applyCors(req, res);
        await handleTestHook(req, res, { enabled: opts.testHooks === true, faults, repo, maxBodyBytes });
      } catch (err) {
        sendError(res, err);
      }
    },
  });
}

/** The path after the base (`''` for the base itself), or undefined when the request is not under it. */
function relativePath(pathname: string, basePath: string): string | undefined {
  if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return undefined;
  return pathname.slice(basePath.length).replace(/^\/+|\/+$/g, '');
}

function unauthorized(req: IncomingMessage, reason: string, baseUrl: string): HttpProblem {
  const hadToken = typeof req.headers.authorization === 'string' && req.headers.authorization !== '';
  const quoted = reason.replace(/["\\]/g, '');
  const challenge = hadToken
    ? `Bearer realm="${baseUrl}", error="invalid_token", error_description="${quoted}"`
    : `Bearer realm="${baseUrl}"`;
  return new HttpProblem(401, outcome('login', `Unauthorized: ${reason}`), { 'WWW-Authenticate': challenge });
}

const INJECTED_CODES: Readonly<Record<number, OperationOutcomeIssue['code']>> = {
  429: 'throttled',
  500: 'exception',
  502: 'transient',
  503: 'transient',
  504: 'timeout',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
};

function sendInjectedFailure(
  res: ServerResponse,
  status: number,
  retryAfter: number | undefined,
  baseUrl: string,
): void {
  const headers: Record<string, string> = {};
  if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
  if (status === 401) headers['WWW-Authenticate'] = `Bearer realm="${baseUrl}", error="invalid_token"`;
  const body = outcome(INJECTED_CODES[status] ?? 'processing', `Injected fault: HTTP ${status} (sandbox test hook)`);
  sendFhir(res, status, body, headers);
}

/** Every error leaves as an OperationOutcome with its status; unexpected ones as a 500 without internals. */
function sendError(res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (err instanceof HttpProblem) {
    sendFhir(res, err.status, err.outcome, err.headers);
  } else if (err instanceof OperationOutcomeError) {
    sendFhir(res, getStatus(err.outcome), { ...err.outcome, id: undefined });
  } else if (err instanceof ZodError) {
    sendFhir(
      res,
      400,
      outcome('invalid', err.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')),
    );
  } else {
    // Log the message only: requests may carry patient data, and error messages here come from the code.
    process.stderr.write(`FHIR server error: ${err instanceof Error ? err.message : String(err)}\n`);
    sendFhir(res, 500, outcome('exception', 'Internal server error'));
  }
}
