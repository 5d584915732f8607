import { useCallback, useEffect, useState } from 'react';

const PREFIX = '#charter=';
const ID = /^[A-Za-z0-9\-.]{1,64}$/;

function read(): string | undefined {
  const hash = window.location.hash;
  if (!hash.startsWith(PREFIX)) return undefined;
  const id = decodeURIComponent(hash.slice(PREFIX.length));
  return ID.test(id) ? id : undefined;
}

/** Puts a charter in the address, for the Goals page to open when it is shown next. */
export function openCharterLater(id: string): void {
  const url = `${window.location.pathname}${window.location.search}${PREFIX}${encodeURIComponent(id)}`;
  window.history.replaceState(window.history.state, '', url);
}

/**
 * The open charter's id, kept in the address's fragment (`#charter=<id>`) so that a reload or a shared link opens
 * the same charter; the panels keep their own state in the query string and leave the fragment alone.
 */
export function useCharterHash(): readonly [string | undefined, (id: string | undefined) => void] {
  const [id, setId] = useState(read);
  useEffect(() => {
    const onChange = (): void => {
      setId(read());
    };
    window.addEventListener('hashchange', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
    };
  }, []);
  const open = useCallback((next: string | undefined) => {
    const url = `${window.location.pathname}${window.location.search}${next === undefined ? '' : `${PREFIX}${encodeURIComponent(next)}`}`;
    window.history.replaceState(window.history.state, '', url);
    setId(next);
  }, []);
  return [id, open] as const;
}
