import { Bar, BarChart, CartesianGrid, ErrorBar, Rectangle, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { BarShapeProps } from 'recharts';
import { count, pct } from './format';
import { STANDING_FILL, STANDING_WORD } from './palette';
import { SUPPRESSED_TEXT, type StratumView } from './stratum-view';
import { useWidth } from '../../use-width';

interface RateChartProps {
  readonly strata: readonly StratumView[];
  /** The overall rate, drawn as a reference line. */
  readonly overall: number | undefined;
  /** A one-sentence summary for screen readers (the table below has every number). */
  readonly summary: string;
}

interface Datum {
  readonly label: string;
  readonly value: number;
  readonly error: [number, number];
  /** Where the whisker ends (percent), so the label starts after it. */
  readonly end: number;
  readonly text: string;
  readonly sub: string;
  readonly fill: string;
}

const ROW_HEIGHT = 46;
const LABEL_WIDTH = 270;
const MARGIN = { top: 22, right: 110, bottom: 10, left: 10 };

/**
 * Rates by stratum as horizontal bars with their 95% interval as whiskers and the overall rate as a dashed line.
 * Under each label: the count of patients, or that the cell is suppressed. "Worse"/"better" (the interval leaves
 * out everyone else's rate) are written beside the bar and drawn with a pattern, not only a colour.
 */
export function RateChart({ strata, overall, summary }: RateChartProps) {
  const [ref, measured] = useWidth<HTMLDivElement>(760);
  const width = Math.max(560, Math.min(measured, 1000));
  const plotWidth = width - MARGIN.left - MARGIN.right - LABEL_WIDTH;
  const data: Datum[] = strata.map((s) => ({
    label: s.label,
    value: s.rate === undefined ? 0 : s.rate * 100,
    error:
      s.rate === undefined || s.lower === undefined || s.upper === undefined
        ? [0, 0]
        : [(s.rate - s.lower) * 100, (s.upper - s.rate) * 100],
    end: (s.upper ?? s.rate ?? 0) * 100,
    text: s.suppressed
      ? 'suppressed'
      : `${pct(s.rate)}${STANDING_WORD[s.standing] === '' ? '' : ` ${STANDING_WORD[s.standing]}`}`,
    sub: s.suppressed ? SUPPRESSED_TEXT : s.n === undefined ? '' : `n = ${count(s.n)}`,
    fill: STANDING_FILL[s.standing],
  }));
  const height = data.length * ROW_HEIGHT + MARGIN.top + 40;
  return (
    <div className="chart" ref={ref} role="img" aria-label={summary}>
      <BarChart layout="vertical" width={width} height={height} data={data} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} strokeDasharray="2 4" />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} unit="%" />
        <YAxis
          type="category"
          dataKey="label"
          width={LABEL_WIDTH}
          interval={0}
          tick={(props: { x?: number | string; y?: number | string; index: number }) => {
            const d = data[props.index];
            return (
              <g transform={`translate(${String(props.x ?? 0)},${String(props.y ?? 0)})`}>
                <text x={-6} y={-3} textAnchor="end" fontSize={13} fill="#1b1f24">
                  {truncate(d?.label ?? '', 38)}
                </text>
                <text x={-6} y={13} textAnchor="end" fontSize={12} fill="#4a5563">
                  {d?.sub}
                </text>
              </g>
            );
          }}
        />
        <Bar
          dataKey="value"
          isAnimationActive={false}
          barSize={20}
          shape={(props: BarShapeProps) => {
            const d = data[props.index];
            const labelX = props.x + ((d?.end ?? 0) * plotWidth) / 100 + 8;
            return (
              <g>
                <Rectangle {...props} fill={d?.fill} stroke="#1b1f24" strokeWidth={0.5} />
                <text x={labelX} y={props.y + props.height / 2 + 4} fontSize={13} fill="#1b1f24">
                  {d?.text}
                </text>
              </g>
            );
          }}
        >
          <ErrorBar dataKey="error" width={6} strokeWidth={1.5} stroke="#1b1f24" isAnimationActive={false} />
        </Bar>
        {overall !== undefined && (
          <ReferenceLine
            x={overall * 100}
            stroke="#1b1f24"
            strokeDasharray="6 4"
            label={{ value: `Overall ${pct(overall)}`, position: 'top', fontSize: 12, fill: '#1b1f24' }}
          />
        )}
      </BarChart>
    </div>
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
