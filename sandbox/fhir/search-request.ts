import type { SearchRequest } from '@medplum/core';
import { getSearchParameter, isResourceType, parseSearchRequest } from '@medplum/core';
import type { ResourceType } from '@medplum/fhirtypes';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './guarded-repository';
import { HttpProblem, outcome } from './http-io';

/** A search as the HTTP layer understood it. */
export interface HttpSearch {
  readonly request: SearchRequest;
  /** The parameters used, in request order, without `_count` and `_offset` (to rebuild Bundle.link URLs). */
  readonly used: readonly (readonly [string, string])[];
  /** Unknown parameters that were ignored (lenient handling), reported back in an OperationOutcome entry. */
  readonly ignored: readonly string[];
  readonly count: number;
  readonly offset: number;
  readonly summary: (typeof SUMMARY_MODES)[number] | undefined;
  readonly elements: readonly string[] | undefined;
  readonly total: (typeof TOTAL_MODES)[number] | undefined;
}

const SUMMARY_MODES = ['true', 'text', 'data', 'count', 'false'] as const;
const TOTAL_MODES = ['none', 'estimate', 'accurate'] as const;
const CONTROL = new Set(['_sort', '_include', '_revinclude', '_elements', '_summary', '_total']);
const IGNORED_QUIETLY = new Set(['_format', '_pretty', '_']);

/**
 * Turns the query (GET) or form body (POST `_search`) of a type-level search into a Medplum SearchRequest.
 *
 * Unknown parameters are ignored and reported (FHIR's default "lenient" handling) or refused with 400 when the
 * client sends `Prefer: handling=strict`. `_count` defaults to 20 and is capped at 1000; `Type/id` values are built
 * for reference type modifiers (`subject:Patient=123` → `subject=Patient/123`), which Medplum's matcher needs.
 */
export function parseHttpSearch(
  resourceType: ResourceType,
  params: Iterable<[string, string]>,
  strict: boolean,
): HttpSearch {
  const used: [string, string][] = [];
  const ignored: string[] = [];
  let count = DEFAULT_PAGE_SIZE;
  let offset = 0;
  for (const [key, value] of params) {
    if (key === '_count') count = Math.min(nonNegative(key, value), MAX_PAGE_SIZE);
    else if (key === '_offset') offset = nonNegative(key, value);
    else if (IGNORED_QUIETLY.has(key)) continue;
    else if (CONTROL.has(key) || key.startsWith('_include:') || key.startsWith('_revinclude:')) used.push([key, value]);
    else if (key.startsWith('_has:') || key.includes('.')) used.push([key, value]);
    else {
      const known = knownParameter(resourceType, key, value);
      if (known) used.push(known);
      else if (strict) throw new HttpProblem(400, outcome('not-supported', `Unknown search parameter: ${key}`));
      else ignored.push(key);
    }
  }
  const query: Record<string, string[]> = {};
  for (const [key, value] of used) (query[key] ??= []).push(value);
  const request = parseSearchRequest(resourceType, query);
  const summary = oneOf('_summary', last(query._summary), SUMMARY_MODES);
  const total = oneOf('_total', last(query._total), TOTAL_MODES);
  if (summary === 'count') count = 0;
  request.count = count;
  request.offset = offset;
  return {
    request,
    used,
    ignored,
    count,
    offset,
    summary,
    elements: query._elements?.flatMap((value) => value.split(',')).map((element) => element.trim()),
    total,
  };
}

/** `[key, value]` to use for a known parameter, rewritten for a reference type modifier; undefined when unknown. */
function knownParameter(resourceType: ResourceType, key: string, value: string): [string, string] | undefined {
  const [code = '', modifier] = key.split(':', 2);
  const param = getSearchParameter(resourceType, code);
  if (!param) return undefined;
  if (param.type === 'reference' && modifier !== undefined && isResourceType(modifier)) {
    const references = value.split(',').map((id) => (id.includes('/') ? id : `${modifier}/${id}`));
    return [code, references.join(',')];
  }
  return [key, value];
}

function nonNegative(key: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new HttpProblem(400, outcome('invalid', `${key} must be a whole number ≥ 0, not ${value}`));
  }
  return number;
}

function oneOf<T extends string>(key: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined)
    throw new HttpProblem(400, outcome('invalid', `${key} must be one of ${allowed.join(', ')}`));
  return found;
}

function last(values: readonly string[] | undefined): string | undefined {
  return values?.[values.length - 1];
}
