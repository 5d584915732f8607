import { z } from 'zod';
import { DIMENSION_IDS } from '../domain/dimensions';
import type { ReferenceChoice, StratificationReport, SuppressionPolicy } from '../measures/stratification-types';
import type { MeasureId } from '../measures/types';

export const dimensionSchema = z.enum(DIMENSION_IDS);

// Written as an object that `satisfies Record<MeasureId, MeasureId>`: a new measure missing here is a compile error.
const MEASURE_IDS = { cms165: 'cms165', cms122: 'cms122', 'htn-30-65': 'htn-30-65' } as const satisfies Record<
  MeasureId,
  MeasureId
>;

export const measureIdSchema = z.enum(MEASURE_IDS);

const count = z.number().int().nonnegative();

export const referenceChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('complement') }),
  z.object({ kind: z.literal('overall') }),
  z.object({ kind: z.literal('best') }),
  z.object({ kind: z.literal('stratum'), key: z.union([z.string(), z.array(z.string()).min(1).max(3)]) }),
]) satisfies z.ZodType<ReferenceChoice>;

export const suppressionSchema = z.union([
  z.literal(false),
  z.object({ minCellSize: z.number().int().min(1) }),
]) satisfies z.ZodType<SuppressionPolicy | false>;

const counts = z.object({
  initialPopulation: count,
  denominator: count,
  denominatorExclusion: count,
  denominatorException: count,
  numerator: count,
});
const interval = z.object({ lower: z.number(), upper: z.number() });
const rated = {
  counts,
  performanceDenominator: count,
  rate: z.number().optional(),
  interval: interval.optional(),
};
const identity = {
  key: z.string(),
  components: z.array(z.object({ dimension: dimensionSchema, key: z.string(), label: z.string() })),
  label: z.string(),
};
const comparison = z.object({
  reference: referenceChoiceSchema,
  referenceLabel: z.string(),
  referenceRate: z.number(),
  difference: z.number(),
  ratio: z.number().optional(),
  gap: z.number(),
  excludesReference: z.boolean(),
  direction: z.enum(['worse', 'better', 'same']),
});

const stratum = z.discriminatedUnion('suppressed', [
  z.object({ ...identity, suppressed: z.literal(false), ...rated, comparison: comparison.optional() }),
  z.object({ ...identity, suppressed: z.literal(true), reason: z.enum(['small-cell', 'complementary']) }),
]);

/** A finished `StratificationReport`, validated when it crosses from the worker. */
export const stratificationReportSchema = z.object({
  improvementNotation: z.enum(['increase', 'decrease']),
  overall: z.discriminatedUnion('suppressed', [
    z.object({ suppressed: z.literal(false), ...rated }),
    z.object({ suppressed: z.literal(true), reason: z.literal('small-cell') }),
  ]),
  stratifiers: z.array(
    z.object({
      id: z.string(),
      dimensions: z.array(dimensionSchema),
      reference: referenceChoiceSchema,
      strata: z.array(stratum),
    }),
  ),
  suppression: suppressionSchema,
}) satisfies z.ZodType<StratificationReport>;
