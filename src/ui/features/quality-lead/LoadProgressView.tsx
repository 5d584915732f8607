import { POPULATION_PAGE_SIZE } from '../../../fhir/population-queries';
import type { LoadProgress, SearchProgress } from '../../../fhir/population-load';
import { count } from './format';

interface LoadProgressViewProps {
  readonly progress: LoadProgress | undefined;
  readonly calculating: boolean;
  readonly onCancel: () => void;
}

/** Pages expected for a search: from `Bundle.total` when the server gave it. */
function expectedPages(s: SearchProgress): number | undefined {
  if (s.state === 'done') return s.pages;
  return s.total === undefined ? undefined : Math.max(1, Math.ceil(s.total / POPULATION_PAGE_SIZE));
}

const STATE_WORDS: Readonly<Record<SearchProgress['state'], string>> = {
  waiting: 'waiting',
  loading: 'loading',
  retrying: 'server busy, retrying',
  done: 'done',
  failed: 'failed',
  skipped: 'could not be read',
};

/**
 * The progress of loading the population: a progress bar over the pages (known from each search's total), the
 * counts of pages, resources and patients, each search's state (including retries after 429/5xx), and Cancel.
 */
export function LoadProgressView({ progress, calculating, onCancel }: LoadProgressViewProps) {
  const searches = progress?.searches ?? [];
  const expected = searches.map(expectedPages);
  const known = expected.every((n) => n !== undefined) && searches.length > 0;
  const total = expected.reduce<number>((n, e) => n + (e ?? 1), 0);
  const done = progress?.pages ?? 0;
  return (
    <section className="card load-progress" aria-labelledby="load-title" data-testid="load-progress">
      <h2 id="load-title">{calculating ? 'Calculating the measures' : 'Loading the population'}</h2>
      <progress
        max={known ? total : undefined}
        value={known ? Math.min(done, total) : undefined}
        aria-label="Pages loaded"
      />
      <p role="status" aria-live="polite" data-testid="load-counts">
        {calculating
          ? `All ${count(progress?.pages ?? 0)} pages read; the measures are being calculated for ${count(progress?.patients ?? 0)} patients.`
          : `${count(done)}${known ? ` of ${count(total)}` : ''} pages, ${count(progress?.resources ?? 0)} resources, ${count(progress?.patients ?? 0)} patients read so far.`}
        {(progress?.retries ?? 0) > 0 &&
          ` ${count(progress?.retries ?? 0)} request(s) retried after the server asked to wait.`}
      </p>
      <ul className="search-states">
        {searches.map((s) => (
          <li key={s.search.path} data-state={s.state}>
            <span className="search-label">{s.search.label}</span>{' '}
            <span className="muted">
              {STATE_WORDS[s.state]}
              {s.state === 'retrying' && s.retryInMs !== undefined && ` in ${(s.retryInMs / 1000).toFixed(0)} s`}
              {s.pages > 0 && ` · ${count(s.resources)}${s.total === undefined ? '' : ` of ${count(s.total)}`}`}
            </span>
          </li>
        ))}
      </ul>
      {!calculating && (
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel loading
        </button>
      )}
    </section>
  );
}
