import { dimensionInfo } from '../../../domain/dimensions';
import { groupLabel } from './format';
import { FILTER_PARAMS, type FilterParam } from './view-state';

const ORDER: readonly FilterParam[] = ['age', 'sex', 'payer', 'food', 'prac', 'lang'];

/** The filters in words ("ages 30–65, Medicaid"), or '' when none apply. */
export function filterWords(
  filters: Readonly<Partial<Record<FilterParam, string>>>,
  practitioners?: ReadonlyMap<string, string>,
): string {
  return ORDER.flatMap((name) => {
    const value = filters[name];
    if (value === undefined) return [];
    if (name === 'age') return [`ages ${value.replace('-', '–').replace('+', ' and over')}`];
    const dimension = FILTER_PARAMS[name];
    return [`${dimensionInfo(dimension).label.toLowerCase()}: ${groupLabel(dimension, value, practitioners)}`];
  }).join(', ');
}
