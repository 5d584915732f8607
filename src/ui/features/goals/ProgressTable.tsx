import type { Charter, CharterSnapshot } from '../../../measures/charter-model';
import type { CharterProgress, GapAssessment, RateAssessment } from '../../../measures/goal-progress';
import { MIN_MEASURABLE } from '../../../measures/goal-progress';
import { groupPhrase } from '../../../measures/goal-sentence';
import { MEASURES } from '../../../measures/measure-catalogue';
import { gapPoints, gapRange, n, pct1, periodWords, range1 } from './goal-format';

interface ProgressTableProps {
  readonly charter: Charter;
  readonly progress: CharterProgress;
  /** The snapshot "now" stands for (its period is shown). */
  readonly now: CharterSnapshot;
}

const NOT_MEASURABLE = `not yet measurable (fewer than ${MIN_MEASURABLE} patients)`;

function rateStatus(a: RateAssessment): string {
  if (a.kind === 'not-measurable') return a.which === 'baseline' ? 'No baseline to measure from' : 'Not yet measurable';
  if (a.target.note === 'zero-baseline') return 'A relative change of 0% is no change: use an absolute target';
  if (a.met) return a.change === 'better' ? 'Target met' : 'Target met (could still be chance)';
  if (a.change === 'better') return 'Better than baseline, not yet at target';
  if (a.change === 'worse') return 'Worse than baseline';
  return 'No clear change from baseline (could be chance)';
}

function gapStatus(a: GapAssessment, focus: string, reference: string): string {
  if (a.kind === 'not-measurable')
    return a.which === 'baseline' ? 'No baseline gap to measure from' : 'Not yet measurable';
  if (a.kind === 'no-gap') return `No gap to close: at baseline ${focus} did not fare worse`;
  const s = a.standing;
  if (s.reversedBeyondTarget) return `Reversed: ${reference} now fare worse, by more than the target allows`;
  if (s.met && s.flipped) return `Target met: the gap closed (${reference} now fare slightly worse)`;
  if (s.met) return a.change === 'better' ? 'Target met' : 'Target met (could still be chance)';
  if (a.change === 'better') return 'Narrower than at baseline, not yet at target';
  if (a.change === 'worse') return 'Wider than at baseline';
  return 'No clear change from baseline (could be chance)';
}

function RateCells({ a }: { readonly a: RateAssessment }) {
  if (a.kind === 'not-measurable') {
    return (
      <>
        <td>{a.which === 'baseline' ? NOT_MEASURABLE : '—'}</td>
        <td>{a.which === 'now' ? NOT_MEASURABLE : '—'}</td>
        <td>—</td>
      </>
    );
  }
  return (
    <>
      <td>
        {pct1(a.baseline.rate)}{' '}
        <span className="muted">
          ({range1(a.baseline.interval)}, n = {n(a.baseline.n)})
        </span>
      </td>
      <td>
        {pct1(a.now.rate)}{' '}
        <span className="muted">
          ({range1(a.now.interval)}, n = {n(a.now.n)})
        </span>
      </td>
      <td>{pct1(a.target.target)}</td>
    </>
  );
}

/**
 * Baseline → now → target for the rate of everyone, of each group, and for the gap, with 95% intervals and the
 * patients behind each rate; "not yet measurable" when fewer than 11 patients are behind one. Status words say
 * whether a change is beyond chance (the baseline lies outside the current interval).
 */
export function ProgressTable({ charter, progress, now }: ProgressTableProps) {
  const { spec, baseline } = charter;
  const notation = MEASURES[spec.measure].improvementNotation;
  const bound = notation === 'increase' ? 'at least' : 'at most';
  const focus = groupPhrase(spec.focus.label);
  const reference = groupPhrase(spec.reference.label);
  const rows: readonly [string, string, RateAssessment][] = [
    ['overall', 'Everyone', progress.overall],
    ['focus', focus, progress.focus],
    ['reference', reference, progress.reference],
  ];
  const gap = progress.gap;
  return (
    <div className="goal-table-wrap">
      <table className="goal-progress" data-testid="progress-table">
        <caption>
          Baseline ({periodWords(baseline.snapshot.period)}) → now ({periodWords(now.period)}) → target ({bound} for
          rates; {notation === 'increase' ? 'higher' : 'lower'} is better)
        </caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Baseline</th>
            <th scope="col">Now</th>
            <th scope="col">Target</th>
            <th scope="col">Progress</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, label, a]) => (
            <tr key={key} data-testid={`progress-${key}`}>
              <th scope="row">{label}</th>
              <RateCells a={a} />
              <td>{rateStatus(a)}</td>
            </tr>
          ))}
          <tr className="gap-row">
            <th scope="row">Gap (positive: {focus} fare worse)</th>
            {gap.kind === 'measured' ? (
              <>
                <td>
                  {gapPoints(gap.baseline.gap)} <span className="muted">({gapRange(gap.baseline.interval)})</span>
                </td>
                <td>
                  {gapPoints(gap.now.gap)} <span className="muted">({gapRange(gap.now.interval)})</span>
                </td>
                <td>at most {gapPoints(gap.target)} either way</td>
              </>
            ) : gap.kind === 'no-gap' ? (
              <>
                <td>{gapPoints(gap.baseline.gap)}</td>
                <td>—</td>
                <td>—</td>
              </>
            ) : (
              <>
                <td>{gap.which === 'baseline' ? NOT_MEASURABLE : '—'}</td>
                <td>{gap.which === 'now' ? NOT_MEASURABLE : '—'}</td>
                <td>—</td>
              </>
            )}
            <td data-testid="gap-status">{gapStatus(gap, focus, reference)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
