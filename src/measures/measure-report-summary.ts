import type {
  CodeableConcept,
  Extension,
  MeasureReport,
  MeasureReportGroup,
  MeasureReportGroupPopulation,
  MeasureReportGroupStratifier,
  MeasureReportGroupStratifierStratum,
  Reference,
} from 'fhir/r4';
import { dimensionInfo, type DimensionId } from '../domain/dimensions';
import { stratumCoding } from '../domain/stratum-coding';
import { APP_STRATIFIER_SYSTEM } from '../domain/systems';
import {
  ALL_POPULATIONS,
  COMPARISON_EXTENSION,
  countFor,
  IMPROVEMENT_NOTATION_SYSTEM,
  MEASURE_POPULATION_SYSTEM,
  populationDisplay,
  SCORE_INTERVAL_EXTENSION,
  SUPPRESSED_EXTENSION,
  type MeasurePopulationCode,
} from './measure-report-codes';
import type {
  Comparison,
  Interval,
  PopulationCounts,
  StratificationReport,
  StratumResult,
} from './stratification-types';
import type { Period } from './types';

/** What the report is about, beyond the counts. */
export interface MeasureReportContext {
  /** Canonical URL of the Measure. */
  readonly measure: string;
  readonly period: Period;
  /** When the report was made (FHIR dateTime); left out when not given, so output is reproducible. */
  readonly date?: string;
  readonly reporter?: Reference;
  readonly id?: string;
  /** Populations the measure defines (CMS165/CMS122 have no exceptions); default all five. */
  readonly populations?: readonly MeasurePopulationCode[];
}

/**
 * A DEQM-style summary MeasureReport (FHIR R4, `type: summary`): one group with the population counts and
 * measureScore (the proportion, 0–1), the improvement notation, and one stratifier per stratifier of the report.
 * A stratifier's `code` holds one coding per dimension in the app's stratifier system
 * (`https://equity-lens.example.org/CodeSystem/stratifier`); a single-dimension stratum has `value`, an
 * intersection has `component[]` (code = dimension, value = key). Suppressed strata (and a suppressed total) carry
 * only their identity and the {@link SUPPRESSED_EXTENSION}: no population, no measureScore. Visible strata add the
 * Wilson interval and the comparison as extensions.
 */
export function toSummaryMeasureReport(report: StratificationReport, context: MeasureReportContext): MeasureReport {
  const codes = context.populations ?? ALL_POPULATIONS;
  const group: MeasureReportGroup = report.overall.suppressed
    ? { extension: [suppressed(report.overall.reason)] }
    : {
        population: populations(report.overall.counts, codes),
        ...score(report.overall.rate, report.overall.interval),
      };
  group.stratifier = report.stratifiers.map((s): MeasureReportGroupStratifier => ({
    code: s.dimensions.map(dimensionConcept),
    stratum: s.strata.map((stratum) => toStratum(stratum, codes)),
  }));
  return {
    resourceType: 'MeasureReport',
    ...(context.id === undefined ? {} : { id: context.id }),
    status: 'complete',
    type: 'summary',
    measure: context.measure,
    ...(context.date === undefined ? {} : { date: context.date }),
    ...(context.reporter === undefined ? {} : { reporter: context.reporter }),
    period: { start: context.period.start, end: context.period.end },
    improvementNotation: {
      coding: [{ system: IMPROVEMENT_NOTATION_SYSTEM, code: report.improvementNotation }],
    },
    group: [group],
  };
}

/** The CodeableConcept of a dimension in the app's stratifier code system. */
export function dimensionConcept(dimension: DimensionId): CodeableConcept {
  const label = dimensionInfo(dimension).label;
  return { coding: [{ system: APP_STRATIFIER_SYSTEM, code: dimension, display: label }], text: label };
}

function toStratum(
  stratum: StratumResult,
  codes: readonly MeasurePopulationCode[],
): MeasureReportGroupStratifierStratum {
  const values = stratum.components.map((c) => {
    const coding = stratumCoding(c.dimension, c.key);
    return { dimension: c.dimension, value: { coding: [{ ...coding }], text: coding.display } };
  });
  const [only] = values;
  const identity: MeasureReportGroupStratifierStratum =
    values.length === 1 && only !== undefined
      ? { value: only.value }
      : { component: values.map((v) => ({ code: dimensionConcept(v.dimension), value: v.value })) };
  if (stratum.suppressed) return { ...identity, extension: [suppressed(stratum.reason)] };
  const extension = stratum.comparison === undefined ? [] : [comparisonExtension(stratum.comparison)];
  return {
    ...identity,
    ...(extension.length > 0 ? { extension } : {}),
    population: populations(stratum.counts, codes),
    ...score(stratum.rate, stratum.interval),
  };
}

function populations(
  counts: PopulationCounts,
  codes: readonly MeasurePopulationCode[],
): MeasureReportGroupPopulation[] {
  return codes.map((code) => ({
    code: { coding: [{ system: MEASURE_POPULATION_SYSTEM, code, display: populationDisplay(code) }] },
    count: countFor(counts, code),
  }));
}

function score(rate: number | undefined, interval: Interval | undefined): Pick<MeasureReportGroup, 'measureScore'> {
  if (rate === undefined) return {};
  const ext: Extension[] =
    interval === undefined
      ? []
      : [
          {
            url: SCORE_INTERVAL_EXTENSION,
            valueRange: { low: { value: interval.lower }, high: { value: interval.upper } },
          },
        ];
  return { measureScore: { value: rate, ...(ext.length > 0 ? { extension: ext } : {}) } };
}

function suppressed(reason: string): Extension {
  return { url: SUPPRESSED_EXTENSION, valueCode: reason };
}

function comparisonExtension(c: Comparison): Extension {
  const parts: Extension[] = [
    { url: 'reference', valueString: c.referenceLabel },
    { url: 'referenceRate', valueDecimal: c.referenceRate },
    { url: 'difference', valueDecimal: c.difference },
    ...(c.ratio === undefined ? [] : [{ url: 'ratio', valueDecimal: c.ratio }]),
    { url: 'gap', valueDecimal: c.gap },
    { url: 'excludesReference', valueBoolean: c.excludesReference },
    { url: 'direction', valueCode: c.direction },
  ];
  return { url: COMPARISON_EXTENSION, extension: parts };
}
