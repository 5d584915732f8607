import { z } from 'zod';
import type {
  ExclusionKind,
  GlycemicResult,
  MeasureEvidence,
  PopulationGap,
  ReadingExclusionReason,
} from '../measures/patient-measure-result';
import type { DataWarning, Populations } from '../measures/types';

// Each enum is written as an object that `satisfies Record<Union, …>`: adding a member to the engine's union
// without adding it here is a compile error, not a message the client rejects at run time.

const POPULATION_GAPS = {
  age: 'age',
  diagnosis: 'diagnosis',
  encounter: 'encounter',
  'age-band': 'age-band',
} as const satisfies Record<PopulationGap, PopulationGap>;

const EXCLUSION_KINDS = {
  hospice: 'hospice',
  'palliative-care': 'palliative-care',
  pregnancy: 'pregnancy',
  esrd: 'esrd',
  'kidney-transplant': 'kidney-transplant',
  'ckd-stage-5': 'ckd-stage-5',
  dialysis: 'dialysis',
  'advanced-illness-and-frailty': 'advanced-illness-and-frailty',
  'frailty-age-81-plus': 'frailty-age-81-plus',
  'nursing-home': 'nursing-home',
} as const satisfies Record<ExclusionKind, ExclusionKind>;

const READING_REASONS = {
  status: 'status',
  'inpatient-or-ed-day': 'inpatient-or-ed-day',
  'acute-encounter': 'acute-encounter',
  'outside-period': 'outside-period',
} as const satisfies Record<ReadingExclusionReason, ReadingExclusionReason>;

const GLYCEMIC_RESULTS = {
  elevated: 'elevated',
  'not-elevated': 'not-elevated',
  'no-result': 'no-result',
  'not-comparable': 'not-comparable',
} as const satisfies Record<GlycemicResult, GlycemicResult>;

const WARNING_CODES = {
  'malformed-resource': 'malformed-resource',
  'unknown-unit': 'unknown-unit',
  'converted-unit': 'converted-unit',
  'unparseable-date': 'unparseable-date',
  'future-date': 'future-date',
  'missing-code': 'missing-code',
  'missing-value': 'missing-value',
  duplicate: 'duplicate',
} as const satisfies Record<DataWarning['code'], DataWarning['code']>;

const ids = z.array(z.string());
const day = z.string().nullable();
const bpValue = z.object({ observationId: z.string(), value: z.number() }).nullable();

const bloodPressure = z.object({
  kind: z.literal('blood-pressure'),
  mostRecentDay: day,
  dayInPeriod: z.boolean().nullable(),
  readingIds: ids,
  lowestSystolic: bpValue,
  lowestDiastolic: bpValue,
  incompleteReadingIds: ids,
  excludedReadings: z.array(
    z.object({
      observationId: z.string(),
      day,
      reasons: z.array(z.enum(READING_REASONS)),
      encounterIds: ids,
    }),
  ),
});

const glycemic = z.object({
  kind: z.literal('glycemic-status'),
  mostRecent: z
    .object({
      observationId: z.string(),
      day: z.string(),
      test: z.enum(['hba1c', 'gmi']),
      percent: z.number().nullable(),
      original: z.object({ value: z.number(), unit: z.string().nullable() }).nullable(),
      result: z.enum(GLYCEMIC_RESULTS),
    })
    .nullable(),
  assessmentIds: ids,
});

const gapHint = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bp-below'), systolic: z.number(), diastolic: z.number(), onOrAfter: day }),
  z.object({
    kind: z.literal('glycemic-at-most'),
    percent: z.number(),
    onOrAfter: day,
    reason: z.enum(['no-test', 'no-result', 'elevated']),
  }),
]);

/** `MeasureEvidence['outcome']`: the reading or result behind the numerator. */
export const measureOutcomeEvidenceSchema = z.discriminatedUnion('kind', [bloodPressure, glycemic]).nullable();

/** `MeasureEvidence` (see patient-measure-result.ts), validated when it crosses from the worker. */
export const measureEvidenceSchema = z.object({
  population: z.object({ missing: z.array(z.enum(POPULATION_GAPS)), diagnosisIds: ids, encounterIds: ids }),
  exclusions: z.array(z.object({ kind: z.enum(EXCLUSION_KINDS), resourceIds: ids })),
  outcome: measureOutcomeEvidenceSchema,
  closeGap: z.array(gapHint),
}) satisfies z.ZodType<MeasureEvidence>;

export const populationsSchema = z.object({
  initialPopulation: z.boolean(),
  denominator: z.boolean(),
  denominatorExclusion: z.boolean(),
  denominatorException: z.boolean(),
  numerator: z.boolean(),
}) satisfies z.ZodType<Populations>;

export const dataWarningSchema = z.object({
  code: z.enum(WARNING_CODES),
  resourceType: z.string().optional(),
  resourceId: z.string().optional(),
  message: z.string(),
}) satisfies z.ZodType<DataWarning>;
