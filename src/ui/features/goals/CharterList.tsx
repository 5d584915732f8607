import { useId, useState } from 'react';
import type { AppError } from '../../../fhir/app-error';
import { AppError as AppErrorClass, toAppError } from '../../../fhir/app-error';
import { CharterImportError, readCharterBundle } from '../../../fhir/charter-bundle';
import { importCharter } from '../../../fhir/charter-import';
import { listCharters } from '../../../fhir/charter-store';
import type { Session } from '../../../fhir/session';
import { groupPhrase } from '../../../measures/goal-sentence';
import { longDay } from '../../../measures/goal-time';
import { MEASURES } from '../../../measures/measure-catalogue';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../use-async';
import { canWriteCharters } from './charter-permissions';

interface CharterListProps {
  readonly session: Session;
  readonly onOpen: (id: string) => void;
}

const STATUS = { active: 'Active', completed: 'Completed', stopped: 'Stopped' } as const;

/** Why a file could not be imported, as the AppError the page shows. */
function importError(error: unknown): AppError {
  if (error instanceof CharterImportError || error instanceof SyntaxError) {
    return new AppErrorClass({
      kind: 'invalid-request',
      title: 'This file cannot be imported',
      detail: error instanceof SyntaxError ? 'The file is not JSON.' : error.message,
      action: 'Choose a charter exported from Equity Lens (a FHIR Bundle, .json).',
    });
  }
  return toAppError(error, 'importing the charter');
}

/** The charters stored on the FHIR server, and importing one from a FHIR Bundle file. */
export function CharterList({ session, onOpen }: CharterListProps) {
  const [attempt, setAttempt] = useState(0);
  const [state, retry] = useAsync(`charters:${String(attempt)}`, 'listing the improvement charters', (signal) =>
    listCharters(session.gateway, { signal }),
  );
  const [importing, setImporting] = useState<'idle' | 'busy' | AppError>('idle');
  const fileId = useId();
  const canWrite = canWriteCharters(session.grantedScopes);
  return (
    <section className="card goals-page" aria-labelledby="charters-title" data-testid="charters-page">
      <h2 id="charters-title">Improvement charters</h2>
      <p className="hint">
        A charter holds two SMART goals set from a gap on the Disparities panel (“Set a goal”), its frozen baseline, and
        the team’s PDSA cycles. Charters are stored in the EHR, so the whole team sees the same ones.
      </p>
      {state.status === 'loading' && <Loading label="Reading the charters" />}
      {state.status === 'error' && <ErrorPanel error={state.error} onRetry={retry} />}
      {state.status === 'ready' &&
        (state.value.length === 0 ? (
          <p data-testid="no-charters">
            No charters yet. Open the Disparities panel, find a group that fares worse, and choose “Set a goal”.
          </p>
        ) : (
          <table className="charter-list" data-testid="charter-list">
            <caption>Charters on this EHR ({state.value.length})</caption>
            <thead>
              <tr>
                <th scope="col">Charter</th>
                <th scope="col">Measure</th>
                <th scope="col">Groups compared</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {state.value.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        onOpen(c.id);
                      }}
                    >
                      {c.title}
                    </button>
                  </th>
                  <td>{MEASURES[c.charter.spec.measure].title}</td>
                  <td>
                    {groupPhrase(c.charter.spec.focus.label)} vs {groupPhrase(c.charter.spec.reference.label)}
                  </td>
                  <td>{longDay(c.charter.goals.deadline)}</td>
                  <td>{STATUS[c.charter.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {canWrite && (
        <div className="import-row">
          <label htmlFor={fileId}>Import a charter (a FHIR Bundle exported from Equity Lens)</label>
          <input
            id={fileId}
            type="file"
            accept=".json,application/json,application/fhir+json"
            disabled={importing === 'busy'}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file === undefined) return;
              setImporting('busy');
              file
                .text()
                .then((text) =>
                  importCharter(session.gateway, readCharterBundle(JSON.parse(text)), { fhirUser: session.fhirUser }),
                )
                .then(
                  (stored) => {
                    setImporting('idle');
                    setAttempt((a) => a + 1);
                    onOpen(stored.id);
                  },
                  (error: unknown) => {
                    setImporting(importError(error));
                  },
                );
            }}
          />
          {importing === 'busy' && <Loading label="Importing the charter" />}
          {importing instanceof AppErrorClass && <ErrorPanel error={importing} />}
        </div>
      )}
    </section>
  );
}
