import type { Operation, SearchRequest, WithId } from '@medplum/core';
import { OperationOutcomeError, badRequest, deepClone, forbidden, normalizeOperationOutcome } from '@medplum/core';
import type {
  CreateResourceOptions,
  DeleteResourceOptions,
  ReadHistoryOptions,
  RepositoryMode,
  SearchOptions,
  UpdateResourceOptions,
} from '@medplum/fhir-router';
import { FhirRepository } from '@medplum/fhir-router';
import type { Bundle, Parameters, Reference, Resource } from '@medplum/fhirtypes';
import { SHARED_DEFINITION_TYPES, compartmentPatientIds } from './patient-compartment';
import { validateForWrite } from './resource-validation';
import type { SandboxRepository } from './sandbox-repository';
import type { Permission, ResourceScope } from './smart-scopes';
import { reachOf } from './smart-scopes';

/** Who is asking, from the access token. */
export interface AccessContext {
  readonly scopes: readonly ResourceScope[];
  /** The patient in context (SMART `patient` launch context), which `patient/` scopes are limited to. */
  readonly patient?: string;
  /** The user's own resource (`Practitioner/…`, `Patient/…`), which they may always read. */
  readonly fhirUser?: string;
}

/** Page size when a search does not say, and the most one page may hold (as Medplum's server). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 1000;

const VERBS: Readonly<Record<Permission, string>> = { c: 'create', r: 'read', u: 'update', d: 'delete', s: 'search' };

type Reach = { readonly all: true } | { readonly all: false; readonly patient: string };

/**
 * The repository one request sees: every call checks the token's SMART scopes for the type and interaction (403
 * otherwise), keeps `patient/` access inside the patient's compartment, and validates what is written. Because
 * Medplum's batch processor calls the repository for each entry, transactions get the same checks as single calls.
 *
 * Patient scopes and other patients' data: a read of a resource outside the compartment is refused with 403; a
 * search is limited to the compartment, so it simply finds nothing of theirs (`Observation?patient=other` → empty).
 */
export class GuardedRepository extends FhirRepository {
  private deferred: (() => void)[] | undefined;

  constructor(
    private readonly inner: SandboxRepository,
    private readonly access: AccessContext,
    private readonly r4Types: ReadonlySet<string>,
  ) {
    super();
  }

  setMode(_mode: RepositoryMode): void {
    // One in-memory store: there is no reader/writer split.
  }

  generateId(): string {
    return this.inner.generateId();
  }

  async createResource<T extends Resource>(resource: T, options?: CreateResourceOptions): Promise<WithId<T>> {
    const reach = this.reach(resource.resourceType, 'c');
    const copy = deepClone(resource);
    // The server assigns ids on create (FHIR http.html#create); only transaction entries carry pre-assigned ones.
    if (!options?.assignedId) delete copy.id;
    validateForWrite(copy, this.r4Types);
    if (this.deferred && !reach.all) {
      // Inside a transaction a Provenance may come before the resource it targets: check once all are written.
      const created = await this.inner.createResource(copy, options);
      this.deferred.push(() => {
        this.checkCompartment(created, reach, 'create');
      });
      return created;
    }
    this.checkCompartment(copy, reach, 'create');
    return this.inner.createResource(copy, options);
  }

  async readResource<T extends Resource>(resourceType: string, id: string): Promise<WithId<T>> {
    if (this.isOwnUser(resourceType, id)) return this.inner.readResource<T>(resourceType, id);
    const reach = this.reach(resourceType, 'r');
    const resource = await this.inner.readResource<T>(resourceType, id);
    this.checkCompartment(resource, reach, 'read');
    return resource;
  }

  async readReference<T extends Resource>(reference: Reference<T>): Promise<WithId<T>> {
    const [resourceType, id] = reference.reference?.split('/') ?? [];
    if (!resourceType || !id) throw new OperationOutcomeError(badRequest('Invalid reference'));
    return this.readResource<T>(resourceType, id);
  }

  async readReferences<T extends Resource>(references: readonly Reference<T>[]): Promise<(T | Error)[]> {
    return Promise.all(
      references.map((reference) =>
        this.readReference(reference).catch(
          (err: unknown) => new OperationOutcomeError(normalizeOperationOutcome(err)),
        ),
      ),
    );
  }

  async readHistory<T extends Resource>(
    resourceType: string,
    id: string,
    options?: ReadHistoryOptions,
  ): Promise<Bundle<WithId<T>>> {
    const reach = this.reach(resourceType, 'r');
    const history = await this.inner.readHistory<WithId<T>>(resourceType, id, options);
    for (const entry of history.entry ?? []) if (entry.resource) this.checkCompartment(entry.resource, reach, 'read');
    return history;
  }

  async readVersion<T extends Resource>(resourceType: string, id: string, versionId: string): Promise<WithId<T>> {
    const reach = this.reach(resourceType, 'r');
    const version = await this.inner.readVersion<WithId<T>>(resourceType, id, versionId);
    this.checkCompartment(version, reach, 'read');
    return version;
  }

  async updateResource<T extends Resource>(resource: T, options?: UpdateResourceOptions): Promise<WithId<T>> {
    const id = resource.id;
    if (!id) throw new OperationOutcomeError(badRequest('Missing id'));
    const existing = this.inner.get(resource.resourceType, id);
    // Update-as-create needs the right to create.
    const reach = this.reach(resource.resourceType, existing ? 'u' : 'c');
    validateForWrite(resource, this.r4Types);
    if (existing) this.checkCompartment(await this.inner.readResource(resource.resourceType, id), reach, 'update');
    this.checkCompartment(resource, reach, 'update');
    return this.inner.updateResource(resource, options);
  }

  async deleteResource(resourceType: string, id: string, options?: DeleteResourceOptions): Promise<void> {
    const reach = this.reach(resourceType, 'd');
    this.checkCompartment(await this.inner.readResource(resourceType, id), reach, 'delete');
    return this.inner.deleteResource(resourceType, id, options);
  }

  patchResource<T extends Resource>(
    _resourceType: T['resourceType'],
    _id: string,
    _patch: Operation[] | Parameters,
    _options?: UpdateResourceOptions,
  ): Promise<WithId<T>> {
    return Promise.reject(new OperationOutcomeError(badRequest('PATCH is not supported by this server; use PUT')));
  }

  async search<T extends Resource>(
    searchRequest: SearchRequest<T>,
    _options?: SearchOptions,
  ): Promise<Bundle<WithId<T>>> {
    return this.searchImpl(searchRequest, false);
  }

  /**
   * Like {@link search}, but the Bundle holds the stored resources themselves, for a response that is serialized
   * at once: the caller must not change them.
   */
  async searchForResponse(searchRequest: SearchRequest): Promise<Bundle> {
    return this.searchImpl(searchRequest, true);
  }

  private async searchImpl<T extends Resource>(
    searchRequest: SearchRequest<T>,
    share: boolean,
  ): Promise<Bundle<WithId<T>>> {
    const reach = this.reach(searchRequest.resourceType, 's');
    const count = Math.min(searchRequest.count ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const patient = reach.all ? undefined : reach.patient;
    const bundle = await this.inner.searchWithin({ ...searchRequest, count }, patient, share);
    // _include/_revinclude may reach resources the token may not read: keep only those it may.
    bundle.entry = bundle.entry?.filter((entry) => entry.search?.mode !== 'include' || this.mayRead(entry.resource));
    return bundle;
  }

  searchByReference<T extends Resource>(): Promise<Record<string, WithId<T>[]>> {
    return Promise.reject(new OperationOutcomeError(badRequest('Search by reference is not supported')));
  }

  /** Runs the callback as one unit (rolled back if it throws), with compartment checks of creates at its end. */
  async withTransaction<TResult>(callback: (repo: this) => Promise<TResult>): Promise<TResult> {
    if (this.deferred) return callback(this);
    return this.inner.withTransaction(async () => {
      const deferred: (() => void)[] = [];
      this.deferred = deferred;
      try {
        const result = await callback(this);
        for (const check of deferred) check();
        return result;
      } finally {
        this.deferred = undefined;
      }
    });
  }

  private mayRead(resource: Resource | undefined): boolean {
    if (!resource?.id) return false;
    if (this.isOwnUser(resource.resourceType, resource.id)) return true;
    try {
      this.checkCompartment(resource, this.reach(resource.resourceType, 'r'), 'read');
      return true;
    } catch {
      return false;
    }
  }

  private reach(resourceType: string, permission: Permission): Reach {
    const reach = reachOf(this.access.scopes, resourceType, permission);
    if (reach === 'all' || (reach === 'patient' && SHARED_DEFINITION_TYPES.has(resourceType))) return { all: true };
    if (reach === 'patient' && this.access.patient) return { all: false, patient: this.access.patient };
    const why =
      reach === 'patient'
        ? `patient/ scopes need a patient in context`
        : `no granted scope allows ${VERBS[permission]} on ${resourceType}`;
    throw new OperationOutcomeError(denied(`Forbidden: ${why}`));
  }

  private checkCompartment(resource: Resource, reach: Reach, action: string): void {
    if (reach.all) return;
    const patients = compartmentPatientIds(resource, (reference) => this.inner.patientsOf(reference));
    if (!patients.includes(reach.patient)) {
      throw new OperationOutcomeError(
        denied(`Forbidden: patient/ scopes only allow you to ${action} resources of the patient in context`),
      );
    }
  }

  private isOwnUser(resourceType: string, id: string): boolean {
    const user = this.access.fhirUser;
    return user !== undefined && (user === `${resourceType}/${id}` || user.endsWith(`/${resourceType}/${id}`));
  }
}

function denied(text: string): typeof forbidden {
  return { ...forbidden, issue: [{ severity: 'error', code: 'forbidden', details: { text } }] };
}
