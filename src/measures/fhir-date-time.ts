import { DAY_MS, MINUTE_MS, daysFromCivil, daysInMonth, daysInstant, instant } from './cql-time';
import type { Instant, Uncertain } from './cql-time';

/** The number written by `count` ASCII digits at `at`, or -1 when any of them is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/**
 * Parses a FHIR `date`, `dateTime` or `instant` into the range of instants it denotes (CQL precision semantics:
 * `2026-03` is any instant in March). Values without a time zone are read at `offsetMs`, the evaluation's UTC
 * offset, as CQL does. Seconds may be missing (`2026-01-01T10:00Z`), as some servers emit them. Returns
 * `undefined` when the text is not a valid FHIR date-time.
 *
 * Hand-written rather than a regular expression: it runs for every date of every resource.
 */
export function parseFhirDateTime(text: string, offsetMs: number): Instant | undefined {
  const length = text.length;
  const year = digits(text, 0, 4);
  if (year < 0 || (length !== 4 && text.charCodeAt(4) !== 45)) return undefined;
  if (length === 4) return daysInstant(daysFromCivil(year, 1, 1), daysFromCivil(year + 1, 1, 1) - 1, offsetMs);
  const month = digits(text, 5, 2);
  if (month < 1 || month > 12 || (length !== 7 && text.charCodeAt(7) !== 45)) return undefined;
  const first = daysFromCivil(year, month, 1);
  if (length === 7) return daysInstant(first, first + daysInMonth(year, month) - 1, offsetMs);
  const day = digits(text, 8, 2);
  if (length < 10 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const dayNo = first + day - 1;
  // A date without a time is read at the evaluation offset: its calendar days are exactly the written ones.
  if (length === 10) return daysInstant(dayNo, dayNo, offsetMs);

  // Time: THH:MM[:SS[.fraction]][zone]
  if (text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58) return undefined;
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  let at = 16;
  let second = 0;
  let precision = MINUTE_MS;
  if (text.charCodeAt(at) === 58) {
    second = digits(text, at + 1, 2);
    if (second < 0 || second > 60) return undefined;
    at += 3;
    precision = 1000;
  }
  let ms = 0;
  if (precision === 1000 && text.charCodeAt(at) === 46) {
    let end = at + 1;
    while (end < length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
    if (end === at + 1) return undefined;
    ms = Number(text.slice(at + 1, Math.min(end, at + 4)).padEnd(3, '0'));
    at = end;
    precision = 1;
  }
  let zoneMs = offsetMs;
  if (at < length) {
    const z = text.charCodeAt(at);
    if (z === 90 && at + 1 === length) {
      zoneMs = 0;
    } else if ((z === 43 || z === 45) && at + 6 === length && text.charCodeAt(at + 3) === 58) {
      const zh = digits(text, at + 1, 2);
      const zm = digits(text, at + 4, 2);
      if (zh < 0 || zh > 14 || zm < 0 || zm > 59) return undefined;
      zoneMs = (z === 45 ? -1 : 1) * (zh * 60 + zm) * MINUTE_MS;
    } else {
      return undefined;
    }
  }
  const lo = dayNo * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + ms - zoneMs;
  return instant(lo, lo + precision - 1, offsetMs);
}

/**
 * Parses a FHIR `date` (e.g. `Patient.birthDate`) into the range of calendar day numbers it may be;
 * `undefined` when unparseable. A full date gives `lo === hi`.
 */
export function parseFhirDateDays(text: string): Uncertain | undefined {
  if (text.length > 10) return undefined;
  const parsed = parseFhirDateTime(text, 0);
  return parsed === undefined ? undefined : { lo: parsed.dayLo, hi: parsed.dayHi };
}
