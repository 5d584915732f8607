import type { IncomingMessage, ServerResponse } from 'node:http';
import { allOk, created, getStatus, parseSearchRequest } from '@medplum/core';
import type { FhirRequest, FhirRouter } from '@medplum/fhir-router';
import { processBatch } from '@medplum/fhir-router';
import type { Bundle, BundleEntry, OperationOutcome, Resource, ResourceType } from '@medplum/fhirtypes';
import type { GuardedRepository } from './guarded-repository';
import {
  HttpProblem,
  httpDate,
  notAllowed,
  outcome,
  parseJsonBody,
  readBody,
  sendFhir,
  versionFromETag,
} from './http-io';
import { asResourceBody } from './resource-validation';
import type { SandboxRepository } from './sandbox-repository';
import { finishSearchBundle } from './search-bundle';
import { parseHttpSearch } from './search-request';

/** Everything one authorized FHIR request needs. */
export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  readonly url: URL;
  /** The path after the FHIR base, without leading or trailing slashes. */
  readonly path: string;
  readonly baseUrl: string;
  readonly r4Types: ReadonlySet<ResourceType>;
  readonly repo: SandboxRepository;
  readonly guarded: GuardedRepository;
  readonly router: FhirRouter;
  readonly maxBodyBytes: number;
}

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * Dispatches an authorized request to a FHIR RESTful interaction (R4 http.html): read, vread, history-instance,
 * search-type (GET and POST `_search`), create (optionally conditional), update, delete, and batch/transaction.
 * Everything else is a 404 (unknown type or URL) or a 405 (known URL, interaction not supported).
 */
export async function routeFhirRequest(ctx: RequestContext): Promise<void> {
  const { method, path } = ctx;
  const segments = path === '' ? [] : path.split('/').map(decodeSegment);
  const [type, second, third, fourth] = segments;
  if (type === undefined) {
    if (method === 'POST') return batch(ctx);
    throw notAllowed('POST', 'Only batch and transaction Bundles are accepted at the base');
  }
  if (segments.some((segment) => segment.startsWith('$'))) throw notSupported('Operations are not supported');
  if (!isKnownType(ctx.r4Types, type))
    throw new HttpProblem(404, outcome('not-found', `Unknown resource type: ${type}`));
  if (second === undefined) {
    if (method === 'GET') return search(ctx, type, [...ctx.url.searchParams]);
    if (method === 'POST') return create(ctx, type);
    throw notAllowed('GET, POST', 'Conditional update, delete and patch are not supported');
  }
  if (second === '_search' && third === undefined) {
    if (method !== 'POST') throw notAllowed('POST');
    const form = await readBody(ctx.req, ctx.maxBodyBytes);
    return search(ctx, type, [...new URLSearchParams(form), ...ctx.url.searchParams]);
  }
  if (second === '_history') throw notSupported('Type-level history is not supported');
  if (!ID.test(second)) throw new HttpProblem(400, outcome('invalid', 'Not a valid resource id'));
  if (third === undefined) {
    if (method === 'GET') return read(ctx, type, second);
    if (method === 'PUT') return update(ctx, type, second);
    if (method === 'DELETE') return remove(ctx, type, second);
    throw notAllowed('GET, PUT, DELETE');
  }
  if (third === '_history' && segments.length <= 4) {
    if (method !== 'GET') throw notAllowed('GET');
    return fourth === undefined ? history(ctx, type, second) : vread(ctx, type, second, fourth);
  }
  throw new HttpProblem(404, outcome('not-found', 'Unknown FHIR URL'));
}

async function read(ctx: RequestContext, type: ResourceType, id: string): Promise<void> {
  const resource = await ctx.guarded.readResource(type, id);
  const wanted = versionFromETag(ctx.req.headers['if-none-match']);
  if (wanted !== undefined && wanted === resource.meta?.versionId) {
    sendFhir(ctx.res, 304, undefined, versionHeaders(ctx, resource));
    return;
  }
  sendFhir(ctx.res, 200, resource, versionHeaders(ctx, resource));
}

async function vread(ctx: RequestContext, type: ResourceType, id: string, versionId: string): Promise<void> {
  const resource = await ctx.guarded.readVersion(type, id, versionId);
  sendFhir(ctx.res, 200, resource, versionHeaders(ctx, resource));
}

async function history(ctx: RequestContext, type: ResourceType, id: string): Promise<void> {
  const count = ctx.url.searchParams.get('_count');
  const offset = ctx.url.searchParams.get('_offset');
  const bundle = await ctx.guarded.readHistory(type, id, {
    limit: count === null ? undefined : Number.parseInt(count, 10) || undefined,
    offset: offset === null ? undefined : Number.parseInt(offset, 10) || 0,
  });
  const finished: Bundle = {
    ...bundle,
    link: [{ relation: 'self', url: `${ctx.baseUrl}/${ctx.path}${ctx.url.search}` }],
    entry: bundle.entry?.map((entry) => withFullUrl(ctx, entry)),
  };
  sendFhir(ctx.res, 200, finished);
}

async function search(ctx: RequestContext, type: ResourceType, params: [string, string][]): Promise<void> {
  const parsed = parseHttpSearch(type, params, prefers(ctx.req, 'handling') === 'strict');
  const bundle = await ctx.guarded.searchForResponse(parsed.request);
  sendFhir(ctx.res, 200, finishSearchBundle(bundle, parsed, ctx.baseUrl, type));
}

async function create(ctx: RequestContext, type: ResourceType): Promise<void> {
  const resource = await resourceBody(ctx, type);
  const ifNoneExist = ctx.req.headers['if-none-exist'];
  let stored: Resource;
  let result: OperationOutcome = created;
  if (typeof ifNoneExist === 'string' && ifNoneExist !== '') {
    const conditional = await ctx.guarded.conditionalCreate(resource, parseSearchRequest(`${type}?${ifNoneExist}`));
    stored = conditional.resource;
    result = conditional.outcome;
  } else {
    stored = await ctx.guarded.createResource(resource);
  }
  const status = getStatus(result);
  const location = versionUrl(ctx, stored);
  const headers = { ...versionHeaders(ctx, stored), ...(status === 201 ? { Location: location } : {}) };
  sendFhir(ctx.res, status, preferredBody(ctx.req, stored, result), headers);
}

async function update(ctx: RequestContext, type: ResourceType, id: string): Promise<void> {
  const resource = await resourceBody(ctx, type);
  if (resource.id !== id) {
    throw new HttpProblem(
      400,
      outcome('invalid', `The body's id (${resource.id ?? 'none'}) must match the URL's id (${id})`),
    );
  }
  const existed = ctx.repo.get(type, id) !== undefined;
  const stored = await ctx.guarded.updateResource(resource, { ifMatch: versionFromETag(ctx.req.headers['if-match']) });
  const headers = { ...versionHeaders(ctx, stored), ...(existed ? {} : { Location: versionUrl(ctx, stored) }) };
  sendFhir(ctx.res, existed ? 200 : 201, preferredBody(ctx.req, stored, existed ? allOk : created), headers);
}

async function remove(ctx: RequestContext, type: ResourceType, id: string): Promise<void> {
  await ctx.guarded.deleteResource(type, id, { ifMatch: versionFromETag(ctx.req.headers['if-match']) });
  sendFhir(ctx.res, 200, outcome('informational', `Deleted ${type}/${id}`, 'information'));
}

async function batch(ctx: RequestContext): Promise<void> {
  const body = asResourceBody(parseJsonBody(await readBody(ctx.req, ctx.maxBodyBytes)));
  if (body.resourceType !== 'Bundle' || (body.type !== 'batch' && body.type !== 'transaction')) {
    throw new HttpProblem(400, outcome('invalid', 'POST to the base needs a Bundle of type batch or transaction'));
  }
  const request: FhirRequest = {
    method: 'POST',
    url: '',
    pathname: '',
    body,
    params: {},
    query: {},
    headers: ctx.req.headers,
    // Without this Medplum runs a transaction like a batch; with it, the first failing entry fails the whole Bundle
    // and SandboxRepository.withTransaction undoes the entries already written.
    config: { transactions: true },
  };
  const result: Bundle = await processBatch(request, ctx.guarded, ctx.router, body);
  result.entry = result.entry?.map((entry) => {
    const resource = entry.resource;
    if (!resource?.id || !entry.response) return entry;
    return {
      ...withFullUrl(ctx, entry),
      response: {
        ...entry.response,
        ...(entry.response.status === '201' ? { location: versionUrl(ctx, resource) } : {}),
        ...(resource.meta?.versionId ? { etag: `W/"${resource.meta.versionId}"` } : {}),
        ...(resource.meta?.lastUpdated ? { lastModified: resource.meta.lastUpdated } : {}),
      },
    };
  });
  sendFhir(ctx.res, 200, result);
}

async function resourceBody(ctx: RequestContext, type: ResourceType): Promise<Resource> {
  const contentType = ctx.req.headers['content-type'] ?? '';
  if (contentType !== '' && !/^application\/(fhir\+)?json\b/i.test(contentType)) {
    throw new HttpProblem(415, outcome('not-supported', 'Send application/fhir+json'));
  }
  const resource = asResourceBody(parseJsonBody(await readBody(ctx.req, ctx.maxBodyBytes)));
  if (resource.resourceType !== type) {
    throw new HttpProblem(400, outcome('invalid', `The body is a ${resource.resourceType}, the URL says ${type}`));
  }
  return resource;
}

function versionHeaders(ctx: RequestContext, resource: Resource): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Location': versionUrl(ctx, resource) };
  if (resource.meta?.versionId) headers.ETag = `W/"${resource.meta.versionId}"`;
  const modified = httpDate(resource.meta?.lastUpdated);
  if (modified) headers['Last-Modified'] = modified;
  return headers;
}

function versionUrl(ctx: RequestContext, resource: Resource): string {
  return `${ctx.baseUrl}/${resource.resourceType}/${resource.id ?? ''}/_history/${resource.meta?.versionId ?? ''}`;
}

function withFullUrl(ctx: RequestContext, entry: BundleEntry): BundleEntry {
  const resource = entry.resource;
  return resource?.id ? { fullUrl: `${ctx.baseUrl}/${resource.resourceType}/${resource.id}`, ...entry } : entry;
}

/** The body a write answers with, following `Prefer: return=minimal | representation | OperationOutcome`. */
function preferredBody(req: IncomingMessage, resource: Resource, result: OperationOutcome): unknown {
  const preference = prefers(req, 'return');
  if (preference === 'minimal') return undefined;
  if (preference === 'OperationOutcome') return { ...result, id: undefined };
  return resource;
}

function prefers(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.prefer;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(/[;,]/)) {
    const [key, value] = part.split('=').map((item) => item.trim());
    if (key === name) return value?.replace(/^"|"$/g, '');
  }
  return undefined;
}

/** An interaction this server does not implement at a URL where no method would do (so not a 405). */
function notSupported(text: string): HttpProblem {
  return new HttpProblem(400, outcome('not-supported', text));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpProblem(400, outcome('invalid', 'The URL is not properly encoded'));
  }
}

function isKnownType(types: ReadonlySet<ResourceType>, type: string): type is ResourceType {
  const names: ReadonlySet<string> = types;
  return names.has(type);
}
