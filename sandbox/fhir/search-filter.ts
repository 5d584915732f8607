import type { Filter, FhirPathAtom, SearchableToken, TypedValue } from '@medplum/core';
import {
  OperationOutcomeError,
  Operator,
  badRequest,
  convertToSearchableNumbers,
  convertToSearchableQuantities,
  convertToSearchableReferences,
  convertToSearchableStrings,
  convertToSearchableTokens,
  convertToSearchableUris,
  evalFhirPathTyped,
  getSearchParameter,
  matchesSearchRequest,
  parseFhirPath,
  splitSearchOnComma,
  toTypedValue,
} from '@medplum/core';
import type { Resource, ResourceType } from '@medplum/fhirtypes';

/** Decides whether one stored resource satisfies a search. */
export type ResourcePredicate = (resource: Resource) => boolean;

const atoms = new Map<string, FhirPathAtom>();

/**
 * Compiles search filters into one predicate (all filters must hold; comma values within a filter are alternatives).
 *
 * Medplum's in-memory matcher is used for dates; the rest is done here because it has gaps that would silently
 * return nothing or too much: no number or quantity search, strings matched by "contains" instead of FHIR's
 * case-insensitive "starts with", and bare ids on multi-target references never matching. Modifiers this server does
 * not implement (`:in`, `:above`, `:below`, `:of-type`, `:identifier`, composite and special parameters) are refused
 * with a 400 instead of answering wrongly.
 */
export function compileFilters(resourceType: ResourceType, filters: readonly Filter[]): ResourcePredicate {
  const predicates = filters.map((filter) => compileFilter(resourceType, filter));
  return (resource) => predicates.every((predicate) => predicate(resource));
}

function compileFilter(resourceType: ResourceType, filter: Filter): ResourcePredicate {
  const param = getSearchParameter(resourceType, filter.code);
  if (!param?.expression) throw unsupported(`Unknown search parameter: ${resourceType}?${filter.code}`);
  const expression = param.expression;
  let atom = atoms.get(expression);
  if (!atom) {
    atom = parseFhirPath(expression);
    atoms.set(expression, atom);
  }
  const parsed = atom;
  const valuesOf = (resource: Resource): TypedValue[] => evalFhirPathTyped(parsed, [toTypedValue(resource)]);

  if (filter.operator === Operator.MISSING || filter.operator === Operator.PRESENT) {
    const wantPresent = (filter.operator === Operator.PRESENT) === (filter.value === 'true');
    return (resource) => valuesOf(resource).length > 0 === wantPresent;
  }
  const alternatives = splitSearchOnComma(filter.value);
  const negated = filter.operator === Operator.NOT || filter.operator === Operator.NOT_EQUALS;
  // Negation applies over all alternatives at once, so ordered comparisons see `ne` as `eq`.
  const ordered = filter.operator === Operator.NOT_EQUALS ? Operator.EQUALS : filter.operator;
  const anyOf =
    (test: (values: TypedValue[], alternative: string) => boolean): ResourcePredicate =>
    (resource) => {
      const values = valuesOf(resource);
      return alternatives.some((alternative) => test(values, alternative)) !== negated;
    };

  switch (param.type) {
    case 'token':
      return compileToken(filter, anyOf);
    case 'reference':
      if (filter.operator === Operator.IDENTIFIER) throw unsupported('The :identifier modifier is not supported');
      return anyOf((values, wanted) => matchesReference(convertToSearchableReferences(values), wanted));
    case 'string':
      return compileString(filter, anyOf);
    case 'uri':
      return compileUri(filter, anyOf);
    case 'number':
      return anyOf((values, wanted) =>
        convertToSearchableNumbers(values).some(([low, high]) => compareNumber(low ?? high, ordered, wanted)),
      );
    case 'quantity':
      return anyOf((values, wanted) =>
        convertToSearchableQuantities(values).some((q) => matchesQuantity(q, ordered, wanted)),
      );
    case 'date': {
      const request = { resourceType, filters: [filter] };
      return (resource) => matchesSearchRequest(resource, request);
    }
    case 'composite':
    case 'special':
      throw unsupported(`Search parameter ${filter.code} (${param.type}) is not supported by this server`);
  }
}

type AnyOf = (test: (values: TypedValue[], alternative: string) => boolean) => ResourcePredicate;

function compileToken(filter: Filter, anyOf: AnyOf): ResourcePredicate {
  const op = filter.operator;
  if (op === Operator.EQUALS || op === Operator.NOT || op === Operator.NOT_EQUALS) {
    return anyOf((values, wanted) => convertToSearchableTokens(values).some((token) => matchesToken(token, wanted)));
  }
  if (op === Operator.TEXT) {
    return anyOf((values, wanted) => textsOfCodes(values).some((text) => fold(text).includes(fold(wanted))));
  }
  throw unsupported(`The :${op} modifier is not supported on token parameters`);
}

function compileString(filter: Filter, anyOf: AnyOf): ResourcePredicate {
  const test =
    filter.operator === Operator.EXACT
      ? (value: string, wanted: string): boolean => value === wanted
      : filter.operator === Operator.CONTAINS
        ? (value: string, wanted: string): boolean => fold(value).includes(fold(wanted))
        : (value: string, wanted: string): boolean => fold(value).startsWith(fold(wanted));
  if (![Operator.EQUALS, Operator.EXACT, Operator.CONTAINS].some((op) => op === filter.operator)) {
    throw unsupported(`The :${filter.operator} modifier is not supported on string parameters`);
  }
  return anyOf((values, wanted) => searchableStrings(values).some((value) => test(value, wanted)));
}

function compileUri(filter: Filter, anyOf: AnyOf): ResourcePredicate {
  const op = filter.operator;
  if (op === Operator.EQUALS) return anyOf((values, wanted) => convertToSearchableUris(values).includes(wanted));
  if (op === Operator.BELOW) {
    return anyOf((values, wanted) => convertToSearchableUris(values).some((uri) => uri.startsWith(wanted)));
  }
  if (op === Operator.ABOVE) {
    return anyOf((values, wanted) => convertToSearchableUris(values).some((uri) => wanted.startsWith(uri)));
  }
  throw unsupported(`The :${op} modifier is not supported on uri parameters`);
}

/** `system|code`, `|code` (no system), `system|` (any code) or `code` (any system); codes compare case-insensitively. */
function matchesToken(token: SearchableToken, wanted: string): boolean {
  const bar = wanted.indexOf('|');
  if (bar < 0) return token.value?.toLowerCase() === wanted.toLowerCase();
  const system = wanted.slice(0, bar);
  const code = wanted.slice(bar + 1).toLowerCase();
  if (system === '') return !token.system && token.value?.toLowerCase() === code;
  return token.system === system && (code === '' || token.value?.toLowerCase() === code);
}

/** `Type/id` matches that reference (relative or absolute); a bare id matches a reference to any type with that id. */
function matchesReference(references: readonly string[], wanted: string): boolean {
  const suffix = `/${wanted}`;
  return references.some((reference) => reference === wanted || reference.endsWith(suffix));
}

/** The parts FHIR string search looks at: each name part and address part on its own, else the value's text. */
function searchableStrings(values: readonly TypedValue[]): string[] {
  const strings: string[] = [];
  for (const typed of values) {
    const value: unknown = typed.value;
    if (typed.type === 'HumanName' || typed.type === 'Address') {
      if (typeof value === 'object' && value !== null) collectStrings(value, strings);
    } else {
      strings.push(...convertToSearchableStrings([typed]));
    }
  }
  return strings;
}

function collectStrings(value: object, into: string[]): void {
  for (const [key, part] of Object.entries(value)) {
    if (key === 'use' || key === 'period' || key === 'extension' || key === 'id') continue;
    if (typeof part === 'string') into.push(part);
    else if (Array.isArray(part)) for (const item of part) if (typeof item === 'string') into.push(item);
  }
}

function textsOfCodes(values: readonly TypedValue[]): string[] {
  const texts: string[] = [];
  for (const typed of values) {
    const value: unknown = typed.value;
    if (typeof value !== 'object' || value === null) continue;
    if ('text' in value && typeof value.text === 'string') texts.push(value.text);
    if ('display' in value && typeof value.display === 'string') texts.push(value.display);
    if ('coding' in value && Array.isArray(value.coding)) {
      for (const coding of value.coding as unknown[]) {
        if (
          typeof coding === 'object' &&
          coding !== null &&
          'display' in coding &&
          typeof coding.display === 'string'
        ) {
          texts.push(coding.display);
        }
      }
    }
  }
  return texts;
}

/** Case- and accent-insensitive form, as FHIR string search asks. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Compares a stored number with a search value. Equality uses the search value's implied precision, as FHIR says
 * (`5.4` means 5.35 ≤ x < 5.45); `ap` is within 10 %. `ne` is handled by the caller as a negated `eq`.
 */
export function compareNumber(actual: number | undefined, operator: Operator, wanted: string): boolean {
  if (actual === undefined) return false;
  const target = Number(wanted);
  if (!Number.isFinite(target)) throw unsupported(`Not a number: ${wanted}`);
  const decimals = /\.(\d+)$/.exec(wanted)?.[1]?.length ?? 0;
  const half = 0.5 * 10 ** -decimals;
  const compare = NUMBER_COMPARISONS[operator];
  if (!compare) throw unsupported(`The ${operator} prefix is not supported on numbers`);
  return compare(actual, target, half);
}

const NUMBER_COMPARISONS: Partial<Record<Operator, (actual: number, target: number, half: number) => boolean>> = {
  [Operator.EQUALS]: (actual, target, half) => actual >= target - half && actual < target + half,
  [Operator.GREATER_THAN]: (actual, target) => actual > target,
  [Operator.STARTS_AFTER]: (actual, target) => actual > target,
  [Operator.LESS_THAN]: (actual, target) => actual < target,
  [Operator.ENDS_BEFORE]: (actual, target) => actual < target,
  [Operator.GREATER_THAN_OR_EQUALS]: (actual, target) => actual >= target,
  [Operator.LESS_THAN_OR_EQUALS]: (actual, target) => actual <= target,
  [Operator.APPROXIMATELY]: (actual, target) => Math.abs(actual - target) <= Math.abs(target) * 0.1,
};

/** `[prefix]number[|system|code]`: the code matches Quantity.code or, failing that, Quantity.unit. */
function matchesQuantity(
  quantity: { value?: number; system?: string; code?: string; unit?: string },
  operator: Operator,
  wanted: string,
): boolean {
  const [number = '', system, code] = wanted.split('|');
  if (system && quantity.system !== system) return false;
  if (code && quantity.code !== code && quantity.unit !== code) return false;
  return compareNumber(quantity.value, operator, number);
}

function unsupported(message: string): OperationOutcomeError {
  return new OperationOutcomeError(badRequest(message));
}
