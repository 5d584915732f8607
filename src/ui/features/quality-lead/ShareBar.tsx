import { useId, useState } from 'react';
import { downloadText, fileName } from './download';
import { viewMeasureReport } from './measure-report-file';
import type { PopulationData } from './population-run';
import { parseView, type ViewState } from './view-state';

interface ShareBarProps {
  readonly data: PopulationData;
  readonly view: ViewState;
  readonly update: (change: (view: ViewState) => ViewState) => void;
  readonly thisYear: number;
}

/**
 * Sharing a view: the link to it (the address holds the whole view), a print layout for team meetings (the
 * browser's print to PDF), the MeasureReport as JSON, and opening a view a colleague shared.
 */
export function ShareBar({ data, view, update, thisYear }: ShareBarProps) {
  const id = useId();
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const [shared, setShared] = useState('');
  const [sharedError, setSharedError] = useState<string | undefined>(undefined);
  return (
    <section className="share" aria-label="Share this view">
      <button
        type="button"
        className="secondary"
        onClick={() => {
          navigator.clipboard.writeText(window.location.href).then(
            () => {
              setCopied('Link copied. Colleagues open Equity Lens from the EHR and paste it below.');
            },
            () => {
              setCopied(`Copy this link: ${window.location.href}`);
            },
          );
        }}
      >
        Copy link to this view
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          window.print();
        }}
      >
        Print for a team meeting
      </button>
      <button
        type="button"
        className="secondary"
        data-testid="download-measure-report"
        onClick={() => {
          const report = viewMeasureReport(data, view);
          downloadText(
            fileName(['measure-report', view.measure, view.year], 'json'),
            `${JSON.stringify(report, null, 2)}\n`,
            'application/fhir+json',
          );
        }}
      >
        Download MeasureReport (FHIR JSON)
      </button>
      <form
        className="open-shared"
        onSubmit={(event) => {
          event.preventDefault();
          let search: string;
          try {
            search = new URL(shared, window.location.href).search;
          } catch {
            setSharedError('That is not a link. Paste the whole address a colleague shared.');
            return;
          }
          if (search === '') {
            setSharedError('That link holds no view. Paste the whole address a colleague shared.');
            return;
          }
          setSharedError(undefined);
          const opened = parseView(search, thisYear);
          // The pin is personal: opening a colleague's view keeps your own.
          update((v) => ({ ...opened, pin: v.pin }));
        }}
      >
        <span className="field">
          <label htmlFor={`${id}-shared`}>Open a view a colleague shared</label>
          <input
            id={`${id}-shared`}
            type="url"
            value={shared}
            placeholder="Paste the link"
            aria-describedby={sharedError === undefined ? undefined : `${id}-error`}
            onChange={(e) => {
              setShared(e.target.value);
            }}
          />
        </span>
        <button type="submit" className="secondary">
          Open
        </button>
        {sharedError !== undefined && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {sharedError}
          </p>
        )}
      </form>
      {copied !== undefined && (
        <p role="status" className="hint">
          {copied}
        </p>
      )}
    </section>
  );
}
