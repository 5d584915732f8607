/** Calendar arithmetic on `YYYY-MM-DD` days (UTC, no time of day), for deadlines, PDSA cycles and trend windows. */

const DAY_MS = 86_400_000;

/** Milliseconds since the epoch of a `YYYY-MM-DD` day at 00:00 UTC; NaN when it is not such a day. */
export function dayToUtc(day: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return NaN;
  const ms = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  // Date.UTC rolls 31 February over into March; a real day survives the round trip.
  return utcToDay(ms) === day ? ms : NaN;
}

/** The `YYYY-MM-DD` day of a UTC timestamp. */
export function utcToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whether a string is a real calendar day `YYYY-MM-DD`. */
export function isDay(value: string): boolean {
  return !Number.isNaN(dayToUtc(value));
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToUtc(to) - dayToUtc(from)) / DAY_MS);
}

/** `day` plus `n` days. */
export function addDays(day: string, n: number): string {
  return utcToDay(dayToUtc(day) + n * DAY_MS);
}

/** The last day of the month `months` after the month of `day` (0: its own month). */
export function monthEnd(day: string, months = 0): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  return utcToDay(Date.UTC(y, m + 1, 0));
}

/**
 * `day` plus `n` calendar months; a day that the target month lacks becomes its last day (31 January + 1 month =
 * 28 or 29 February), as people count deadlines.
 */
export function addMonths(day: string, n: number): string {
  const last = monthEnd(day, n);
  const wanted = `${last.slice(0, 8)}${day.slice(8, 10)}`;
  return wanted > last ? last : wanted;
}

/**
 * The time from `start` to `deadline` in the words of a goal sentence: whole months when the deadline is a whole
 * number of months away ("12 months"), else weeks ("10 weeks"), else days.
 */
export function durationPhrase(start: string, deadline: string): string {
  for (let n = 1; n <= 120; n++) {
    const d = addMonths(start, n);
    if (d === deadline) return n === 1 ? '1 month' : `${n} months`;
    if (d > deadline) break;
  }
  const days = daysBetween(start, deadline);
  if (days % 7 === 0) return days === 7 ? '1 week' : `${days / 7} weeks`;
  return days === 1 ? '1 day' : `${days} days`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "31 October 2027": unambiguous whatever the reader's locale. */
export function longDay(day: string): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1] ?? ''} ${day.slice(0, 4)}`;
}
