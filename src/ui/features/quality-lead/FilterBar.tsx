import { useId, useMemo } from 'react';
import { dimensionInfo, type DimensionId } from '../../../domain/dimensions';
import { AGE_FILTER_KEYS, TOOLKIT_AGE_PRESET } from '../../../measures/panel-filters';
import { groupLabel } from './format';
import { patientRows } from './panel-props';
import type { PopulationData } from './population-run';
import { FILTER_PARAMS, type FilterParam, type ViewState } from './view-state';

interface FilterBarProps {
  readonly data: PopulationData;
  readonly view: ViewState;
  readonly update: (change: (view: ViewState) => ViewState) => void;
}

const KEYED: readonly Exclude<FilterParam, 'age'>[] = ['sex', 'payer', 'food', 'prac', 'lang'];

/** Filters that apply to every panel: age band (with the toolkit's 30–65 preset), sex, payer, food, practitioner, language. */
export function FilterBar({ data, view, update }: FilterBarProps) {
  const id = useId();
  const values = useMemo(() => {
    const found = new Map<DimensionId, Set<string>>();
    for (const row of patientRows(data)) {
      for (const name of KEYED) {
        const d = FILTER_PARAMS[name];
        const v = row.strata[d];
        if (typeof v === 'string') {
          const set = found.get(d) ?? new Set<string>();
          set.add(v);
          found.set(d, set);
        }
      }
    }
    return found;
  }, [data]);
  const set = (name: FilterParam, value: string): void => {
    update((v) => {
      const filters = Object.fromEntries(Object.entries(v.filters).filter(([key]) => key !== name));
      return { ...v, filters: value === '' ? filters : { ...filters, [name]: value } };
    });
  };
  const active = Object.keys(view.filters).length > 0;
  return (
    <section className="filters" aria-label="Filters for every panel">
      <span className="field">
        <label htmlFor={`${id}-age`}>Age</label>
        <select
          id={`${id}-age`}
          data-testid="filter-age"
          value={view.filters.age ?? ''}
          onChange={(e) => {
            set('age', e.target.value);
          }}
        >
          <option value="">All ages</option>
          {AGE_FILTER_KEYS.map((key) => (
            <option key={key} value={key}>
              {key.replace('-', '–').replace('+', ' and over')}
              {key === TOOLKIT_AGE_PRESET ? ' (toolkit hypertension preset)' : ''}
            </option>
          ))}
        </select>
      </span>
      {KEYED.map((name) => {
        const dimension = FILTER_PARAMS[name];
        const options = [...(values.get(dimension) ?? [])].sort((a, b) =>
          groupLabel(dimension, a, data.practitioners).localeCompare(groupLabel(dimension, b, data.practitioners)),
        );
        return (
          <span className="field" key={name}>
            <label htmlFor={`${id}-${name}`}>{dimensionInfo(dimension).label}</label>
            <select
              id={`${id}-${name}`}
              data-testid={`filter-${name}`}
              value={view.filters[name] ?? ''}
              onChange={(e) => {
                set(name, e.target.value);
              }}
            >
              <option value="">All</option>
              {options.map((key) => (
                <option key={key} value={key}>
                  {groupLabel(dimension, key, data.practitioners)}
                </option>
              ))}
            </select>
          </span>
        );
      })}
      {active && (
        <button
          type="button"
          className="small secondary"
          onClick={() => {
            update((v) => ({ ...v, filters: {} }));
          }}
        >
          Clear filters
        </button>
      )}
    </section>
  );
}
