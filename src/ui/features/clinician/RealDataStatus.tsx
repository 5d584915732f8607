import { useId, useState } from 'react';
import { formatDay } from './format-day';
import { needsSelfReport } from './real-data-status';
import type { RealFieldStatus, RealState } from './real-data-status';

const STATE_LABEL: Readonly<Record<Exclude<RealState, 'recorded'>, string>> = {
  missing: 'Missing',
  unknown: 'Unknown',
  declined: 'Declined',
};

interface RealDataStatusProps {
  readonly fields: readonly RealFieldStatus[];
  /** The patient way in (standalone launch URL) to share with the patient. */
  readonly inviteUrl: string;
  /** Shown when the token may not read Provenance or responses, so self-report status is incomplete. */
  readonly selfReportUnknown: boolean;
}

/** REAL data (race, ethnicity, language, interpreter) as recorded, flagged, with an invitation to self-report. */
export function RealDataStatus({ fields, inviteUrl, selfReportUnknown }: RealDataStatusProps) {
  return (
    <section className="card" aria-labelledby="real-heading" data-testid="real-status">
      <h2 id="real-heading">Race, ethnicity and language</h2>
      <table className="real-table">
        <caption className="muted">As recorded, and whether the patient reported it themselves</caption>
        <thead>
          <tr>
            <th scope="col">Detail</th>
            <th scope="col">Recorded</th>
            <th scope="col">Self-reported</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.id} data-testid={`real-${field.id}`} data-state={field.state}>
              <th scope="row">{field.label}</th>
              <td>
                {field.state === 'recorded' ? (
                  field.value
                ) : (
                  <span className="status-chip" data-status={field.state}>
                    <span aria-hidden="true">! </span>
                    {STATE_LABEL[field.state]}
                  </span>
                )}
              </td>
              <td data-testid={`self-${field.id}`}>
                {field.selfReported === undefined ? 'No' : `Yes, ${formatDay(field.selfReported)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {selfReportUnknown && (
        <p className="hint">
          The EHR did not let Equity Lens read the record’s history, so self-reports made elsewhere may not show.
        </p>
      )}
      {needsSelfReport(fields) && <Invite url={inviteUrl} />}
    </section>
  );
}

function Invite({ url }: { readonly url: string }) {
  const inputId = useId();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div className="invite">
      <h3>Invite the patient to tell us themselves</h3>
      <p>
        Patients’ own answers are the most accurate. Share this link (or give it to the front desk to text or print);
        the patient signs in to their portal and answers in English or Spanish. Their answers never decide their care.
      </p>
      <div className="invite-row">
        <label htmlFor={inputId} className="visually-hidden">
          Link for the patient
        </label>
        <input
          id={inputId}
          type="url"
          readOnly
          value={url}
          data-testid="invite-link"
          onFocus={(e) => {
            e.target.select();
          }}
        />
        <button
          type="button"
          className="secondary"
          onClick={() => {
            void copyText(url).then(setCopied);
          }}
        >
          Copy link
        </button>
      </div>
      <p role="status" className="hint">
        {copied === 'copied'
          ? 'Link copied.'
          : copied === 'failed'
            ? 'Could not copy: select the link and copy it.'
            : ''}
      </p>
    </div>
  );
}

/** Copies to the clipboard; 'failed' when the browser refuses (no permission, or no clipboard at all). */
async function copyText(text: string): Promise<'copied' | 'failed'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'failed';
  }
}
