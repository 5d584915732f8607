import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../fhir/app-error';
import { toAppError } from '../../../fhir/app-error';
import type { LoadProgress } from '../../../fhir/population-load';
import { populationPlan } from '../../../fhir/population-queries';
import type { Session } from '../../../fhir/session';
import { monthEnd } from '../../../measures/goal-time';
import { trendWindows } from '../../../measures/trend-series';
import { TrendClient } from './trend-client';

/** How many months the run charts look back. */
export const TREND_MONTHS = 24;

/** Where loading the dated population stands; `ready` holds the worker that answers trend questions. */
export type TrendPopulationState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly progress: LoadProgress | undefined }
  | { readonly status: 'failed'; readonly error: AppError }
  | {
      readonly status: 'ready';
      readonly trend: TrendClient;
      readonly today: string;
      readonly utcOffsetMinutes: number;
    };

/** Makes a trend client; tests give one on an in-process session. */
export type TrendClientFactory = () => TrendClient;

const createTrendClient: TrendClientFactory = () => TrendClient.create();

/**
 * Has a trend worker load the clinic's dated data once for the goals page (every patient and the clinical resources
 * the measures read, far enough back for 24 rolling twelve-month windows) and keep it, so every charter's trend and
 * snapshots are computed without loading again. The worker reads the FHIR server itself: the page's thread never
 * parses the population. Starts when `enabled` first becomes true.
 */
export function useTrendPopulation(
  session: Session,
  enabled: boolean,
  makeClient: TrendClientFactory = createTrendClient,
): { readonly state: TrendPopulationState; readonly reload: () => void } {
  const [state, setState] = useState<TrendPopulationState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const [wanted, setWanted] = useState(enabled);
  if (enabled && !wanted) setWanted(true);
  // The factory is read when a load starts; a new function on each render must not restart the load.
  const factory = useRef(makeClient);
  factory.current = makeClient;
  useEffect(() => {
    if (!wanted) return;
    const abort = new AbortController();
    const client = factory.current();
    const today = new Date().toISOString().slice(0, 10);
    const first = trendWindows(today, TREND_MONTHS)[0]?.period.start ?? today;
    const plan = populationPlan({ start: first, end: monthEnd(today) }, session.grantedScopes);
    const searches = plan.searches.filter((s) => s.role === 'patients' || s.role === 'clinical');
    const token = session.gateway.currentAccessToken();
    setState({ status: 'loading', progress: undefined });
    client
      .load(
        { baseUrl: session.gateway.baseUrl, ...(token === undefined ? {} : { accessToken: token }), searches },
        (progress) => {
          if (!abort.signal.aborted) setState({ status: 'loading', progress });
        },
      )
      .then(
        () => {
          if (!abort.signal.aborted)
            setState({ status: 'ready', trend: client, today, utcOffsetMinutes: -new Date().getTimezoneOffset() });
        },
        (error: unknown) => {
          if (!abort.signal.aborted)
            setState({ status: 'failed', error: toAppError(error, 'loading the clinic’s data') });
        },
      );
    return () => {
      abort.abort();
      client.dispose();
    };
  }, [session, wanted, attempt]);
  return {
    state,
    reload: () => {
      setAttempt((n) => n + 1);
    },
  };
}
