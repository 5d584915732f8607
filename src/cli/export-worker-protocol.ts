import { z } from 'zod';
import { accumulatorSnapshotSchema } from '../measures/stratification-accumulator';
import { isJsonObject } from '../measures/field-reader';
import { evaluateParamsSchema } from '../worker/engine-protocol';
import type { MeasurePartial, MeasureRunConfig } from '../worker/measure-run';
import type { LoadStats, MalformedLine } from './export-loader';
import type { ExportFile } from './ndjson-export';
import type { PlacedResource } from './placed-resource';

// The messages between `loadInThreads` and its worker threads (export-worker.ts). Both sides parse what they
// receive, as the engine's Web Worker protocol does: a message is data from another realm.

/** What a worker is started with. */
export interface ExportWorkerData {
  readonly files: readonly ExportFile[];
  readonly part: number;
  readonly parts: number;
  readonly parseAll: boolean;
  /** Malformed lines sent one by one, at most; the others are only counted (the command lists the first 50). */
  readonly reportLimit: number;
  readonly config: MeasureRunConfig;
}

/**
 * Worker → main thread, in this order: `read` after every batch of lines and `file-done` after every file, then
 * `loaded`; after the main thread's `receive`, `grouped`; after `evaluate`, any number of `evaluating` and then
 * `evaluated`.
 */
export type FromExportWorker =
  | {
      readonly type: 'read';
      /** Index in `files`. */
      readonly file: number;
      /** Lines read in that file so far (blank ones included, as line numbers count them). */
      readonly lines: number;
      /** Malformed lines met since the last message (this worker's first `reportLimit` only). */
      readonly malformed: readonly MalformedLine[];
    }
  | { readonly type: 'file-done'; readonly file: number; readonly lines: number }
  | {
      readonly type: 'loaded';
      readonly stats: LoadStats;
      /** By part: resources of that part's patients met here. */
      readonly forward: readonly (readonly PlacedResource[])[];
      readonly shared: readonly PlacedResource[];
    }
  /** Patients of this part with a Patient resource, and those referenced without one. */
  | { readonly type: 'grouped'; readonly patients: number; readonly orphans: number }
  | { readonly type: 'evaluating'; readonly patients: number }
  | { readonly type: 'evaluated'; readonly patients: number; readonly partials: readonly MeasurePartial[] };

/** Main thread → worker: the resources it must add to its own (forwarded and shared), then `evaluate`. */
export type ToExportWorker =
  { readonly type: 'receive'; readonly resources: readonly PlacedResource[] } | { readonly type: 'evaluate' };

const count = z.number().int().nonnegative();

function isPlacedResource(value: unknown): value is PlacedResource {
  if (!isJsonObject(value) || typeof value.position !== 'number') return false;
  const { patientId, resource } = value;
  return (
    (patientId === undefined || typeof patientId === 'string') &&
    isJsonObject(resource) &&
    typeof resource.resourceType === 'string' &&
    typeof resource.id === 'string'
  );
}

// A guard rather than an object schema: a schema would copy each of possibly many resources (the engine validates
// every field it reads anyway).
const placedSchema = z.custom<PlacedResource>(isPlacedResource, 'a placed resource needs a position and a resource');

const exportFileSchema = z.object({
  path: z.string(),
  name: z.string(),
  resourceType: z.string().or(z.undefined()),
  gzip: z.boolean(),
  bytes: count,
}) satisfies z.ZodType<ExportFile>;

const malformedSchema = z.object({
  file: z.string(),
  line: count,
  reason: z.string(),
}) satisfies z.ZodType<MalformedLine>;

const statsSchema = z.object({
  lines: count,
  unparsed: count,
  kept: count,
  skipped: z.object({ 'unused-type': count, 'unused-code': count, 'no-patient': count }),
  malformed: count,
  unreadable: z.array(z.object({ file: z.string(), message: z.string() })),
}) satisfies z.ZodType<LoadStats>;

const partialSchema = z.object({
  measure: evaluateParamsSchema.shape.measures.element,
  accumulator: accumulatorSnapshotSchema,
  warningCounts: z.record(z.string(), count),
}) satisfies z.ZodType<MeasurePartial>;

export const exportWorkerDataSchema = z
  .object({
    files: z.array(exportFileSchema),
    part: count,
    parts: z.number().int().min(1),
    parseAll: z.boolean(),
    reportLimit: count,
    config: evaluateParamsSchema
      .pick({ measures: true, period: true, stratifiers: true, utcOffsetMinutes: true })
      .transform((c): MeasureRunConfig => c),
  })
  .refine((d) => d.part < d.parts, 'part must be below parts') satisfies z.ZodType<ExportWorkerData>;

export const fromExportWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('read'), file: count, lines: count, malformed: z.array(malformedSchema) }),
  z.object({ type: z.literal('file-done'), file: count, lines: count }),
  z.object({
    type: z.literal('loaded'),
    stats: statsSchema,
    forward: z.array(z.array(placedSchema)),
    shared: z.array(placedSchema),
  }),
  z.object({ type: z.literal('grouped'), patients: count, orphans: count }),
  z.object({ type: z.literal('evaluating'), patients: count }),
  z.object({ type: z.literal('evaluated'), patients: count, partials: z.array(partialSchema) }),
]) satisfies z.ZodType<FromExportWorker>;

export const toExportWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('receive'), resources: z.array(placedSchema) }),
  z.object({ type: z.literal('evaluate') }),
]) satisfies z.ZodType<ToExportWorker>;
