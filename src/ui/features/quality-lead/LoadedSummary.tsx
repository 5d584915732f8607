import { count } from './format';
import type { PopulationData } from './population-run';

/** What the numbers rest on: how much was read, when, what was retried, and what could not be read. */
export function LoadedSummary({ data }: { readonly data: PopulationData }) {
  const { progress, skipped, plan } = data;
  const time = new Date(data.loadedAt).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
  const missing = [
    ...plan.notPermitted.map((t) => `${t.label} (not permitted)`),
    ...skipped.map((s) => `${s.search.label} (${s.error.title.toLowerCase()})`),
  ];
  const missingForMeasures = plan.notPermitted.filter((t) => t.required);
  return (
    <>
      {missingForMeasures.length > 0 && (
        <p className="notice" role="note" data-testid="not-permitted">
          The EHR did not let Equity Lens read {missingForMeasures.map((t) => t.label).join(', ')}. The measures use
          them (for example to exclude patients in hospice), so the rates below may differ from your official ones.
        </p>
      )}
      <p className="hint loaded-summary" data-testid="loaded-summary">
        Measurement period {data.period.start} to {data.period.end}:{' '}
        <span data-testid="population-count">{count(data.patients)}</span> patients,{' '}
        <span data-testid="loaded-resources">{count(progress.resources)}</span> resources in {count(progress.pages)}{' '}
        pages, read at {time} in {(data.elapsedMs / 1000).toFixed(1)} s
        {progress.retries > 0 && (
          <>
            {' '}
            (<span data-testid="load-retries">{count(progress.retries)}</span> request
            {progress.retries === 1 ? '' : 's'} retried when the server asked to wait)
          </>
        )}
        .{missing.length > 0 && ` Not read: ${missing.join(', ')}.`}
      </p>
    </>
  );
}
