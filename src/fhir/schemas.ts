import { z } from 'zod';
import { isJsonObject } from '../measures/field-reader';

/**
 * Envelope schemas for what crosses the FHIR boundary. Resources themselves stay loose here (`resourceType` and
 * `id` checked, the rest kept as it came): each mapper in `domain/` and `measures/` validates the parts it reads, so
 * one odd field never loses a whole page.
 */
/** Any FHIR resource: its type, and its id and meta when present; everything else kept as it came. */
export interface LooseResource {
  [key: string]: unknown;
  resourceType: string;
  id?: string | undefined;
  meta?: { [key: string]: unknown; versionId?: string | undefined; lastUpdated?: string | undefined } | undefined;
}

const optionalString = (value: unknown, minLength = 0): boolean =>
  value === undefined || (typeof value === 'string' && value.length >= minLength);

/** Checked in place, not parsed: search pages hold thousands of resources, and a zod object parse copies each. */
function isLooseResource(value: unknown): value is LooseResource {
  if (!isJsonObject(value) || typeof value.resourceType !== 'string' || value.resourceType === '') return false;
  if (!optionalString(value.id, 1)) return false;
  const meta = value.meta;
  return (
    meta === undefined || (isJsonObject(meta) && optionalString(meta.versionId) && optionalString(meta.lastUpdated))
  );
}

export const resourceSchema = z.custom<LooseResource>(
  isLooseResource,
  'a resource needs a resourceType (and a non-empty id and a meta object if it has them)',
);

export const bundleLinkSchema = z.looseObject({ relation: z.string(), url: z.string() });

/** A Bundle entry: the resource is checked by whoever reads it. */
export interface BundleEntry {
  [key: string]: unknown;
  fullUrl?: string | undefined;
  resource?: unknown;
  search?: { [key: string]: unknown; mode?: string | undefined } | undefined;
}

/** Checked in place, as resources are, and for the same reason. */
function isBundleEntry(value: unknown): value is BundleEntry {
  if (!isJsonObject(value) || !optionalString(value.fullUrl)) return false;
  const search = value.search;
  return search === undefined || (isJsonObject(search) && optionalString(search.mode));
}

export const bundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.string().optional(),
  total: z.number().int().nonnegative().optional(),
  link: z.array(bundleLinkSchema).optional(),
  entry: z.array(z.custom<BundleEntry>(isBundleEntry, 'a Bundle entry is not an object')).optional(),
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
