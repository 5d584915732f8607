/**
 * Time arithmetic with CQL's semantics, reduced to what CMS165 and CMS122 need.
 *
 * CQL compares imprecise values (a date without a time, a year-only onset, an unknown interval end) with
 * three-valued logic: "maybe" is `null`. We model every point as the range of instants it could be, in epoch
 * milliseconds, so that one comparison rule covers precision, open boundaries and unknown ends alike. Each instant
 * also carries the range of calendar days it may fall on at the evaluation's UTC offset, computed once when the
 * data is read, because most of the measures' comparisons are "day of" ones and run for every resource.
 */

/** Kleene three-valued truth: `null` is CQL's "unknown". Only `true` passes a CQL `where`. */
export type Tri = boolean | null;

/** A value known only to lie in `[lo, hi]` (both inclusive); `lo === hi` when exact. */
export interface Uncertain {
  readonly lo: number;
  readonly hi: number;
}

/** An uncertain instant (epoch ms) with the calendar days (day numbers since 1970-01-01) it may fall on. */
export interface Instant extends Uncertain {
  readonly dayLo: number;
  readonly dayHi: number;
}

/** A closed interval whose ends may themselves be uncertain (CQL open bounds are converted to closed ones). */
export interface TimeInterval {
  readonly low: Instant;
  readonly high: Instant;
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** The start of time (closed null low bound) and the end of time (closed null high bound). */
export const BEGINNING: Instant = { lo: -Infinity, hi: -Infinity, dayLo: -Infinity, dayHi: -Infinity };
export const END_OF_TIME: Instant = { lo: Infinity, hi: Infinity, dayLo: Infinity, dayHi: Infinity };

/** The calendar day number of an epoch instant seen at a fixed UTC offset (infinities stay infinite). */
export function dayNumber(ms: number, offsetMs: number): number {
  return Number.isFinite(ms) ? Math.floor((ms + offsetMs) / DAY_MS) : ms;
}

export function instant(lo: number, hi: number, offsetMs: number): Instant {
  return { lo, hi, dayLo: dayNumber(lo, offsetMs), dayHi: dayNumber(hi, offsetMs) };
}

/** The whole calendar days `firstDay..lastDay` as one uncertain instant at the offset. */
export function daysInstant(firstDay: number, lastDay: number, offsetMs: number): Instant {
  return {
    lo: firstDay * DAY_MS - offsetMs,
    hi: (lastDay + 1) * DAY_MS - offsetMs - 1,
    dayLo: firstDay,
    dayHi: lastDay,
  };
}

export function and3(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : null;
}

/** `a <= b` over uncertain values. */
export function le(a: Uncertain, b: Uncertain): Tri {
  if (a.hi <= b.lo) return true;
  if (a.lo > b.hi) return false;
  return null;
}

/** `a <= b` at day precision. */
export function leDay(a: Instant, b: Instant): Tri {
  if (a.dayHi <= b.dayLo) return true;
  if (a.dayLo > b.dayHi) return false;
  return null;
}

/** `A overlaps B` (CQL), at full precision. */
export function overlaps(a: TimeInterval, b: TimeInterval): Tri {
  return and3(le(a.low, b.high), le(b.low, a.high));
}

/** `A overlaps day of B`. */
export function overlapsDays(a: TimeInterval, b: TimeInterval): Tri {
  return and3(leDay(a.low, b.high), leDay(b.low, a.high));
}

/** `point during day of I`. */
export function duringDays(p: Instant, i: TimeInterval): Tri {
  return and3(leDay(i.low, p), leDay(p, i.high));
}

/** `A during day of B` (CQL `included in`: wholly inside). */
export function intervalDuringDays(a: TimeInterval, b: TimeInterval): Tri {
  return and3(leDay(b.low, a.low), leDay(a.high, b.high));
}

/** The day number of a point's calendar day when it is certain, else `null`. */
export function certainDay(p: Instant | null): number | null {
  return p !== null && p.dayLo === p.dayHi && Number.isFinite(p.dayLo) ? p.dayLo : null;
}

// Calendar arithmetic on day numbers, allocation-free (Howard Hinnant's civil-date algorithms).

/** Day number of a proleptic Gregorian date (`month` 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date of a day number packed as `year * 10000 + month * 100 + day` (so no object is allocated). */
export function civilFromDays(dayNumberValue: number): number {
  const z = dayNumberValue + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10_000 + month * 100 + day;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A calendar date as a day number; `undefined` when the string is not `YYYY-MM-DD` or not a real date. */
export function parseDayNumber(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return daysFromCivil(y, mo, d);
}

/** ISO `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  const c = civilFromDays(day);
  const year = Math.floor(c / 10_000);
  const md = c - year * 10_000;
  return `${String(year).padStart(4, '0')}-${String(Math.floor(md / 100)).padStart(2, '0')}-${String(md % 100).padStart(2, '0')}`;
}

/**
 * Adds calendar months to a day number, clamping to the end of a shorter month as CQL date arithmetic does
 * (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(day: number, months: number): number {
  const c = civilFromDays(day);
  const year = Math.floor(c / 10_000);
  const month = Math.floor((c % 10_000) / 100);
  const total = year * 12 + (month - 1) + months;
  const newYear = Math.floor(total / 12);
  const newMonth = total - newYear * 12 + 1;
  return daysFromCivil(newYear, newMonth, Math.min(c % 100, daysInMonth(newYear, newMonth)));
}

/** Whole years from `birthDay` to `onDay` (CQL `AgeInYearsAt`), both day numbers. */
export function yearsBetween(birthDay: number, onDay: number): number {
  const b = civilFromDays(birthDay);
  const o = civilFromDays(onDay);
  const years = Math.floor(o / 10_000) - Math.floor(b / 10_000);
  return o % 10_000 < b % 10_000 ? years - 1 : years;
}
