import { z } from 'zod';

/**
 * Envelope schemas for what crosses the FHIR boundary. Resources themselves stay loose here (`resourceType` and
 * `id` checked, the rest kept as it came): each mapper in `domain/` and `measures/` validates the parts it reads, so
 * one odd field never loses a whole page.
 */
export const resourceSchema = z.looseObject({
  resourceType: z.string().min(1),
  id: z.string().min(1).optional(),
  meta: z.looseObject({ versionId: z.string().optional(), lastUpdated: z.string().optional() }).optional(),
});
export type LooseResource = z.infer<typeof resourceSchema>;

export const bundleLinkSchema = z.looseObject({ relation: z.string(), url: z.string() });

export const bundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.string().optional(),
  total: z.number().int().nonnegative().optional(),
  link: z.array(bundleLinkSchema).optional(),
  entry: z
    .array(
      z.looseObject({
        fullUrl: z.string().optional(),
        resource: z.unknown().optional(),
        search: z.looseObject({ mode: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});
export type BundlePage = z.infer<typeof bundleSchema>;

export const operationOutcomeSchema = z.looseObject({
  resourceType: z.literal('OperationOutcome'),
  issue: z
    .array(
      z.looseObject({
        severity: z.string().optional(),
        code: z.string().optional(),
        diagnostics: z.string().optional(),
        details: z.looseObject({ text: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

export const capabilityStatementSchema = z.looseObject({
  resourceType: z.literal('CapabilityStatement'),
  fhirVersion: z.string(),
  software: z.looseObject({ name: z.string().optional(), version: z.string().optional() }).optional(),
});

/** Messages from an OperationOutcome body, if the body is one; otherwise none. */
export function outcomeMessages(body: unknown): string[] {
  const parsed = operationOutcomeSchema.safeParse(body);
  if (!parsed.success) return [];
  return (parsed.data.issue ?? [])
    .map((issue) => issue.diagnostics ?? issue.details?.text ?? '')
    .filter((text) => text.length > 0);
}
