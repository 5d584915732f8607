import type { DimensionId } from '../domain/dimensions';
import { stratumKeysOf } from '../domain/stratum-keys';
import type { StratumKeys } from '../domain/stratum-keys';
import type { CharterSnapshot, CharterSpec } from './charter-model';
import { CharterCounter } from './charter-population';
import type { CounterSpec } from './charter-population';
import { MINUTE_MS } from './cql-time';
import { evaluateFacts } from './evaluate-patient';
import { isJsonObject } from './field-reader';
import { addDays, addMonths, monthEnd } from './goal-time';
import { measurementContext } from './measurement-context';
import type { PatientMeasureResult } from './patient-measure-result';
import { readPatientFacts } from './patient-facts';
import type { PatientFacts } from './patient-facts';
import type { MeasureId, PatientRecord, Period } from './types';

/** One point of a run chart: a rolling measurement period ending on a month's last day. */
export interface TrendWindow {
  readonly period: Period;
  /** `YYYY-MM` of the month the window ends in. */
  readonly month: string;
}

/**
 * Rolling windows for a run chart: `months` windows, each `windowMonths` long and ending on the last day of a
 * month, the last one ending with the month of `asOf`. eCQMs are annual measures, so the default (24 points of 12
 * months) shows each month's "last twelve months" rate for two years, as run charts of eCQMs are usually drawn.
 */
export function trendWindows(asOf: string, months = 24, windowMonths = 12): TrendWindow[] {
  const windows: TrendWindow[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const end = monthEnd(asOf, -i);
    const start = addDays(monthEnd(asOf, -i - windowMonths), 1);
    windows.push({ period: { start, end }, month: end.slice(0, 7) });
  }
  return windows;
}

/** The `windowMonths`-long window ending on `day`: the measure "as of" that day (a snapshot, the "now" value). */
export function windowEndingOn(day: string, windowMonths = 12): TrendWindow {
  return { period: { start: addDays(addMonths(day, -windowMonths), 1), end: day }, month: day.slice(0, 7) };
}

/** Dimensions whose key depends on the day it is read for (age, the coverage then active, the latest screening). */
const DATED_DIMENSIONS: ReadonlySet<DimensionId> = new Set(['age-band', 'payer', 'food-insecurity']);

/** Options of {@link trendSeries}. */
export interface TrendOptions {
  /** See `EvaluateOptions.utcOffsetMinutes`. */
  readonly utcOffsetMinutes?: number;
  /** Called every `progressEvery` patients (default 200) with the number done, for a progress bar. */
  readonly onProgress?: (patients: number) => void;
  readonly progressEvery?: number;
}

function evaluate(measure: MeasureId, facts: PatientFacts, period: Period, offsetMs: number): PatientMeasureResult {
  return evaluateFacts(measure, facts, measurementContext(period, offsetMs));
}

/** The day an Observation was made (`effective[x]`, as written: its own calendar day), or undefined. */
function observationDay(resource: unknown): string | undefined {
  if (!isJsonObject(resource) || resource.resourceType !== 'Observation') return undefined;
  const period = resource.effectivePeriod;
  const when =
    resource.effectiveDateTime ??
    resource.effectiveInstant ??
    (isJsonObject(period) ? period.start : undefined) ??
    resource.issued;
  return typeof when === 'string' && /^\d{4}-\d{2}-\d{2}/.test(when) ? when.slice(0, 10) : undefined;
}

/**
 * A patient's facts as they stood at the end of a window: Observations made after it are left out. CMS165's CQL
 * lets a reading after the period be the most recent one, which is right for a period that ends today but would
 * let a past window of a run chart see readings that did not exist yet. Facts are read once per distinct cut-off.
 */
class AsOfFacts {
  readonly #record: PatientRecord;
  readonly #offsetMs: number;
  readonly #days: readonly (string | undefined)[];
  readonly #cache = new Map<number, PatientFacts>();

  constructor(record: PatientRecord, offsetMs: number) {
    this.#record = record;
    this.#offsetMs = offsetMs;
    this.#days = record.resources.map(observationDay);
  }

  at(end: string): PatientFacts {
    let later = 0;
    for (const day of this.#days) if (day !== undefined && day > end) later++;
    let facts = this.#cache.get(later);
    if (facts === undefined) {
      const resources =
        later === 0 ? this.#record.resources : this.#record.resources.filter((_, i) => !((this.#days[i] ?? '') > end));
      facts = readPatientFacts({ patientId: this.#record.patientId, resources }, this.#offsetMs);
      this.#cache.set(later, facts);
    }
    return facts;
  }
}

/**
 * The charter's measure for every window: overall, focus group and reference group counts per window (rates,
 * intervals and the gap follow from them, see `readRate` / `readGap`). Each record is read once and evaluated for
 * every window (the engine's `evaluatePatient` logic, one period at a time) as the record stood at the window's end
(see `AsOfFacts`); stratum keys are read at each
 * window's end only for dimensions that change with the date. Records are not kept, so `records` may be a
 * generator that drains a grouper.
 */
export function trendSeries(
  records: Iterable<PatientRecord>,
  spec: CounterSpec & Pick<CharterSpec, 'measure'>,
  windows: readonly TrendWindow[],
  options: TrendOptions = {},
): CharterSnapshot[] {
  const offsetMs = (options.utcOffsetMinutes ?? 0) * MINUTE_MS;
  const counters = windows.map((w) => new CharterCounter(spec, w.period));
  const dims = [...spec.stratifier, ...spec.filters.map((f) => f.dimension)];
  const dated = dims.some((d) => DATED_DIMENSIONS.has(d));
  const every = Math.max(1, options.progressEvery ?? 200);
  let done = 0;
  for (const record of records) {
    const asOf = new AsOfFacts(record, offsetMs);
    let keys: StratumKeys | undefined;
    windows.forEach((w, i) => {
      const result = evaluate(spec.measure, asOf.at(w.period.end), w.period, offsetMs);
      // Patients outside the initial population count nowhere: skip reading their keys.
      if (!result.populations.initialPopulation) return;
      if (dated || keys === undefined) keys = stratumKeysOf(record.resources, { asOf: w.period.end }).value;
      counters[i]?.add(result.populations, keys, result.ageAtPeriodEnd);
    });
    done++;
    if (done % every === 0) options.onProgress?.(done);
  }
  options.onProgress?.(done);
  return counters.map((c) => c.snapshot());
}
