import { useId, useMemo } from 'react';
import { DIMENSIONS, type DimensionId } from '../../../domain/dimensions';
import { stratifyRows } from '../../../measures/panel-stratify';
import { CsvButton } from './CsvButton';
import { DimensionSelect } from './DimensionSelect';
import { fileName } from './download';
import { groupLabel, pct, points, shortDimension } from './format';
import { GroupedRateChart } from './GroupedRateChart';
import { MeasureSelect } from './MeasureSelect';
import { MEASURE_WORDS } from './measure-words';
import { keysOf, rowsOf, type PanelProps } from './panel-props';
import { strataCsvHeader, strataCsvRows } from './strata-csv';
import { StrataTable } from './StrataTable';
import { StratumActions } from './StratumActions';
import { stratumView, type StratumView } from './stratum-view';
import { panelFilters } from './view-state';

/** Two dimensions at once (grouped bars), a third as a filter; the worst cell said in a sentence. */
export function IntersectionPanel({ data, view, update, canSeePatients }: PanelProps) {
  const words = MEASURE_WORDS[view.measure];
  const { rows: rowDim, columns: colDim, third } = view;
  const id = useId();
  const report = useMemo(
    () =>
      stratifyRows(rowsOf(data, view.measure), {
        stratifiers: [[rowDim, colDim]],
        filters: panelFilters(view.filters, third),
        improvementNotation: words.improvement,
      }),
    [data, view.measure, view.filters, rowDim, colDim, third, words.improvement],
  );
  const strata = (report.stratifiers[0]?.strata ?? []).map((s) => stratumView(s, data.practitioners));
  const byKeys = new Map(strata.map((s) => [s.keys.join('\u001f'), s]));
  const axis = (index: number, dimension: DimensionId): { key: string; label: string }[] => {
    const keys: string[] = [];
    for (const s of strata) {
      const key = s.keys[index];
      if (key !== undefined && !keys.includes(key)) keys.push(key);
    }
    return keys.map((key) => ({ key, label: groupLabel(dimension, key, data.practitioners) }));
  };
  const worst = worstCell(strata);
  const overall = report.overall.suppressed ? undefined : report.overall;
  const thirdValues = useMemo(() => (third === undefined ? [] : keysOf(data, third.dimension)), [data, third]);
  const title = `${words.short} by ${shortDimension(rowDim)} and ${shortDimension(colDim)}`;
  return (
    <section className="card panel" aria-labelledby="intersections-title" data-testid="panel-intersections">
      <div className="panel-head">
        <h2 id="intersections-title">{title}</h2>
        <CsvButton
          filename={fileName(['intersections', view.measure, rowDim, colDim, view.year], 'csv')}
          header={strataCsvHeader(words.numerator)}
          rows={() => strataCsvRows(strata, overall)}
          what={title}
        />
      </div>
      <p className="hint">
        {words.direction}. Each bar is one combination (for example Black or African American and female) with its 95%
        interval. Groups of fewer than 11 patients are suppressed.
      </p>
      <div className="controls">
        <MeasureSelect
          value={view.measure}
          onChange={(measure) => {
            update((v) => ({ ...v, measure }));
          }}
        />
        <DimensionSelect
          label="Groups"
          value={rowDim}
          exclude={[colDim]}
          testId="rows-select"
          onChange={(d) => {
            update((v) => ({ ...v, rows: d, third: v.third?.dimension === d ? undefined : v.third }));
          }}
        />
        <DimensionSelect
          label="Split by"
          value={colDim}
          exclude={[rowDim]}
          testId="columns-select"
          onChange={(d) => {
            update((v) => ({ ...v, columns: d, third: v.third?.dimension === d ? undefined : v.third }));
          }}
        />
        <span className="field">
          <label htmlFor={`${id}-third`}>Only patients with (third dimension)</label>
          <select
            id={`${id}-third`}
            data-testid="third-select"
            value={third?.dimension ?? ''}
            onChange={(e) => {
              const dimension = DIMENSIONS.find((d) => d.id === e.target.value)?.id;
              const key = dimension === undefined ? undefined : keysOf(data, dimension)[0];
              update((v) => ({
                ...v,
                third: dimension === undefined || key === undefined ? undefined : { dimension, key },
              }));
            }}
          >
            <option value="">No third dimension</option>
            {DIMENSIONS.filter((d) => d.id !== rowDim && d.id !== colDim).map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </span>
        {third !== undefined && (
          <span className="field">
            <label htmlFor={`${id}-third-value`}>{shortDimension(third.dimension)} is</label>
            <select
              id={`${id}-third-value`}
              data-testid="third-value"
              value={third.key}
              onChange={(e) => {
                const key = e.target.value;
                update((v) => ({ ...v, third: v.third === undefined ? undefined : { ...v.third, key } }));
              }}
            >
              {[...new Set([third.key, ...thirdValues])].map((key) => (
                <option key={key} value={key}>
                  {groupLabel(third.dimension, key, data.practitioners)}
                </option>
              ))}
            </select>
          </span>
        )}
      </div>
      {worst !== undefined && (
        <p className="finding" data-testid="worst-intersection" data-key={worst.key}>
          <strong>Furthest behind:</strong> {worst.label}, {pct(worst.rate)} — {worst.comparison}.
        </p>
      )}
      {overall === undefined ? (
        <p className="notice" role="note">
          Fewer than 11 patients are in this measure with these filters: the numbers are suppressed.
        </p>
      ) : (
        <>
          <GroupedRateChart
            rows={axis(0, rowDim)}
            columns={axis(1, colDim)}
            cell={(r, c) => byKeys.get(`${r}\u001f${c}`)}
            overall={overall.rate}
            summary={`${title}: overall ${pct(overall.rate)}.${worst === undefined ? '' : ` Furthest behind: ${worst.label}, ${pct(worst.rate)}, ${points(worst.rate !== undefined && overall.rate !== undefined ? worst.rate - overall.rate : 0)} from the overall rate.`}`}
          />
          <details className="table-alternative">
            <summary>Table of these numbers</summary>
            <StrataTable
              caption={title}
              strata={strata}
              overall={{ n: overall.performanceDenominator, numerator: overall.counts.numerator, rate: overall.rate }}
              numeratorLabel={words.numerator}
              testId="intersection-table"
              actions={(s) => (
                <StratumActions
                  stratum={s}
                  dimensions={[rowDim, colDim]}
                  view={view}
                  update={update}
                  canSeePatients={canSeePatients}
                />
              )}
            />
          </details>
        </>
      )}
    </section>
  );
}

/** The shown cell furthest behind everyone else, known groups only, beyond-chance cells first. */
function worstCell(strata: readonly StratumView[]): StratumView | undefined {
  let best: StratumView | undefined;
  const score = (s: StratumView): number => (s.standing === 'worse' ? 1 : 0);
  for (const s of strata) {
    if (s.suppressed || s.uninformative || s.gap === undefined || s.gap <= 0) continue;
    if (best === undefined || score(s) > score(best) || (score(s) === score(best) && s.gap > (best.gap ?? 0))) best = s;
  }
  return best;
}
