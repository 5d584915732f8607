import { useEffect, useState } from 'react';
import { toAppError } from '../fhir/app-error';
import type { AppError } from '../fhir/app-error';

export type AsyncState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: AppError }
  | { readonly status: 'ready'; readonly value: T };

/**
 * Runs `load` when `key` changes, cancels it when the component goes away, and keeps every failure as an AppError
 * for the view to show. `retry` runs it again.
 */
export function useAsync<T>(
  key: string,
  what: string,
  load: (signal: AbortSignal) => Promise<T>,
): [AsyncState<T>, () => void] {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setState({ status: 'ready', value });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: toAppError(error, what) });
      },
    );
    return () => {
      controller.abort();
    };
    // `load` is deliberately left out: callers pass a new closure each render, and `key` names what it loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);
  return [
    state,
    () => {
      setAttempt((n) => n + 1);
    },
  ];
}
