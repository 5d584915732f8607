import { useEffect, useId, useState } from 'react';
import type { AppError } from '../../../fhir/app-error';
import { toAppError } from '../../../fhir/app-error';
import type { CharterRevision, CharterStatus } from '../../../measures/charter-model';
import type { StoredCharter } from '../../../fhir/charter-store';
import { ErrorPanel } from '../../components/ErrorPanel';

interface CharterTeamProps {
  readonly stored: StoredCharter;
  readonly canWrite: boolean;
  readonly onSave: (revision: CharterRevision) => Promise<void>;
  /** Re-reads the charter after a conflict; what was typed stays in the form. */
  readonly onReload: () => void;
}

const STATUS_WORDS: Readonly<Record<CharterStatus, string>> = {
  active: 'Active',
  completed: 'Completed',
  stopped: 'Stopped',
};

/** Sponsor, team and status: shown, and editable (saved with If-Match; a conflict keeps what was typed). */
export function CharterTeam({ stored, canWrite, onSave, onReload }: CharterTeamProps) {
  const { charter } = stored;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ sponsor: charter.sponsor, team: charter.team, status: charter.status });
  // Fields the user changed: after a conflict the latest version is loaded, and only the other fields follow it, so
  // saving again neither loses what was typed nor puts back what someone else had changed.
  const [dirty, setDirty] = useState<ReadonlySet<keyof typeof draft>>(new Set());
  useEffect(() => {
    setDraft((d) => ({
      sponsor: dirty.has('sponsor') ? d.sponsor : charter.sponsor,
      team: dirty.has('team') ? d.team : charter.team,
      status: dirty.has('status') ? d.status : charter.status,
    }));
    // Only a new version of the charter rebases the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored.versionId]);
  const edit = <K extends keyof typeof draft>(field: K, value: (typeof draft)[K]): void => {
    setDraft((d) => ({ ...d, [field]: value }));
    setDirty((set) => new Set([...set, field]));
  };
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | undefined>(undefined);
  const ids = useId();
  if (!editing) {
    return (
      <>
        <dl className="cycle-facts">
          <dt>Executive sponsor</dt>
          <dd data-testid="charter-sponsor">{charter.sponsor === '' ? 'not named yet' : charter.sponsor}</dd>
          <dt>Team</dt>
          <dd className="pre-line">{charter.team === '' ? 'not named yet' : charter.team}</dd>
          <dt>Status</dt>
          <dd>{STATUS_WORDS[charter.status]}</dd>
        </dl>
        {canWrite && (
          <button
            type="button"
            className="small secondary no-print"
            onClick={() => {
              setDraft({ sponsor: charter.sponsor, team: charter.team, status: charter.status });
              setDirty(new Set());
              setEditing(true);
            }}
          >
            Edit sponsor, team and status
          </button>
        )}
      </>
    );
  }
  return (
    <form
      className="goal-form"
      onSubmit={(e) => {
        e.preventDefault();
        setSaving(true);
        setError(undefined);
        onSave(draft).then(
          () => {
            setSaving(false);
            setEditing(false);
          },
          (caught: unknown) => {
            setSaving(false);
            setError(toAppError(caught, 'saving the charter'));
          },
        );
      }}
    >
      <div className="form-grid">
        <label htmlFor={`${ids}-sponsor`}>Executive sponsor</label>
        <input
          id={`${ids}-sponsor`}
          value={draft.sponsor}
          onChange={(e) => {
            edit('sponsor', e.target.value);
          }}
        />
        <label htmlFor={`${ids}-team`}>Team (one person a line)</label>
        <textarea
          id={`${ids}-team`}
          rows={3}
          value={draft.team}
          onChange={(e) => {
            edit('team', e.target.value);
          }}
        />
        <label htmlFor={`${ids}-status`}>Status</label>
        <select
          id={`${ids}-status`}
          value={draft.status}
          onChange={(e) => {
            const status = (['active', 'completed', 'stopped'] as const).find((s) => s === e.target.value);
            if (status !== undefined) edit('status', status);
          }}
        >
          {(['active', 'completed', 'stopped'] as const).map((s) => (
            <option key={s} value={s}>
              {STATUS_WORDS[s]}
            </option>
          ))}
        </select>
      </div>
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
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setEditing(false);
            setError(undefined);
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
