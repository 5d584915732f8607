import { MEASURES } from '../../../measures/measure-catalogue';
import type { ImprovementNotation } from '../../../measures/types';
import type { PanelMeasureId } from './view-state';

/** How the panels talk about a measure, in plain words. */
export interface MeasureWords {
  /** Short name for selects and headings. */
  readonly short: string;
  /** The official title with its CMS id. */
  readonly full: string;
  /** Who is counted. */
  readonly population: string;
  /** What the rate counts, finishing "54% of them …". */
  readonly rateMeans: string;
  /** Column header for the numerator count. */
  readonly numerator: string;
  readonly improvement: ImprovementNotation;
  /** "Higher is better" / "Lower is better". */
  readonly direction: string;
}

export const MEASURE_WORDS: Readonly<Record<PanelMeasureId, MeasureWords>> = {
  cms165: {
    short: 'Blood pressure control (CMS165)',
    full: `${MEASURES.cms165.title} (${MEASURES.cms165.cmsId} v${MEASURES.cms165.version})`,
    population: 'patients 18–85 with hypertension and a visit this year',
    rateMeans: 'had their blood pressure under control (below 140/90)',
    numerator: 'Controlled',
    improvement: MEASURES.cms165.improvementNotation,
    direction: 'Higher is better',
  },
  cms122: {
    short: 'HbA1c above 9% (CMS122)',
    full: `${MEASURES.cms122.title} (${MEASURES.cms122.cmsId} v${MEASURES.cms122.version})`,
    population: 'patients 18–75 with diabetes and a visit this year',
    rateMeans: 'had an HbA1c above 9% or no test this year (poor control)',
    numerator: 'Above 9% or not tested',
    improvement: MEASURES.cms122.improvementNotation,
    direction: 'Lower is better',
  },
};
