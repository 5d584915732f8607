import { useCallback, useState } from 'react';
import { LOCALES, messagesFor, type Messages } from './self-report-messages';

const STORAGE_KEY = 'equity-lens:patient-language';

function stored(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    // Storage can be blocked (private browsing); the choice then lasts for this page only.
    return undefined;
  }
}

/** The first of the browser's preferred languages that the form has, else English. */
function fromBrowser(): string {
  for (const tag of navigator.languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (LOCALES.some((m) => m.tag === primary)) return primary ?? 'en';
  }
  return 'en';
}

/** The form's language: the patient's remembered choice, else the browser's; `choose` changes and remembers it. */
export function useLocale(): [Messages, (tag: string) => void] {
  const [tag, setTag] = useState(() => stored() ?? fromBrowser());
  const choose = useCallback((next: string) => {
    setTag(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // See stored().
    }
  }, []);
  return [messagesFor(tag), choose];
}
