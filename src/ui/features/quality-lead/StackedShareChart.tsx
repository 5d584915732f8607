import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { seriesFill } from './palette';
import { SeriesLegend } from './SeriesLegend';
import { useWidth } from '../../use-width';

interface StackedShareChartProps {
  /** Segment names, in stacking order. */
  readonly segments: readonly string[];
  /** One bar per row: the shares (0–1) of each segment, and the same in words beside the bar. */
  readonly rows: readonly { readonly label: string; readonly shares: readonly number[]; readonly text: string }[];
  readonly summary: string;
}

const ROW = 40;
const LABEL_WIDTH = 170;
const MARGIN = { top: 10, right: 10, bottom: 10, left: 10 };

/** Shares that add up to 100% as stacked bars; each segment has its own pattern and the legend names it in text. */
export function StackedShareChart({ segments, rows, summary }: StackedShareChartProps) {
  const [ref, measured] = useWidth<HTMLDivElement>(760);
  const width = Math.max(480, Math.min(measured, 900));
  const data = rows.map((r) => {
    const datum: Record<string, string | number> = { label: r.label };
    segments.forEach((_, i) => {
      datum[`s${String(i)}`] = (r.shares[i] ?? 0) * 100;
    });
    return datum;
  });
  return (
    <>
      <SeriesLegend items={segments} />
      <div className="chart" ref={ref} role="img" aria-label={summary}>
        <BarChart
          layout="vertical"
          width={width}
          height={rows.length * ROW + MARGIN.top + 40}
          data={data}
          margin={MARGIN}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} strokeDasharray="2 4" />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" />
          <YAxis type="category" dataKey="label" width={LABEL_WIDTH} interval={0} fontSize={13} />
          {segments.map((name, i) => (
            <Bar
              key={name}
              dataKey={`s${String(i)}`}
              name={name}
              stackId="shares"
              fill={seriesFill(i)}
              stroke="#1b1f24"
              strokeWidth={0.5}
              barSize={22}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </div>
      <ul className="chart-words">
        {rows.map((r) => (
          <li key={r.label}>
            <strong>{r.label}:</strong> {r.text}
          </li>
        ))}
      </ul>
    </>
  );
}
