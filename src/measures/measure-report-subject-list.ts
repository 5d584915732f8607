import type { List, MeasureReport, MeasureReportGroupPopulation, MeasureReportGroupStratifierStratum } from 'fhir/r4';
import type { DimensionId } from '../domain/dimensions';
import { stratumCoding } from '../domain/stratum-coding';
import {
  ALL_POPULATIONS,
  MEASURE_POPULATION_SYSTEM,
  populationDisplay,
  type MeasurePopulationCode,
} from './measure-report-codes';
import { dimensionConcept, type MeasureReportContext } from './measure-report-summary';
import type { PatientStrataInput, StratifierDimensions, StratumInput } from './stratification-types';
import type { ImprovementNotation, Populations } from './types';

/** A patient's stratification input with its id, for drill-down. */
export interface SubjectStrataInput extends PatientStrataInput {
  readonly patientId: string;
}

/** A stratum to drill into: one key per dimension; an empty list means the whole population. */
export type StratumSelector = readonly { readonly dimension: DimensionId; readonly key: string }[];

/**
 * Whether the patient is in the performance denominator and not meeting the measure's goal: for an `increase`
 * measure (CMS165) not in the numerator; for a `decrease` measure (CMS122, numerator = poor control) in the
 * numerator. Exclusions and exceptions are never gaps (eCQM cascade: an exception applies only outside the numerator).
 */
export function isCareGap(p: Populations, notation: ImprovementNotation): boolean {
  if (!p.initialPopulation || !p.denominator || p.denominatorExclusion) return false;
  if (notation === 'decrease') return p.numerator;
  return !p.numerator && !p.denominatorException;
}

/** Whether the patient belongs to the stratum (a dimension left out of `strata` is `absent`). */
export function inStratum(strata: PatientStrataInput['strata'], selector: StratumSelector): boolean {
  return selector.every(({ dimension, key }) => keysOf(strata[dimension]).includes(key));
}

/** The ids of patients in the stratum's denominator who are not meeting the measure (see {@link isCareGap}). */
export function careGapSubjects(
  patients: Iterable<SubjectStrataInput>,
  selector: StratumSelector,
  notation: ImprovementNotation,
): string[] {
  const ids: string[] = [];
  for (const p of patients)
    if (isCareGap(p.populations, notation) && inStratum(p.strata, selector)) ids.push(p.patientId);
  return ids;
}

/**
 * A DEQM-style `subject-list` MeasureReport: like the summary, but every population (overall and per stratum of
 * the given stratifiers) has `subjectResults` pointing at a contained List of `Patient/<id>`, plus a `care-gap`
 * list per stratum. It is patient-level data for the care team: no small-cell suppression applies.
 */
export function toSubjectListMeasureReport(
  patients: readonly SubjectStrataInput[],
  stratifiers: readonly StratifierDimensions[],
  notation: ImprovementNotation,
  context: MeasureReportContext,
): MeasureReport {
  const codes = context.populations ?? ALL_POPULATIONS;
  const contained: List[] = [];
  const listOf = (members: readonly SubjectStrataInput[], title: string): { reference: string } => {
    const id = `list-${contained.length + 1}`;
    contained.push({
      resourceType: 'List',
      id,
      status: 'current',
      mode: 'snapshot',
      title,
      entry: members.map((m) => ({ item: { reference: `Patient/${m.patientId}` } })),
    });
    return { reference: `#${id}` };
  };
  const populations = (members: readonly SubjectStrataInput[], label: string): MeasureReportGroupPopulation[] =>
    codes.map((code) => {
      const inPop = members.filter((m) => inPopulation(m.populations, code));
      return {
        code: { coding: [{ system: MEASURE_POPULATION_SYSTEM, code, display: populationDisplay(code) }] },
        count: inPop.length,
        subjectResults: listOf(inPop, `${label}: ${populationDisplay(code)}`),
      };
    });
  const inIp = patients.filter((p) => p.populations.initialPopulation);
  const group = {
    population: populations(inIp, 'All patients'),
    stratifier: stratifiers.map((dims) => ({
      code: dims.map(dimensionConcept),
      stratum: strataOf(inIp, dims).map((selector): MeasureReportGroupStratifierStratum => {
        const members = inIp.filter((p) => inStratum(p.strata, selector));
        const label = selector.map((c) => stratumCoding(c.dimension, c.key).display).join(' × ');
        const gaps = members.filter((m) => isCareGap(m.populations, notation));
        const values = selector.map((c) => ({
          dimension: c.dimension,
          value: { coding: [{ ...stratumCoding(c.dimension, c.key) }] },
        }));
        const [only] = values;
        return {
          ...(values.length === 1 && only !== undefined
            ? { value: only.value }
            : { component: values.map((v) => ({ code: dimensionConcept(v.dimension), value: v.value })) }),
          population: [
            ...populations(members, label),
            {
              code: { text: 'care-gap' },
              count: gaps.length,
              subjectResults: listOf(gaps, `${label}: not meeting the measure`),
            },
          ],
        };
      }),
    })),
  };
  return {
    resourceType: 'MeasureReport',
    ...(context.id === undefined ? {} : { id: context.id }),
    contained,
    status: 'complete',
    type: 'subject-list',
    measure: context.measure,
    ...(context.date === undefined ? {} : { date: context.date }),
    period: { start: context.period.start, end: context.period.end },
    group: [group],
  };
}

function inPopulation(p: Populations, code: MeasurePopulationCode): boolean {
  const den = p.initialPopulation && p.denominator;
  const excl = den && p.denominatorExclusion;
  const num = den && !excl && p.numerator;
  switch (code) {
    case 'initial-population':
      return p.initialPopulation;
    case 'denominator':
      return den;
    case 'denominator-exclusion':
      return excl;
    case 'numerator':
      return num;
    case 'denominator-exception':
      return den && !excl && !num && p.denominatorException;
  }
}

function keysOf(v: StratumInput | undefined): readonly string[] {
  if (v === undefined) return ['absent'];
  if (typeof v === 'string') return [v];
  return v.length === 0 ? ['absent'] : v;
}

/** Every combination of keys present among the patients, sorted. */
function strataOf(patients: readonly SubjectStrataInput[], dims: StratifierDimensions): StratumSelector[] {
  const seen = new Map<string, StratumSelector>();
  for (const p of patients) {
    let combos: { dimension: DimensionId; key: string }[][] = [[]];
    for (const dimension of dims) {
      const keys = [...new Set(keysOf(p.strata[dimension]))];
      combos = combos.flatMap((c) => keys.map((key) => [...c, { dimension, key }]));
    }
    for (const c of combos) seen.set(c.map((x) => x.key).join('\u001f'), c);
  }
  return [...seen.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, c]) => c);
}
