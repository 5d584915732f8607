import { useId, useMemo } from 'react';
import { dimensionInfo, type DimensionId } from '../../../domain/dimensions';
import { gapAgainstOthers } from '../../../measures/panel-gap';
import { stratifyRows } from '../../../measures/panel-stratify';
import type { StratumResult } from '../../../measures/stratification-types';
import { groupLabel, groupLabels } from './format';
import { gapSentence } from './gap-sentence';
import { MeasureSelect } from './MeasureSelect';
import { MEASURE_WORDS } from './measure-words';
import { rowsOf, type PanelProps } from './panel-props';
import { SUPPRESSED_TEXT } from './stratum-view';
import { panelFilters, type GroupRef } from './view-state';

/** The dimensions a group can be described by, in the order the question reads. */
const ASK_DIMENSIONS: readonly DimensionId[] = ['race', 'ethnicity', 'sex', 'language'];

/** The default question: the race × sex group furthest behind everyone else (beyond chance first). */
function worstRaceBySex(strata: readonly StratumResult[]): GroupRef | undefined {
  let best: { keys: string[]; gap: number; sig: number } | undefined;
  for (const s of strata) {
    if (s.suppressed || s.comparison === undefined || s.comparison.gap <= 0) continue;
    if (s.components.some((c) => ['ASKU', 'UNK', 'absent', 'unknown', 'other'].includes(c.key))) continue;
    const sig = s.comparison.excludesReference ? 1 : 0;
    if (best === undefined || sig > best.sig || (sig === best.sig && s.comparison.gap > best.gap)) {
      best = { keys: s.components.map((c) => c.key), gap: s.comparison.gap, sig };
    }
  }
  return best === undefined ? undefined : { dimensions: ['race', 'sex'], keys: best.keys };
}

/**
 * "Is [measure] worse for [group] than for everyone else, and by how much?" answered in sentences: the group's
 * rate with its interval, everyone else's, and the difference with its own 95% interval. The group is chosen with
 * one select per dimension; by default it is the race × sex group furthest behind.
 */
export function GroupQuestion({ data, view, update, canSeePatients }: PanelProps) {
  const words = MEASURE_WORDS[view.measure];
  const rows = rowsOf(data, view.measure);
  const filters = panelFilters(view.filters);
  const baseId = useId();
  const options = useMemo(() => {
    const keys = new Map<DimensionId, Set<string>>(ASK_DIMENSIONS.map((d) => [d, new Set<string>()]));
    for (const row of rows) {
      for (const d of ASK_DIMENSIONS) {
        const value = row.strata[d];
        if (typeof value === 'string') keys.get(d)?.add(value);
      }
    }
    return keys;
  }, [rows]);
  const raceBySex = useMemo(
    () =>
      stratifyRows(rows, {
        stratifiers: [['race', 'sex']],
        filters: panelFilters(view.filters),
        improvementNotation: words.improvement,
      }),
    [rows, view.filters, words.improvement],
  );
  const ask = view.ask ?? worstRaceBySex(raceBySex.stratifiers[0]?.strata ?? []);
  const chosen = (d: DimensionId): string => {
    const i = ask?.dimensions.indexOf(d) ?? -1;
    return i < 0 ? '' : (ask?.keys[i] ?? '');
  };
  const answer = useMemo(() => {
    if (ask === undefined || ask.dimensions.length === 0) return undefined;
    const report = stratifyRows(rows, {
      stratifiers: [ask.dimensions],
      filters,
      improvementNotation: words.improvement,
    });
    const stratum = report.stratifiers[0]?.strata.find((s) => s.components.every((c, i) => c.key === ask.keys[i]));
    return { report, stratum };
    // `filters` is derived from view.filters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, ask?.dimensions.join('+'), ask?.keys.join(','), view.filters, words.improvement]);
  const label = ask === undefined ? '' : groupLabels(ask.dimensions, ask.keys, data.practitioners);
  const setKey = (dimension: DimensionId, key: string): void => {
    const pairs = ASK_DIMENSIONS.map((d) => [d, d === dimension ? key : chosen(d)] as const).filter(
      ([, k]) => k !== '',
    );
    update((v) => ({
      ...v,
      ask: { dimensions: pairs.map(([d]) => d), keys: pairs.map(([, k]) => k) },
    }));
  };
  const stratum = answer?.stratum;
  const gap =
    stratum === undefined || stratum.suppressed || answer === undefined
      ? undefined
      : gapAgainstOthers(stratum, answer.report.overall);
  const sentence =
    gap === undefined
      ? undefined
      : gapSentence(
          gap,
          words.improvement,
          words.rateMeans,
          stratum?.suppressed === false ? stratum.interval : undefined,
        );
  return (
    <section className="card panel question" aria-labelledby="question-title" data-testid="group-question">
      <h2 id="question-title">Is it worse for a group than for everyone else?</h2>
      <div className="controls">
        <MeasureSelect
          value={view.measure}
          onChange={(measure) => {
            update((v) => ({ ...v, measure }));
          }}
        />
        {ASK_DIMENSIONS.map((d) => (
          <span className="field" key={d}>
            <label htmlFor={`${baseId}-${d}`}>{dimensionInfo(d).label}</label>
            <select
              id={`${baseId}-${d}`}
              data-testid={`ask-${d}`}
              value={chosen(d)}
              onChange={(event) => {
                setKey(d, event.target.value);
              }}
            >
              <option value="">Any</option>
              {[...(options.get(d) ?? [])].sort().map((key) => (
                <option key={key} value={key}>
                  {groupLabel(d, key)}
                </option>
              ))}
            </select>
          </span>
        ))}
      </div>
      {ask === undefined || ask.dimensions.length === 0 ? (
        <p>Choose a group above: for example race “Black or African American” and sex “Female”.</p>
      ) : stratum === undefined ? (
        <p data-testid="answer">No patients of this group are in the measure with these filters.</p>
      ) : stratum.suppressed ? (
        <p data-testid="answer">
          {label}: {SUPPRESSED_TEXT}. The numbers of groups this small are not shown.
        </p>
      ) : sentence === undefined ? (
        <p data-testid="answer">{label}: there is no one else to compare with.</p>
      ) : (
        <div className="answer" data-testid="answer" data-direction={sentence.direction}>
          <p className="answer-headline">
            <strong>
              {words.short}, {label}:
            </strong>{' '}
            {sentence.gap}
          </p>
          <p>
            {sentence.group} {sentence.others}
          </p>
          <p>{sentence.certainty}</p>
          <p className="answer-actions">
            <button
              type="button"
              className="secondary"
              onClick={() => {
                update((v) => ({ ...v, pin: { measure: v.measure, group: ask, filters: v.filters } }));
              }}
            >
              Pin this at the top of every page
            </button>
            {canSeePatients && (
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  update((v) => ({ ...v, panel: 'outreach', group: ask }));
                }}
              >
                See the patients not meeting the measure
              </button>
            )}
          </p>
        </div>
      )}
    </section>
  );
}
