import { count, pct, pctRange } from './format';
import type { StratumView } from './stratum-view';

interface StrataTableProps {
  readonly caption: string;
  readonly strata: readonly StratumView[];
  readonly overall: { readonly n: number; readonly numerator: number; readonly rate: number | undefined } | undefined;
  readonly numeratorLabel: string;
  /** Per-row actions (pin, open the outreach list); none when undefined. */
  readonly actions?: (stratum: StratumView) => React.ReactNode;
  readonly testId: string;
}

/** The accessible table of a rates chart: the same numbers, with suppressed cells said in words. */
export function StrataTable({ caption, strata, overall, numeratorLabel, actions, testId }: StrataTableProps) {
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Patients</th>
            <th scope="col">{numeratorLabel}</th>
            <th scope="col">Rate</th>
            <th scope="col">95% interval</th>
            <th scope="col">Compared with everyone else</th>
            {actions !== undefined && (
              <th scope="col" className="actions-col">
                Actions
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {overall !== undefined && (
            <tr className="overall-row" data-testid="stratum-overall">
              <th scope="row">Everyone (overall)</th>
              <td data-cell="n">{count(overall.n)}</td>
              <td data-cell="numerator">{count(overall.numerator)}</td>
              <td data-cell="rate">{pct(overall.rate)}</td>
              <td>–</td>
              <td>–</td>
              {actions !== undefined && <td className="row-actions" />}
            </tr>
          )}
          {strata.map((s) => (
            <tr key={s.key} data-testid={`stratum-${s.key}`} data-standing={s.standing}>
              <th scope="row">{s.label}</th>
              {s.suppressed ? (
                <td colSpan={4} data-cell="suppressed">
                  {s.comparison}
                </td>
              ) : (
                <>
                  <td data-cell="n">{count(s.n ?? 0)}</td>
                  <td data-cell="numerator">{count(s.numerator ?? 0)}</td>
                  <td data-cell="rate">{pct(s.rate)}</td>
                  <td>
                    {s.lower === undefined || s.upper === undefined
                      ? '–'
                      : pctRange({ lower: s.lower, upper: s.upper })}
                  </td>
                </>
              )}
              <td>{s.suppressed ? '–' : s.comparison}</td>
              {actions !== undefined && <td className="row-actions">{actions(s)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
