import { useEffect, useId, useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { RacismPromptOutcome } from '../../../domain/racism-prompt-outcome';
import type { RecordedRacismPrompt } from '../../../domain/racism-prompt-response';
import {
  EXPERIENCE_KINDS,
  EXPERIENCE_SETTINGS,
  FOLLOW_UPS,
  NOT_ASKED_REASONS,
} from '../../../domain/racism-prompt-questionnaire';
import type { NotAskedReason } from '../../../domain/racism-prompt-questionnaire';
import { toAppError } from '../../../fhir/app-error';
import type { AppError } from '../../../fhir/app-error';
import { ErrorPanel } from '../../components/ErrorPanel';
import { browserStorage, emptyDraft, loadDraft, outcomeOf, storeDraft } from './prompt-draft';
import type { DraftChoice, PromptDraft } from './prompt-draft';

/** Writes one outcome; `retrying` after a failed attempt, so the write can look for an earlier copy first. */
export type SavePrompt = (
  outcome: RacismPromptOutcome,
  identifier: string,
  retrying: boolean,
) => Promise<RecordedRacismPrompt>;

interface RacismPromptFormProps {
  readonly patientId: string;
  readonly save: SavePrompt;
  readonly onSaved: (record: RecordedRacismPrompt) => void;
  /** Injected for tests; the browser's localStorage otherwise. */
  readonly storage?: Storage | undefined;
}

type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly error: AppError }
  | { readonly kind: 'saved' };

const CHOICES: readonly { readonly value: DraftChoice; readonly label: string }[] = [
  { value: 'shared', label: 'The patient shared an experience' },
  { value: 'nothing-to-share', label: 'Asked: the patient had nothing to share' },
  { value: 'declined', label: 'Asked: the patient chose not to answer' },
  { value: 'not-asked', label: 'I did not ask at this visit' },
];

/**
 * Records the outcome of the racism-experience prompt. What the clinician types is kept on this device (keyed by
 * patient) until the server confirms the write; a failed write says why and offers retry; a second click while
 * saving does nothing, and every retry carries the draft's identifier so the server keeps one response.
 */
export function RacismPromptForm({ patientId, save, onSaved, storage = browserStorage() }: RacismPromptFormProps) {
  const [draft, setDraft] = useState<PromptDraft>(() => loadDraft(storage, patientId) ?? emptyDraft());
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [showErrors, setShowErrors] = useState(false);
  const [stored, setStored] = useState(true);
  const saving = useRef(false);
  const ids = useId();

  useEffect(() => {
    setStored(storeDraft(storage, patientId, draft));
  }, [storage, patientId, draft]);

  const update = (change: Partial<PromptDraft>): void => {
    setDraft((current) => ({ ...current, ...change }));
    if (state.kind === 'saved') setState({ kind: 'idle' });
  };
  const toggle = <K extends string>(list: readonly K[], value: K, on: boolean): K[] =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

  const outcome = outcomeOf(draft);

  const submit = async (): Promise<void> => {
    if (saving.current) return;
    if (outcome === undefined) {
      setShowErrors(true);
      return;
    }
    saving.current = true;
    const retrying = draft.attempted;
    const attempted = { ...draft, attempted: true };
    // Stored before the request leaves: if the tab dies mid-write, the next try knows to look for an earlier copy.
    setStored(storeDraft(storage, patientId, attempted));
    setDraft(attempted);
    setState({ kind: 'saving' });
    try {
      const record = await save(outcome, draft.identifier, retrying);
      storeDraft(storage, patientId, undefined);
      setDraft(emptyDraft());
      setShowErrors(false);
      setState({ kind: 'saved' });
      onSaved(record);
    } catch (error) {
      setState({ kind: 'failed', error: toAppError(error, 'saving the answer to the racism-experience question') });
    } finally {
      saving.current = false;
    }
  };
  const onSubmit = (event: SyntheticEvent): void => {
    event.preventDefault();
    void submit();
  };

  const asked = draft.choice !== undefined && draft.choice !== 'not-asked';
  const busy = state.kind === 'saving';
  return (
    <form className="prompt-form" onSubmit={onSubmit} aria-describedby={`${ids}-draft`} noValidate>
      <fieldset aria-describedby={showErrors && draft.choice === undefined ? `${ids}-choice-error` : undefined}>
        <legend>What happened?</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name={`${ids}-choice`}
              value={choice.value}
              checked={draft.choice === choice.value}
              onChange={() => {
                update({ choice: choice.value });
              }}
            />
            {choice.label}
          </label>
        ))}
        {showErrors && draft.choice === undefined && (
          <p id={`${ids}-choice-error`} className="field-error">
            Choose what happened.
          </p>
        )}
      </fieldset>

      {draft.choice === 'shared' && (
        <>
          <div className="field">
            <label htmlFor={`${ids}-details`}>What the patient shared</label>
            <span className="hint" id={`${ids}-details-hint`}>
              Optional. In their words, only what they agree to have in the record.
            </span>
            <textarea
              id={`${ids}-details`}
              aria-describedby={`${ids}-details-hint`}
              value={draft.details}
              onChange={(event) => {
                update({ details: event.target.value });
              }}
            />
          </div>
          <CheckGroup
            legend="Kind of experience (optional)"
            labels={EXPERIENCE_KINDS}
            selected={draft.experienceKinds}
            onChange={(value, on) => {
              update({ experienceKinds: toggle(draft.experienceKinds, value, on) });
            }}
          />
          <CheckGroup
            legend="Where it happened (optional)"
            labels={EXPERIENCE_SETTINGS}
            selected={draft.settings}
            onChange={(value, on) => {
              update({ settings: toggle(draft.settings, value, on) });
            }}
          />
        </>
      )}

      {asked && (
        <>
          <CheckGroup
            legend="Follow-up"
            labels={FOLLOW_UPS}
            selected={draft.followUps}
            onChange={(value, on) => {
              update({ followUps: toggle(draft.followUps, value, on) });
            }}
          />
          <div className="field">
            <label htmlFor={`${ids}-note`}>Note for the care team (optional)</label>
            <textarea
              id={`${ids}-note`}
              value={draft.careTeamNote}
              onChange={(event) => {
                update({ careTeamNote: event.target.value });
              }}
            />
          </div>
        </>
      )}

      {draft.choice === 'not-asked' && (
        <>
          <fieldset aria-describedby={showErrors && draft.reason === undefined ? `${ids}-reason-error` : undefined}>
            <legend>Why not?</legend>
            {REASONS.map((value) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name={`${ids}-reason`}
                  value={value}
                  checked={draft.reason === value}
                  onChange={() => {
                    update({ reason: value });
                  }}
                />
                {NOT_ASKED_REASONS[value]}
              </label>
            ))}
            {showErrors && draft.reason === undefined && (
              <p id={`${ids}-reason-error`} className="field-error">
                Choose why the question was not asked.
              </p>
            )}
          </fieldset>
          <div className="field">
            <label htmlFor={`${ids}-reason-note`}>More about why (optional)</label>
            <input
              id={`${ids}-reason-note`}
              type="text"
              value={draft.reasonNote}
              onChange={(event) => {
                update({ reasonNote: event.target.value });
              }}
            />
          </div>
        </>
      )}

      {state.kind === 'failed' && (
        <ErrorPanel
          error={state.error}
          onRetry={() => {
            void submit();
          }}
        />
      )}
      <div className="form-actions">
        <button type="submit" disabled={busy} data-testid="save-prompt">
          {busy ? 'Saving…' : 'Save to the record'}
        </button>
        <p id={`${ids}-draft`} className="hint" role="status">
          {state.kind === 'saved' ? (
            <span className="saved" data-testid="prompt-saved">
              Saved to the patient’s record.
            </span>
          ) : state.kind === 'saving' ? (
            'Saving…'
          ) : stored ? (
            'Your entries are kept on this device until they are saved.'
          ) : (
            'This browser will not keep a draft: save before leaving this page.'
          )}
        </p>
      </div>
    </form>
  );
}

function isNotAskedReason(value: string): value is NotAskedReason {
  return Object.hasOwn(NOT_ASKED_REASONS, value);
}

const REASONS: readonly NotAskedReason[] = Object.keys(NOT_ASKED_REASONS).filter(isNotAskedReason);

interface CheckGroupProps<K extends string> {
  readonly legend: string;
  readonly labels: Readonly<Record<K, string>>;
  readonly selected: readonly K[];
  readonly onChange: (value: K, on: boolean) => void;
}

function CheckGroup<K extends string>({ legend, labels, selected, onChange }: CheckGroupProps<K>) {
  const entries = Object.keys(labels).filter((key): key is K => Object.hasOwn(labels, key));
  return (
    <fieldset>
      <legend>{legend}</legend>
      {entries.map((value) => (
        <label key={value} className="choice">
          <input
            type="checkbox"
            checked={selected.includes(value)}
            onChange={(event) => {
              onChange(value, event.target.checked);
            }}
          />
          {labels[value]}
        </label>
      ))}
    </fieldset>
  );
}
