import type { Filter, SearchRequest, WithId } from '@medplum/core';
import {
  OperationOutcomeError,
  Operator,
  allOk,
  badRequest,
  conflict,
  created,
  deepClone,
  generateId,
  getSearchParameter,
  gone,
  isResourceType,
  multipleMatches,
  notFound,
  parseSearchRequest,
  preconditionFailed,
} from '@medplum/core';
import type {
  CreateResourceOptions,
  DeleteResourceOptions,
  ReadHistoryOptions,
  UpdateResourceOptions,
} from '@medplum/fhir-router';
import { MemoryRepository, getExtraEntries } from '@medplum/fhir-router';
import type { Bundle, BundleEntry, OperationOutcome, Resource, ResourceType } from '@medplum/fhirtypes';
import type { Resource as R4Resource } from 'fhir/r4';
import { compartmentPatientIds, patientIdOf } from './patient-compartment';
import { compileFilters } from './search-filter';
import { sortResources } from './search-sort';

type TypeMap = Map<string, Map<string, Resource>>;
type HistoryMap = Map<string, Map<string, Resource[]>>;

/** What a transaction must put back if it fails (Medplum's in-memory transactions are not atomic). */
interface Undo {
  readonly resourceType: string;
  readonly id: string;
  readonly previous: Resource | undefined;
  readonly historyLength: number;
  readonly wasDeleted: boolean;
}

const CACHE_SIZE = 32;

/**
 * Medplum's {@link MemoryRepository} made fast and a little more faithful for a sandbox of ~200k resources.
 *
 * - Search runs on the stored objects and clones only the page it returns (Medplum clones every match first).
 * - An index by patient compartment (see {@link compartmentPatientIds}) answers patient-scoped searches
 *   (`?patient=`, `?subject=Patient/…`, SMART `patient/` scopes) from a few dozen candidates.
 * - The full, sorted match list of recent searches is cached until the next write, so paging through 200k
 *   resources costs one scan, not one per page.
 * - Version ids count up from 1; deleted resources read as 410 Gone; transactions roll back on failure.
 * - {@link SandboxRepository.load} bulk-loads trusted seed data, keeping its ids, without validation.
 *
 * Reads and writes go through Medplum's own storage maps (read once, checked, at construction) so that everything
 * this class does not override — chained search, `_include`, patch — keeps working on the same data.
 */
export class SandboxRepository extends MemoryRepository {
  private readonly store: TypeMap;
  private readonly versions: HistoryMap;
  private readonly deleted = new Set<string>();
  private readonly byPatient = new Map<string, Map<string, Set<string>>>();
  private readonly provenancePatients = new Map<string, readonly string[]>();
  private readonly provenanceWaits = new Map<string, string[]>();
  private readonly matchCache = new Map<string, { generation: number; matches: Resource[] }>();
  private generation = 0;
  private undo: Undo[] | undefined;

  constructor() {
    super();
    this.store = medplumMap(this, 'resources');
    this.versions = medplumMap(this, 'history');
  }

  /**
   * Bulk-loads trusted resources (seed data): keeps their ids, sets `meta.versionId` 1 and `meta.lastUpdated`, skips
   * validation. For speed the objects are taken over, not copied: `id` and `meta` are set on them, and the caller
   * must not use or change them afterwards. Throws if a resource has an unknown type or an id that is taken.
   */
  load(resources: readonly R4Resource[]): void {
    const lastUpdated = new Date().toISOString();
    const provenances: Resource[] = [];
    for (const stored of resources) {
      if (!isStorableResource(stored)) throw new Error(`Cannot load a resource of type ${stored.resourceType}`);
      const id = stored.id ?? generateId();
      const typeMap = this.typeMap(stored.resourceType);
      if (typeMap.has(id)) throw new OperationOutcomeError(conflict(`${stored.resourceType}/${id} is loaded twice`));
      stored.id = id;
      stored.meta = stored.meta ? { ...stored.meta, versionId: '1', lastUpdated } : { versionId: '1', lastUpdated };
      // No history entry: a resource without one is its own version 1 (see versionsOf), which saves 200k arrays.
      typeMap.set(id, stored);
      // A Provenance belongs to the compartment of its targets, which may come later in the list.
      if (stored.resourceType === 'Provenance') provenances.push(stored);
      else this.index(stored, true);
    }
    for (const provenance of provenances) this.index(provenance, true);
    this.generation++;
  }

  /** Runs a FHIR search such as `Patient?name=smi&_count=20` in-process, with no access control (launch page). */
  async find(query: string): Promise<{ total: number; resources: R4Resource[] }> {
    const bundle = await this.search(parseSearchRequest(query));
    const resources = (bundle.entry ?? []).map((entry): unknown => entry.resource).filter(isR4Resource);
    return { total: bundle.total ?? resources.length, resources };
  }

  /** Reads one resource in-process, or undefined when there is none (launch page). */
  get(resourceType: string, id: string): R4Resource | undefined {
    const stored = this.store.get(resourceType)?.get(id);
    const clone: unknown = stored ? deepClone(stored) : undefined;
    return isR4Resource(clone) ? clone : undefined;
  }

  /** Number of current resources of a type (for start-up figures and the health hook). */
  count(resourceType: string): number {
    return this.store.get(resourceType)?.size ?? 0;
  }

  override async createResource<T extends Resource>(
    resource: T,
    _options?: CreateResourceOptions,
    update = false,
  ): Promise<WithId<T>> {
    const copy: Resource = deepClone(resource);
    const id = copy.id ?? generateId();
    const key = `${copy.resourceType}/${id}`;
    const previous = this.store.get(copy.resourceType)?.get(id);
    if (!update && previous) throw new OperationOutcomeError(conflict(`${key} already exists`));
    const history = this.historyOf(copy.resourceType);
    const versions = this.versionsOf(copy.resourceType, id);
    const stored: Resource = {
      ...copy,
      id,
      meta: { ...copy.meta, versionId: String(versions.length + 1), lastUpdated: new Date().toISOString() },
    };
    this.undo?.push({
      resourceType: copy.resourceType,
      id,
      previous,
      historyLength: versions.length,
      wasDeleted: this.deleted.has(key),
    });
    if (previous) this.index(previous, false);
    this.typeMap(copy.resourceType).set(id, stored);
    history.set(id, [...versions, stored]);
    this.deleted.delete(key);
    this.index(stored, true);
    this.generation++;
    return Promise.resolve(cloneAs<T>(stored));
  }

  override updateResource<T extends Resource>(resource: T, options?: UpdateResourceOptions): Promise<WithId<T>> {
    if (!resource.id) throw new OperationOutcomeError(badRequest('Missing id'));
    if (options?.ifMatch !== undefined) {
      const existing = this.store.get(resource.resourceType)?.get(resource.id);
      if (!existing) throw new OperationOutcomeError(notFound);
      if (existing.meta?.versionId !== options.ifMatch) throw new OperationOutcomeError(preconditionFailed);
    }
    return this.createResource(resource, undefined, true);
  }

  override async readResource<T extends Resource>(resourceType: string, id: string): Promise<WithId<T>> {
    const stored = this.store.get(resourceType)?.get(id);
    if (!stored) throw new OperationOutcomeError(this.deleted.has(`${resourceType}/${id}`) ? gone : notFound);
    return Promise.resolve(cloneAs<T>(stored));
  }

  override async readVersion<T extends Resource>(resourceType: string, id: string, versionId: string): Promise<T> {
    const version = this.versionsOf(resourceType, id).find((v) => v.meta?.versionId === versionId);
    if (!version) throw new OperationOutcomeError(notFound);
    return Promise.resolve(cloneAs<T>(version));
  }

  /** Newest first, without reordering the stored history (Medplum's reverses it in place on every call). */
  override async readHistory<T extends Resource>(
    resourceType: string,
    id: string,
    options?: ReadHistoryOptions,
  ): Promise<Bundle<T>> {
    const versions = this.versionsOf(resourceType, id);
    if (versions.length === 0) throw new OperationOutcomeError(notFound);
    const newestFirst = [...versions].reverse();
    const offset = options?.offset ?? 0;
    const page = newestFirst.slice(offset, offset + (options?.limit ?? newestFirst.length));
    const entry = page.map((version): BundleEntry<T> => {
      const versionId = version.meta?.versionId ?? '';
      return {
        resource: cloneAs<T>(version),
        request: {
          method: versionId === '1' ? 'POST' : 'PUT',
          url: versionId === '1' ? resourceType : `${resourceType}/${id}`,
        },
        response: {
          status: versionId === '1' ? '201' : '200',
          etag: `W/"${versionId}"`,
          lastModified: version.meta?.lastUpdated,
        },
      };
    });
    return Promise.resolve({ resourceType: 'Bundle', type: 'history', total: versions.length, entry });
  }

  override async deleteResource(resourceType: string, id: string, options?: DeleteResourceOptions): Promise<void> {
    const existing = this.store.get(resourceType)?.get(id);
    if (!existing) throw new OperationOutcomeError(this.deleted.has(`${resourceType}/${id}`) ? gone : notFound);
    if (options?.ifMatch !== undefined && existing.meta?.versionId !== options.ifMatch) {
      throw new OperationOutcomeError(preconditionFailed);
    }
    this.undo?.push({
      resourceType,
      id,
      previous: existing,
      historyLength: this.versionsOf(resourceType, id).length,
      wasDeleted: false,
    });
    this.index(existing, false);
    // Keep the history readable after the delete, also for a loaded resource that had no history entry yet.
    if (!this.versions.get(resourceType)?.has(id)) this.historyOf(resourceType).set(id, [existing]);
    this.store.get(resourceType)?.delete(id);
    this.deleted.add(`${resourceType}/${id}`);
    this.generation++;
    return Promise.resolve();
  }

  override async expungeResources(resourceType: string, ids: string[]): Promise<void> {
    for (const id of ids) {
      const existing = this.store.get(resourceType)?.get(id);
      if (existing) this.index(existing, false);
      this.deleted.delete(`${resourceType}/${id}`);
    }
    this.generation++;
    return super.expungeResources(resourceType, ids);
  }

  override clear(): void {
    super.clear();
    this.byPatient.clear();
    this.provenancePatients.clear();
    this.provenanceWaits.clear();
    this.deleted.clear();
    this.generation++;
  }

  override async conditionalCreate<T extends Resource>(
    resource: T,
    search: SearchRequest<T>,
    options?: CreateResourceOptions,
  ): Promise<{ resource: WithId<T>; outcome: OperationOutcome }> {
    const matches = (await this.search({ ...search, count: 2, offset: 0, sortRules: undefined })).entry ?? [];
    const [first, second] = matches;
    if (second) throw new OperationOutcomeError(multipleMatches);
    if (first?.resource) return { resource: first.resource, outcome: allOk };
    return { resource: await this.createResource(resource, options), outcome: created };
  }

  /** Runs the callback as one unit: if it throws, every write it made is undone. */
  override async withTransaction<TResult>(callback: (repo: this) => Promise<TResult>): Promise<TResult> {
    // Everything here is in memory, so a transaction runs to completion without yielding to other requests
    // (only already-resolved promises are awaited): one undo log per repository is enough.
    if (this.undo) return callback(this);
    const undo: Undo[] = [];
    this.undo = undo;
    try {
      return await callback(this);
    } catch (err) {
      this.rollback(undo);
      throw err;
    } finally {
      this.undo = undefined;
    }
  }

  override search<T extends Resource>(searchRequest: SearchRequest<T>): Promise<Bundle<WithId<T>>> {
    return this.searchWithin(searchRequest, undefined);
  }

  /**
   * Searches, limited to one patient's compartment when `patientId` is given (SMART `patient/` scopes).
   * `count` undefined returns every match (internal callers); the HTTP layer always sets it.
   * With `share`, the page holds the stored objects themselves rather than copies: only for a caller that
   * serializes them at once and never changes them (the HTTP search response), where cloning 1000 resources
   * per page was most of the time spent paging.
   */
  async searchWithin<T extends Resource>(
    searchRequest: SearchRequest<T>,
    patientId: string | undefined,
    share = false,
  ): Promise<Bundle<WithId<T>>> {
    if (searchRequest.types?.length) throw new OperationOutcomeError(badRequest('System-wide search is not supported'));
    if (searchRequest.filters?.some((f) => f.code.startsWith('_has:'))) {
      throw new OperationOutcomeError(badRequest('_has is not supported'));
    }
    if (searchRequest.filters?.some((f) => f.code.includes('.'))) {
      // Forward chaining: Medplum's own (slower) search supports it; not combined with a compartment.
      if (patientId !== undefined) throw new OperationOutcomeError(badRequest('Chained search is not supported here'));
      return super.search(searchRequest);
    }
    const matches = this.allMatches(searchRequest, patientId);
    const offset = Math.max(0, searchRequest.offset ?? 0);
    const page =
      searchRequest.count === undefined ? matches.slice(offset) : matches.slice(offset, offset + searchRequest.count);
    const resources = page.map((stored) => (share ? sharedAs<T>(stored) : cloneAs<T>(stored)));
    const entry: BundleEntry[] = resources.map((resource) => ({ search: { mode: 'match' }, resource }));
    if ((searchRequest.include || searchRequest.revInclude) && resources.length > 0) {
      await getExtraEntries(this, searchRequest, resources, entry);
    }
    return { resourceType: 'Bundle', type: 'searchset', total: matches.length, entry: entryAs<T>(entry) };
  }

  /** Patient ids whose compartment holds the stored resource `Type/id` (used for Provenance targets). */
  patientsOf(reference: string): string[] {
    const [resourceType, id] = reference.split('/').slice(-2);
    const stored = resourceType && id ? this.store.get(resourceType)?.get(id) : undefined;
    return stored ? compartmentPatientIds(stored) : [];
  }

  /** Whether the stored resource `Type/id` lies in the patient's compartment, by the index. */
  inCompartment(resourceType: string, id: string, patientId: string): boolean {
    return this.byPatient.get(resourceType)?.get(patientId)?.has(id) ?? false;
  }

  private allMatches(searchRequest: SearchRequest, patientId: string | undefined): Resource[] {
    const { resourceType } = searchRequest;
    const filters = searchRequest.filters ?? [];
    const key = JSON.stringify([resourceType, patientId ?? null, filters, searchRequest.sortRules ?? []]);
    const cached = this.matchCache.get(key);
    if (cached?.generation === this.generation) return cached.matches;

    const predicate = compileFilters(resourceType, filters);
    const compartment =
      patientId === undefined ? undefined : (this.byPatient.get(resourceType)?.get(patientId) ?? new Set<string>());
    const matches = this.candidates(resourceType, filters, compartment).filter(
      (resource) => (compartment === undefined || compartment.has(resource.id ?? '')) && predicate(resource),
    );
    const sorted = searchRequest.sortRules?.length
      ? sortResources(resourceType, matches, searchRequest.sortRules)
      : matches;

    this.matchCache.delete(key);
    this.matchCache.set(key, { generation: this.generation, matches: sorted });
    if (this.matchCache.size > CACHE_SIZE) {
      const oldest = this.matchCache.keys().next().value;
      if (oldest !== undefined) this.matchCache.delete(oldest);
    }
    return sorted;
  }

  /**
   * The smallest superset of the matches the indexes can give: ids from `_id`, else the patients named by a
   * compartment-shaped reference filter, else the compartment, else every resource of the type. The caller still
   * applies every filter, so a candidate list may be generous but never short.
   */
  private candidates(
    resourceType: ResourceType,
    filters: readonly Filter[],
    compartment: ReadonlySet<string> | undefined,
  ): Resource[] {
    const typeMap = this.store.get(resourceType);
    if (!typeMap) return [];
    const pick = (ids: Iterable<string>): Resource[] => {
      const found: Resource[] = [];
      for (const id of ids) {
        const stored = typeMap.get(id);
        if (stored) found.push(stored);
      }
      return found;
    };
    for (const filter of filters) {
      if (filter.code === '_id' && filter.operator === Operator.EQUALS) return pick(new Set(filter.value.split(',')));
    }
    for (const filter of filters) {
      const patients = this.patientsNamedBy(resourceType, filter);
      if (patients) {
        const ids = new Set<string>();
        for (const patient of patients)
          for (const id of this.byPatient.get(resourceType)?.get(patient) ?? []) ids.add(id);
        return pick(ids);
      }
    }
    return compartment ? pick(compartment) : [...typeMap.values()];
  }

  /** Patient ids when `filter` selects by a field the compartment index covers (e.g. Observation?patient=…). */
  private patientsNamedBy(resourceType: string, filter: Filter): string[] | undefined {
    if (filter.operator !== Operator.EQUALS) return undefined;
    const param = getSearchParameter(resourceType, filter.code);
    const field = new RegExp(
      `^${resourceType}\\.(subject|patient|beneficiary|for)(\\.where\\(resolve\\(\\) is Patient\\))?$`,
    ).exec(param?.expression ?? '');
    if (!field) return undefined;
    const onlyPatients = field[2] !== undefined || (param?.target?.length === 1 && param.target[0] === 'Patient');
    const ids: string[] = [];
    for (const value of filter.value.split(',')) {
      const id = value.includes('/') ? patientIdOf(value) : onlyPatients ? value : undefined;
      if (id === undefined) return undefined;
      ids.push(id);
    }
    return ids;
  }

  private index(resource: Resource, add: boolean): void {
    const id = resource.id;
    if (!id) return;
    let byType = this.byPatient.get(resource.resourceType);
    if (!byType) {
      byType = new Map();
      this.byPatient.set(resource.resourceType, byType);
    }
    for (const patientId of this.patientsForIndex(resource, id, add)) {
      let ids = byType.get(patientId);
      if (!ids) {
        ids = new Set();
        byType.set(patientId, ids);
      }
      if (add) ids.add(id);
      else ids.delete(id);
    }
    if (add && resource.resourceType !== 'Provenance')
      this.reindexProvenancesWaitingFor(`${resource.resourceType}/${id}`);
  }

  /**
   * A Provenance's patients come from its targets, which may be stored after it (a transaction may list the
   * Provenance first): remember what it was indexed under, and which missing targets it waits for.
   */
  private patientsForIndex(resource: Resource, id: string, add: boolean): readonly string[] {
    if (resource.resourceType !== 'Provenance') return compartmentPatientIds(resource);
    if (!add) {
      const indexed = this.provenancePatients.get(id) ?? [];
      this.provenancePatients.delete(id);
      return indexed;
    }
    const patients = compartmentPatientIds(resource, (reference) => {
      const found = this.patientsOf(reference);
      const target = reference.split('/').slice(-2).join('/');
      if (found.length === 0) this.provenanceWaits.set(target, [...(this.provenanceWaits.get(target) ?? []), id]);
      return found;
    });
    this.provenancePatients.set(id, patients);
    return patients;
  }

  private reindexProvenancesWaitingFor(reference: string): void {
    const waiting = this.provenanceWaits.get(reference);
    if (!waiting) return;
    this.provenanceWaits.delete(reference);
    for (const provenanceId of waiting) {
      const provenance = this.store.get('Provenance')?.get(provenanceId);
      if (!provenance) continue;
      this.index(provenance, false);
      this.index(provenance, true);
    }
  }

  private rollback(undo: readonly Undo[]): void {
    for (const step of [...undo].reverse()) {
      const key = `${step.resourceType}/${step.id}`;
      const current = this.store.get(step.resourceType)?.get(step.id);
      if (current) this.index(current, false);
      if (step.previous) {
        this.typeMap(step.resourceType).set(step.id, step.previous);
        this.index(step.previous, true);
      } else {
        this.store.get(step.resourceType)?.delete(step.id);
      }
      const history = this.historyOf(step.resourceType);
      const versions = history.get(step.id);
      // A loaded resource has no history entry until its first change: removing the entry restores that state.
      if (step.historyLength === 0 || (step.historyLength === 1 && versions?.[0] === step.previous)) {
        history.delete(step.id);
      } else if (versions) {
        history.set(step.id, versions.slice(0, step.historyLength));
      }
      if (step.wasDeleted) this.deleted.add(key);
      else this.deleted.delete(key);
    }
    this.generation++;
  }

  /** All versions, oldest first; a loaded resource that never changed is its own only version. */
  private versionsOf(resourceType: string, id: string): readonly Resource[] {
    const versions = this.versions.get(resourceType)?.get(id);
    if (versions) return versions;
    const current = this.store.get(resourceType)?.get(id);
    return current ? [current] : [];
  }

  private typeMap(resourceType: string): Map<string, Resource> {
    let map = this.store.get(resourceType);
    if (!map) {
      map = new Map();
      this.store.set(resourceType, map);
    }
    return map;
  }

  private historyOf(resourceType: string): Map<string, Resource[]> {
    let map = this.versions.get(resourceType);
    if (!map) {
      map = new Map();
      this.versions.set(resourceType, map);
    }
    return map;
  }
}

/**
 * Medplum 5.2.x keeps its data in two private maps; reading them (once, checked) lets this class search stored
 * objects without cloning them. If a Medplum upgrade renames them, start-up fails here with a clear message.
 */
function medplumMap<V>(repo: MemoryRepository, field: 'resources' | 'history'): Map<string, Map<string, V>> {
  const value: unknown = Reflect.get(repo, field);
  if (!isNestedMap<V>(value)) throw new Error(`@medplum/fhir-router MemoryRepository has no '${field}' map any more`);
  return value;
}

/** Medplum declares both fields as `Map<string, Map<string, V>>`; the check guards against them disappearing. */
function isNestedMap<V>(value: unknown): value is Map<string, Map<string, V>> {
  return value instanceof Map;
}

function isStorableResource(value: R4Resource): value is R4Resource & Resource {
  return isResourceType(value.resourceType);
}

function isR4Resource(value: unknown): value is R4Resource {
  return (
    typeof value === 'object' && value !== null && 'resourceType' in value && typeof value.resourceType === 'string'
  );
}

/**
 * The repository API is generic over the caller's resource type T (callers pick T by the resourceType they ask for),
 * which TypeScript cannot check; these helpers are the only place where that is asserted.
 */
function cloneAs<T extends Resource>(stored: Resource): WithId<T> {
  return deepClone(stored) as WithId<T>;
}

function sharedAs<T extends Resource>(stored: Resource): WithId<T> {
  return stored as WithId<T>;
}

function entryAs<T extends Resource>(entry: BundleEntry[]): BundleEntry<WithId<T>>[] {
  return entry as BundleEntry<WithId<T>>[];
}
