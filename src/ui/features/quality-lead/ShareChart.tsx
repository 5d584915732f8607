import { Bar, BarChart, CartesianGrid, Rectangle, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { BarShapeProps } from 'recharts';
import { OKABE_ITO } from './palette';
import { useWidth } from '../../use-width';

/** One bar: a share (0–1) with its label and the words written beside it. */
export interface ShareBar {
  readonly label: string;
  /** Undefined: no bar (suppressed or empty), `text` says why. */
  readonly share: number | undefined;
  readonly text: string;
}

/** A reference drawn as a line across the bars, labelled in words (the practice overall, a regional benchmark). */
export interface ShareReference {
  readonly label: string;
  readonly share: number;
  readonly dash: string;
}

interface ShareChartProps {
  readonly bars: readonly ShareBar[];
  readonly references?: readonly ShareReference[];
  readonly summary: string;
  /** Upper end of the axis (shares), e.g. 0.5 for payer shares; default 1. */
  readonly max?: number;
}

const ROW = 34;
const LABEL_WIDTH = 230;
const MARGIN = { top: 40, right: 200, bottom: 10, left: 10 };

/** Shares as horizontal bars with their value in words beside each bar and labelled reference lines. */
export function ShareChart({ bars, references = [], summary, max = 1 }: ShareChartProps) {
  const [ref, measured] = useWidth<HTMLDivElement>(760);
  const width = Math.max(560, Math.min(measured, 1000));
  const plotWidth = width - MARGIN.left - MARGIN.right - LABEL_WIDTH;
  const top = Math.max(max, ...bars.map((b) => b.share ?? 0), ...references.map((r) => r.share)) * 100;
  const domainMax = Math.min(100, Math.ceil(top / 10) * 10);
  const data = bars.map((b) => ({ label: b.label, value: (b.share ?? 0) * 100 }));
  return (
    <div className="chart" ref={ref} role="img" aria-label={summary}>
      <BarChart
        layout="vertical"
        width={width}
        height={bars.length * ROW + MARGIN.top + 40}
        data={data}
        margin={MARGIN}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} strokeDasharray="2 4" />
        <XAxis
          type="number"
          domain={[0, domainMax]}
          ticks={Array.from({ length: domainMax / 10 + 1 }, (_, i) => i * 10)}
          unit="%"
        />
        <YAxis type="category" dataKey="label" width={LABEL_WIDTH} interval={0} fontSize={13} />
        <Bar
          dataKey="value"
          isAnimationActive={false}
          barSize={18}
          fill={OKABE_ITO.blue}
          shape={(props: BarShapeProps) => (
            <g>
              <Rectangle {...props} stroke="#1b1f24" strokeWidth={0.5} />
              <text
                x={props.x + ((data[props.index]?.value ?? 0) * plotWidth) / domainMax + 8}
                y={props.y + props.height / 2 + 4}
                fontSize={12}
                fill="#1b1f24"
              >
                {bars[props.index]?.text}
              </text>
            </g>
          )}
        />
        {references.map((r, i) => (
          <ReferenceLine
            key={r.label}
            x={r.share * 100}
            stroke="#1b1f24"
            strokeDasharray={r.dash}
            label={{
              value: r.label,
              position: i % 2 === 0 ? 'top' : 'insideTopRight',
              fontSize: 12,
              fill: '#1b1f24',
            }}
          />
        ))}
      </BarChart>
    </div>
  );
}
