import { describe, expect, it } from 'vitest';
import { DAY_MS, addMonths, civilFromDays, daysFromCivil, formatDay, yearsBetween } from '../../src/measures/cql-time';
import { parseFhirDateDays, parseFhirDateTime } from '../../src/measures/fhir-date-time';

const utc = Date.UTC;
const HOUR = 3_600_000;

describe('parseFhirDateTime', () => {
  it('reads an instant with its zone exactly, and whole seconds as a one-second range', () => {
    expect(parseFhirDateTime('2026-03-01T10:15:30.250+02:00', 0)).toMatchObject({
      lo: utc(2026, 2, 1, 8, 15, 30, 250),
      hi: utc(2026, 2, 1, 8, 15, 30, 250),
    });
    expect(parseFhirDateTime('2026-03-01T10:15:30Z', 0)).toMatchObject({
      lo: utc(2026, 2, 1, 10, 15, 30),
      hi: utc(2026, 2, 1, 10, 15, 30) + 999,
    });
    expect(parseFhirDateTime('2026-03-01T10:15Z', 0)?.hi).toBe(utc(2026, 2, 1, 10, 16) - 1);
  });

  it('reads partial dates as the whole span, placed at the evaluation offset', () => {
    expect(parseFhirDateTime('2026', 0)).toEqual({
      lo: utc(2026, 0, 1),
      hi: utc(2027, 0, 1) - 1,
      dayLo: utc(2026, 0, 1) / DAY_MS,
      dayHi: utc(2026, 11, 31) / DAY_MS,
    });
    expect(parseFhirDateTime('2024-02', 0)?.hi).toBe(utc(2024, 2, 1) - 1);
    // At UTC-5 the calendar day 2026-03-01 starts at 05:00Z.
    expect(parseFhirDateTime('2026-03-01', -5 * HOUR)).toMatchObject({
      lo: utc(2026, 2, 1, 5),
      dayLo: utc(2026, 2, 1) / DAY_MS,
      dayHi: utc(2026, 2, 1) / DAY_MS,
    });
  });

  it('gives the calendar day at the evaluation offset', () => {
    const late = parseFhirDateTime('2026-12-31T23:30:00-05:00', 0);
    expect(late?.dayLo).toBe(utc(2027, 0, 1) / DAY_MS);
    expect(parseFhirDateTime('2026-12-31T23:30:00-05:00', -5 * HOUR)?.dayLo).toBe(utc(2026, 11, 31) / DAY_MS);
  });

  it.each([
    '2026-02-30',
    '2026-13-01',
    '2026-1-1',
    '2026-01-01T25:00:00Z',
    '2026-01-01T10:00:00+2',
    '2026-01-01 ',
    'x',
    '',
  ])('rejects %j', (text) => {
    expect(parseFhirDateTime(text, 0)).toBeUndefined();
  });

  it('reads a birth date as calendar days, and refuses a time', () => {
    expect(parseFhirDateDays('1960-05')).toEqual({ lo: utc(1960, 4, 1) / DAY_MS, hi: utc(1960, 4, 31) / DAY_MS });
    expect(parseFhirDateDays('1960-05-01T00:00:00Z')).toBeUndefined();
  });
});

describe('calendar arithmetic', () => {
  it('agrees with Date for every day from 1899 to 2101', () => {
    for (let day = utc(1899, 0, 1) / DAY_MS; day <= utc(2101, 0, 1) / DAY_MS; day += 1) {
      const d = new Date(day * DAY_MS);
      const packed = d.getUTCFullYear() * 10_000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
      if (civilFromDays(day) !== packed) expect(civilFromDays(day)).toBe(packed);
      if (daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) !== day) expect(day).toBe(-1);
    }
    expect(formatDay(utc(2026, 6, 4) / DAY_MS)).toBe('2026-07-04');
  });

  it('adds months with end-of-month clamping, and counts whole years of age', () => {
    const day = (y: number, m: number, d: number) => utc(y, m - 1, d) / DAY_MS;
    expect(addMonths(day(2024, 1, 31), 1)).toBe(day(2024, 2, 29));
    expect(addMonths(day(2026, 1, 1), 6)).toBe(day(2026, 7, 1));
    expect(addMonths(day(2026, 1, 1), -12)).toBe(day(2025, 1, 1));
    expect(yearsBetween(day(1960, 12, 31), day(2026, 12, 30))).toBe(65);
    expect(yearsBetween(day(1960, 12, 31), day(2026, 12, 31))).toBe(66);
  });
});
