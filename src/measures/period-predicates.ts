import { duringDays, intervalDuringDays, le, overlapsDays } from './cql-time';
import type { Instant, TimeInterval } from './cql-time';
import type { MeasurementContext } from './measurement-context';

// CQL comparisons with "Measurement Period": only a certain `true` satisfies a `where`.

/** `interval overlaps day of "Measurement Period"`. */
export function overlapsPeriodDays(interval: TimeInterval | null, ctx: MeasurementContext): boolean {
  return interval !== null && overlapsDays(interval, ctx.period) === true;
}

/** `point during day of "Measurement Period"`. */
export function pointInPeriodDays(point: Instant | null, ctx: MeasurementContext): boolean {
  return point !== null && duringDays(point, ctx.period) === true;
}

/** `interval during day of "Measurement Period"` (wholly inside it). */
export function withinPeriodDays(interval: TimeInterval | null, ctx: MeasurementContext): boolean {
  return interval !== null && intervalDuringDays(interval, ctx.period) === true;
}

/** `interval ends during day of "Measurement Period"`. */
export function endsInPeriodDays(interval: TimeInterval | null, ctx: MeasurementContext): boolean {
  return interval !== null && duringDays(interval.high, ctx.period) === true;
}

/** `interval ends on or before end of "Measurement Period"` (full precision). */
export function endsByPeriodEnd(interval: TimeInterval | null, ctx: MeasurementContext): boolean {
  return interval !== null && le(interval.high, ctx.period.high) === true;
}

/** `interval starts on or before end of "Measurement Period"` (full precision). */
export function startsByPeriodEnd(interval: TimeInterval | null, ctx: MeasurementContext): boolean {
  return interval !== null && le(interval.low, ctx.period.high) === true;
}
