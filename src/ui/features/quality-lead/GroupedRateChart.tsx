import { Bar, BarChart, CartesianGrid, ErrorBar, Rectangle, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { BarShapeProps } from 'recharts';
import { count, pct } from './format';
import { seriesFill, STANDING_WORD } from './palette';
import { SeriesLegend } from './SeriesLegend';
import type { StratumView } from './stratum-view';
import { useWidth } from '../../use-width';

interface GroupedRateChartProps {
  /** Category (row) labels in order, and series (column) labels in order. */
  readonly rows: readonly { readonly key: string; readonly label: string }[];
  readonly columns: readonly { readonly key: string; readonly label: string }[];
  /** The cell of a row and a column, when the population has one. */
  readonly cell: (row: string, column: string) => StratumView | undefined;
  readonly overall: number | undefined;
  readonly summary: string;
}

const BAR = 18;
const LABEL_WIDTH = 230;
const MARGIN = { top: 22, right: 170, bottom: 10, left: 10 };

/**
 * Two dimensions at once: one group of bars per row key, one bar per column key, each with its interval and a
 * label naming the column, its rate and count (or "suppressed"), so neither the colour nor the pattern must be
 * told apart to read it.
 */
export function GroupedRateChart({ rows, columns, cell, overall, summary }: GroupedRateChartProps) {
  const [ref, measured] = useWidth<HTMLDivElement>(760);
  const width = Math.max(600, Math.min(measured, 1000));
  const plotWidth = width - MARGIN.left - MARGIN.right - LABEL_WIDTH;
  const data = rows.map((row) => {
    const datum: Record<string, number | string | [number, number]> = { label: row.label };
    columns.forEach((column, j) => {
      const s = cell(row.key, column.key);
      const rate = s?.rate;
      datum[`v${String(j)}`] = rate === undefined ? 0 : rate * 100;
      datum[`e${String(j)}`] =
        rate === undefined || s?.lower === undefined || s.upper === undefined
          ? [0, 0]
          : [(rate - s.lower) * 100, (s.upper - rate) * 100];
    });
    return datum;
  });
  const labelOf = (rowIndex: number, j: number): { text: string; end: number } => {
    const row = rows[rowIndex];
    const column = columns[j];
    const s = row === undefined || column === undefined ? undefined : cell(row.key, column.key);
    const name = column?.label ?? '';
    if (s === undefined) return { text: `${name}: no patients`, end: 0 };
    if (s.suppressed) return { text: `${name}: suppressed`, end: 0 };
    const word = STANDING_WORD[s.standing];
    return {
      text: `${name}: ${pct(s.rate)}${word === '' ? '' : ` ${word}`} (n=${count(s.n ?? 0)})`,
      end: (s.upper ?? s.rate ?? 0) * 100,
    };
  };
  const height = rows.length * (columns.length * (BAR + 4) + 18) + MARGIN.top + 40;
  return (
    <>
      <SeriesLegend items={columns.map((c) => c.label)} />
      <div className="chart" ref={ref} role="img" aria-label={summary}>
        <BarChart
          layout="vertical"
          width={width}
          height={height}
          data={data}
          margin={MARGIN}
          barGap={4}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} strokeDasharray="2 4" />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} unit="%" />
          <YAxis type="category" dataKey="label" width={LABEL_WIDTH} interval={0} fontSize={13} />
          {columns.map((column, j) => (
            <Bar
              key={column.key}
              dataKey={`v${String(j)}`}
              name={column.label}
              isAnimationActive={false}
              barSize={BAR}
              fill={seriesFill(j)}
              shape={(props: BarShapeProps) => {
                const label = labelOf(props.index, j);
                return (
                  <g>
                    <Rectangle {...props} stroke="#1b1f24" strokeWidth={0.5} />
                    <text
                      x={props.x + (label.end * plotWidth) / 100 + 8}
                      y={props.y + props.height / 2 + 4}
                      fontSize={12}
                      fill="#1b1f24"
                    >
                      {label.text}
                    </text>
                  </g>
                );
              }}
            >
              <ErrorBar
                dataKey={`e${String(j)}`}
                width={5}
                strokeWidth={1.2}
                stroke="#1b1f24"
                isAnimationActive={false}
              />
            </Bar>
          ))}
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
    </>
  );
}
