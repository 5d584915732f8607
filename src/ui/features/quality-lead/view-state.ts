import { isDimensionId, type DimensionId } from '../../../domain/dimensions';
import { AGE_FILTER_KEYS, ageRangeOf, type PanelFilters } from '../../../measures/panel-filters';

/** The pages of the quality-lead view. */
export const PANELS = ['overview', 'disparities', 'intersections', 'quality', 'payer', 'outreach', 'goals'] as const;
export type PanelId = (typeof PANELS)[number];

/** The measures the panel shows. */
export const PANEL_MEASURE_IDS = ['cms165', 'cms122'] as const;
export type PanelMeasureId = (typeof PANEL_MEASURE_IDS)[number];

/** Filters that apply to every panel, by URL parameter; values are stratum keys (age: an age key). */
export const FILTER_PARAMS = {
  age: 'age-band',
  sex: 'sex',
  payer: 'payer',
  food: 'food-insecurity',
  prac: 'practitioner',
  lang: 'language',
} as const satisfies Record<string, DimensionId>;
export type FilterParam = keyof typeof FILTER_PARAMS;
const FILTER_PARAM_NAMES: readonly FilterParam[] = ['age', 'sex', 'payer', 'food', 'prac', 'lang'];

/** One group of patients: a key in each of one to three dimensions (`race+sex` = `2054-5,female`). */
export interface GroupRef {
  readonly dimensions: readonly DimensionId[];
  readonly keys: readonly string[];
}

/** A pinned measure-and-group view: shown at the top of every page. */
export interface PinnedView {
  readonly measure: PanelMeasureId;
  readonly group: GroupRef;
  readonly filters: Readonly<Partial<Record<FilterParam, string>>>;
}

/** Everything a view shows, as it is kept in the page's query string (so a view can be shared). */
export interface ViewState {
  readonly panel: PanelId;
  readonly measure: PanelMeasureId;
  /** The disparity panel's dimension. */
  readonly dimension: DimensionId;
  /** The intersection panel's two dimensions, and a third used as a filter. */
  readonly rows: DimensionId;
  readonly columns: DimensionId;
  readonly third: { readonly dimension: DimensionId; readonly key: string } | undefined;
  readonly filters: Readonly<Partial<Record<FilterParam, string>>>;
  /** The measurement period's calendar year. */
  readonly year: number;
  /** The outreach list's group. */
  readonly group: GroupRef | undefined;
  /** The group of the overview's question ("is it worse for …?"); undefined: the largest race × sex gap. */
  readonly ask: GroupRef | undefined;
  readonly pin: PinnedView | undefined;
  /** The regional shares the user entered for the payer-mix panel, in percent. */
  readonly benchmark: { readonly medicaid?: number; readonly uninsured?: number };
}

/** The view a quality lead sees first: hypertension control by race, and race × sex for the intersections. */
export function defaultView(thisYear: number): ViewState {
  return {
    panel: 'overview',
    measure: 'cms165',
    dimension: 'race',
    rows: 'race',
    columns: 'sex',
    third: undefined,
    filters: {},
    year: thisYear,
    group: undefined,
    ask: undefined,
    pin: undefined,
    benchmark: {},
  };
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  list.find((item) => item === value);

const dimension = (value: string | null): DimensionId | undefined =>
  value !== null && isDimensionId(value) ? value : undefined;

/** A stratum key as it may appear in a URL: short, printable, no separators the codecs use. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9\-./_ ]{0,79}$/;

/** `race+sex:2054-5,female` → a group, or undefined when malformed. */
export function parseGroup(value: string | null): GroupRef | undefined {
  if (value === null) return undefined;
  const [dims = '', keys = ''] = value.split(':', 2);
  const dimensions = dims.split('+').map((d) => dimension(d));
  const keyList = keys.split(',');
  if (dimensions.length < 1 || dimensions.length > 3 || dimensions.length !== keyList.length) return undefined;
  if (new Set(dimensions).size !== dimensions.length || !keyList.every((k) => KEY.test(k))) return undefined;
  const valid = dimensions.filter((d): d is DimensionId => d !== undefined);
  return valid.length === dimensions.length ? { dimensions: valid, keys: keyList } : undefined;
}

export function formatGroup(group: GroupRef): string {
  return `${group.dimensions.join('+')}:${group.keys.join(',')}`;
}

function parseFilters(params: URLSearchParams): Partial<Record<FilterParam, string>> {
  const filters: Partial<Record<FilterParam, string>> = {};
  for (const name of FILTER_PARAM_NAMES) {
    const value = params.get(name);
    if (value === null || !KEY.test(value)) continue;
    if (name === 'age' && (!AGE_FILTER_KEYS.includes(value) || ageRangeOf(value) === undefined)) continue;
    filters[name] = value;
  }
  return filters;
}

function percent(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : undefined;
}

/** A pin as its own small query string (`measure=cms165&group=race:2054-5&age=30-65`). */
export function formatPin(pin: PinnedView): string {
  const params = new URLSearchParams({ measure: pin.measure, group: formatGroup(pin.group) });
  for (const name of FILTER_PARAM_NAMES) {
    const value = pin.filters[name];
    if (value !== undefined) params.set(name, value);
  }
  return params.toString();
}

export function parsePin(value: string | null): PinnedView | undefined {
  if (value === null) return undefined;
  const params = new URLSearchParams(value);
  const measure = oneOf(PANEL_MEASURE_IDS, params.get('measure'));
  const group = parseGroup(params.get('group'));
  if (measure === undefined || group === undefined) return undefined;
  return { measure, group, filters: parseFilters(params) };
}

/**
 * Reads a view from a query string. Anything missing or malformed falls back to the default, so an old or
 * hand-edited link still opens. Years outside the last ten are refused (the data would not be there).
 */
export function parseView(search: string, thisYear: number): ViewState {
  const params = new URLSearchParams(search);
  const base = defaultView(thisYear);
  const year = Number(params.get('year'));
  const thirdGroup = parseGroup(params.get('third'));
  const rows = dimension(params.get('rows')) ?? base.rows;
  let columns = dimension(params.get('cols')) ?? base.columns;
  if (columns === rows) columns = rows === 'sex' ? 'race' : 'sex';
  const third =
    thirdGroup?.dimensions.length === 1 &&
    thirdGroup.dimensions[0] !== undefined &&
    thirdGroup.keys[0] !== undefined &&
    thirdGroup.dimensions[0] !== rows &&
    thirdGroup.dimensions[0] !== columns
      ? { dimension: thirdGroup.dimensions[0], key: thirdGroup.keys[0] }
      : undefined;
  return {
    panel: oneOf(PANELS, params.get('panel')) ?? base.panel,
    measure: oneOf(PANEL_MEASURE_IDS, params.get('measure')) ?? base.measure,
    dimension: dimension(params.get('by')) ?? base.dimension,
    rows,
    columns,
    third,
    filters: parseFilters(params),
    year: Number.isInteger(year) && year <= thisYear && year > thisYear - 10 ? year : base.year,
    group: parseGroup(params.get('group')),
    ask: parseGroup(params.get('ask')),
    pin: parsePin(params.get('pin')),
    benchmark: {
      ...(percent(params.get('medicaid')) === undefined ? {} : { medicaid: percent(params.get('medicaid')) }),
      ...(percent(params.get('uninsured')) === undefined ? {} : { uninsured: percent(params.get('uninsured')) }),
    },
  };
}

/** Writes a view as a query string, leaving out what equals the default so shared links stay short. */
export function formatView(view: ViewState, thisYear: number): string {
  const base = defaultView(thisYear);
  const params = new URLSearchParams();
  const put = (name: string, value: string | undefined, fallback?: string): void => {
    if (value !== undefined && value !== fallback) params.set(name, value);
  };
  put('panel', view.panel, base.panel);
  put('measure', view.measure, base.measure);
  put('by', view.dimension, base.dimension);
  put('rows', view.rows, base.rows);
  put('cols', view.columns, base.columns);
  put('third', view.third === undefined ? undefined : `${view.third.dimension}:${view.third.key}`);
  for (const name of FILTER_PARAM_NAMES) put(name, view.filters[name]);
  put('year', String(view.year), String(base.year));
  put('group', view.group === undefined ? undefined : formatGroup(view.group));
  put('ask', view.ask === undefined ? undefined : formatGroup(view.ask));
  put('pin', view.pin === undefined ? undefined : formatPin(view.pin));
  put('medicaid', view.benchmark.medicaid?.toString());
  put('uninsured', view.benchmark.uninsured?.toString());
  return params.toString();
}

/** The engine-side filters for a view's filter choices (and, for the intersection panel, its third dimension). */
export function panelFilters(
  filters: Readonly<Partial<Record<FilterParam, string>>>,
  third?: ViewState['third'],
): PanelFilters {
  const keys: Partial<Record<DimensionId, string>> = {};
  for (const name of FILTER_PARAM_NAMES) {
    const value = filters[name];
    if (value !== undefined && name !== 'age') keys[FILTER_PARAMS[name]] = value;
  }
  if (third !== undefined) keys[third.dimension] = third.key;
  const age = filters.age === undefined ? undefined : ageRangeOf(filters.age);
  return { ...(age === undefined ? {} : { age }), keys };
}
