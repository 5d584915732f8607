import { useId } from 'react';
import { MEASURES } from '../../../measures/measure-catalogue';
import type { PatientMeasureResult } from '../../../measures/patient-measure-result';
import {
  STATUS_LABEL,
  closeGapText,
  exclusionReasons,
  measureStatusOf,
  notInPopulationReasons,
  outcomeEvidence,
} from './measure-status';
import type { MeasureStatus } from './measure-status';

const SIGN: Readonly<Record<MeasureStatus, string>> = {
  'goal-met': '✓',
  'care-gap': '!',
  excluded: '–',
  'not-in-population': '○',
};

interface CareGapsProps {
  readonly results: readonly PatientMeasureResult[];
  readonly year: number;
  readonly years: readonly number[];
  readonly onYear: (year: number) => void;
  /** Set while the clinical record is still loading or failed: shown in place of the measures. */
  readonly children?: React.ReactNode;
}

/** The patient's status on each measure for the chosen calendar year, with the evidence behind it. */
export function CareGaps({ results, year, years, onYear, children }: CareGapsProps) {
  const selectId = useId();
  return (
    <section className="card" aria-labelledby="care-gaps-heading">
      <div className="section-head">
        <h2 id="care-gaps-heading">Care gaps</h2>
        <div className="period-choice">
          <label htmlFor={selectId}>Measurement period</label>
          <select
            id={selectId}
            value={year}
            data-testid="period-year"
            onChange={(event) => {
              onYear(Number(event.target.value));
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                Jan 1 – Dec 31, {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      {children ?? (
        <div className="measures">
          {results.map((result) => (
            <MeasureCard key={result.measure} result={result} periodLabel={String(year)} />
          ))}
        </div>
      )}
    </section>
  );
}

function MeasureCard({ result, periodLabel }: { readonly result: PatientMeasureResult; readonly periodLabel: string }) {
  const status = measureStatusOf(result);
  const definition = MEASURES[result.measure];
  const evidence = outcomeEvidence(result, periodLabel);
  return (
    <article className="measure" data-status={status} data-testid={`measure-${result.measure}`}>
      <h3>{definition.title}</h3>
      <p className="muted">{definition.cmsId.replace('FHIR', '')}</p>
      <p>
        <span className="status-chip" data-status={status} data-testid={`status-${result.measure}`}>
          <span aria-hidden="true">{SIGN[status]} </span>
          {STATUS_LABEL[status]}
        </span>
      </p>
      {status === 'not-in-population' && (
        <ul aria-label="Why not in this measure">
          {notInPopulationReasons(result).map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {status === 'excluded' && (
        <ul aria-label="Exclusions">
          {exclusionReasons(result).map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {evidence !== undefined && <p data-testid={`evidence-${result.measure}`}>{evidence}</p>}
      {status === 'care-gap' && result.evidence.closeGap.length > 0 && (
        <>
          <p>
            <strong>To close the gap:</strong>
          </p>
          <ul>
            {result.evidence.closeGap.map((hint) => (
              <li key={hint.kind}>{closeGapText(hint)}</li>
            ))}
          </ul>
        </>
      )}
      {result.warnings.length > 0 && (
        <details>
          <summary>
            {result.warnings.length} data {result.warnings.length === 1 ? 'problem' : 'problems'} noticed
          </summary>
          <ul>
            {result.warnings.map((warning, index) => (
              <li key={index}>{warning.message}</li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
