import type { SortRule, TypedValue } from '@medplum/core';
import {
  OperationOutcomeError,
  badRequest,
  evalFhirPathTyped,
  getSearchParameter,
  parseFhirPath,
  toTypedValue,
} from '@medplum/core';
import type { Resource, ResourceType } from '@medplum/fhirtypes';

type SortKey = string | number | undefined;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Sorts resources by `_sort` rules, computing each resource's keys once (decorate, sort, undecorate) rather than
 * evaluating FHIRPath inside the comparator as Medplum's in-memory repository does. Resources without a value sort
 * last in both directions; ties keep their stored order (Array.prototype.sort is stable).
 */
export function sortResources<T extends Resource>(
  resourceType: ResourceType,
  resources: readonly T[],
  rules: readonly SortRule[],
): T[] {
  const keyers = rules.map((rule) => {
    const param = getSearchParameter(resourceType, rule.code);
    if (!param?.expression) throw new OperationOutcomeError(badRequest(`Unknown sort parameter: ${rule.code}`));
    const atom = parseFhirPath(param.expression);
    return (resource: T): SortKey =>
      sortKeyOf(evalFhirPathTyped(atom, [toTypedValue(resource)]), rule.descending === true);
  });
  const decorated = resources.map((resource) => ({ resource, keys: keyers.map((keyOf) => keyOf(resource)) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < rules.length; i++) {
      const [ka, kb] = [a.keys[i], b.keys[i]];
      if (ka === kb) continue;
      // Missing values go last whatever the direction.
      if (ka === undefined) return 1;
      if (kb === undefined) return -1;
      const order = compareKeys(ka, kb);
      if (order !== 0) return rules[i]?.descending === true ? -order : order;
    }
    return 0;
  });
  return decorated.map((item) => item.resource);
}

function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** One comparable key per resource: the smallest value ascending, the largest descending, as FHIR suggests. */
function sortKeyOf(values: readonly TypedValue[], descending: boolean): SortKey {
  const keys = values.map(keyOfValue).filter((key): key is string | number => key !== undefined);
  const [first, ...rest] = keys;
  if (first === undefined) return undefined;
  return rest.reduce((best, key) => {
    const order = compareKeys(key, best);
    return (descending ? order > 0 : order < 0) ? key : best;
  }, first);
}

function keyOfValue(typed: TypedValue): SortKey {
  const value: unknown = typed.value;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'object' || value === null) return undefined;
  for (const field of ['start', 'family', 'value', 'reference', 'code', 'text', 'display'] as const) {
    if (field in value) {
      const inner: unknown = Reflect.get(value, field);
      if (typeof inner === 'string' || typeof inner === 'number') return inner;
    }
  }
  if ('coding' in value && Array.isArray(value.coding)) {
    const first: unknown = value.coding[0];
    if (typeof first === 'object' && first !== null && 'code' in first && typeof first.code === 'string')
      return first.code;
  }
  return JSON.stringify(value);
}
