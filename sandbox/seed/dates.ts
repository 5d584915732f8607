/**
 * Calendar arithmetic on whole days. A day is the number of days since 1970-01-01 (UTC), which keeps the generator
 * fast (integers, no Date objects per resource) and free of time-zone surprises.
 */

const MS_PER_DAY = 86_400_000;

/** Local wall-clock offset written into every timestamp. Clinic hours at this offset never cross midnight UTC. */
export const CLINIC_UTC_OFFSET = '-05:00';

/** Parses `YYYY-MM-DD` (a real calendar date) into a day number, or throws. */
export function parseDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Expected a date as YYYY-MM-DD, got "${iso}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  if (isoDate(ms / MS_PER_DAY) !== iso) throw new Error(`Not a calendar date: "${iso}"`);
  return ms / MS_PER_DAY;
}

/** The day number of a calendar date given as numbers (month 1–12). */
export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

// Formatting dominates the generator's run time without a cache: a population uses a few thousand distinct days.
// Indexed by day + CACHE_OFFSET, which covers 1860 to 2110.
const CACHE_OFFSET = 40_000;
const isoCache: string[] = new Array<string>(2 * CACHE_OFFSET).fill('');

/** `YYYY-MM-DD` for a day number. */
export function isoDate(day: number): string {
  const i = day + CACHE_OFFSET;
  const cached = isoCache[i];
  if (cached !== undefined && cached !== '') return cached;
  const iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  if (i >= 0 && i < isoCache.length) isoCache[i] = iso;
  return iso;
}

/** A FHIR dateTime at `minutes` after local midnight of `day`, e.g. `2026-03-04T09:30:00-05:00`. */
export function dateTime(day: number, minutes: number): string {
  return `${isoDate(day)}T${clock(minutes)}:00${CLINIC_UTC_OFFSET}`;
}

const CLOCK = Array.from({ length: 24 * 60 }, (_, m) => {
  const h = Math.floor(m / 60);
  return `${String(h).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
});

function clock(minutes: number): string {
  return CLOCK[Math.min(1439, Math.max(0, Math.round(minutes)))] ?? '00:00';
}

/** The calendar year of a day number. */
export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** The same calendar date `years` later (Feb 29 becomes Feb 28 in common years). */
export function addYears(day: number, years: number): number {
  const iso = isoDate(day);
  const year = Number(iso.slice(0, 4)) + years;
  const month = Number(iso.slice(5, 7)) - 1;
  const date = Number(iso.slice(8, 10));
  if (month === 1 && date === 29 && new Date(Date.UTC(year, 1, 29)).getUTCMonth() !== 1) {
    return Date.UTC(year, 1, 28) / MS_PER_DAY;
  }
  return Date.UTC(year, month, date) / MS_PER_DAY;
}

/** Whole years of age on `day` for someone born on `birthDay` (the eCQM AgeInYearsAt rule). */
export function ageOn(birthDay: number, day: number): number {
  const b = new Date(birthDay * MS_PER_DAY);
  const d = new Date(day * MS_PER_DAY);
  let age = d.getUTCFullYear() - b.getUTCFullYear();
  const beforeBirthday =
    d.getUTCMonth() < b.getUTCMonth() || (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}
