import { useMemo } from 'react';
import { dimensionInfo } from '../../../domain/dimensions';
import { stratifyRows } from '../../../measures/panel-stratify';
import { PanelGoalButton } from '../goals/PanelGoalButton';
import { CsvButton } from './CsvButton';
import { DimensionSelect } from './DimensionSelect';
import { fileName } from './download';
import { groupLabel, pct } from './format';
import { MeasureSelect } from './MeasureSelect';
import { MEASURE_WORDS } from './measure-words';
import { rowsOf, type PanelProps } from './panel-props';
import { RateChart } from './RateChart';
import { StrataTable } from './StrataTable';
import { StratumActions } from './StratumActions';
import { stratumView } from './stratum-view';
import { panelFilters } from './view-state';
import { strataCsvHeader, strataCsvRows } from './strata-csv';

/** Rates by stratum of one dimension, with intervals, the overall rate, counts and suppression. */
export function DisparityPanel({ data, view, update, canSeePatients, session }: PanelProps) {
  const words = MEASURE_WORDS[view.measure];
  const dimension = view.dimension;
  const report = useMemo(
    () =>
      stratifyRows(rowsOf(data, view.measure), {
        stratifiers: [[dimension]],
        filters: panelFilters(view.filters),
        improvementNotation: words.improvement,
      }),
    [data, view.measure, view.filters, dimension, words.improvement],
  );
  const strata = (report.stratifiers[0]?.strata ?? []).map((s) => stratumView(s, data.practitioners));
  const overall = report.overall.suppressed ? undefined : report.overall;
  const dimLabel = dimensionInfo(dimension).label;
  const worst = strata.filter((s) => s.standing === 'worse');
  const summary =
    `${words.short} by ${dimLabel.toLowerCase()}: overall ${pct(overall?.rate)}. ` +
    (worst.length === 0
      ? 'No group is worse than everyone else beyond chance.'
      : `Worse than everyone else beyond chance: ${worst.map((s) => `${s.label} ${pct(s.rate)}`).join('; ')}.`);
  return (
    <section className="card panel" aria-labelledby="disparities-title" data-testid="panel-disparities">
      <div className="panel-head">
        <h2 id="disparities-title">
          {words.short} by {dimLabel.toLowerCase()}
        </h2>
        <CsvButton
          filename={fileName(['disparities', view.measure, dimension, view.year], 'csv')}
          header={strataCsvHeader(words.numerator)}
          rows={() => strataCsvRows(strata, overall)}
          what={`${words.short} by ${dimLabel.toLowerCase()}`}
        />
      </div>
      <p className="hint">
        {words.direction}. Each bar is the share of {words.population} who {words.rateMeans}; the whisker is its 95%
        interval and the dashed line the overall rate. “Worse” or “better” means the interval leaves out everyone else’s
        rate.
      </p>
      <div className="controls">
        <MeasureSelect
          value={view.measure}
          onChange={(measure) => {
            update((v) => ({ ...v, measure }));
          }}
        />
        <DimensionSelect
          label="Compare by"
          value={dimension}
          testId="dimension-select"
          onChange={(d) => {
            update((v) => ({ ...v, dimension: d }));
          }}
        />
      </div>
      {overall === undefined ? (
        <p className="notice" role="note">
          Fewer than 11 patients are in this measure with these filters: the numbers are suppressed.
        </p>
      ) : (
        <>
          <RateChart strata={strata} overall={overall.rate} summary={summary} />
          <details className="table-alternative" open>
            <summary>Table of these numbers</summary>
            <StrataTable
              caption={`${words.short} by ${dimLabel.toLowerCase()}`}
              strata={strata}
              overall={{ n: overall.performanceDenominator, numerator: overall.counts.numerator, rate: overall.rate }}
              numeratorLabel={words.numerator}
              testId="disparity-table"
              actions={(s) => (
                <>
                  <StratumActions
                    stratum={s}
                    dimensions={[dimension]}
                    view={view}
                    update={update}
                    canSeePatients={canSeePatients}
                  />
                  {session !== undefined && (
                    <PanelGoalButton
                      session={session}
                      measure={view.measure}
                      period={data.period}
                      report={report}
                      stratumKey={s.key}
                      label={s.label}
                      filters={panelFilters(view.filters)}
                      labelOf={(d, key) => groupLabel(d, key, data.practitioners)}
                      showGoals={() => {
                        update((v) => ({ ...v, panel: 'goals' }));
                      }}
                    />
                  )}
                </>
              )}
            />
          </details>
        </>
      )}
    </section>
  );
}
