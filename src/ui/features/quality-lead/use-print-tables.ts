import { useEffect } from 'react';

/**
 * Opens every closed `<details>` (the tables under the charts) while the page prints, and closes them again after:
 * a printed report should carry the numbers, not only the charts.
 */
export function usePrintTables(): void {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = (): void => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('.quality-lead details:not([open])')];
      for (const d of opened) d.open = true;
    };
    const after = (): void => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}
