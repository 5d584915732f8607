const PLAIN_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * The calendar day (`YYYY-MM-DD`) of a FHIR date or dateTime as written (its own time zone: a day-level comparison
 * should not move a 23:30 reading to another day). A partial date takes the first (`edge: 'start'`) or last
 * (`'end'`) day it covers. Undefined when unparseable or not a real day.
 */
export function fhirDay(value: string, edge: 'start' | 'end' = 'start'): string | undefined {
  if (value.length === 10 && PLAIN_DAY.test(value)) {
    const day = Number(value.slice(8, 10));
    const month = Number(value.slice(5, 7));
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(value.slice(0, 4)), month)
      ? value
      : undefined;
  }
  const m = DATE.exec(value.trim());
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? (edge === 'start' ? 1 : 12) : Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  const last = daysInMonth(year, month);
  const day = m[3] === undefined ? (edge === 'start' ? 1 : last) : Number(m[3]);
  if (day < 1 || day > last) return undefined;
  return `${m[1] ?? ''}-${pad(month)}-${pad(day)}`;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS[month - 1] ?? 31);
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
