import type { Interval } from '../../../measures/stratification-types';

/** 52.0% (one decimal, as the goals are stated). */
export function pct1(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** 47.1–57.0%. */
export function range1(interval: Interval): string {
  return `${(interval.lower * 100).toFixed(1)}–${(interval.upper * 100).toFixed(1)}%`;
}

/** A signed gap in points: "12.0 points", "−3.0 points" (negative: the focus group fares better). */
export function gapPoints(gap: number): string {
  const v = gap * 100;
  return `${v < 0 ? '−' : ''}${Math.abs(v).toFixed(1)} points`;
}

/** A gap interval in signed points: "4.1 to 19.8 points". */
export function gapRange(interval: Interval): string {
  const f = (x: number): string => `${x < 0 ? '−' : ''}${Math.abs(x * 100).toFixed(1)}`;
  return `${f(interval.lower)} to ${f(interval.upper)} points`;
}

/** 1,234. */
export function n(count: number): string {
  return count.toLocaleString('en-US');
}

/** "Jan 2026 – Dec 2026" style period, unambiguous: "1 Jan 2026 – 31 Dec 2026". */
export function periodWords(period: { readonly start: string; readonly end: string }): string {
  return `${shortDay(period.start)} – ${shortDay(period.end)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Nov 2026". */
export function shortDay(day: string): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1] ?? ''} ${day.slice(0, 4)}`;
}

/** "Nov 2026" for `2026-11`. */
export function monthWords(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? ''} ${month.slice(0, 4)}`;
}
