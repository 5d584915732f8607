import type { CsvCell } from '../../../domain/panel-csv';
import type { StratumView } from './stratum-view';

/** CSV columns of a rates table (rates and bounds as proportions 0–1, so spreadsheets can compute with them). */
export function strataCsvHeader(numerator: string): string[] {
  return ['group', 'patients', numerator.toLowerCase(), 'rate', 'interval_lower_95', 'interval_upper_95', 'comparison'];
}

export function strataCsvRows(
  strata: readonly StratumView[],
  overall:
    | {
        readonly performanceDenominator: number;
        readonly counts: { readonly numerator: number };
        readonly rate?: number;
      }
    | undefined,
): CsvCell[][] {
  const rows: CsvCell[][] = [];
  if (overall !== undefined) {
    rows.push([
      'Everyone (overall)',
      overall.performanceDenominator,
      overall.counts.numerator,
      overall.rate,
      '',
      '',
      '',
    ]);
  }
  for (const s of strata) {
    rows.push(
      s.suppressed
        ? [s.label, '', '', '', '', '', s.comparison]
        : [s.label, s.n, s.numerator, s.rate, s.lower, s.upper, s.comparison],
    );
  }
  return rows;
}
