import { useMemo } from 'react';
import { gapAgainstOthers } from '../../../measures/panel-gap';
import { stratifyRows } from '../../../measures/panel-stratify';
import { groupLabels, pct, points } from './format';
import { MEASURE_WORDS } from './measure-words';
import { rowsOf } from './panel-props';
import type { PopulationData } from './population-run';
import { SUPPRESSED_TEXT } from './stratum-view';
import { filterWords } from './filter-words';
import { panelFilters, type PinnedView as Pin, type ViewState } from './view-state';

interface PinnedViewProps {
  readonly pin: Pin;
  readonly data: PopulationData | undefined;
  readonly update: (change: (view: ViewState) => ViewState) => void;
}

/**
 * The constant reminder: one measure-and-group view the quality lead pinned, shown at the top of every page with
 * its current rate against everyone else. Unpinning is one button away.
 */
export function PinnedView({ pin, data, update }: PinnedViewProps) {
  const words = MEASURE_WORDS[pin.measure];
  const label = groupLabels(pin.group.dimensions, pin.group.keys, data?.practitioners);
  const text = useMemo(() => {
    if (data === undefined) return 'loading…';
    const report = stratifyRows(rowsOf(data, pin.measure), {
      stratifiers: [pin.group.dimensions],
      filters: panelFilters(pin.filters),
      improvementNotation: words.improvement,
    });
    const stratum = report.stratifiers[0]?.strata.find((s) =>
      s.components.every((c, i) => c.key === pin.group.keys[i]),
    );
    if (stratum === undefined) return 'no patients of this group are in the measure.';
    if (stratum.suppressed) return SUPPRESSED_TEXT;
    const gap = gapAgainstOthers(stratum, report.overall);
    const c = stratum.comparison;
    const against =
      gap === undefined || c === undefined
        ? ''
        : ` against ${pct(gap.others.successes / gap.others.n)} for everyone else: ${points(c.difference)} ${c.direction}${c.excludesReference ? '' : ' (could be chance)'}`;
    return `${pct(stratum.rate)}${against}.`;
  }, [data, pin, words.improvement]);
  const scope = filterWords(pin.filters, data?.practitioners);
  return (
    <aside className="pinned" aria-label="Pinned view" data-testid="pinned-view">
      <p>
        <span className="pin-mark">Pinned</span>{' '}
        <strong>
          {words.short}, {label}
          {scope === '' ? '' : ` (${scope})`}:
        </strong>{' '}
        <span data-testid="pinned-text">{text}</span>
      </p>
      <button
        type="button"
        className="small secondary"
        onClick={() => {
          update((v) => ({ ...v, pin: undefined }));
        }}
      >
        Unpin
      </button>
    </aside>
  );
}
