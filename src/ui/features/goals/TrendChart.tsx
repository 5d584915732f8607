import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, XAxis, YAxis } from 'recharts';
import { gapPoints, gapRange, monthWords, n, pct1, range1 } from './goal-format';
import type { TrendRow } from './trend-rows';
import { useWidth } from '../../use-width';

/** Okabe–Ito colours (colour-blind safe); each series also has its own dash pattern and marker, and a word. */
const FOCUS = '#D55E00';
const REFERENCE = '#0072B2';
const OVERALL = '#000000';

interface TrendChartProps {
  readonly rows: readonly TrendRow[];
  readonly focusLabel: string;
  readonly referenceLabel: string;
  /** Baseline and target of the gap (proportions), drawn as lines on the gap chart. */
  readonly baselineGap: number | undefined;
  readonly gapTarget: number | undefined;
  /** Months (`YYYY-MM`) where PDSA cycles started, marked on both charts. */
  readonly cycleMonths: readonly { readonly month: string; readonly label: string }[];
}

/** Square markers for the reference line, so it differs from the focus line by shape as well as colour and dash. */
function squareDot(props: { cx?: number; cy?: number; index?: number; value?: unknown }) {
  const { cx, cy, index } = props;
  if (cx === undefined || cy === undefined || props.value === null) return <g key={`sq-${String(index)}`} />;
  return <rect key={`sq-${String(index)}`} x={cx - 3} y={cy - 3} width={6} height={6} fill={REFERENCE} />;
}

const pctOf = (x: number | undefined): number | null => (x === undefined ? null : Math.round(x * 1000) / 10);

/**
 * Run charts of the charter's measure over rolling twelve-month windows: the rate of the focus group, its
 * reference and everyone, with the groups' 95% intervals as bands; and the gap between the groups with its interval,
 * the baseline gap and the target. Months with fewer than 11 patients behind a rate are left blank. A table below
 * holds every number.
 */
export function TrendChart({ rows, focusLabel, referenceLabel, baselineGap, gapTarget, cycleMonths }: TrendChartProps) {
  const [ref, measured] = useWidth<HTMLDivElement>(760);
  const width = Math.max(360, Math.min(measured, 980));
  const data = rows.map((r) => ({
    month: monthWords(r.month),
    focus: pctOf(r.focus?.rate),
    focusBand: r.focus === undefined ? null : [pctOf(r.focus.interval.lower), pctOf(r.focus.interval.upper)],
    reference: pctOf(r.reference?.rate),
    referenceBand:
      r.reference === undefined ? null : [pctOf(r.reference.interval.lower), pctOf(r.reference.interval.upper)],
    overall: pctOf(r.overall?.rate),
    gap: pctOf(r.gap?.gap),
    gapBand: r.gap === undefined ? null : [pctOf(r.gap.interval.lower), pctOf(r.gap.interval.upper)],
  }));
  const last = rows.at(-1);
  const summary =
    last === undefined
      ? 'No data.'
      : `Latest month ${monthWords(last.month)}: ${focusLabel} ${last.focus === undefined ? 'not measurable' : pct1(last.focus.rate)}, ` +
        `${referenceLabel} ${last.reference === undefined ? 'not measurable' : pct1(last.reference.rate)}, gap ` +
        `${last.gap === undefined ? 'not measurable' : gapPoints(last.gap.gap)}.`;
  // Cycles that start in the same month share one marker ("PDSA 1, 2"); labels sit left of the line, so that a
  // cycle in the latest month is not cut off at the chart's edge.
  const byMonth = new Map<string, string[]>();
  for (const c of cycleMonths) byMonth.set(c.month, [...(byMonth.get(c.month) ?? []), c.label.replace(/^PDSA /, '')]);
  const markers = [...byMonth].map(([month, numbers]) => (
    <ReferenceLine
      key={month}
      x={monthWords(month)}
      stroke="#4a5563"
      strokeDasharray="2 3"
      label={{ value: `PDSA ${numbers.join(', ')}`, position: 'insideTopRight', fontSize: 11, fill: '#1b1f24' }}
    />
  ));
  const common = { width, height: 260, data, margin: { top: 18, right: 24, bottom: 8, left: 8 } };
  return (
    <div className="trend" ref={ref}>
      <ul className="trend-legend" aria-label="Lines on the charts">
        <li>
          <svg width="28" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="28" y2="5" stroke={FOCUS} strokeWidth="3" />
            <circle cx="14" cy="5" r="3.5" fill={FOCUS} />
          </svg>
          {focusLabel} (solid line, dots; band: 95% interval)
        </li>
        <li>
          <svg width="28" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="28" y2="5" stroke={REFERENCE} strokeWidth="3" strokeDasharray="7 4" />
            <rect x="11" y="2" width="6" height="6" fill={REFERENCE} />
          </svg>
          {referenceLabel} (dashed line, squares)
        </li>
        <li>
          <svg width="28" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="28" y2="5" stroke={OVERALL} strokeWidth="2" strokeDasharray="2 3" />
          </svg>
          Everyone (dotted line)
        </li>
      </ul>
      <figure role="img" aria-label={`Rate over time. ${summary}`} className="trend-figure">
        <figcaption>Rate, each month over the twelve months before it</figcaption>
        <ComposedChart {...common} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="2 4" vertical={false} />
          <XAxis dataKey="month" interval={2} fontSize={12} />
          <YAxis domain={[0, 100]} unit="%" fontSize={12} width={48} />
          <Area
            dataKey="focusBand"
            stroke="none"
            fill={FOCUS}
            fillOpacity={0.14}
            dot={false}
            activeDot={false}
            isAnimationActive={false}
          />
          <Area
            dataKey="referenceBand"
            stroke="none"
            fill={REFERENCE}
            fillOpacity={0.12}
            dot={false}
            activeDot={false}
            isAnimationActive={false}
          />
          {markers}
          <Line dataKey="overall" stroke={OVERALL} strokeDasharray="2 3" dot={false} isAnimationActive={false} />
          <Line
            dataKey="reference"
            stroke={REFERENCE}
            strokeWidth={2.5}
            strokeDasharray="7 4"
            dot={squareDot}
            isAnimationActive={false}
          />
          <Line
            dataKey="focus"
            stroke={FOCUS}
            strokeWidth={2.5}
            dot={{ r: 3.5, fill: FOCUS, strokeWidth: 0 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </figure>
      <figure role="img" aria-label={`Gap over time. ${summary}`} className="trend-figure">
        <figcaption>
          Gap in percentage points (above 0: {focusLabel} fare worse); dashed: baseline, solid grey: the target
        </figcaption>
        <ComposedChart {...common} margin={{ ...common.margin, right: 64 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="2 4" vertical={false} />
          <XAxis dataKey="month" interval={2} fontSize={12} />
          <YAxis unit=" pts" fontSize={12} width={66} />
          <Area
            dataKey="gapBand"
            stroke="none"
            fill={FOCUS}
            fillOpacity={0.14}
            dot={false}
            activeDot={false}
            isAnimationActive={false}
          />
          <ReferenceLine y={0} stroke="#1b1f24" />
          {baselineGap !== undefined && (
            <ReferenceLine
              y={pctOf(baselineGap) ?? 0}
              stroke="#4a5563"
              strokeDasharray="6 4"
              label={{ value: 'baseline', position: 'right', fontSize: 11, fill: '#1b1f24' }}
            />
          )}
          {gapTarget !== undefined && (
            <ReferenceLine
              y={pctOf(gapTarget) ?? 0}
              stroke="#4a5563"
              strokeWidth={2}
              label={{ value: 'target', position: 'right', fontSize: 11, fill: '#1b1f24' }}
            />
          )}
          {markers}
          <Line
            dataKey="gap"
            stroke={FOCUS}
            strokeWidth={2.5}
            dot={{ r: 3.5, fill: FOCUS, strokeWidth: 0 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </figure>
      <details className="table-alternative">
        <summary>Table of the trend</summary>
        <table data-testid="trend-table">
          <caption>Rates and gap by month (twelve months ending that month)</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">{focusLabel}</th>
              <th scope="col">{referenceLabel}</th>
              <th scope="col">Everyone</th>
              <th scope="col">Gap</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.month}>
                <th scope="row">{monthWords(r.month)}</th>
                <td>
                  {r.focus === undefined
                    ? 'too few'
                    : `${pct1(r.focus.rate)} (${range1(r.focus.interval)}, n = ${n(r.focus.n)})`}
                </td>
                <td>
                  {r.reference === undefined
                    ? 'too few'
                    : `${pct1(r.reference.rate)} (${range1(r.reference.interval)}, n = ${n(r.reference.n)})`}
                </td>
                <td>{r.overall === undefined ? 'too few' : `${pct1(r.overall.rate)} (n = ${n(r.overall.n)})`}</td>
                <td>{r.gap === undefined ? 'too few' : `${gapPoints(r.gap.gap)} (${gapRange(r.gap.interval)})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
