import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from './fault-injector';
import { HttpProblem, notAllowed, outcome, parseJsonBody, readBody } from './http-io';
import type { SandboxRepository } from './sandbox-repository';

/** What the test hooks need. */
export interface TestHookContext {
  readonly enabled: boolean;
  readonly faults: FaultInjector;
  readonly repo: SandboxRepository;
  readonly maxBodyBytes: number;
}

/**
 * The `/__sandbox/*` hooks for end-to-end tests (plain JSON, no token; the sandbox listens on loopback only):
 * - `GET /__sandbox/health` → 200 `{ status: 'ok', patients }`;
 * - `POST /__sandbox/faults` with a {@link FaultSpec} → 201 with the rule; the next matching FHIR requests fail;
 * - `GET /__sandbox/faults` → the active rules; `DELETE /__sandbox/faults` → 204, all rules cleared.
 * Everything answers 404 when the server was created without `testHooks`.
 */
export async function handleTestHook(req: IncomingMessage, res: ServerResponse, ctx: TestHookContext): Promise<void> {
  const pathname = new URL(req.url ?? '/', 'http://request.invalid').pathname;
  const hook = /\/__sandbox\/([a-z-]+)\/?$/.exec(pathname)?.[1];
  if (!ctx.enabled || hook === undefined) throw new HttpProblem(404, outcome('not-found', 'No such test hook'));
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    res.statusCode = 204;
    res.end();
    return;
  }
  if (hook === 'health') {
    if (method !== 'GET') throw notAllowed('GET');
    sendJson(res, 200, { status: 'ok', patients: ctx.repo.count('Patient') });
    return;
  }
  if (hook !== 'faults') throw new HttpProblem(404, outcome('not-found', 'No such test hook'));
  if (method === 'POST') {
    const rule = ctx.faults.add(parseJsonBody(await readBody(req, ctx.maxBodyBytes)));
    sendJson(res, 201, rule);
  } else if (method === 'GET') {
    sendJson(res, 200, { faults: ctx.faults.list() });
  } else if (method === 'DELETE') {
    ctx.faults.clear();
    res.statusCode = 204;
    res.end();
  } else {
    throw notAllowed('GET, POST, DELETE');
  }
}

/** FaultSpec is documented in fault-injector.ts; re-exported for the hook's callers. */
export type { FaultSpec } from './fault-injector';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(text);
}
