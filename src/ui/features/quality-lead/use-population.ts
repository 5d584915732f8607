import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../fhir/app-error';
import type { LoadProgress } from '../../../fhir/population-load';
import type { Session } from '../../../fhir/session';
import type { Period } from '../../../measures/types';
import { EngineClient } from '../../../worker/engine-client';
import { populationError, runPopulation, type PopulationData } from './population-run';

/** Where loading the population stands. A failed or cancelled load never carries numbers. */
export type PopulationState =
  | { readonly status: 'loading'; readonly progress: LoadProgress | undefined; readonly calculating: boolean }
  | { readonly status: 'failed'; readonly error: AppError; readonly progress: LoadProgress | undefined }
  | { readonly status: 'cancelled'; readonly progress: LoadProgress | undefined }
  | { readonly status: 'ready'; readonly data: PopulationData };

/** Progress updates are shown at most this often: a page of 1000 resources arrives every few milliseconds. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Loads the population for `period` and evaluates it in a worker owned by the component (the worker reads the FHIR
 * server itself: see `runPopulation`); `cancel` stops loading,
 * `reload` starts again. A new period starts a new load (the old one is cancelled).
 */
export function usePopulation(
  session: Session,
  period: Period,
): { readonly state: PopulationState; readonly cancel: () => void; readonly reload: () => void } {
  const [state, setState] = useState<PopulationState>({ status: 'loading', progress: undefined, calculating: false });
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | undefined>(undefined);
  const { start, end } = period;

  useEffect(() => {
    const abort = new AbortController();
    controller.current = abort;
    const engine = EngineClient.create();
    // Set when the effect is cleaned up (new period, unmount): its late results must not overwrite the next load's.
    let disposed = false;
    let last = 0;
    let latest: LoadProgress | undefined;
    setState({ status: 'loading', progress: undefined, calculating: false });
    runPopulation(
      session,
      engine,
      { start, end },
      {
        signal: abort.signal,
        onProgress: (progress) => {
          latest = progress;
          if (disposed) return;
          const now = performance.now();
          if (now - last < PROGRESS_INTERVAL_MS) return;
          last = now;
          setState({ status: 'loading', progress, calculating: false });
        },
        onCalculating: () => {
          if (!disposed) setState({ status: 'loading', progress: latest, calculating: true });
        },
      },
    ).then(
      (data) => {
        if (!disposed && !abort.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (disposed) return;
        const appError = populationError(error);
        if (appError.kind === 'cancelled') setState({ status: 'cancelled', progress: latest });
        else setState({ status: 'failed', error: appError, progress: latest });
      },
    );
    return () => {
      disposed = true;
      abort.abort();
      engine.dispose();
    };
  }, [session, start, end, attempt]);

  return {
    state,
    cancel: () => {
      controller.current?.abort();
    },
    reload: () => {
      setAttempt((n) => n + 1);
    },
  };
}
