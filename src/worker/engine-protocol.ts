import type { MeasureReport } from 'fhir/r4';
import { z } from 'zod';
import { isJsonObject } from '../measures/field-reader';
import type { ReferenceChoice, StratifierDimensions, SuppressionPolicy } from '../measures/stratification-types';
import type { MeasureId, Period } from '../measures/types';
import type { CompactResource } from './compact-resource';
import { dataWarningSchema, measureEvidenceSchema, populationsSchema } from './evidence-schema';
import type { MeasureOutcome, PatientRow } from './measure-run';
import type { AppErrorInit } from '../fhir/app-error';
import type { LoadProgress } from '../fhir/population-load';
import {
  appErrorInitSchema,
  loadedPopulationSchema,
  loadProgressSchema,
  loadRequestSchema,
  type LoadedPopulation,
  type LoadRequest,
} from './population-load-protocol';
import { panelRowTableSchema, type PanelRowTable } from './panel-row-table';
import {
  dimensionSchema,
  measureIdSchema,
  referenceChoiceSchema,
  stratificationReportSchema,
  suppressionSchema,
} from './report-schema';

// The messages between the UI thread and the engine worker. The types are written out; each schema `satisfies`
// its type. Both sides parse what they receive: a message is data from another realm, and a version skew between
// a cached worker and a new page must surface as an error the user can read, not as undefined fields in a chart.

/** One patient's resources, ideally reduced with `compactRecord` (anything resource-shaped is accepted). */
export interface CompactRecord {
  readonly patientId: string;
  readonly resources: readonly CompactResource[];
}

/** What to evaluate; sent once at the start of a run. */
export interface EvaluateParams {
  readonly measures: readonly MeasureId[];
  readonly period: Period;
  readonly stratifiers: readonly StratifierDimensions[];
  readonly reference?: ReferenceChoice;
  readonly referenceByStratifier?: Readonly<Record<string, ReferenceChoice>>;
  /** Default: suppress counts 1–10; `false` for a clinician's own panel. */
  readonly suppression?: SuppressionPolicy | false;
  readonly utcOffsetMinutes?: number;
  /** Return one row per patient and measure for drill-down (default true). */
  readonly rows?: boolean;
}

/**
 * UI → worker: `evaluate`, then any number of `patients` batches (whole records), then `finish` (or `cancel` at any
 * time). Or `load`: the worker reads the population from the FHIR server itself, grouping it by patient, and
 * evaluates it when every page is in (`cancel` stops it).
 */
export type EngineRequest =
  | { readonly type: 'evaluate'; readonly runId: string; readonly params: EvaluateParams }
  | { readonly type: 'load'; readonly runId: string; readonly params: EvaluateParams; readonly load: LoadRequest }
  | { readonly type: 'patients'; readonly runId: string; readonly records: readonly CompactRecord[] }
  | { readonly type: 'finish'; readonly runId: string }
  | { readonly type: 'cancel'; readonly runId: string };

/** Worker → UI. */
export type EngineResponse =
  /** Patients evaluated so far in the run. */
  | { readonly type: 'progress'; readonly runId: string; readonly patients: number }
  | {
      readonly type: 'result';
      readonly runId: string;
      readonly patients: number;
      readonly outcomes: readonly MeasureOutcome[];
    }
  /** `runId` is absent when the failing message could not even be read; `message` is written for the user. */
  | { readonly type: 'error'; readonly runId?: string; readonly message: string }
  /** A `load` run: how far reading has got. */
  | { readonly type: 'load-progress'; readonly runId: string; readonly progress: LoadProgress }
  /** A `load` run: every page is in; the measures are being evaluated. */
  | { readonly type: 'loaded'; readonly runId: string }
  /**
   * A `load` run's result: the measures (their `rows` empty), the rows as a table when they were asked for (the
   * panels' form, much cheaper to copy and check), and what the panels need besides them.
   */
  | {
      readonly type: 'load-result';
      readonly runId: string;
      readonly patients: number;
      readonly outcomes: readonly MeasureOutcome[];
      readonly table?: PanelRowTable;
      readonly population: LoadedPopulation;
    }
  /** A `load` run stopped: the FHIR server's failure, as the user must see it. */
  | { readonly type: 'load-error'; readonly runId: string; readonly error: AppErrorInit }
  | { readonly type: 'cancelled'; readonly runId: string };

const runId = z.string().min(1).max(100);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().nonnegative();

function isCompactResource(value: unknown): value is CompactResource {
  return isJsonObject(value) && typeof value.resourceType === 'string' && typeof value.id === 'string';
}

export const compactRecordSchema = z.object({
  patientId: z.string().min(1),
  // Each resource is checked for shape only (no copy): the engine validates every field it reads.
  resources: z.array(z.custom<CompactResource>(isCompactResource, 'a resource needs a resourceType and an id')),
}) satisfies z.ZodType<CompactRecord>;

export const evaluateParamsSchema = z.object({
  measures: z.array(measureIdSchema).min(1),
  period: z
    .object({ start: isoDate, end: isoDate })
    .refine((p) => p.start <= p.end, 'the period ends before it starts'),
  stratifiers: z.array(z.array(dimensionSchema).min(1).max(3)),
  reference: referenceChoiceSchema.optional(),
  referenceByStratifier: z.record(z.string(), referenceChoiceSchema).optional(),
  suppression: suppressionSchema.optional(),
  utcOffsetMinutes: z.number().int().min(-840).max(840).optional(),
  rows: z.boolean().optional(),
}) satisfies z.ZodType<EvaluateParams>;

export const engineRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('evaluate'), runId, params: evaluateParamsSchema }),
  z.object({ type: z.literal('load'), runId, params: evaluateParamsSchema, load: loadRequestSchema }),
  z.object({ type: z.literal('patients'), runId, records: z.array(compactRecordSchema) }),
  z.object({ type: z.literal('finish'), runId }),
  z.object({ type: z.literal('cancel'), runId }),
]) satisfies z.ZodType<EngineRequest>;

export const patientRowSchema = z.object({
  patientId: z.string(),
  ageAtPeriodEnd: z.number().nullable(),
  populations: populationsSchema,
  evidence: measureEvidenceSchema,
  strata: z.record(dimensionSchema, z.union([z.string(), z.array(z.string())])),
  warnings: z.array(dataWarningSchema),
}) satisfies z.ZodType<PatientRow>;

function isSummaryMeasureReport(value: unknown): value is MeasureReport {
  return (
    isJsonObject(value) &&
    value.resourceType === 'MeasureReport' &&
    value.type === 'summary' &&
    typeof value.measure === 'string' &&
    Array.isArray(value.group)
  );
}

export const measureOutcomeSchema = z.object({
  measure: measureIdSchema,
  patientsEvaluated: count,
  report: stratificationReportSchema,
  measureReport: z.custom<MeasureReport>(isSummaryMeasureReport, 'not a summary MeasureReport'),
  warningCounts: z.record(z.string(), count),
  rows: z.array(patientRowSchema),
}) satisfies z.ZodType<MeasureOutcome>;

export const engineResponseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), runId, patients: count }),
  z.object({ type: z.literal('result'), runId, patients: count, outcomes: z.array(measureOutcomeSchema) }),
  z.object({ type: z.literal('error'), runId: runId.optional(), message: z.string() }),
  z.object({ type: z.literal('load-progress'), runId, progress: loadProgressSchema }),
  z.object({ type: z.literal('loaded'), runId }),
  z.object({
    type: z.literal('load-result'),
    runId,
    patients: count,
    outcomes: z.array(measureOutcomeSchema),
    table: panelRowTableSchema.optional(),
    population: loadedPopulationSchema,
  }),
  z.object({ type: z.literal('load-error'), runId, error: appErrorInitSchema }),
  z.object({ type: z.literal('cancelled'), runId }),
]) satisfies z.ZodType<EngineResponse>;
