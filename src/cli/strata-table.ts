import { dimensionInfo } from '../domain/dimensions';
import type { MeasureDefinition } from '../measures/measure-catalogue';
import type {
  Interval,
  ReferenceChoice,
  StratificationReport,
  StratifierResult,
  StratumResult,
} from '../measures/stratification-types';
import type { Period } from '../measures/types';

/** What the table's heading says besides the report. */
export interface TableContext {
  readonly measure: MeasureDefinition;
  readonly period: Period;
  readonly patientsEvaluated: number;
}

const HEADER = ['Stratum', 'IP', 'Denom', 'Num', 'Rate', '95% CI', 'Gap vs ref', 'Flags'] as const;
const RIGHT_ALIGNED = new Set([1, 2, 3, 4, 5, 6]);
const DASH = '—';

/**
 * The strata as a plain-text table for a terminal: per stratum the initial population (IP), the performance
 * denominator (denominator − exclusions − exceptions), the numerator, the rate with its 95% Wilson interval, the gap
 * against the reference in percentage points (positive = worse, whatever the improvement notation) and flags.
 * Suppressed strata show no counts at all, only why.
 */
export function formatStrataTable(report: StratificationReport, context: TableContext): string {
  const m = context.measure;
  const better = report.improvementNotation === 'increase' ? 'higher is better' : 'lower is better';
  const lines = [
    `${m.cmsId} v${m.version} ${m.title} (${better})`,
    `Period ${context.period.start} to ${context.period.end} · ${count(context.patientsEvaluated)} patients evaluated`,
    '',
    overallLine(report),
  ];
  for (const s of report.stratifiers) lines.push('', ...stratifierBlock(s));
  const policy = report.suppression;
  lines.push(
    '',
    'IP = initial population; Denom = denominator − exclusions − exceptions; Gap in percentage points, positive = worse.',
    'WORSE / better: the reference rate lies outside the stratum’s 95% interval.',
    policy === false
      ? 'Small-cell suppression is off.'
      : `Suppressed: counts of 1–${policy.minCellSize - 1} (small cell) and cells that would reveal them (complementary).`,
  );
  return lines.join('\n') + '\n';
}

function overallLine(report: StratificationReport): string {
  const o = report.overall;
  if (o.suppressed) return 'Overall: suppressed (small cell)';
  const c = o.counts;
  const parts = [
    `IP ${count(c.initialPopulation)}`,
    `denominator ${count(c.denominator)}`,
    `exclusions ${count(c.denominatorExclusion)}`,
    ...(c.denominatorException > 0 ? [`exceptions ${count(c.denominatorException)}`] : []),
    `numerator ${count(c.numerator)}`,
    `rate ${o.rate === undefined ? DASH : percent(o.rate)}`,
    ...(o.interval === undefined ? [] : [`95% CI ${interval(o.interval)}`]),
  ];
  return `Overall: ${parts.join(' · ')}`;
}

function stratifierBlock(s: StratifierResult): string[] {
  const title = s.dimensions.map((d) => dimensionInfo(d).label).join(' × ');
  const overlap = s.dimensions.some((d) => dimensionInfo(d).multiValued) ? ' (strata overlap)' : '';
  const rows = [HEADER.map(String), ...s.strata.map(row)];
  return [`${title}${overlap}, compared with ${referenceText(s)}`, ...table(rows)];
}

function referenceText(s: StratifierResult): string {
  const ref: ReferenceChoice = s.reference;
  switch (ref.kind) {
    case 'complement':
      return 'everyone else';
    case 'overall':
      return 'the overall rate';
    case 'best':
    case 'stratum': {
      const label = s.strata.find((x) => !x.suppressed && x.comparison !== undefined);
      const name = label !== undefined && !label.suppressed ? label.comparison?.referenceLabel : undefined;
      const what = ref.kind === 'best' ? 'the best-performing stratum' : 'the chosen stratum';
      return name === undefined ? `${what} (not available)` : `${what}, ${name}`;
    }
  }
}

function row(s: StratumResult): string[] {
  if (s.suppressed) return [s.label, DASH, DASH, DASH, DASH, DASH, DASH, `suppressed (${s.reason.replace('-', ' ')})`];
  const c = s.comparison;
  const flags: string[] = [];
  if (s.rate === undefined) flags.push('no rate');
  if (c?.excludesReference === true && c.direction !== 'same') flags.push(c.direction === 'worse' ? 'WORSE' : 'better');
  return [
    s.label,
    count(s.counts.initialPopulation),
    count(s.performanceDenominator),
    count(s.counts.numerator),
    s.rate === undefined ? DASH : percent(s.rate),
    s.interval === undefined ? DASH : interval(s.interval),
    c === undefined ? DASH : `${points(c.gap)} vs ${percent(c.referenceRate)}`,
    flags.join(', '),
  ];
}

function table(rows: readonly string[][]): string[] {
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (RIGHT_ALIGNED.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

const count = (n: number): string => n.toLocaleString('en-US');
const percent = (p: number): string => `${(p * 100).toFixed(1)}%`;
const interval = (i: Interval): string => `${(i.lower * 100).toFixed(1)}–${(i.upper * 100).toFixed(1)}%`;

/** Signed percentage points; `+0.0` rounds to `0.0` so no sign is shown for a zero gap. */
function points(gap: number): string {
  const text = (gap * 100).toFixed(1);
  return `${gap > 0 && text !== '0.0' ? '+' : ''}${text === '-0.0' ? '0.0' : text} pts`;
}
