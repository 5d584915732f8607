import { DAY_MS, addMonths, instant, parseDayNumber } from './cql-time';
import type { TimeInterval } from './cql-time';
import type { Period } from './types';

/** The measurement period in the forms the logic compares against, computed once per period and offset. */
export interface MeasurementContext {
  readonly offsetMs: number;
  /** `"Measurement Period"`: first to last millisecond of the period at the offset. */
  readonly period: TimeInterval;
  readonly startDay: number;
  readonly endDay: number;
  /** `Interval[start of "Measurement Period" - 1 year, end of "Measurement Period"]`. */
  readonly lookback: TimeInterval;
  /** `Interval[start of "Measurement Period", start of "Measurement Period" + 6 months)` (CMS165). */
  readonly firstSixMonths: TimeInterval;
}

let last: { start: string; end: string; offsetMs: number; context: MeasurementContext } | undefined;

/**
 * Builds the context for a period. Throws a `RangeError` for a period that is not two valid ISO dates in order:
 * that is a programming error, unlike bad clinical data, which never throws.
 */
export function measurementContext(period: Period, offsetMs: number): MeasurementContext {
  // Compared field by field, not through a joined key: this runs once per patient.
  if (last !== undefined && last.start === period.start && last.end === period.end && last.offsetMs === offsetMs)
    return last.context;
  const startDay = parseDayNumber(period.start);
  const endDay = parseDayNumber(period.end);
  if (startDay === undefined || endDay === undefined || endDay < startDay) {
    throw new RangeError(
      `Invalid measurement period ${period.start}..${period.end}: expected YYYY-MM-DD, start <= end`,
    );
  }
  const at = (ms: number) => instant(ms, ms, offsetMs);
  const start = at(startDay * DAY_MS - offsetMs);
  const end = at((endDay + 1) * DAY_MS - offsetMs - 1);
  const context: MeasurementContext = {
    offsetMs,
    period: { low: start, high: end },
    startDay,
    endDay,
    lookback: { low: at(addMonths(startDay, -12) * DAY_MS - offsetMs), high: end },
    // The open end is the instant before start + 6 months.
    firstSixMonths: { low: start, high: at(addMonths(startDay, 6) * DAY_MS - offsetMs - 1) },
  };
  last = { start: period.start, end: period.end, offsetMs, context };
  return context;
}
