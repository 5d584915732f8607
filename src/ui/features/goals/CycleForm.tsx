import { useId, useRef, useState } from 'react';
import type { AppError } from '../../../fhir/app-error';
import { toAppError } from '../../../fhir/app-error';
import type { PdsaCycle, PdsaDecision } from '../../../measures/pdsa-cycle';
import { sixWeekMessage, sixWeekWarnings } from '../../../measures/pdsa-cycle';
import { ErrorPanel } from '../../components/ErrorPanel';
import type { CycleDraft, CycleField } from './cycle-draft';
import { cycleProblems, draftToCycle } from './cycle-draft';
import { newUuid } from './new-uuid';

interface CycleFormProps {
  readonly heading: string;
  readonly initial: CycleDraft;
  readonly today: string;
  /** Whether the cycle exists (closing fields are shown). */
  readonly existing: boolean;
  /** A line to show above the buttons (e.g. why no snapshot can be taken yet). */
  readonly note?: string | undefined;
  /**
   * Saves; rejects with what went wrong. `draftId` stays the same for every attempt from this form, so that a retry
   * after a lost answer finds the cycle already written instead of writing it twice.
   */
  readonly onSubmit: (cycle: PdsaCycle, draftId: string) => Promise<void>;
  readonly onCancel: () => void;
  /** Re-reads the charter after a conflict; the form keeps what was typed. */
  readonly onReload: () => void;
}

const DECISIONS: readonly { readonly value: PdsaDecision; readonly label: string }[] = [
  { value: 'adopt', label: 'Adopt: keep the change' },
  { value: 'adapt', label: 'Adapt: change it and test again' },
  { value: 'abandon', label: 'Abandon: try something else' },
];

/** Plan (and later Do, Study, Act) one PDSA cycle; warns past six weeks, keeps the draft until the server has it. */
export function CycleForm({ heading, initial, today, existing, note, onSubmit, onCancel, onReload }: CycleFormProps) {
  const [draft, setDraft] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | undefined>(undefined);
  const [tried, setTried] = useState(false);
  const draftId = useRef(newUuid());
  const ids = useId();
  const id = (name: string): string => `${ids}-${name}`;
  const problems = cycleProblems(draft);
  const shown = tried ? problems : [];
  const problem = (field: CycleField) => shown.find((p) => p.field === field)?.message;
  const warnings = problems.some((p) => p.field === 'start' || p.field === 'plannedEnd' || p.field === 'end')
    ? []
    : sixWeekWarnings(
        { start: draft.start, plannedEnd: draft.plannedEnd, ...(draft.end === '' ? {} : { end: draft.end }) },
        today,
      );
  const set = (change: Partial<CycleDraft>): void => {
    setDraft((d) => ({ ...d, ...change }));
  };
  const input = (field: CycleField, label: string, type: 'text' | 'date' | 'number' = 'text', hint?: string) => {
    const message = problem(field);
    const value = draft[field];
    return (
      <>
        <label htmlFor={id(field)}>{label}</label>
        <span>
          <input
            id={id(field)}
            type={type === 'number' ? 'text' : type}
            inputMode={type === 'number' ? 'numeric' : undefined}
            value={value}
            aria-invalid={message !== undefined}
            aria-describedby={
              [message === undefined ? '' : id(`${field}-error`), hint === undefined ? '' : id(`${field}-hint`)]
                .join(' ')
                .trim() || undefined
            }
            onChange={(e) => {
              set({ [field]: e.target.value });
            }}
          />
          {hint !== undefined && (
            <span className="hint" id={id(`${field}-hint`)}>
              {hint}
            </span>
          )}
          {message !== undefined && (
            <span className="field-error" id={id(`${field}-error`)}>
              {message}
            </span>
          )}
        </span>
      </>
    );
  };
  return (
    <form
      className="cycle-form"
      noValidate
      aria-label={heading}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (problems.length > 0 || saving) return;
        setSaving(true);
        setError(undefined);
        onSubmit(draftToCycle(draft), draftId.current).then(
          () => {
            setSaving(false);
          },
          (caught: unknown) => {
            setSaving(false);
            setError(toAppError(caught, 'saving the PDSA cycle'));
          },
        );
      }}
    >
      <h4>{heading}</h4>
      <div className="form-grid">
        <label htmlFor={id('change')}>Plan: the change to try</label>
        <span>
          <textarea
            id={id('change')}
            rows={2}
            value={draft.change}
            aria-invalid={problem('change') !== undefined}
            aria-describedby={problem('change') === undefined ? undefined : id('change-error')}
            onChange={(e) => {
              set({ change: e.target.value });
            }}
          />
          {problem('change') !== undefined && (
            <span className="field-error" id={id('change-error')}>
              {problem('change')}
            </span>
          )}
        </span>
        {input(
          'targetGroup',
          'Who: a small group to start with',
          'text',
          'e.g. Black women 40–50 with uncontrolled hypertension',
        )}
        {input('metricName', 'What you will count', 'text', 'e.g. outreach calls made')}
        {input('metricGoal', 'How many you aim for (optional)', 'number')}
        {input('start', 'First day', 'date')}
        {input('plannedEnd', 'Planned last day', 'date', 'At most six weeks after the first day')}
        {existing && input('end', 'Actual last day (when the cycle is over)', 'date')}
        {existing && input('metricCount', 'Do: how many you counted', 'number')}
        {existing && (
          <>
            <label htmlFor={id('study')}>Study: what you learned</label>
            <textarea
              id={id('study')}
              rows={3}
              value={draft.study}
              onChange={(e) => {
                set({ study: e.target.value });
              }}
            />
          </>
        )}
      </div>
      {existing && (
        <fieldset className="kind-choice">
          <legend>Act: what next</legend>
          {DECISIONS.map((d) => (
            <label key={d.value}>
              <input
                type="radio"
                name={id('decision')}
                value={d.value}
                checked={draft.decision === d.value}
                onChange={() => {
                  set({ decision: d.value });
                }}
              />
              {d.label}
            </label>
          ))}
        </fieldset>
      )}
      {warnings.map((w) => (
        <p key={w.kind} className="notice warning-six-weeks" role="note" data-testid="six-week-warning">
          <strong>Longer than six weeks. </strong>
          {sixWeekMessage(w)}
        </p>
      ))}
      {note !== undefined && (
        <p className="hint" role="note">
          {note}
        </p>
      )}
      {error !== undefined && (
        <>
          <ErrorPanel error={error} />
          {error.kind === 'conflict' && (
            <button type="button" className="secondary" onClick={onReload}>
              Load the latest version (what you typed stays here)
            </button>
          )}
        </>
      )}
      <div className="form-actions">
        <button type="submit" disabled={saving} data-testid="save-cycle">
          {saving ? 'Saving…' : 'Save the cycle'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
