import { PERMISSION_ORDER, PROFILE_POLICIES } from './profiles';
import type { Permission, ProfilePolicy, SandboxProfile } from './profiles';

/** How the app got here: an EHR launch (`launch` parameter) or a standalone launch. */
export type LaunchMode = 'ehr' | 'standalone';

/** The outcome of down-scoping an authorization request to what a profile may have. */
export interface ScopeGrant {
  /** What the token really carries: identity/launch scopes plus resource scopes narrowed to the profile. */
  readonly granted: readonly string[];
  /** Requested scopes granted at least in part, spelled as requested (what oidc-provider records as granted). */
  readonly accepted: readonly string[];
  /** Requested scopes not granted at all. */
  readonly rejected: readonly string[];
}

/** A parsed SMART resource scope such as `patient/Observation.rs?category=laboratory` or `user/*.read`. */
export interface ResourceScope {
  readonly context: 'patient' | 'user' | 'system';
  readonly type: string;
  readonly permissions: ReadonlySet<Permission>;
  /** The granular-scope query (`?category=…`), kept as is, or `''`. */
  readonly query: string;
}

const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]*)\.(\*|read|write|c?r?u?d?s?)(\?\S+)?$/;

// SMART v1 names for the v2 letters (App Launch 2.x, "Scopes for requesting clinical data").
const V1_PERMISSIONS: Readonly<Record<string, string>> = { read: 'rs', write: 'cud', '*': 'cruds' };

/** Parses a SMART v1 or v2 resource scope; `undefined` when the string is not one (e.g. `openid`, `launch`). */
export function parseResourceScope(scope: string): ResourceScope | undefined {
  const match = RESOURCE_SCOPE.exec(scope);
  if (!match) return undefined;
  const [, context, type, letters, query] = match;
  if (context === undefined || type === undefined || letters === undefined || letters === '') return undefined;
  if (context !== 'patient' && context !== 'user' && context !== 'system') return undefined;
  const spelled = V1_PERMISSIONS[letters] ?? letters;
  return { context, type, permissions: toPermissions(spelled), query: query ?? '' };
}

function toPermissions(letters: string): Set<Permission> {
  return new Set(PERMISSION_ORDER.filter((p) => letters.includes(p)));
}

function format(context: string, type: string, permissions: ReadonlySet<Permission>, query: string): string {
  return `${context}/${type}.${PERMISSION_ORDER.filter((p) => permissions.has(p)).join('')}${query}`;
}

function intersect(a: ReadonlySet<Permission>, b: ReadonlySet<Permission>): Set<Permission> {
  return new Set([...a].filter((p) => b.has(p)));
}

function allowedFor(policy: ProfilePolicy, type: string): Set<Permission> {
  return toPermissions(`${policy.permissions[type] ?? ''}${policy.permissions['*'] ?? ''}`);
}

/** The scopes a requested resource scope narrows to under a policy (empty when none of it is allowed). */
function narrow(policy: ProfilePolicy, scope: ResourceScope, spelled: string): string[] {
  if (scope.context !== policy.context) return [];
  if (scope.type !== '*') {
    const allowed = intersect(scope.permissions, allowedFor(policy, scope.type));
    if (allowed.size === scope.permissions.size) return [spelled];
    return allowed.size > 0 ? [format(scope.context, scope.type, allowed, scope.query)] : [];
  }
  const everyType = intersect(scope.permissions, allowedFor(policy, '*'));
  if (everyType.size === scope.permissions.size) return [spelled];
  // A wildcard the profile only partly allows expands into the types it does allow.
  const out: string[] = [];
  if (everyType.size > 0) out.push(format(scope.context, '*', everyType, scope.query));
  for (const type of Object.keys(policy.permissions).filter((t) => t !== '*')) {
    const allowed = intersect(scope.permissions, allowedFor(policy, type));
    if ([...allowed].some((p) => !everyType.has(p))) out.push(format(scope.context, type, allowed, scope.query));
  }
  return out;
}

function identityScopeAllowed(scope: string, profile: SandboxProfile, mode: LaunchMode): boolean {
  switch (scope) {
    case 'openid':
    case 'fhirUser':
      return true;
    case 'launch':
      return mode === 'ehr';
    case 'launch/patient':
      return mode === 'standalone' && profile === 'patient';
    default:
      // No refresh tokens (offline_access, online_access) and no encounter context in this sandbox.
      return false;
  }
}

/**
 * Down-scopes what an app asked for to what a sandbox profile may have (SMART App Launch 2.x lets the server grant
 * less than requested and report it in the token response's `scope`).
 */
export function grantScopes(profile: SandboxProfile, requested: readonly string[], mode: LaunchMode): ScopeGrant {
  const policy = PROFILE_POLICIES[profile];
  const granted = new Set<string>();
  const accepted: string[] = [];
  const rejected: string[] = [];
  for (const scope of new Set(requested)) {
    if (scope === '') continue;
    const resource = parseResourceScope(scope);
    const narrowed = resource
      ? narrow(policy, resource, scope)
      : identityScopeAllowed(scope, profile, mode)
        ? [scope]
        : [];
    if (narrowed.length === 0) {
      rejected.push(scope);
      continue;
    }
    accepted.push(scope);
    for (const s of narrowed) granted.add(s);
  }
  return { granted: [...granted], accepted, rejected };
}
