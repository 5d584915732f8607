import type { MeasureReport } from 'fhir/r4';
import type { DimensionId } from '../domain/dimensions';
import type { Mapped } from '../domain/domain-warning';
import { stratumKeysOf, type StratumKeys } from '../domain/stratum-keys';
import { evaluatePatientMeasures } from '../measures/evaluate-patient';
import { MEASURES } from '../measures/measure-catalogue';
import { toSummaryMeasureReport } from '../measures/measure-report-summary';
import type { MeasureEvidence, PatientMeasureResult } from '../measures/patient-measure-result';
import { StratificationAccumulator, type AccumulatorSnapshot } from '../measures/stratification-accumulator';
import { finishStratification } from '../measures/stratification-report';
import type {
  ReferenceChoice,
  StratificationReport,
  StratifierDimensions,
  SuppressionPolicy,
} from '../measures/stratification-types';
import type { DataWarning, MeasureId, PatientRecord, Period, Populations } from '../measures/types';

/** What to evaluate: the same for every patient of a run. */
export interface MeasureRunConfig {
  readonly measures: readonly MeasureId[];
  readonly period: Period;
  /** Single dimensions and intersections (`[['race'], ['race', 'sex']]`). */
  readonly stratifiers: readonly StratifierDimensions[];
  /** See `EvaluateOptions.utcOffsetMinutes`. */
  readonly utcOffsetMinutes?: number;
  /** Keep one {@link PatientRow} per patient and measure for drill-down (the CLI does not need them). */
  readonly keepRows?: boolean;
}

/** How to finish a run. */
export interface MeasureRunFinish {
  readonly reference?: ReferenceChoice;
  readonly referenceByStratifier?: Readonly<Record<string, ReferenceChoice>>;
  /** Default: suppress counts 1–10. `false` for a clinician's own panel. */
  readonly suppression?: SuppressionPolicy | false;
  /** `MeasureReport.date`; left out when not given. */
  readonly date?: string;
}

/** One patient's result for one measure, with their stratum keys in every dimension (for drill-down lists). */
export interface PatientRow {
  readonly patientId: string;
  readonly ageAtPeriodEnd: number | null;
  readonly populations: Populations;
  readonly evidence: MeasureEvidence;
  readonly strata: StratumKeys;
  readonly warnings: readonly DataWarning[];
}

/** The finished result of one measure. */
export interface MeasureOutcome {
  readonly measure: MeasureId;
  /** Patients evaluated (all of them, in the initial population or not). */
  readonly patientsEvaluated: number;
  readonly report: StratificationReport;
  readonly measureReport: MeasureReport;
  /** Data warnings met, counted by code (evaluation and demographics). */
  readonly warningCounts: Readonly<Record<string, number>>;
  /** Empty unless `keepRows`. */
  readonly rows: readonly PatientRow[];
}

/** One patient's results for every measure of a run, not yet counted (see `MeasureRun.evaluate`). */
export interface PatientEvaluation {
  readonly patientId: string;
  /** Keys in the stratified dimensions (every dimension when rows are kept), with their warnings. */
  readonly keys: Mapped<Partial<StratumKeys>>;
  /** Keys in every dimension, for rows; undefined unless rows are kept. */
  readonly allKeys: StratumKeys | undefined;
  /** In the order of the run's measures. */
  readonly results: readonly PatientMeasureResult[];
}

/** One measure's raw counts from a run (no rows): mergeable with runs over other patients (`mergeAccumulators`). */
export interface MeasurePartial {
  readonly measure: MeasureId;
  readonly accumulator: AccumulatorSnapshot;
  readonly warningCounts: Readonly<Record<string, number>>;
}

interface PerMeasure {
  readonly measure: MeasureId;
  readonly accumulator: StratificationAccumulator;
  readonly warningCounts: Record<string, number>;
  readonly rows: PatientRow[];
}

/**
 * Evaluates patients one at a time for one or more measures and accumulates their strata, so that memory holds
 * counts (and optional rows), never the records. Shared by the command line, the benchmark and the Web Worker.
 */
export class MeasureRun {
  readonly config: MeasureRunConfig;
  readonly #measures: readonly PerMeasure[];
  /** The dimensions the stratifiers use; `undefined` (all of them) when rows are kept for drill-down. */
  readonly #dimensions: readonly DimensionId[] | undefined;
  #patients = 0;

  constructor(config: MeasureRunConfig) {
    this.config = config;
    this.#measures = config.measures.map((measure) => ({
      measure,
      accumulator: new StratificationAccumulator(config.stratifiers),
      warningCounts: {},
      rows: [],
    }));
    this.#dimensions = config.keepRows === true ? undefined : [...new Set(config.stratifiers.flat())];
  }

  /** Patients added so far. */
  get patients(): number {
    return this.#patients;
  }

  /** Evaluates every measure for one patient. Never throws on bad clinical data. */
  add(record: PatientRecord): void {
    this.addEvaluated(this.evaluate(record));
  }

  /**
   * Evaluates every measure for one patient without counting them yet: the result depends on the record alone, so a
   * caller may evaluate a patient early and count the result ({@link addEvaluated}) only if the record stays the same.
   */
  evaluate(record: PatientRecord): PatientEvaluation {
    const { period, utcOffsetMinutes } = this.config;
    // Only the stratified dimensions (and only their warnings), unless rows need a patient's keys in every one.
    const all = this.#dimensions === undefined ? stratumKeysOf(record.resources, { asOf: period.end }) : undefined;
    const keys = all ?? stratumKeysOf(record.resources, { asOf: period.end, dimensions: this.#dimensions ?? [] });
    // One reading of the record for every measure.
    const results = evaluatePatientMeasures(this.config.measures, record, period, { utcOffsetMinutes });
    return { patientId: record.patientId, keys, allKeys: all?.value, results };
  }

  /** Counts a patient evaluated by {@link evaluate} of a run with the same configuration. */
  addEvaluated(evaluation: PatientEvaluation): void {
    const { keys, allKeys, results } = evaluation;
    this.#patients++;
    for (let i = 0; i < this.#measures.length; i++) {
      const m = this.#measures[i];
      const result = results[i];
      if (m === undefined || result === undefined) continue;
      m.accumulator.add({ populations: result.populations, strata: keys.value });
      for (const w of result.warnings) m.warningCounts[w.code] = (m.warningCounts[w.code] ?? 0) + 1;
      for (const w of keys.warnings) m.warningCounts[w.code] = (m.warningCounts[w.code] ?? 0) + 1;
      // `allKeys` is always there when rows are kept (see the constructor).
      if (this.config.keepRows === true && allKeys !== undefined) {
        m.rows.push({
          patientId: evaluation.patientId,
          ageAtPeriodEnd: result.ageAtPeriodEnd,
          populations: result.populations,
          evidence: result.evidence,
          strata: allKeys,
          warnings: [...result.warnings, ...keys.warnings],
        });
      }
    }
  }

  /** Rates, intervals, comparisons, suppression and the summary MeasureReport of every measure. */
  finish(options: MeasureRunFinish = {}): MeasureOutcome[] {
    return this.#measures.map((m) => finishMeasure(m, this.config.period, this.#patients, options));
  }

  /** Every measure's counts so far, to merge with runs over disjoint patients and finish with {@link finishMeasure}. */
  partials(): MeasurePartial[] {
    return this.#measures.map((m) => ({
      measure: m.measure,
      accumulator: m.accumulator.toSnapshot(),
      warningCounts: { ...m.warningCounts },
    }));
  }
}

/**
 * What {@link MeasureRun.finish} gives for one measure, from its counts: also how counts merged from several runs
 * over disjoint patients (the command line's worker threads) are finished, so that both give the same outcome.
 */
export function finishMeasure(
  counts: {
    readonly measure: MeasureId;
    readonly accumulator: StratificationAccumulator | AccumulatorSnapshot;
    readonly warningCounts: Readonly<Record<string, number>>;
    readonly rows?: readonly PatientRow[];
  },
  period: Period,
  patientsEvaluated: number,
  options: MeasureRunFinish = {},
): MeasureOutcome {
  const definition = MEASURES[counts.measure];
  const report = finishStratification(counts.accumulator, {
    improvementNotation: definition.improvementNotation,
    ...(options.reference === undefined ? {} : { reference: options.reference }),
    ...(options.referenceByStratifier === undefined ? {} : { referenceByStratifier: options.referenceByStratifier }),
    ...(options.suppression === undefined ? {} : { suppression: options.suppression }),
  });
  const measureReport = toSummaryMeasureReport(report, {
    measure: definition.url,
    period,
    populations: definition.populationCodes,
    ...(options.date === undefined ? {} : { date: options.date }),
  });
  return {
    measure: counts.measure,
    patientsEvaluated,
    report,
    measureReport,
    warningCounts: { ...counts.warningCounts },
    rows: counts.rows ?? [],
  };
}
