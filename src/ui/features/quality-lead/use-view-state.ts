import { useCallback, useEffect, useState } from 'react';
import { formatPin, formatView, parsePin, parseView, type ViewState } from './view-state';

/** Where the pinned view is remembered between launches on this computer (no patient data: a measure and a group). */
const PIN_KEY = 'equity-lens:pinned-view';

function readStoredPin(): string | null {
  try {
    return localStorage.getItem(PIN_KEY);
  } catch {
    return null; // storage disabled: the pin lives in the URL only
  }
}

function storePin(view: ViewState): void {
  try {
    if (view.pin === undefined) localStorage.removeItem(PIN_KEY);
    else localStorage.setItem(PIN_KEY, formatPin(view.pin));
  } catch {
    // storage disabled or full: the pin still lives in the URL
  }
}

/**
 * The view state, read from the page's query string (falling back to the pin remembered on this computer) and
 * written back with `history.replaceState` on every change, so the address is always a link to what is shown. The
 * SMART launch state lives in sessionStorage, so a reload of that address opens the same view.
 */
export function useViewState(thisYear: number): readonly [ViewState, (change: (view: ViewState) => ViewState) => void] {
  const [view, setView] = useState<ViewState>(() => {
    const parsed = parseView(window.location.search, thisYear);
    return parsed.pin === undefined ? { ...parsed, pin: parsePin(readStoredPin()) } : parsed;
  });
  useEffect(() => {
    const query = formatView(view, thisYear);
    const url = `${window.location.pathname}${query === '' ? '' : `?${query}`}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', url);
    storePin(view);
  }, [view, thisYear]);
  const update = useCallback((change: (view: ViewState) => ViewState) => {
    setView(change);
  }, []);
  return [view, update] as const;
}
