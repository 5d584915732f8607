import type { MeasureReport, MeasureReportGroupPopulation, Reference } from 'fhir/r4';
import { z } from 'zod';
import type { CharterSnapshot } from '../measures/charter-model';
import { rateOf } from '../measures/charter-model';
import { MEASURES } from '../measures/measure-catalogue';
import {
  ALL_POPULATIONS,
  countFor,
  IMPROVEMENT_NOTATION_SYSTEM,
  MEASURE_POPULATION_SYSTEM,
  populationDisplay,
} from '../measures/measure-report-codes';
import type { PopulationCounts } from '../measures/stratification-types';
import type { MeasureId } from '../measures/types';
import {
  CHARTER_CODE_SYSTEM,
  CHARTER_CODES,
  CHARTER_IDENTIFIER_SYSTEM,
  charterMeasureUrl,
  PERTAINS_TO_GOAL,
  SNAPSHOT_ROLE_EXTENSION,
} from './charter-codes';

/** Which moment a stored snapshot records. */
export type SnapshotRole = 'baseline' | 'cycle-start' | 'cycle-end';

export interface SnapshotReportContext {
  readonly measure: MeasureId;
  readonly role: SnapshotRole;
  /** Business identifier value (`<charter uuid>.baseline`, `<cycle uuid>.start`). */
  readonly identifier: string;
  /** When it was taken (FHIR dateTime). */
  readonly date: string;
  readonly focusLabel: string;
  readonly referenceLabel: string;
  /** References to the charter's two Goals (`Goal/1` or `urn:uuid:…`). */
  readonly goals: readonly string[];
  readonly reporter?: Reference;
}

function populations(counts: PopulationCounts): MeasureReportGroupPopulation[] {
  return ALL_POPULATIONS.map((code) => ({
    code: { coding: [{ system: MEASURE_POPULATION_SYSTEM, code, display: populationDisplay(code) }] },
    count: countFor(counts, code),
  }));
}

function score(counts: PopulationCounts): { measureScore?: { value: number } } {
  const rate = rateOf(counts);
  return rate === undefined ? {} : { measureScore: { value: rate } };
}

const groupConcept = (code: string, text: string) => ({ coding: [{ system: CHARTER_CODE_SYSTEM, code }], text });

/**
 * A charter snapshot as a summary MeasureReport of the app's own Measure (`charterMeasureUrl`): the group holds the
 * charter population's counts, one stratifier (`charter-group`) holds the focus and reference groups. Counts are
 * kept in full (no suppression): the report is the team's own working record, read only by people with access to
 * the underlying patients.
 */
export function snapshotToMeasureReport(snapshot: CharterSnapshot, ctx: SnapshotReportContext): MeasureReport {
  return {
    resourceType: 'MeasureReport',
    extension: [
      { url: SNAPSHOT_ROLE_EXTENSION, valueCode: ctx.role },
      ...ctx.goals.map((reference) => ({ url: PERTAINS_TO_GOAL, valueReference: { reference } })),
    ],
    identifier: [{ system: CHARTER_IDENTIFIER_SYSTEM, value: ctx.identifier }],
    status: 'complete',
    type: 'summary',
    measure: charterMeasureUrl(ctx.measure),
    date: ctx.date,
    ...(ctx.reporter === undefined ? {} : { reporter: ctx.reporter }),
    period: { start: snapshot.period.start, end: snapshot.period.end },
    improvementNotation: {
      coding: [{ system: IMPROVEMENT_NOTATION_SYSTEM, code: MEASURES[ctx.measure].improvementNotation }],
    },
    group: [
      {
        population: populations(snapshot.overall),
        ...score(snapshot.overall),
        stratifier: [
          {
            code: [groupConcept(CHARTER_CODES.charterGroup, 'Compared groups')],
            stratum: [
              {
                value: groupConcept(CHARTER_CODES.focus, ctx.focusLabel),
                population: populations(snapshot.focus),
                ...score(snapshot.focus),
              },
              {
                value: groupConcept(CHARTER_CODES.reference, ctx.referenceLabel),
                population: populations(snapshot.reference),
                ...score(snapshot.reference),
              },
            ],
          },
        ],
      },
    ],
  };
}

const count = z.number().int().nonnegative();
const coding = z.looseObject({ system: z.string().optional(), code: z.string().optional() });
const concept = z.looseObject({ coding: z.array(coding).optional() });
const population = z.looseObject({ code: concept.optional(), count: count.optional() });
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}/)
  .transform((s) => s.slice(0, 10));

const reportSchema = z.looseObject({
  resourceType: z.literal('MeasureReport'),
  period: z.looseObject({ start: day, end: day }),
  group: z
    .array(
      z.looseObject({
        population: z.array(population).optional(),
        stratifier: z
          .array(
            z.looseObject({
              stratum: z
                .array(z.looseObject({ value: concept.optional(), population: z.array(population).optional() }))
                .optional(),
            }),
          )
          .optional(),
      }),
    )
    .min(1),
});

function countsFrom(list: readonly z.infer<typeof population>[] | undefined): PopulationCounts | undefined {
  if (list === undefined) return undefined;
  const get = (code: string): number | undefined =>
    list.find((p) => p.code?.coding?.some((c) => c.system === MEASURE_POPULATION_SYSTEM && c.code === code))?.count;
  const initialPopulation = get('initial-population');
  const denominator = get('denominator');
  const numerator = get('numerator');
  if (initialPopulation === undefined || denominator === undefined || numerator === undefined) return undefined;
  if (numerator > denominator || denominator > initialPopulation) return undefined;
  return {
    initialPopulation,
    denominator,
    denominatorExclusion: get('denominator-exclusion') ?? 0,
    denominatorException: get('denominator-exception') ?? 0,
    numerator,
  };
}

/** Reads a snapshot back from a charter MeasureReport; undefined when it is not one the app can trust. */
export function measureReportToSnapshot(resource: unknown): CharterSnapshot | undefined {
  const parsed = reportSchema.safeParse(resource);
  if (!parsed.success) return undefined;
  const [group] = parsed.data.group;
  const strata = group?.stratifier?.flatMap((s) => s.stratum ?? []) ?? [];
  const stratum = (code: string) =>
    strata.find((s) => s.value?.coding?.some((c) => c.system === CHARTER_CODE_SYSTEM && c.code === code));
  const overall = countsFrom(group?.population);
  const focus = countsFrom(stratum(CHARTER_CODES.focus)?.population);
  const reference = countsFrom(stratum(CHARTER_CODES.reference)?.population);
  if (overall === undefined || focus === undefined || reference === undefined) return undefined;
  return { period: { start: parsed.data.period.start, end: parsed.data.period.end }, overall, focus, reference };
}
