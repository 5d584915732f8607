import { useMemo } from 'react';
import { stratifyRows } from '../../../measures/panel-stratify';
import { CsvButton } from './CsvButton';
import { fileName } from './download';
import { count, groupLabels, pct, pctRange, points, shortDimension } from './format';
import { GroupQuestion } from './GroupQuestion';
import { largestGap, OVERVIEW_DIMENSIONS } from './largest-gap';
import { MEASURE_WORDS } from './measure-words';
import { rowsOf, type PanelProps } from './panel-props';
import { RateChart } from './RateChart';
import type { StratumView } from './stratum-view';
import { PANEL_MEASURE_IDS, panelFilters } from './view-state';

/** Each measure's overall rate, its direction and its largest gap; and the "is it worse for …?" question. */
export function OverviewPanel(props: PanelProps) {
  const { data, view } = props;
  const measures = useMemo(
    () =>
      PANEL_MEASURE_IDS.map((measure) => {
        const words = MEASURE_WORDS[measure];
        const report = stratifyRows(rowsOf(data, measure), {
          stratifiers: OVERVIEW_DIMENSIONS.map((d) => [d]),
          filters: panelFilters(view.filters),
          improvementNotation: words.improvement,
        });
        return { measure, words, report, gap: largestGap(report) };
      }),
    [data, view.filters],
  );
  const bars: StratumView[] = measures.map(({ measure, words, report }) => {
    const o = report.overall;
    return {
      key: measure,
      keys: [measure],
      label: words.short,
      suppressed: o.suppressed,
      n: o.suppressed ? undefined : o.performanceDenominator,
      numerator: o.suppressed ? undefined : o.counts.numerator,
      rate: o.suppressed ? undefined : o.rate,
      lower: o.suppressed ? undefined : o.interval?.lower,
      upper: o.suppressed ? undefined : o.interval?.upper,
      standing: 'similar',
      comparison: words.direction,
      uninformative: false,
    };
  });
  const gapText = (m: (typeof measures)[number]): string => {
    if (m.gap === undefined) return 'No group is behind everyone else.';
    const { dimension, stratum } = m.gap;
    const c = stratum.comparison;
    const label = groupLabels([dimension], [stratum.components[0]?.key ?? ''], data.practitioners);
    return `${label} (${shortDimension(dimension)}): ${pct(stratum.rate)}, ${c === undefined ? '' : `${points(c.difference)} ${c.direction} than everyone else (${pct(c.referenceRate)})`}${c?.excludesReference === true ? '' : ', could be chance'}.`;
  };
  return (
    <>
      <GroupQuestion {...props} />
      <section className="card panel" aria-labelledby="overview-title" data-testid="panel-overview">
        <div className="panel-head">
          <h2 id="overview-title">Overview</h2>
          <CsvButton
            filename={fileName(['overview', view.year], 'csv')}
            header={[
              'measure',
              'direction',
              'patients',
              'numerator',
              'rate',
              'interval_lower_95',
              'interval_upper_95',
              'largest_gap',
            ]}
            rows={() =>
              measures.map((m, i) => {
                const b = bars[i];
                return [m.words.full, m.words.direction, b?.n, b?.numerator, b?.rate, b?.lower, b?.upper, gapText(m)];
              })
            }
            what="overview of the measures"
          />
        </div>
        <RateChart
          strata={bars}
          overall={undefined}
          summary={measures.map((m, i) => `${m.words.short}: ${pct(bars[i]?.rate)}`).join('. ')}
        />
        <div className="measure-cards">
          {measures.map((m, i) => {
            const b = bars[i];
            return (
              <article key={m.measure} className="measure-card" data-testid={`overview-${m.measure}`}>
                <h3>{m.words.full}</h3>
                <p className="big-number" data-testid={`overview-rate-${m.measure}`}>
                  {b?.suppressed === true ? 'suppressed' : pct(b?.rate)}
                </p>
                <p>
                  of {count(b?.n ?? 0)} {m.words.population} {m.words.rateMeans}. 95% interval{' '}
                  {b?.lower === undefined || b.upper === undefined ? '–' : pctRange({ lower: b.lower, upper: b.upper })}
                  .
                </p>
                <p>
                  <strong>{m.words.direction}.</strong>
                </p>
                <p data-testid={`overview-gap-${m.measure}`}>
                  <strong>Largest gap:</strong> {gapText(m)}
                </p>
              </article>
            );
          })}
        </div>
      </section>
    </>
  );
}
