import type { MeasureReport } from 'fhir/r4';
import { APP_BASE } from '../../../domain/systems';
import { MEASURES } from '../../../measures/measure-catalogue';
import { toSummaryMeasureReport } from '../../../measures/measure-report-summary';
import { stratifyRows } from '../../../measures/panel-stratify';
import type { StratifierDimensions } from '../../../measures/stratification-types';
import { filterWords } from './filter-words';
import { rowsOf } from './panel-props';
import type { PopulationData } from './population-run';
import { panelFilters, type ViewState } from './view-state';

/** Marks a MeasureReport whose counts are for a filtered part of the population, in words. */
export const PANEL_FILTER_EXTENSION = `${APP_BASE}/StructureDefinition/panel-filter`;

/**
 * The summary MeasureReport (DEQM style) of the view's measure, for the patients that pass the view's filters:
 * stratified by race, ethnicity, language, race × sex and the view's own dimension and intersection. When filters
 * apply, an extension says so in words, so the counts are never mistaken for the whole population's.
 */
export function viewMeasureReport(data: PopulationData, view: ViewState): MeasureReport {
  const definition = MEASURES[view.measure];
  const wanted: StratifierDimensions[] = [['race'], ['ethnicity'], ['language'], ['race', 'sex']];
  const add = (dims: StratifierDimensions): void => {
    if (!wanted.some((w) => w.join('+') === dims.join('+'))) wanted.push(dims);
  };
  add([view.dimension]);
  add([view.rows, view.columns]);
  const report = stratifyRows(rowsOf(data, view.measure), {
    stratifiers: wanted,
    filters: panelFilters(view.filters),
    improvementNotation: definition.improvementNotation,
  });
  const measureReport = toSummaryMeasureReport(report, {
    measure: definition.url,
    period: data.period,
    date: new Date().toISOString(),
    populations: definition.populationCodes,
  });
  const filters = filterWords(view.filters, data.practitioners);
  return filters === ''
    ? measureReport
    : { ...measureReport, extension: [{ url: PANEL_FILTER_EXTENSION, valueString: `Only patients with ${filters}` }] };
}
