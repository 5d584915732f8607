import { useId } from 'react';
import type { Charter, ChangeKind } from '../../../measures/charter-model';
import { rateOf } from '../../../measures/charter-model';
import { gapTarget, rateTarget, signedGap } from '../../../measures/goal-arithmetic';
import { MIN_MEASURABLE } from '../../../measures/goal-progress';
import { goalSentences, groupPhrase } from '../../../measures/goal-sentence';
import { addMonths, longDay } from '../../../measures/goal-time';
import { MEASURES } from '../../../measures/measure-catalogue';
import { performanceDenominator } from '../../../measures/charter-model';
import type { CharterDraft, DraftProblem } from './charter-draft';
import { DEADLINE_MONTHS, draftProblems, draftToCharter } from './charter-draft';
import { n, pct1, periodWords } from './goal-format';
import type { GoalView } from './goal-view';

interface CharterFormProps {
  readonly view: GoalView;
  readonly draft: CharterDraft;
  readonly onChange: (draft: CharterDraft) => void;
  readonly onSave: (charter: Charter) => void;
  readonly saving: boolean;
  readonly canSave: boolean;
}

/** Warnings about the baseline the goals start from: too few patients, no gap, an impossible target. */
function baselineWarnings(view: GoalView, charter: Charter): string[] {
  const notation = MEASURES[view.measure].improvementNotation;
  const warnings: string[] = [];
  const focusN = performanceDenominator(view.focus.counts);
  const referenceN = performanceDenominator(view.reference.counts);
  if (focusN < MIN_MEASURABLE || referenceN < MIN_MEASURABLE)
    warnings.push(
      `Fewer than ${MIN_MEASURABLE} patients are behind one of the rates: progress will show as “not yet measurable” until there are more.`,
    );
  const f = rateOf(view.focus.counts);
  const r = rateOf(view.reference.counts);
  if (
    f !== undefined &&
    r !== undefined &&
    gapTarget(signedGap(f, r, notation), charter.goals.gapReduction).kind === 'no-gap'
  )
    warnings.push(
      `${groupPhrase(view.focus.label)} do not fare worse than ${groupPhrase(view.reference.label)} at baseline: there is no gap to close. Choose the group that fares worse.`,
    );
  const overall = rateOf(view.overall);
  const note = overall === undefined ? undefined : rateTarget(overall, charter.goals.improvement, notation).note;
  if (note === 'capped') warnings.push('The improvement would pass 100%: the target is 100%.');
  if (note === 'floored') warnings.push('The improvement would pass 0%: the target is 0%.');
  if (note === 'zero-baseline')
    warnings.push('A relative change of a 0% rate is no change: choose an absolute change.');
  return warnings;
}

function KindChoice(props: {
  readonly name: string;
  readonly legend: string;
  readonly value: ChangeKind;
  readonly onChange: (kind: ChangeKind) => void;
}) {
  return (
    <fieldset className="kind-choice">
      <legend>{props.legend}</legend>
      {(['relative', 'absolute'] as const).map((kind) => (
        <label key={kind}>
          <input
            type="radio"
            name={props.name}
            value={kind}
            checked={props.value === kind}
            onChange={() => {
              props.onChange(kind);
            }}
          />
          {kind === 'relative' ? '% of the baseline (relative)' : 'percentage points (absolute)'}
        </label>
      ))}
    </fieldset>
  );
}

/** The fields of a new charter, with a live preview of the two goal sentences and the baseline to be frozen. */
export function CharterForm({ view, draft, onChange, onSave, saving, canSave }: CharterFormProps) {
  const ids = useId();
  const id = (name: string): string => `${ids}-${name}`;
  const problems = draftProblems(draft);
  const problem = (field: DraftProblem['field']): string | undefined =>
    problems.find((p) => p.field === field)?.message;
  const charter = problems.length === 0 ? draftToCharter(view, draft, new Date()) : undefined;
  const sentences = charter === undefined ? undefined : goalSentences(charter);
  const set = (change: Partial<CharterDraft>): void => {
    onChange({ ...draft, ...change });
  };
  const definition = MEASURES[view.measure];
  const rate = (c: GoalView['overall']): string => {
    const r = rateOf(c);
    return r === undefined ? 'no patients' : `${pct1(r)} of ${n(performanceDenominator(c))}`;
  };
  const today = new Date().toISOString().slice(0, 10);
  const field = (name: 'title' | 'improvementAmount' | 'gapAmount') => {
    const message = problem(name);
    return {
      id: id(name),
      'aria-invalid': message !== undefined,
      'aria-describedby': message === undefined ? undefined : id(`${name}-error`),
    };
  };
  const error = (name: DraftProblem['field']) => {
    const message = problem(name);
    return message === undefined ? null : (
      <span className="field-error" id={id(`${name}-error`)}>
        {message}
      </span>
    );
  };
  return (
    <form
      className="goal-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (charter !== undefined && canSave && !saving) onSave(charter);
      }}
    >
      <h3>Two SMART goals for {groupPhrase(view.focus.label)}</h3>
      <p className="baseline-line" data-testid="baseline-line">
        Baseline ({periodWords(view.period)}, frozen when you save): {definition.title}: {view.focus.label}{' '}
        {rate(view.focus.counts)}, {view.reference.label} {rate(view.reference.counts)}, everyone {rate(view.overall)}.
      </p>
      <div className="form-grid">
        <label htmlFor={id('title')}>Charter title</label>
        <span>
          <input
            {...field('title')}
            value={draft.title}
            onChange={(e) => {
              set({ title: e.target.value });
            }}
          />
          {error('title')}
        </span>
        <label htmlFor={id('improvementAmount')}>Improvement for everyone, including both groups</label>
        <span>
          <input
            {...field('improvementAmount')}
            inputMode="decimal"
            className="amount"
            value={draft.improvementAmount}
            onChange={(e) => {
              set({ improvementAmount: e.target.value });
            }}
          />
          {error('improvementAmount')}
          <KindChoice
            name={id('improvementKind')}
            legend="The improvement is measured in"
            value={draft.improvementKind}
            onChange={(improvementKind) => {
              set({ improvementKind });
            }}
          />
        </span>
        <label htmlFor={id('gapAmount')}>Decrease of the gap between the groups</label>
        <span>
          <input
            {...field('gapAmount')}
            inputMode="decimal"
            className="amount"
            value={draft.gapAmount}
            onChange={(e) => {
              set({ gapAmount: e.target.value });
            }}
          />
          {error('gapAmount')}
          <KindChoice
            name={id('gapKind')}
            legend="The decrease is measured in"
            value={draft.gapKind}
            onChange={(gapKind) => {
              set({ gapKind });
            }}
          />
        </span>
        <label htmlFor={id('months')}>Deadline</label>
        <select
          id={id('months')}
          value={draft.months}
          onChange={(e) => {
            set({ months: Number(e.target.value) });
          }}
        >
          {DEADLINE_MONTHS.map((m) => (
            <option key={m} value={m}>
              in {m} months ({longDay(addMonths(today, m))})
            </option>
          ))}
        </select>
        <label htmlFor={id('sponsor')}>Executive sponsor</label>
        <input
          id={id('sponsor')}
          value={draft.sponsor}
          onChange={(e) => {
            set({ sponsor: e.target.value });
          }}
        />
        <label htmlFor={id('team')}>Team (one person a line)</label>
        <textarea
          id={id('team')}
          rows={3}
          value={draft.team}
          onChange={(e) => {
            set({ team: e.target.value });
          }}
        />
      </div>
      {charter !== undefined && sentences !== undefined && (
        <section className="goal-preview" aria-label="The goals as they will be saved">
          <p className="goal-sentence" data-testid="preview-improvement">
            {sentences.improvement}.
          </p>
          <p className="goal-detail">{sentences.improvementDetail}</p>
          <p className="goal-sentence" data-testid="preview-gap">
            {sentences.gap}.
          </p>
          <p className="goal-detail">{sentences.gapDetail}</p>
          {baselineWarnings(view, charter).map((w) => (
            <p key={w} className="notice" role="note">
              {w}
            </p>
          ))}
        </section>
      )}
      <button type="submit" disabled={!canSave || saving || charter === undefined} data-testid="save-charter">
        {saving ? 'Saving…' : 'Save the charter'}
      </button>
    </form>
  );
}
