import { z } from 'zod';
import { DIMENSION_IDS } from '../../../domain/dimensions';
import type { CharterSnapshot } from '../../../measures/charter-model';
import type { CounterSpec } from '../../../measures/charter-population';
import type { TrendWindow } from '../../../measures/trend-series';
import type { AppErrorInit } from '../../../fhir/app-error';
import type { LoadProgress } from '../../../fhir/population-load';
import type { MeasureId } from '../../../measures/types';
import {
  appErrorInitSchema,
  loadProgressSchema,
  loadRequestSchema,
  type LoadRequest,
} from '../../../worker/population-load-protocol';

// Messages between the goals page and its trend worker. Both sides parse what they receive (see engine-protocol).

/** The charter fields a trend needs. */
export type TrendSpec = CounterSpec & { readonly measure: MeasureId };

/** What the worker reads: the patients' and clinical searches of a population plan (no names kept). */
export type TrendLoad = Omit<LoadRequest, 'keepNames'>;

export type TrendRequest =
  /** Read the population from the FHIR server, once, before any `evaluate`. */
  | { readonly type: 'load'; readonly id: string; readonly load: TrendLoad }
  | {
      readonly type: 'evaluate';
      readonly id: string;
      readonly spec: TrendSpec;
      readonly windows: readonly TrendWindow[];
      readonly utcOffsetMinutes: number;
    };

export type TrendResponse =
  | { readonly type: 'load-progress'; readonly id: string; readonly progress: LoadProgress }
  | { readonly type: 'loaded'; readonly id: string }
  | { readonly type: 'load-error'; readonly id: string; readonly error: AppErrorInit }
  | { readonly type: 'progress'; readonly id: string; readonly patients: number }
  | { readonly type: 'result'; readonly id: string; readonly snapshots: readonly CharterSnapshot[] }
  | { readonly type: 'error'; readonly id?: string; readonly message: string };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const period = z.object({ start: day, end: day });
const dimension = z.enum(DIMENSION_IDS);
const keys = z.array(z.string().min(1).max(200)).min(1).max(3);
const label = z.string().max(500);

const specSchema = z.object({
  measure: z.enum(['cms165', 'cms122', 'htn-30-65'] satisfies MeasureId[]),
  stratifier: z.array(dimension).min(1).max(3),
  focus: z.object({ keys, label }),
  reference: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('complement'), label }),
    z.object({ kind: z.literal('overall'), label }),
    z.object({ kind: z.literal('stratum'), keys, label }),
  ]),
  filters: z.array(z.object({ dimension, keys: z.array(z.string()), label })),
  ageRange: z.object({ min: z.number().int().min(0), max: z.number().int().min(0).optional() }).optional(),
}) satisfies z.ZodType<TrendSpec>;

export const trendRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('load'),
    id: z.string().min(1).max(100),
    load: loadRequestSchema.omit({ keepNames: true }),
  }),
  z.object({
    type: z.literal('evaluate'),
    id: z.string().min(1).max(100),
    spec: specSchema,
    windows: z.array(z.object({ period, month: z.string() })).max(200),
    utcOffsetMinutes: z.number().int().min(-840).max(840),
  }),
]) satisfies z.ZodType<TrendRequest>;

const count = z.number().int().nonnegative();
const counts = z.object({
  initialPopulation: count,
  denominator: count,
  denominatorExclusion: count,
  denominatorException: count,
  numerator: count,
});
const snapshotSchema = z.object({ period, overall: counts, focus: counts, reference: counts });

export const trendResponseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('load-progress'), id: z.string(), progress: loadProgressSchema }),
  z.object({ type: z.literal('loaded'), id: z.string() }),
  z.object({ type: z.literal('load-error'), id: z.string(), error: appErrorInitSchema }),
  z.object({ type: z.literal('progress'), id: z.string(), patients: count }),
  z.object({ type: z.literal('result'), id: z.string(), snapshots: z.array(snapshotSchema) }),
  z.object({ type: z.literal('error'), id: z.string().optional(), message: z.string() }),
]) satisfies z.ZodType<TrendResponse>;
