import { stratumLabel } from '../../../domain/stratum-labels';
import { dimensionInfo, type DimensionId } from '../../../domain/dimensions';
import type { Interval } from '../../../measures/stratification-types';

/** `54%` (whole percent; one decimal below 1 % and above 99 % so that "0%" never hides a few patients). */
export function pct(rate: number | undefined): string {
  if (rate === undefined) return '–';
  const p = rate * 100;
  const digits = (p > 0 && p < 1) || (p > 99 && p < 100) ? 1 : 0;
  return `${p.toFixed(digits)}%`;
}

/** `47–61%`. */
export function pctRange(interval: Interval | undefined): string {
  if (interval === undefined) return '–';
  return `${(interval.lower * 100).toFixed(0)}–${(interval.upper * 100).toFixed(0)}%`;
}

/** Percentage points, unsigned, one decimal under 10 (`9.4 points`, `12 points`). */
export function points(difference: number): string {
  const p = Math.abs(difference * 100);
  return `${p < 10 ? p.toFixed(1) : p.toFixed(0)} point${p === 1 ? '' : 's'}`;
}

/** `1,234`. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A stratum's label, with practitioners' names resolved when known. */
export function groupLabel(dimension: DimensionId, key: string, practitioners?: ReadonlyMap<string, string>): string {
  if (dimension === 'practitioner') return practitioners?.get(key) ?? stratumLabel(dimension, key);
  return stratumLabel(dimension, key);
}

/** Labels of a multi-dimension group, joined the way the engine joins them. */
export function groupLabels(
  dimensions: readonly DimensionId[],
  keys: readonly string[],
  practitioners?: ReadonlyMap<string, string>,
): string {
  return dimensions.map((d, i) => groupLabel(d, keys[i] ?? 'absent', practitioners)).join(' × ');
}

/** A dimension's name in running text: lower case, without the parenthesis ("sex", "food insecurity"). */
export function shortDimension(dimension: DimensionId): string {
  return dimensionInfo(dimension)
    .label.replace(/ \(.*\)$/, '')
    .toLowerCase();
}
