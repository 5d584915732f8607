/** SMART v2 permission letters: create, read, update, delete, search. */
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

/** `patient/` scopes reach one patient's compartment; `user/` and `system/` scopes reach everything the type holds. */
export type ScopeContext = 'patient' | 'user' | 'system';

/** One resource scope, such as `patient/Observation.rs` or `user/*.read`. */
export interface ResourceScope {
  readonly context: ScopeContext;
  /** A resource type, or `*` for all. */
  readonly resourceType: string;
  readonly permissions: ReadonlySet<Permission>;
}

/** How far a set of scopes reaches for one type and permission: everything, one patient's compartment, or nothing. */
export type Reach = 'all' | 'patient' | 'none';

const SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.(read|write|\*|c?r?u?d?s?)$/;

const V1: Readonly<Record<string, readonly Permission[]>> = {
  read: ['r', 's'],
  write: ['c', 'u', 'd'],
  '*': ['c', 'r', 'u', 'd', 's'],
};

/**
 * Parses one SMART resource scope, v2 (`patient/Observation.rs`, letters in the order c r u d s) or v1
 * (`patient/*.read`, `user/Patient.write`, `user/*.*`). Returns undefined for anything else: other scopes
 * (`openid`, `launch`, `fhirUser`, `offline_access`), malformed ones (`patient/Observation.sr`, letters out of
 * order), and v2 scopes narrowed by search parameters (`patient/Observation.rs?category=laboratory`), which this
 * sandbox does not enforce and therefore never grants rather than over-grant.
 */
export function parseResourceScope(scope: string): ResourceScope | undefined {
  const match = SCOPE.exec(scope);
  if (!match) return undefined;
  const [, context, resourceType, permission] = match;
  if (!isContext(context) || resourceType === undefined || permission === undefined || permission === '')
    return undefined;
  const found: string[] = permission.match(/[cruds]/g) ?? [];
  const letters = V1[permission] ?? found.filter(isPermission);
  return { context, resourceType, permissions: new Set(letters) };
}

/** Parses a token's scopes (an array, or the space-separated `scope` string), keeping the resource scopes. */
export function parseScopes(scopes: readonly string[] | string): ResourceScope[] {
  const list = typeof scopes === 'string' ? scopes.split(/\s+/) : scopes;
  return list.map(parseResourceScope).filter((scope): scope is ResourceScope => scope !== undefined);
}

/**
 * How far `scopes` let a client use `permission` on `resourceType`. A `user/` or `system/` grant wins over a
 * `patient/` grant for the same type, because it is the broader one.
 */
export function reachOf(scopes: readonly ResourceScope[], resourceType: string, permission: Permission): Reach {
  let reach: Reach = 'none';
  for (const scope of scopes) {
    if (scope.resourceType !== '*' && scope.resourceType !== resourceType) continue;
    if (!scope.permissions.has(permission)) continue;
    if (scope.context !== 'patient') return 'all';
    reach = 'patient';
  }
  return reach;
}

function isContext(value: string | undefined): value is ScopeContext {
  return value === 'patient' || value === 'user' || value === 'system';
}

function isPermission(value: string): value is Permission {
  return value === 'c' || value === 'r' || value === 'u' || value === 'd' || value === 's';
}
