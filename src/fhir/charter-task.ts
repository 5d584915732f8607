import type { Task, TaskInput, TaskOutput } from 'fhir/r4';
import { z } from 'zod';
import { isDay } from '../measures/goal-time';
import type { PdsaCycle, PdsaDecision } from '../measures/pdsa-cycle';
import { CHARTER_CODE_SYSTEM, CHARTER_CODES, CHARTER_IDENTIFIER_SYSTEM } from './charter-codes';

/** A cycle as its Task holds it: the snapshots' counts live in MeasureReports it references. */
export type CycleFields = Omit<PdsaCycle, 'startSnapshot' | 'endSnapshot'>;

export interface CycleRefs {
  /** The charter's PlanDefinition. */
  readonly charter: string;
  readonly startSnapshot?: string;
  readonly endSnapshot?: string;
}

export interface CycleHead {
  readonly uuid: string;
  readonly cycle: CycleFields;
  readonly refs: CycleRefs;
}

const concept = (code: string, text?: string) => ({
  coding: [{ system: CHARTER_CODE_SYSTEM, code }],
  ...(text === undefined ? {} : { text }),
});

/**
 * A PDSA cycle as a Task (`intent` plan, `code` pdsa-cycle) `basedOn` the charter's PlanDefinition: the change tried
 * as `description`, the small target group as `for` (by description), the cycle's days as `executionPeriod` (end
 * once it is over) and its planned last day as `restriction.period.end`, the process metric's name and aim as
 * inputs and its count as an output, the measure snapshots at start and end as MeasureReport references, the
 * Study note as `note` and the Act decision as an output. `status` is in-progress until the cycle has an end.
 */
export function cycleToTask(uuid: string, cycle: CycleFields, refs: CycleRefs): Task {
  const input: TaskInput[] = [
    { type: concept(CHARTER_CODES.processMetric, 'Process metric'), valueString: cycle.metric.name },
    ...(cycle.metric.goal === undefined
      ? []
      : [{ type: concept(CHARTER_CODES.processMetricGoal, 'Process metric aim'), valueInteger: cycle.metric.goal }]),
    ...(refs.startSnapshot === undefined
      ? []
      : [
          {
            type: concept(CHARTER_CODES.snapshotStart, 'Measure at the start'),
            valueReference: { reference: refs.startSnapshot },
          },
        ]),
  ];
  const output: TaskOutput[] = [
    ...(cycle.metric.count === undefined
      ? []
      : [{ type: concept(CHARTER_CODES.processMetric, cycle.metric.name), valueInteger: cycle.metric.count }]),
    ...(refs.endSnapshot === undefined
      ? []
      : [
          {
            type: concept(CHARTER_CODES.snapshotEnd, 'Measure at the end'),
            valueReference: { reference: refs.endSnapshot },
          },
        ]),
    ...(cycle.decision === undefined
      ? []
      : [{ type: concept(CHARTER_CODES.decision, 'Act: decision'), valueCode: cycle.decision }]),
  ];
  return {
    resourceType: 'Task',
    identifier: [{ system: CHARTER_IDENTIFIER_SYSTEM, value: uuid }],
    basedOn: [{ reference: refs.charter }],
    status: cycle.end === undefined ? 'in-progress' : 'completed',
    intent: 'plan',
    code: concept(CHARTER_CODES.pdsaCycle, 'PDSA cycle'),
    description: cycle.change,
    for: { display: cycle.targetGroup },
    executionPeriod: { start: cycle.start, ...(cycle.end === undefined ? {} : { end: cycle.end }) },
    restriction: { period: { end: cycle.plannedEnd } },
    input,
    ...(output.length === 0 ? {} : { output }),
    ...(cycle.study.trim() === '' ? {} : { note: [{ text: cycle.study }] }),
  };
}

const concept$ = z.looseObject({
  coding: z.array(z.looseObject({ system: z.string().optional(), code: z.string().optional() })).optional(),
  text: z.string().optional(),
});
const param = z.looseObject({
  type: concept$,
  valueString: z.string().optional(),
  valueInteger: z.number().int().optional(),
  valueCode: z.string().optional(),
  valueReference: z.looseObject({ reference: z.string().optional() }).optional(),
});
const taskSchema = z.looseObject({
  resourceType: z.literal('Task'),
  identifier: z.array(z.looseObject({ system: z.string().optional(), value: z.string().optional() })).optional(),
  basedOn: z.array(z.looseObject({ reference: z.string().optional() })).optional(),
  description: z.string().optional(),
  for: z.looseObject({ display: z.string().optional() }).optional(),
  executionPeriod: z.looseObject({ start: z.string().optional(), end: z.string().optional() }).optional(),
  restriction: z.looseObject({ period: z.looseObject({ end: z.string().optional() }).optional() }).optional(),
  input: z.array(param).optional(),
  output: z.array(param).optional(),
  note: z.array(z.looseObject({ text: z.string().optional() })).optional(),
});
const decisionSchema = z.enum(['adopt', 'adapt', 'abandon'] satisfies PdsaDecision[]);

type Param = z.infer<typeof param>;
const find = (list: readonly Param[] | undefined, code: string): Param | undefined =>
  list?.find((p) => p.type.coding?.some((c) => c.system === CHARTER_CODE_SYSTEM && c.code === code));

/** FHIR dates and dateTimes to their day; anything else to ''. */
const dayOf = (value: string | undefined): string => (value === undefined ? '' : value.slice(0, 10));

/** Reads a PDSA cycle's Task; undefined when it is not a well-formed Equity Lens cycle. */
export function taskToCycle(resource: unknown): CycleHead | undefined {
  const parsed = taskSchema.safeParse(resource);
  if (!parsed.success) return undefined;
  const t = parsed.data;
  const uuid = t.identifier?.find((i) => i.system === CHARTER_IDENTIFIER_SYSTEM)?.value;
  const charter = t.basedOn?.[0]?.reference;
  const start = dayOf(t.executionPeriod?.start);
  const plannedEnd = dayOf(t.restriction?.period?.end);
  const end = t.executionPeriod?.end === undefined ? undefined : dayOf(t.executionPeriod.end);
  const name = find(t.input, CHARTER_CODES.processMetric)?.valueString;
  if (uuid === undefined || charter === undefined || name === undefined || !isDay(start) || !isDay(plannedEnd))
    return undefined;
  if (end !== undefined && !isDay(end)) return undefined;
  const goal = find(t.input, CHARTER_CODES.processMetricGoal)?.valueInteger;
  const count = find(t.output, CHARTER_CODES.processMetric)?.valueInteger;
  const decision = decisionSchema.safeParse(find(t.output, CHARTER_CODES.decision)?.valueCode);
  const startSnapshot = find(t.input, CHARTER_CODES.snapshotStart)?.valueReference?.reference;
  const endSnapshot = find(t.output, CHARTER_CODES.snapshotEnd)?.valueReference?.reference;
  return {
    uuid,
    refs: {
      charter,
      ...(startSnapshot === undefined ? {} : { startSnapshot }),
      ...(endSnapshot === undefined ? {} : { endSnapshot }),
    },
    cycle: {
      change: t.description ?? '',
      targetGroup: t.for?.display ?? '',
      metric: {
        name,
        ...(count === undefined ? {} : { count }),
        ...(goal === undefined ? {} : { goal }),
      },
      start,
      plannedEnd,
      ...(end === undefined ? {} : { end }),
      study: (t.note ?? []).flatMap((n) => (n.text === undefined ? [] : [n.text])).join('\n\n'),
      ...(decision.success ? { decision: decision.data } : {}),
    },
  };
}
