import { MINUTE_MS } from './cql-time';
import { evaluateCms122 } from './evaluate-cms122';
import { evaluateCms165 } from './evaluate-cms165';
import type { Cms165Options } from './evaluate-cms165';
import { MEASURES } from './measure-catalogue';
import { measurementContext } from './measurement-context';
import type { MeasurementContext } from './measurement-context';
import type { PatientMeasureResult } from './patient-measure-result';
import { readPatientFacts } from './patient-facts';
import type { PatientFacts } from './patient-facts';
import type { MeasureId, PatientRecord, Period } from './types';
import { withAgeBand } from './with-age-band';

/** Options of `evaluatePatient`. */
export interface EvaluateOptions extends Cms165Options {
  /**
   * UTC offset, in minutes, at which calendar days are read (the CQL evaluation time zone): it decides which day
   * a reading at 23:30 falls on and how dates without a time zone are placed. Default 0 (UTC), as the official
   * test decks are evaluated.
   */
  readonly utcOffsetMinutes?: number;
}

/**
 * Evaluates one measure for one patient over a measurement period, following the measure's CQL
 * (CMS165FHIR / CMS122FHIR v0.5.000). The record's resources are validated as they are read: malformed ones are
 * skipped with a warning, and nothing about the clinical data makes this throw. The inputs are not modified.
 *
 * @throws RangeError if `period` is not two `YYYY-MM-DD` dates in order (a programming error).
 */
export function evaluatePatient(
  measure: MeasureId,
  record: PatientRecord,
  period: Period,
  options: EvaluateOptions = {},
): PatientMeasureResult {
  const offsetMs = (options.utcOffsetMinutes ?? 0) * MINUTE_MS;
  const ctx = measurementContext(period, offsetMs);
  const facts = readPatientFacts(record, offsetMs);
  return withReadingWarnings(evaluateFacts(measure, facts, ctx, options), facts);
}

/**
 * Evaluates several measures for one patient, reading the record's resources once (the cheap way to fill a
 * dashboard). Results come in the order of `measures`.
 *
 * @throws RangeError if `period` is not two `YYYY-MM-DD` dates in order (a programming error).
 */
export function evaluatePatientMeasures(
  measures: readonly MeasureId[],
  record: PatientRecord,
  period: Period,
  options: EvaluateOptions = {},
): PatientMeasureResult[] {
  const offsetMs = (options.utcOffsetMinutes ?? 0) * MINUTE_MS;
  const ctx = measurementContext(period, offsetMs);
  const facts = readPatientFacts(record, offsetMs);
  const results: PatientMeasureResult[] = [];
  for (const measure of measures) results.push(evaluateFacts(measure, facts, ctx, options));
  // Facts are read lazily: attach the reading warnings once every measure has seen what it needed.
  if (facts.warnings.length === 0) return results;
  const warned: PatientMeasureResult[] = [];
  for (const result of results) warned.push(withReadingWarnings(result, facts));
  return warned;
}

function withReadingWarnings(result: PatientMeasureResult, facts: PatientFacts): PatientMeasureResult {
  if (facts.warnings.length === 0) return result;
  return { ...result, warnings: [...facts.warnings, ...result.warnings] };
}

/**
 * One measure over facts already read, without their reading warnings (see {@link evaluatePatientMeasures}): for
 * callers that evaluate the same facts over many periods, such as the goals' trend.
 */
export function evaluateFacts(
  measure: MeasureId,
  facts: PatientFacts,
  ctx: MeasurementContext,
  options: EvaluateOptions = {},
): PatientMeasureResult {
  switch (measure) {
    case 'cms165':
      return evaluateCms165(facts, ctx, options);
    case 'cms122':
      return evaluateCms122(facts, ctx);
    case 'htn-30-65': {
      const band = MEASURES['htn-30-65'].derivedFrom?.ageBand ?? MEASURES['htn-30-65'].ages;
      return withAgeBand(evaluateCms165(facts, ctx, options), band, 'htn-30-65');
    }
  }
}
