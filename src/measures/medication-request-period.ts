import { daysInstant } from './cql-time';
import type { Instant, TimeInterval } from './cql-time';
import { isJsonObject } from './field-reader';
import type { FieldReader, JsonObject } from './field-reader';
import { periodInterval } from './fhir-intervals';

/** Days per unit for `convert expectedSupplyDuration to days` (UCUM definitions for month and year). */
const DAYS_PER_UNIT: Readonly<Record<string, number>> = {
  s: 1 / 86_400,
  second: 1 / 86_400,
  seconds: 1 / 86_400,
  min: 1 / 1440,
  minute: 1 / 1440,
  minutes: 1 / 1440,
  h: 1 / 24,
  hour: 1 / 24,
  hours: 1 / 24,
  d: 1,
  day: 1,
  days: 1,
  wk: 7,
  week: 7,
  weeks: 7,
  mo: 30.4375,
  month: 30.4375,
  months: 30.4375,
  a: 365.25,
  year: 365.25,
  years: 365.25,
};

/**
 * CumulativeMedicationDuration `ToDaily(frequency, period)`: administrations per day, exactly as the library
 * writes it (including its 30-day month and 365-day year).
 */
function toDaily(frequency: number, period: number, unit: string): number | undefined {
  const perHour = frequency * (24 / period);
  switch (unit) {
    case 'h':
    case 'hour':
    case 'hours':
      return perHour;
    case 'min':
    case 'minute':
    case 'minutes':
      return perHour * 60;
    case 's':
    case 'second':
    case 'seconds':
      return perHour * 3600;
    case 'd':
    case 'day':
    case 'days':
      return perHour / 24;
    case 'wk':
    case 'week':
    case 'weeks':
      return perHour / (24 * 7);
    case 'mo':
    case 'month':
    case 'months':
      return perHour / (24 * 30);
    case 'a':
    case 'year':
    case 'years':
      return perHour / (24 * 365);
    default:
      return undefined;
  }
}

/** The single element of an array field, as CQL `singleton from` (more than one is an error: treated as unknown). */
function singleton(r: FieldReader, o: JsonObject | undefined, key: string): JsonObject | undefined {
  if (o === undefined) return undefined;
  const list = r.arr(o, key);
  const only = list.length === 1 ? list[0] : undefined;
  return isJsonObject(only) ? only : undefined;
}

/**
 * CumulativeMedicationDuration `medicationRequestPeriod()`: the days a request covers, from its start (bounds,
 * authoredOn or validity start) for the days supplied (expected supply duration, or quantity over dose × doses per
 * day) × (1 + refills); else up to the end of the dosage bounds. Whole days; `null` when not computable.
 */
export function medicationRequestPeriod(r: FieldReader, request: JsonObject): TimeInterval | null {
  const dosage = singleton(r, request, 'dosageInstruction');
  const doseAndRate = singleton(r, dosage, 'doseAndRate');
  const timing = dosage && r.obj(dosage, 'timing');
  const repeat = timing && r.obj(timing, 'repeat');
  const boundsPeriod = repeat && r.obj(repeat, 'boundsPeriod');
  const bounds = boundsPeriod && periodInterval(r, boundsPeriod);
  const dispense = r.obj(request, 'dispenseRequest');
  const validity = dispense && r.obj(dispense, 'validityPeriod');

  const startInstant: Instant | null =
    (bounds && Number.isFinite(bounds.low.lo) ? bounds.low : null) ??
    r.dateTime(request, 'authoredOn') ??
    (validity ? r.dateTime(validity, 'start') : null);
  if (startInstant === null) return null;
  // `date from` keeps the calendar day(s) of the start; the period is a Date interval of whole days.
  const { dayLo, dayHi } = startInstant;
  const low = daysInstant(dayLo, dayHi, r.offsetMs);

  const total = totalDaysSupplied(r, dispense, repeat, doseAndRate);
  if (total !== undefined) {
    const length = Math.trunc(total - 1);
    return { low, high: daysInstant(dayLo + length, dayHi + length, r.offsetMs) };
  }
  if (bounds && Number.isFinite(bounds.high.hi)) {
    return { low, high: daysInstant(bounds.high.dayLo, bounds.high.dayHi, r.offsetMs) };
  }
  return null;
}

function totalDaysSupplied(
  r: FieldReader,
  dispense: JsonObject | undefined,
  repeat: JsonObject | undefined,
  doseAndRate: JsonObject | undefined,
): number | undefined {
  const refills = (dispense && r.num(dispense, 'numberOfRepeatsAllowed')) ?? 0;
  const expected = dispense && r.obj(dispense, 'expectedSupplyDuration');
  const expectedValue = expected && r.num(expected, 'value');
  const expectedUnit = expected && (r.str(expected, 'code') ?? r.str(expected, 'unit'));
  const perUnit = expectedUnit === undefined ? undefined : DAYS_PER_UNIT[expectedUnit];
  if (expectedValue !== undefined && perUnit !== undefined) return expectedValue * perUnit * (1 + refills);

  const quantity = dispense && r.obj(dispense, 'quantity');
  const supplied = quantity && r.num(quantity, 'value');
  const doseQuantity = doseAndRate && (r.obj(doseAndRate, 'doseQuantity') ?? highOf(r, doseAndRate));
  const dose = doseQuantity && r.num(doseQuantity, 'value');
  if (supplied === undefined || dose === undefined) return undefined;
  const perDay = dosesPerDay(r, repeat);
  // CQL division by zero is null, not Infinity.
  if (perDay === 0 || dose === 0) return undefined;
  return (supplied / (dose * perDay)) * (1 + refills);
}

function highOf(r: FieldReader, doseAndRate: JsonObject): JsonObject | undefined {
  const range = r.obj(doseAndRate, 'doseRange');
  return range && r.obj(range, 'high');
}

/**
 * `Coalesce(ToDaily(frequency, period), Count(timeOfDay), 1.0)`. `Count` of a missing list is 0, never null,
 * so the library's 1.0 fallback is unreachable: with neither frequency nor times of day the result is 0.
 */
function dosesPerDay(r: FieldReader, repeat: JsonObject | undefined): number {
  if (repeat === undefined) return 0;
  const frequency = r.num(repeat, 'frequencyMax') ?? r.num(repeat, 'frequency');
  const period = r.num(repeat, 'period');
  const unit = r.str(repeat, 'periodUnit');
  const daily =
    frequency === undefined || period === undefined || unit === undefined
      ? undefined
      : toDaily(frequency, period, unit);
  return daily ?? r.arr(repeat, 'timeOfDay').length;
}
