import { useState } from 'react';
import type { PromptDue } from '../../../domain/racism-prompt-due';
import type { RecordedRacismPrompt } from '../../../domain/racism-prompt-response';
import { FOLLOW_UPS, RACISM_PROMPT_QUESTION } from '../../../domain/racism-prompt-questionnaire';
import { formatDay } from './format-day';
import { browserStorage, loadDraft } from './prompt-draft';
import { RacismPromptForm } from './RacismPromptForm';
import type { SavePrompt } from './RacismPromptForm';
import { RecordedPrompt } from './RecordedPrompt';

interface RacismPromptCardProps {
  readonly patientId: string;
  readonly due: PromptDue;
  readonly intervalMonths: number;
  /** Earlier answers, newest first; undefined when the user may not read them. */
  readonly records: readonly RecordedRacismPrompt[] | undefined;
  /** Why the form cannot be used, when the EHR did not grant the write; undefined when it can. */
  readonly cannotWrite: string | undefined;
  readonly save: SavePrompt;
  readonly onSaved: (record: RecordedRacismPrompt) => void;
  readonly storage?: Storage | undefined;
}

function dueText(due: PromptDue, intervalMonths: number): string {
  switch (due.reason) {
    case 'never-asked':
      return 'Due: no answer is on record.';
    case 'interval-passed':
      return `Due: last asked ${formatDay(due.lastAsked ?? '')}, ${intervalMonths} or more months ago.`;
    case 'annual-visit':
      return 'Due: this is an annual or preventive visit.';
    case 'asked-this-visit':
      return `Not due: already asked at this visit (${formatDay(due.lastAsked)}).`;
    case 'asked-recently':
      return `Not due: asked ${formatDay(due.lastAsked)}. Due again from ${formatDay(due.nextDue)}.`;
  }
}

/** The in-visit racism-experience prompt: when it is due, what was recorded before, the question and the form. */
export function RacismPromptCard(props: RacismPromptCardProps) {
  const { patientId, due, intervalMonths, records, cannotWrite, save, onSaved, storage } = props;
  // Open when due (which may change once the visit is known), when a draft waits, or once the clinician opened it.
  const [opened, setOpened] = useState(() => loadDraft(storage ?? browserStorage(), patientId) !== undefined);
  const open = opened || due.due;
  const last = records?.[0];
  return (
    <section className="card prompt" aria-labelledby="prompt-heading" data-testid="racism-prompt">
      <div className="section-head">
        <h2 id="prompt-heading">Experiences of racism in health care</h2>
        <span className="status-chip" data-status={due.due ? 'due' : 'not-due'} data-testid="prompt-due">
          <span aria-hidden="true">{due.due ? '! ' : '✓ '}</span>
          {due.due ? 'Due' : 'Not due'}
        </span>
      </div>
      <p data-testid="prompt-due-text">{dueText(due, intervalMonths)}</p>
      {records === undefined ? (
        <p className="hint">The EHR did not give Equity Lens permission to show earlier answers.</p>
      ) : last === undefined ? (
        <p className="muted">No earlier answer recorded.</p>
      ) : (
        <RecordedPrompt record={last} />
      )}

      {!open ? (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setOpened(true);
          }}
        >
          Ask now anyway
        </button>
      ) : (
        <>
          <div className="guidance">
            <p>
              <strong>Ask, with respect:</strong>
            </p>
            <blockquote className="question" data-testid="prompt-question">
              {RACISM_PROMPT_QUESTION}
            </blockquote>
            <p>
              <strong>If the patient shares:</strong>
            </p>
            <ul>
              <li>Listen without interrupting, explaining or defending.</li>
              <li>Acknowledge what you heard and that it matters.</li>
              <li>Thank the patient for trusting you with it.</li>
            </ul>
            <details>
              <summary>More questions and follow-up</summary>
              <p>
                From “Liberation in the Exam Room” (Southern Jamaica Plain Health Center, IHI): “Have there been any
                experiences that caused you to lose trust in the healthcare system?”
              </p>
              <p>Follow-up you can offer:</p>
              <ul>
                {Object.values(FOLLOW_UPS).map((label) => (
                  <li key={label}>{label}</li>
                ))}
              </ul>
            </details>
          </div>
          {cannotWrite === undefined ? (
            <RacismPromptForm
              patientId={patientId}
              save={save}
              onSaved={(record) => {
                // Keep the form (and its "Saved" confirmation) in view now that the prompt is no longer due.
                setOpened(true);
                onSaved(record);
              }}
              storage={storage}
            />
          ) : (
            <p className="notice" role="note">
              {cannotWrite}
            </p>
          )}
        </>
      )}
    </section>
  );
}
