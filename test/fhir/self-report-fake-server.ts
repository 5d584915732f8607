/** A tiny in-memory FHIR server behind an injected `fetch`, for the self-report write tests. */
import { FhirGateway } from '../../src/fhir/fhir-gateway';

export const BASE = 'https://ehr.example.test/fhir';

type Json = Record<string, unknown>;

export interface FakeServer {
  readonly gateway: FhirGateway;
  /** The Patient as the server holds it now. */
  patient: Json;
  readonly created: Json[];
  /** `METHOD path` of every request that reached the server. */
  readonly log: string[];
  /** Status codes to answer the next matching requests with, by `METHOD Type`. */
  readonly failNext: Map<string, number>;
  /** The `cache` mode of each GET (the browser's HTTP cache could serve an old version). */
  readonly readCacheModes: string[];
  /** When set, GETs without `cache: 'no-store'` answer with this stale copy, as a browser cache would. */
  cachedCopy: Json | undefined;
  /** When set, the next PUT is applied but its response is lost (the fetch rejects as a network failure). */
  loseNextPutResponse: boolean;
  /** Changes the Patient as someone else would (a new version). */
  editAsSomeoneElse(change: (patient: Json) => Json): void;
}

export function fakeServer(initial: Json): FakeServer {
  let version = 1;
  const server: Omit<FakeServer, 'gateway'> = {
    patient: { ...initial, meta: { versionId: '1' } },
    created: [],
    log: [],
    readCacheModes: [],
    cachedCopy: undefined,
    failNext: new Map(),
    loseNextPutResponse: false,
    editAsSomeoneElse(change) {
      version += 1;
      server.patient = { ...change(server.patient), meta: { versionId: String(version) } };
    },
  };
  const respond = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/fhir+json', ...headers } });
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    const path = url.slice(BASE.length + 1);
    const type = path.split('/')[0] ?? '';
    server.log.push(`${method} ${path}`);
    const failure = server.failNext.get(`${method} ${type}`);
    if (failure !== undefined) {
      server.failNext.delete(`${method} ${type}`);
      return Promise.resolve(respond(failure, { resourceType: 'OperationOutcome', issue: [] }));
    }
    const parsed: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : {};
    const body: Json = typeof parsed === 'object' && parsed !== null ? { ...parsed } : {};
    if (method === 'GET') {
      server.readCacheModes.push(init?.cache ?? 'default');
      const fromCache = init?.cache !== 'no-store' && server.cachedCopy !== undefined;
      return Promise.resolve(respond(200, fromCache ? server.cachedCopy : server.patient));
    }
    if (method === 'PUT') {
      const ifMatch = new Headers(init?.headers).get('If-Match');
      if (ifMatch !== `W/"${String(version)}"`)
        return Promise.resolve(respond(412, { resourceType: 'OperationOutcome' }));
      server.editAsSomeoneElse(() => body);
      if (server.loseNextPutResponse) {
        server.loseNextPutResponse = false;
        return Promise.reject(new TypeError('network down'));
      }
      return Promise.resolve(respond(200, server.patient, { ETag: `W/"${String(version)}"` }));
    }
    const stored = { ...body, id: `${type.toLowerCase()}-${String(server.created.length + 1)}` };
    server.created.push(stored);
    return Promise.resolve(respond(201, stored));
  };
  const gateway = new FhirGateway({ baseUrl: BASE, accessToken: () => 't', fetch, sleep: () => Promise.resolve() });
  return Object.assign(server, { gateway });
}
