import type { Extension, PlanDefinition } from 'fhir/r4';
import { z } from 'zod';
import { DIMENSION_IDS } from '../domain/dimensions';
import type {
  ChangeSpec,
  Charter,
  CharterFilter,
  CharterReference,
  CharterSpec,
  CharterStatus,
} from '../measures/charter-model';
import type { GoalSentences } from '../measures/goal-sentence';
import { isDay } from '../measures/goal-time';
import type { MeasureId } from '../measures/types';
import {
  CHARTER_CODE_SYSTEM,
  CHARTER_CODES,
  CHARTER_EXTENSION,
  CHARTER_IDENTIFIER_SYSTEM,
  PLAN_DEFINITION_TYPE_SYSTEM,
} from './charter-codes';

/** References from the charter to the resources it is made of (`Goal/1`, or `urn:uuid:…` inside a Bundle). */
export interface CharterRefs {
  readonly improvementGoal: string;
  readonly gapGoal: string;
  readonly baseline: string;
}

/** A charter as its PlanDefinition holds it: everything but the baseline's counts, which live in a MeasureReport. */
export interface CharterHead {
  readonly uuid: string;
  readonly charter: Omit<Charter, 'baseline'>;
  readonly frozenAt: string;
  readonly refs: CharterRefs;
}

const sub = (url: string, value: Omit<Extension, 'url'>): Extension => ({ url, ...value });
const code = (url: string, valueCode: string): Extension => sub(url, { valueCode });
const text = (url: string, valueString: string): Extension => sub(url, { valueString });
const ref = (url: string, reference: string): Extension => sub(url, { valueReference: { reference } });

function changeParts(prefix: string, change: ChangeSpec): Extension[] {
  return [code(`${prefix}Kind`, change.kind), sub(`${prefix}Amount`, { valueDecimal: change.amount })];
}

function referenceParts(reference: CharterReference): Extension[] {
  return [
    code('referenceKind', reference.kind),
    ...(reference.kind === 'stratum' ? reference.keys.map((k) => code('referenceKey', k)) : []),
    text('referenceLabel', reference.label),
  ];
}

function filterPart(filter: CharterFilter): Extension {
  return {
    url: 'filter',
    extension: [
      code('dimension', filter.dimension),
      ...filter.keys.map((k) => code('key', k)),
      ...(filter.label === '' ? [] : [text('label', filter.label)]),
    ],
  };
}

/**
 * The charter as a PlanDefinition (`type` workflow-definition + the app's `equity-charter`): title, the two goal
 * sentences as `description`, the goals' time span as `effectivePeriod`, the executive sponsor as `endorser` and
 * the team as `author` (one ContactDetail per line), and everything the app needs to recompute it (measure,
 * groups, filters, the changes asked for, status, references to the Goals and the baseline) in one complex
 * extension. `status` is `active` while the charter runs and `retired` once completed or stopped.
 */
export function charterToPlanDefinition(
  uuid: string,
  charter: Omit<Charter, 'baseline'>,
  frozenAt: string,
  refs: CharterRefs,
  sentences: GoalSentences,
): PlanDefinition {
  const { spec, goals } = charter;
  const team = charter.team
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  return {
    resourceType: 'PlanDefinition',
    extension: [
      {
        url: CHARTER_EXTENSION,
        extension: [
          code('measure', spec.measure),
          ...spec.stratifier.map((d) => code('stratifier', d)),
          ...spec.focus.keys.map((k) => code('focusKey', k)),
          text('focusLabel', spec.focus.label),
          ...referenceParts(spec.reference),
          ...spec.filters.map(filterPart),
          ...(spec.ageRange === undefined ? [] : [sub('ageMin', { valueInteger: spec.ageRange.min })]),
          ...(spec.ageRange?.max === undefined ? [] : [sub('ageMax', { valueInteger: spec.ageRange.max })]),
          text('population', spec.populationLabel),
          ...changeParts('improvement', goals.improvement),
          ...changeParts('gap', goals.gapReduction),
          code('status', charter.status),
          sub('frozenAt', { valueDateTime: frozenAt }),
          ref('improvementGoal', refs.improvementGoal),
          ref('gapGoal', refs.gapGoal),
          ref('baseline', refs.baseline),
        ],
      },
    ],
    identifier: [{ system: CHARTER_IDENTIFIER_SYSTEM, value: uuid }],
    title: charter.title,
    type: {
      coding: [
        { system: PLAN_DEFINITION_TYPE_SYSTEM, code: 'workflow-definition' },
        { system: CHARTER_CODE_SYSTEM, code: CHARTER_CODES.charter, display: 'Health equity improvement charter' },
      ],
    },
    status: charter.status === 'active' ? 'active' : 'retired',
    date: frozenAt,
    description: `${sentences.improvement}.\n\n${sentences.gap}.`,
    purpose: `${sentences.improvementDetail}\n\n${sentences.gapDetail}`,
    effectivePeriod: { start: goals.start, end: goals.deadline },
    ...(charter.sponsor.trim() === '' ? {} : { endorser: [{ name: charter.sponsor.trim() }] }),
    ...(team.length === 0 ? {} : { author: team.map((name) => ({ name })) }),
  };
}

// Reading back: every part is validated; a PlanDefinition that is not a well-formed charter is not a charter.

interface Part {
  readonly url: string;
  readonly valueCode?: string;
  readonly valueString?: string;
  readonly valueDecimal?: number;
  readonly valueInteger?: number;
  readonly valueDateTime?: string;
  readonly valueReference?: { readonly reference?: string };
  readonly extension?: readonly Part[];
}
const partSchema: z.ZodType<Part> = z.lazy(() =>
  z.looseObject({
    url: z.string(),
    valueCode: z.string().optional(),
    valueString: z.string().optional(),
    valueDecimal: z.number().optional(),
    valueInteger: z.number().int().nonnegative().optional(),
    valueDateTime: z.string().optional(),
    valueReference: z.looseObject({ reference: z.string().optional() }).optional(),
    extension: z.array(partSchema).optional(),
  }),
);

const planSchema = z.looseObject({
  resourceType: z.literal('PlanDefinition'),
  identifier: z.array(z.looseObject({ system: z.string().optional(), value: z.string().optional() })).optional(),
  title: z.string().optional(),
  effectivePeriod: z.looseObject({ start: z.string().optional(), end: z.string().optional() }).optional(),
  endorser: z.array(z.looseObject({ name: z.string().optional() })).optional(),
  author: z.array(z.looseObject({ name: z.string().optional() })).optional(),
  extension: z.array(partSchema).optional(),
});

const measureSchema = z.enum(['cms165', 'cms122', 'htn-30-65'] satisfies MeasureId[]);
const dimensionSchema = z.enum(DIMENSION_IDS);
const kindSchema = z.enum(['relative', 'absolute']);
const statusSchema = z.enum(['active', 'completed', 'stopped'] satisfies CharterStatus[]);

function reader(parts: readonly Part[]) {
  const all = (url: string) => parts.filter((p) => p.url === url);
  return {
    all,
    codes: (url: string) => all(url).flatMap((p) => (p.valueCode === undefined ? [] : [p.valueCode])),
    code: (url: string) => all(url)[0]?.valueCode,
    text: (url: string) => all(url)[0]?.valueString,
    decimal: (url: string) => all(url)[0]?.valueDecimal,
    integer: (url: string) => all(url)[0]?.valueInteger,
    dateTime: (url: string) => all(url)[0]?.valueDateTime,
    reference: (url: string) => all(url)[0]?.valueReference?.reference,
  };
}

function change(r: ReturnType<typeof reader>, prefix: string): ChangeSpec | undefined {
  const kind = kindSchema.safeParse(r.code(`${prefix}Kind`));
  const amount = r.decimal(`${prefix}Amount`);
  return kind.success && amount !== undefined && amount > 0 ? { kind: kind.data, amount } : undefined;
}

function reference(r: ReturnType<typeof reader>): CharterReference | undefined {
  const label = r.text('referenceLabel') ?? '';
  const kind = r.code('referenceKind');
  if (kind === 'complement' || kind === 'overall') return { kind, label };
  if (kind === 'stratum') return { kind: 'stratum', keys: r.codes('referenceKey'), label };
  return undefined;
}

function filters(r: ReturnType<typeof reader>): CharterFilter[] | undefined {
  const out: CharterFilter[] = [];
  for (const part of r.all('filter')) {
    const f = reader(part.extension ?? []);
    const dimension = dimensionSchema.safeParse(f.code('dimension'));
    if (!dimension.success) return undefined;
    out.push({ dimension: dimension.data, keys: f.codes('key'), label: f.text('label') ?? '' });
  }
  return out;
}

/** Reads a charter's PlanDefinition; undefined when it is not a complete, well-formed Equity Lens charter. */
export function planDefinitionToCharter(resource: unknown): CharterHead | undefined {
  const parsed = planSchema.safeParse(resource);
  if (!parsed.success) return undefined;
  const plan = parsed.data;
  const uuid = plan.identifier?.find((i) => i.system === CHARTER_IDENTIFIER_SYSTEM)?.value;
  const ext = plan.extension?.find((e) => e.url === CHARTER_EXTENSION)?.extension;
  if (uuid === undefined || ext === undefined) return undefined;
  const r = reader(ext);
  const measure = measureSchema.safeParse(r.code('measure'));
  const stratifier = z.array(dimensionSchema).min(1).max(3).safeParse(r.codes('stratifier'));
  const status = statusSchema.safeParse(r.code('status'));
  const improvement = change(r, 'improvement');
  const gapReduction = change(r, 'gap');
  const ref = reference(r);
  const filterList = filters(r);
  const start = plan.effectivePeriod?.start ?? '';
  const deadline = plan.effectivePeriod?.end ?? '';
  const frozenAt = r.dateTime('frozenAt');
  const refs = {
    improvementGoal: r.reference('improvementGoal'),
    gapGoal: r.reference('gapGoal'),
    baseline: r.reference('baseline'),
  };
  const focusKeys = r.codes('focusKey');
  if (
    !measure.success ||
    !stratifier.success ||
    !status.success ||
    improvement === undefined ||
    gapReduction === undefined ||
    ref === undefined ||
    filterList === undefined ||
    !isDay(start) ||
    !isDay(deadline) ||
    frozenAt === undefined ||
    refs.improvementGoal === undefined ||
    refs.gapGoal === undefined ||
    refs.baseline === undefined ||
    focusKeys.length !== stratifier.data.length ||
    (ref.kind === 'stratum' && ref.keys.length !== stratifier.data.length)
  ) {
    return undefined;
  }
  const ageMin = r.integer('ageMin');
  const ageMax = r.integer('ageMax');
  const spec: CharterSpec = {
    ...(ageMin === undefined
      ? {}
      : { ageRange: ageMax === undefined ? { min: ageMin } : { min: ageMin, max: ageMax } }),
    measure: measure.data,
    stratifier: stratifier.data,
    focus: { keys: focusKeys, label: r.text('focusLabel') ?? '' },
    reference: ref,
    filters: filterList,
    populationLabel: r.text('population') ?? '',
  };
  return {
    uuid,
    frozenAt,
    refs: { improvementGoal: refs.improvementGoal, gapGoal: refs.gapGoal, baseline: refs.baseline },
    charter: {
      title: plan.title ?? '',
      spec,
      goals: { improvement, gapReduction, start, deadline },
      sponsor: plan.endorser?.[0]?.name ?? '',
      team: (plan.author ?? []).flatMap((a) => (a.name === undefined ? [] : [a.name])).join('\n'),
      status: status.data,
    },
  };
}
