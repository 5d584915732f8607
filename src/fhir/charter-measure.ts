import type { Measure } from 'fhir/r4';
import { MEASURES } from '../measures/measure-catalogue';
import { IMPROVEMENT_NOTATION_SYSTEM } from '../measures/measure-report-codes';
import type { MeasureId } from '../measures/types';
import { charterMeasureUrl } from './charter-codes';

/**
 * The app's own Measure for a charter's snapshots: the published eCQM (cited as `derived-from`) evaluated on the
 * charter's population (its filters) and groups. Snapshots cite this canonical, not the CMS one, because their
 * counts are not the published measure's population. Written once per server with a conditional create on `url`.
 */
export function charterMeasure(measure: MeasureId): Measure {
  const d = MEASURES[measure];
  return {
    resourceType: 'Measure',
    url: charterMeasureUrl(measure),
    version: d.version,
    name: `EquityLensCharter${measure.replace(/[^A-Za-z0-9]/g, '')}`,
    title: `${d.title}: charter population and compared groups`,
    status: 'active',
    description: `${d.description} Counted for an Equity Lens improvement charter: its population filters, its focus group and its reference group.`,
    scoring: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-scoring', code: 'proportion' }] },
    improvementNotation: { coding: [{ system: IMPROVEMENT_NOTATION_SYSTEM, code: d.improvementNotation }] },
    relatedArtifact: [{ type: 'derived-from', display: `${d.cmsId} v${d.version}`, url: d.url }],
  };
}
