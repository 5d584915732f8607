import { BEGINNING, END_OF_TIME, addMonths, daysInstant, instant } from './cql-time';
import type { Instant, TimeInterval, Uncertain } from './cql-time';
import type { FieldReader, JsonObject } from './field-reader';

/** The element names of one FHIR choice of timing (`onset[x]`, `effective[x]`, `performed[x]`, ...). */
export interface TimingKeys {
  readonly dateTime: string;
  readonly period?: string;
  readonly instant?: string;
  readonly age?: string;
  readonly range?: string;
}

export const ONSET: TimingKeys = {
  dateTime: 'onsetDateTime',
  period: 'onsetPeriod',
  age: 'onsetAge',
  range: 'onsetRange',
};
export const ABATEMENT: TimingKeys = {
  dateTime: 'abatementDateTime',
  period: 'abatementPeriod',
  age: 'abatementAge',
  range: 'abatementRange',
};
export const EFFECTIVE: TimingKeys = {
  dateTime: 'effectiveDateTime',
  period: 'effectivePeriod',
  instant: 'effectiveInstant',
};
export const PERFORMED: TimingKeys = {
  dateTime: 'performedDateTime',
  period: 'performedPeriod',
  age: 'performedAge',
  range: 'performedRange',
};

/**
 * FHIRHelpers `ToInterval(Period)`: `[start, end]`; a missing end is closed-null (until the end of time) and a
 * missing start is open-null (unknown, anywhere up to the end).
 */
export function periodInterval(r: FieldReader, period: JsonObject): TimeInterval {
  const start = r.dateTime(period, 'start');
  const end = r.dateTime(period, 'end') ?? END_OF_TIME;
  if (start === null) return { low: { lo: -Infinity, hi: end.hi, dayLo: -Infinity, dayHi: end.dayHi }, high: end };
  return { low: start, high: end };
}

/** Calendar amount of an age quantity (UCUM / CQL calendar units), or `undefined` for other units. */
type CalendarAmount = { readonly months: number } | { readonly days: number };

function ageAmount(r: FieldReader, q: JsonObject): CalendarAmount | undefined {
  const value = r.num(q, 'value');
  const unit = r.str(q, 'code') ?? r.str(q, 'unit');
  if (value === undefined) return undefined;
  // CQL date arithmetic truncates fractional calendar quantities.
  const n = Math.trunc(value);
  switch (unit ?? '') {
    case 'a':
    case 'year':
    case 'years':
      return { months: 12 * n };
    case 'mo':
    case 'month':
    case 'months':
      return { months: n };
    case 'wk':
    case 'week':
    case 'weeks':
      return { days: 7 * n };
    case 'd':
    case 'day':
    case 'days':
      return { days: n };
    default:
      return undefined;
  }
}

function addAmount(day: number, amount: CalendarAmount): number {
  return 'months' in amount ? addMonths(day, amount.months) : day + amount.days;
}

const ONE_YEAR: CalendarAmount = { months: 12 };

/**
 * QICoreCommon `toInterval` of an age or age range: from the day the patient reached the low age to the day
 * before they reached the high age + 1 year. `birthDays` is the (possibly imprecise) birth date as day numbers.
 */
function ageInterval(low: CalendarAmount, high: CalendarAmount, birthDays: Uncertain, offsetMs: number): TimeInterval {
  const start = daysInstant(addAmount(birthDays.lo, low), addAmount(birthDays.hi, low), offsetMs);
  const endLo = addAmount(addAmount(birthDays.lo, high), ONE_YEAR) - 1;
  const endHi = addAmount(addAmount(birthDays.hi, high), ONE_YEAR) - 1;
  return { low: start, high: daysInstant(endLo, endHi, offsetMs) };
}

function rangeAmounts(r: FieldReader, range: JsonObject): [CalendarAmount, CalendarAmount] | undefined {
  const low = r.obj(range, 'low');
  const high = r.obj(range, 'high');
  const lowAmount = low && ageAmount(r, low);
  const highAmount = high && ageAmount(r, high);
  return lowAmount && highAmount ? [lowAmount, highAmount] : undefined;
}

/**
 * QICoreCommon `toInterval()` of a timing choice element; `null` when the element is absent or has a form the
 * measures cannot place in time (a string, a Timing, an age without a birth date).
 */
export function timingInterval(
  r: FieldReader,
  o: JsonObject,
  keys: TimingKeys,
  birthDays: Uncertain | null,
): TimeInterval | null {
  const at = r.dateTime(o, keys.dateTime) ?? (keys.instant === undefined ? null : r.dateTime(o, keys.instant));
  if (at !== null) return { low: at, high: at };
  const period = keys.period === undefined ? undefined : r.obj(o, keys.period);
  if (period !== undefined) return periodInterval(r, period);
  return ageTiming(r, o, keys, birthDays);
}

/** The `Age` or `Range` form of a timing choice element, placed in time by the birth date. */
function ageTiming(r: FieldReader, o: JsonObject, keys: TimingKeys, birthDays: Uncertain | null): TimeInterval | null {
  if (birthDays === null) return null;
  const age = keys.age === undefined ? undefined : r.obj(o, keys.age);
  const ageAt = age && ageAmount(r, age);
  if (ageAt !== undefined) return ageInterval(ageAt, ageAt, birthDays, r.offsetMs);
  const range = keys.range === undefined ? undefined : r.obj(o, keys.range);
  const amounts = range && rangeAmounts(r, range);
  return amounts ? ageInterval(amounts[0], amounts[1], birthDays, r.offsetMs) : null;
}

/** `end of condition.abatementInterval()` (QICoreCommon): the last instant of the abatement, or `null`. */
export function abatementEnd(r: FieldReader, condition: JsonObject, birthDays: Uncertain | null): Instant | null {
  const at = r.dateTime(condition, ABATEMENT.dateTime);
  if (at !== null) return at;
  const period = r.obj(condition, 'abatementPeriod');
  if (period !== undefined) {
    // abatementInterval() rebuilds a Period as [low, high): its end is the instant before `end`, unknown if none.
    const end = r.dateTime(period, 'end');
    return end === null ? null : instant(end.lo - 1, end.hi - 1, r.offsetMs);
  }
  const interval = ageTiming(r, condition, ABATEMENT, birthDays);
  return interval === null ? null : interval.high;
}

/**
 * QICoreCommon `prevalenceInterval()`: from onset to abatement. An active (or recurring, relapsed) condition
 * without abatement runs to the end of time; an inactive one without abatement has an unknown end.
 */
export function prevalenceInterval(
  onset: TimeInterval | null,
  abatement: Instant | null,
  active: boolean,
): TimeInterval {
  // `start of` an interval with an unknown start is null, and a closed null low bound is the beginning of time.
  const low = onset === null || onset.low.lo === -Infinity ? BEGINNING : onset.low;
  if (abatement !== null) return { low, high: abatement };
  return { low, high: active ? END_OF_TIME : { lo: low.lo, hi: Infinity, dayLo: low.dayLo, dayHi: Infinity } };
}

/** QICoreCommon `latest()`: the end of the interval when it has one, else its start; `null` when unknown. */
export function latestOf(interval: TimeInterval | null): Instant | null {
  if (interval === null) return null;
  const hasEnd = interval.high.hi !== Infinity;
  const point = hasEnd ? interval.high : interval.low;
  return Number.isFinite(point.lo) && Number.isFinite(point.hi) ? point : null;
}
