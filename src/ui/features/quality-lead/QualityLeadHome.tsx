import { useId } from 'react';
import { allows } from '../../../fhir/scopes';
import type { Session } from '../../../fhir/session';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ChartersPage } from '../goals/ChartersPage';
import { ChartPatterns } from './ChartPatterns';
import { DataQualityPanel } from './DataQualityPanel';
import { DisparityPanel } from './DisparityPanel';
import { FilterBar } from './FilterBar';
import { filterWords } from './filter-words';
import { IntersectionPanel } from './IntersectionPanel';
import { LoadedSummary } from './LoadedSummary';
import { LoadProgressView } from './LoadProgressView';
import { OutreachPanel } from './OutreachPanel';
import { OverviewPanel } from './OverviewPanel';
import { PANEL_TITLES, PanelNav } from './PanelNav';
import type { PanelProps } from './panel-props';
import { PayerMixPanel } from './PayerMixPanel';
import { PinnedView } from './PinnedView';
import { ShareBar } from './ShareBar';
import { usePopulation } from './use-population';
import { usePrintTables } from './use-print-tables';
import { useViewState } from './use-view-state';
import { PANELS, type PanelId } from './view-state';
import './quality-lead.css';

interface QualityLeadHomeProps {
  readonly session: Session;
}

/** Years offered for the measurement period: this one and the three before (the data a panel usually holds). */
const YEARS_BACK = 3;

/**
 * The quality lead's view (launched without a patient): loads the clinic's population over FHIR, evaluates CMS165
 * and CMS122 in the engine's worker, and shows the disparity panels. The view state lives in the address.
 */
export function QualityLeadHome({ session }: QualityLeadHomeProps) {
  const thisYear = new Date().getFullYear();
  const [view, update] = useViewState(thisYear);
  const period = { start: `${String(view.year)}-01-01`, end: `${String(view.year)}-12-31` };
  const { state, cancel, reload } = usePopulation(session, period);
  const canSeePatients = allows(session.grantedScopes, 'user', 'Patient', 'r');
  const data = state.status === 'ready' ? state.data : undefined;
  const yearId = useId();
  const panel = view.panel;
  usePrintTables();
  const filters = filterWords(view.filters, data?.practitioners);
  return (
    <div className="quality-lead">
      <ChartPatterns />
      <div className="ql-title">
        <h1>Health equity in your clinic’s population</h1>
        <span className="field">
          <label htmlFor={yearId}>Measurement period</label>
          <select
            id={yearId}
            data-testid="period-year"
            value={view.year}
            onChange={(e) => {
              const year = Number(e.target.value);
              update((v) => ({ ...v, year }));
            }}
          >
            {Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i).map((year) => (
              <option key={year} value={year}>
                {year} (January–December)
              </option>
            ))}
          </select>
        </span>
      </div>
      {view.pin !== undefined && <PinnedView pin={view.pin} data={data} update={update} />}
      {state.status === 'loading' && (
        <LoadProgressView progress={state.progress} calculating={state.calculating} onCancel={cancel} />
      )}
      {state.status === 'failed' && <ErrorPanel error={state.error} onRetry={reload} />}
      {state.status === 'cancelled' && (
        <section className="card" role="status">
          <h2>Loading cancelled</h2>
          <p>No numbers are shown: with part of the population they would be wrong.</p>
          <button type="button" onClick={reload}>
            Load again
          </button>
        </section>
      )}
      {data !== undefined && (
        <>
          <LoadedSummary data={data} />
          <PanelNav panels={PANELS} view={view} update={update} />
          {panel !== 'goals' && (
            <>
              <FilterBar data={data} view={view} update={update} />
              <ShareBar data={data} view={view} update={update} thisYear={thisYear} />
            </>
          )}
          <p className="print-only">
            {PANEL_TITLES[panel]} · measurement period {view.year}
            {filters === '' ? '' : ` · ${filters}`} · printed {new Date().toLocaleDateString('en-US')}
          </p>
          <PanelView
            panel={panel}
            data={data}
            view={view}
            update={update}
            canSeePatients={canSeePatients}
            session={session}
          />
        </>
      )}
    </div>
  );
}

function PanelView(props: PanelProps & { readonly panel: PanelId }) {
  switch (props.panel) {
    case 'overview':
      return <OverviewPanel {...props} />;
    case 'disparities':
      return <DisparityPanel {...props} />;
    case 'intersections':
      return <IntersectionPanel {...props} />;
    case 'quality':
      return <DataQualityPanel {...props} />;
    case 'payer':
      return <PayerMixPanel {...props} />;
    case 'outreach':
      return <OutreachPanel {...props} />;
    case 'goals':
      return props.session === undefined ? null : <ChartersPage session={props.session} />;
  }
}
