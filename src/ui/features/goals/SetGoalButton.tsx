import { useEffect, useId, useRef, useState } from 'react';
import type { AppError } from '../../../fhir/app-error';
import { toAppError } from '../../../fhir/app-error';
import { createCharter } from '../../../fhir/charter-store';
import type { Session } from '../../../fhir/session';
import { ErrorPanel } from '../../components/ErrorPanel';
import { canWriteCharters } from './charter-permissions';
import type { CharterDraft } from './charter-draft';
import { defaultDraft } from './charter-draft';
import { CharterForm } from './CharterForm';
import type { GoalView } from './goal-view';
import { newUuid } from './new-uuid';
import './goals.css';

interface SetGoalButtonProps {
  /** The group on screen; undefined when its counts are suppressed (a goal needs a baseline). */
  readonly view: GoalView | undefined;
  readonly session: Session;
  /** Called with the new charter's id once the server has it (e.g. to open the Goals page). */
  readonly onCreated?: (id: string) => void;
}

type SaveState =
  | { readonly status: 'editing' }
  | { readonly status: 'saving' }
  | { readonly status: 'failed'; readonly error: AppError }
  | { readonly status: 'saved'; readonly id: string; readonly title: string };

/**
 * "Set a goal" for the group a disparity view shows: opens a dialog with a form prefilled with the toolkit's example
 * goals, the two goal sentences as they will be stored and the baseline that will be frozen, and saves the charter
 * to the FHIR server. A failed save keeps everything typed; saving again writes nothing twice. The dialog is the
 * browser's own modal `<dialog>` (focus moves into it, Escape closes it, focus returns to the button).
 */
export function SetGoalButton({ view, session, onCreated }: SetGoalButtonProps) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<CharterDraft | undefined>(undefined);
  const [save, setSave] = useState<SaveState>({ status: 'editing' });
  const uuid = useRef<string | undefined>(undefined);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (d === null || !open || d.open) return;
    // jsdom has no showModal: the attribute alone shows the dialog there.
    if (typeof d.showModal === 'function') d.showModal();
    else d.setAttribute('open', '');
  }, [open]);
  if (view === undefined) return null;
  const allowed = canWriteCharters(session.grantedScopes);
  const label = `Set a goal for ${view.focus.label}`;
  const close = (): void => {
    if (typeof dialog.current?.close === 'function') dialog.current.close();
    setOpen(false);
  };
  return (
    <>
      <button
        type="button"
        className="small secondary set-goal-button"
        aria-haspopup="dialog"
        aria-label={label}
        data-testid="set-goal"
        onClick={() => {
          setDraft((d) => d ?? defaultDraft(view));
          uuid.current ??= newUuid();
          setOpen(true);
        }}
      >
        Set a goal
      </button>
      {open && draft !== undefined && (
        <dialog
          ref={dialog}
          className="set-goal goal-dialog"
          aria-labelledby={titleId}
          onClose={() => {
            setOpen(false);
            // After a save, the next "Set a goal" starts a new charter.
            if (save.status === 'saved') {
              setDraft(undefined);
              setSave({ status: 'editing' });
              uuid.current = undefined;
            }
          }}
        >
          <div className="dialog-head">
            <h2 id={titleId}>{label}</h2>
            <button type="button" className="small secondary" onClick={close}>
              Close
            </button>
          </div>
          {!allowed && (
            <p className="notice" role="note">
              Your account was not granted permission to save goals (plans, goals, tasks and measure reports) in this
              EHR. You can still read the goal sentences below; ask your EHR administrator for access.
            </p>
          )}
          {save.status === 'saved' ? (
            <div role="status" className="saved-note" data-testid="charter-saved">
              <p>Saved the charter “{save.title}” to the EHR. Everyone on the team can open it from the Goals page.</p>
              {onCreated !== undefined && (
                <button
                  type="button"
                  onClick={() => {
                    close();
                    onCreated(save.id);
                  }}
                >
                  Open the charter
                </button>
              )}
            </div>
          ) : (
            <CharterForm
              view={view}
              draft={draft}
              onChange={setDraft}
              saving={save.status === 'saving'}
              canSave={allowed}
              onSave={(charter) => {
                const id = uuid.current ?? newUuid();
                uuid.current = id;
                setSave({ status: 'saving' });
                createCharter(session.gateway, id, charter, { fhirUser: session.fhirUser }).then(
                  (stored) => {
                    setSave({ status: 'saved', id: stored.id, title: charter.title });
                  },
                  (error: unknown) => {
                    setSave({ status: 'failed', error: toAppError(error, 'saving the charter') });
                  },
                );
              }}
            />
          )}
          {save.status === 'failed' && <ErrorPanel error={save.error} />}
        </dialog>
      )}
    </>
  );
}
