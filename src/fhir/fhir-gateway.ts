import { z } from 'zod';
import { AppError, httpError, toAppError } from './app-error';
import { DEFAULT_RETRY, backoffDelay, isRetryableStatus, parseRetryAfter, sleep } from './retry-policy';
import type { RetryPolicy } from './retry-policy';
import { bundleLinkSchema, bundleSchema, capabilityStatementSchema, outcomeMessages, resourceSchema } from './schemas';
import type { LooseResource } from './schemas';

export interface FhirGatewayOptions {
  /** The FHIR base URL (the launch's `iss`). */
  readonly baseUrl: string;
  /** The current access token; undefined for an open server. */
  readonly accessToken: () => string | undefined;
  readonly fetch?: typeof fetch;
  readonly retry?: RetryPolicy;
  /** Per-request time-out. */
  readonly timeoutMs?: number;
  /** Injected for tests: waiting and jitter. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  /** Called before each retry, so a progress bar can say "retrying in 2 s". */
  readonly onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
  readonly attempt: number;
  readonly delayMs: number;
  readonly reason: AppError;
}

export interface RequestOptions {
  /** What the app was doing, in words that finish "…while ___" for the error message. */
  readonly what: string;
  readonly signal?: AbortSignal;
  /** Called before each retry of this request (besides the gateway's own `onRetry`). */
  readonly onRetry?: (info: RetryInfo) => void;
  /**
   * The browser's HTTP cache mode for this request. A read that must see the server's current version (after a
   * 412, say) uses `no-store`: a heuristically cached copy would hide the change.
   */
  readonly cache?: RequestCache;
}

export interface SearchProgress {
  readonly pages: number;
  readonly resources: number;
  /** Bundle.total when the server gave one. */
  readonly total: number | undefined;
}

export interface SearchOptions extends RequestOptions {
  readonly onPage?: (progress: SearchProgress, page: readonly LooseResource[]) => void;
  /** Stop after this many pages (0 or absent: follow every next link). */
  readonly maxPages?: number;
  /**
   * Whether to keep every page's resources and return them (default true). A caller that handles pages in
   * `onPage` passes false, so that a large search does not hold all its resources in memory; it then returns [].
   */
  readonly collect?: boolean;
  /**
   * Also hand over the resources a search includes (`search.mode` "include", from `_include`), after the page's
   * matches. By default only matches count.
   */
  readonly withIncluded?: boolean;
}

export interface CreateOptions extends RequestOptions {
  /** `If-None-Exist` search query for a conditional create. */
  readonly ifNoneExist?: string;
}

export interface WriteResult {
  readonly resource: LooseResource;
  readonly versionId: string | undefined;
  readonly location: string | undefined;
}

interface RawResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

/**
 * The only door to a FHIR server: reads, paged searches, writes with If-Match, metadata. Every failure becomes an
 * {@link AppError}; idempotent reads are retried on 429/5xx/time-outs with back-off that honours Retry-After; paging
 * refuses next links that leave the server or loop.
 */
export class FhirGateway {
  readonly baseUrl: string;
  private readonly options: FhirGatewayOptions;
  private readonly policy: RetryPolicy;

  constructor(options: FhirGatewayOptions) {
    this.options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.policy = options.retry ?? DEFAULT_RETRY;
  }

  /**
   * The access token requests carry now, for a worker that reads from this server itself (an engine worker loading
   * a population). It must only ever be sent to `baseUrl`.
   */
  currentAccessToken(): string | undefined {
    return this.options.accessToken();
  }

  /** Reads one resource by `Type/id`. */
  async read(path: string, options: RequestOptions): Promise<LooseResource> {
    const response = await this.send('GET', path, options);
    return this.parseResource(response.body, options.what);
  }

  /**
   * Follows every next link of a search and returns the matched resources (`search.mode` "match" or absent). The
   * next page is requested as soon as its link is read, before this page's entries are checked and handed to
   * `onPage`, so that work overlaps the server's work on the next page.
   */
  async searchAll(path: string, options: SearchOptions): Promise<LooseResource[]> {
    const all: LooseResource[] = [];
    const collect = options.collect ?? true;
    let url: string | undefined = this.resolve(path);
    let prefetched: Promise<RawResponse> | undefined;
    const seen = new Set<string>();
    let pages = 0;
    let resources = 0;
    let total: number | undefined;
    while (url !== undefined) {
      if (seen.has(url)) throw brokenPaging(options.what, 'the server sent the same page link twice');
      seen.add(url);
      const response = await (prefetched ?? this.send('GET', url, options));
      prefetched = undefined;
      const links = bundleLinksSchema.safeParse(response.body);
      if (!links.success) throw invalidResponse(options.what, 'a search did not return a Bundle');
      const last = options.maxPages !== undefined && options.maxPages > 0 && pages + 1 >= options.maxPages;
      const nextLink = last ? undefined : links.data.link?.find((link) => link.relation === 'next')?.url;
      const next = nextLink === undefined ? undefined : this.checkNextLink(nextLink, options.what);
      if (next !== undefined && !seen.has(next)) {
        prefetched = this.send('GET', next, options);
        // Awaited on the next turn; if this page fails first, its rejection must not go unhandled.
        prefetched.catch(() => undefined);
      }
      const parsed = bundleSchema.safeParse(response.body);
      if (!parsed.success) throw invalidResponse(options.what, 'a search did not return a Bundle');
      const bundle = parsed.data;
      total ??= bundle.total;
      const page: LooseResource[] = [];
      for (const entry of bundle.entry ?? []) {
        const mode = entry.search?.mode;
        if (mode !== undefined && mode !== 'match' && !(mode === 'include' && options.withIncluded === true)) continue;
        const resource = resourceSchema.safeParse(entry.resource);
        // An entry without a resource is a broken entry, not a reason to lose the page.
        if (resource.success) page.push(resource.data);
      }
      if (collect) all.push(...page);
      pages += 1;
      resources += page.length;
      options.onPage?.({ pages, resources, total }, page);
      url = next;
    }
    return all;
  }

  /** `_summary=count` search: how many resources match, without loading them. */
  async count(path: string, options: RequestOptions): Promise<number> {
    const separator = path.includes('?') ? '&' : '?';
    const response = await this.send('GET', `${path}${separator}_summary=count`, options);
    const parsed = bundleSchema.safeParse(response.body);
    if (!parsed.success || parsed.data.total === undefined) {
      throw invalidResponse(options.what, 'the server did not return a total');
    }
    return parsed.data.total;
  }

  /** Reads the CapabilityStatement and refuses servers that are not FHIR R4. */
  async checkFhirVersion(options: RequestOptions): Promise<{ fhirVersion: string; software: string | undefined }> {
    const response = await this.send('GET', 'metadata', options);
    const parsed = capabilityStatementSchema.safeParse(response.body);
    if (!parsed.success) throw invalidResponse(options.what, 'the server did not return a CapabilityStatement');
    const { fhirVersion, software } = parsed.data;
    if (!fhirVersion.startsWith('4.0')) {
      throw new AppError({
        kind: 'fhir-version',
        title: 'Unsupported FHIR version',
        detail: `This server speaks FHIR ${fhirVersion}; Equity Lens needs FHIR R4 (4.0.x).`,
        action: 'Ask your EHR administrator for the R4 endpoint of this server and launch from there.',
      });
    }
    return { fhirVersion, software: software?.name };
  }

  /**
   * Creates a resource; not retried automatically (a retry could create it twice). With `ifNoneExist` (a search
   * query such as `identifier=sys|123`) it is a conditional create: a server that supports it answers 200 with the
   * match instead of creating a second copy, which makes a user's retry safe.
   */
  async create(resource: { readonly resourceType: string }, options: CreateOptions): Promise<WriteResult> {
    const headers = options.ifNoneExist === undefined ? undefined : { 'If-None-Exist': options.ifNoneExist };
    const response = await this.send('POST', resource.resourceType, options, resource, headers);
    return this.writeResult(response, options.what);
  }

  /** Updates a resource only if the server still holds `versionId` (If-Match); 412 becomes a `conflict` AppError. */
  async update(resource: LooseResource, versionId: string, options: RequestOptions): Promise<WriteResult> {
    if (resource.id === undefined) throw invalidResponse(options.what, 'the resource to update has no id');
    const path = `${resource.resourceType}/${encodeURIComponent(resource.id)}`;
    const response = await this.send('PUT', path, options, resource, { 'If-Match': `W/"${versionId}"` });
    return this.writeResult(response, options.what);
  }

  private writeResult(response: RawResponse, what: string): WriteResult {
    const resource = this.parseResource(response.body, what);
    const etag = response.headers.get('ETag');
    const versionId = etag?.match(/^(?:W\/)?"(.+)"$/)?.[1] ?? resource.meta?.versionId;
    return { resource, versionId, location: response.headers.get('Location') ?? undefined };
  }

  private parseResource(body: unknown, what: string): LooseResource {
    const parsed = resourceSchema.safeParse(body);
    if (!parsed.success) throw invalidResponse(what, 'the server returned something that is not a FHIR resource');
    return parsed.data;
  }

  private resolve(path: string): string {
    return /^https?:\/\//.test(path) ? path : `${this.baseUrl}/${path.replace(/^\/+/, '')}`;
  }

  /** A next link must stay on this server: the access token must never be sent anywhere else. */
  private checkNextLink(next: string, what: string): string {
    let url: URL;
    try {
      url = new URL(next, `${this.baseUrl}/`);
    } catch {
      throw brokenPaging(what, 'the next-page link is not a URL');
    }
    const base = new URL(`${this.baseUrl}/`);
    if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname.replace(/\/$/, ''))) {
      throw brokenPaging(what, 'the next-page link points outside the FHIR server');
    }
    return url.href;
  }

  private async send(
    method: string,
    path: string,
    options: RequestOptions,
    body?: unknown,
    extraHeaders?: Record<string, string>,
  ): Promise<RawResponse> {
    const idempotent = method === 'GET';
    const attempts = idempotent ? this.policy.attempts : 1;
    const wait = this.options.sleep ?? sleep;
    let lastError: AppError | undefined;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      let retryAfterMs: number | undefined;
      try {
        const response = await this.sendOnce(method, path, options, body, extraHeaders);
        if (response.status < 400) return response;
        const error = httpError(response.status, options.what, outcomeMessages(response.body));
        if (!isRetryableStatus(response.status)) throw error;
        lastError = error;
        retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), Date.now());
      } catch (caught) {
        const error = toAppError(caught, options.what);
        if (!error.retryable || options.signal?.aborted === true) throw error;
        lastError = error;
      }
      if (attempt + 1 >= attempts) break;
      if (retryAfterMs !== undefined && retryAfterMs > this.policy.maxRetryAfterMs) break;
      const delayMs = retryAfterMs ?? backoffDelay(this.policy, attempt, (this.options.random ?? Math.random)());
      const info: RetryInfo = { attempt: attempt + 1, delayMs, reason: lastError };
      this.options.onRetry?.(info);
      options.onRetry?.(info);
      try {
        await wait(delayMs, options.signal);
      } catch (caught) {
        throw toAppError(caught, options.what);
      }
    }
    throw lastError ?? invalidResponse(options.what, 'no response');
  }

  private async sendOnce(
    method: string,
    path: string,
    options: RequestOptions,
    body: unknown,
    extraHeaders: Record<string, string> | undefined,
  ): Promise<RawResponse> {
    const headers: Record<string, string> = { Accept: 'application/fhir+json', ...extraHeaders };
    const token = this.options.accessToken();
    if (token !== undefined) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/fhir+json';
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
    const signal = options.signal === undefined ? timeout : AbortSignal.any([options.signal, timeout]);
    const doFetch = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    const response = await doFetch(this.resolve(path), {
      method,
      headers,
      signal,
      ...(options.cache === undefined ? {} : { cache: options.cache }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsedBody: unknown = undefined;
    if (text.length > 0) {
      try {
        parsedBody = JSON.parse(text);
      } catch {
        if (response.ok) throw invalidResponse(options.what, 'the server sent a response that is not JSON');
      }
    }
    return { status: response.status, body: parsedBody, headers: response.headers };
  }
}

/** A search page's type and links only: read first, so the next page can be requested before the entries are checked. */
const bundleLinksSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  link: z.array(bundleLinkSchema).optional(),
});

function invalidResponse(what: string, why: string): AppError {
  return new AppError({
    kind: 'invalid-response',
    title: 'Unexpected answer from the FHIR server',
    detail: `While ${what}, ${why}.`,
    action: 'Try again; if it keeps happening, tell your EHR support team.',
  });
}

function brokenPaging(what: string, why: string): AppError {
  return new AppError({
    kind: 'invalid-response',
    title: 'The server’s paging is broken',
    detail: `While ${what}, ${why}. What was loaded before that point is kept, but it is incomplete.`,
    action: 'Try again; if it keeps happening, tell your EHR support team.',
  });
}
