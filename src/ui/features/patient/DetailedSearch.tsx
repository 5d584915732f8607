import { useId, useMemo, useRef, useState } from 'react';
import { cdcEnglishName, detailedOptions, type CodedQuestion } from '../../../domain/self-report-form';
import { useMessages } from './messages-context';
import { codeName, searchKey } from './self-report-names';
import type { MessageKey } from './self-report-messages';

const SHOWN = 8;

interface DetailedSearchProps {
  readonly question: CodedQuestion;
  readonly chosen: readonly string[];
  readonly onAdd: (code: string) => void;
  readonly example: MessageKey;
}

/**
 * Finds a detailed CDC group by name (in the page's language or English, accents ignored) and adds it. Results are
 * plain buttons and the count is announced, which works with every screen reader, unlike a custom combobox.
 */
export function DetailedSearch({ question, chosen, onAdd, example }: DetailedSearchProps) {
  const { messages, t } = useMessages();
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const index = useMemo(
    () =>
      detailedOptions(question).map((option) => {
        const name = codeName(messages, option.code);
        const category = codeName(messages, option.category);
        return {
          ...option,
          name,
          category,
          key: searchKey(`${name.text} ${cdcEnglishName(option.code)} ${option.code}`),
        };
      }),
    [question, messages],
  );
  const wanted = searchKey(query.trim());
  const matches =
    wanted.length === 0
      ? []
      : index
          .filter((o) => !chosen.includes(o.code) && o.key.includes(wanted))
          .sort((a, b) => Number(!a.key.startsWith(wanted)) - Number(!b.key.startsWith(wanted)));
  const status =
    wanted.length === 0
      ? ''
      : matches.length === 0
        ? t('matchesNone')
        : matches.length === 1
          ? t('matchesOne')
          : matches.length > SHOWN
            ? t('matchesFirst', { count: matches.length, shown: SHOWN })
            : t('matchesMany', { count: matches.length });
  return (
    <details className="sr-detailed-search">
      <summary>{t('detailedToggle')}</summary>
      <label htmlFor={`${id}-q`}>{t('detailedSearch')}</label>
      <p className="sr-hint" id={`${id}-hint`}>
        {t(example)}
      </p>
      <input
        ref={input}
        id={`${id}-q`}
        type="search"
        autoComplete="off"
        aria-describedby={`${id}-hint ${id}-status`}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setAnnouncement('');
        }}
      />
      <p className="sr-search-status" id={`${id}-status`} role="status">
        {announcement || status}
      </p>
      {matches.length > 0 && (
        <ul className="sr-results">
          {matches.slice(0, SHOWN).map((option) => (
            <li key={option.code}>
              <button
                type="button"
                className="sr-result"
                onClick={() => {
                  onAdd(option.code);
                  setQuery('');
                  setAnnouncement(t('added', { name: option.name.text }));
                  input.current?.focus();
                }}
              >
                <span className="sr-result-action">{t('add')}</span>{' '}
                <span lang={option.name.lang}>{option.name.text}</span>{' '}
                <span className="sr-result-category" lang={option.category.lang}>
                  ({option.category.text})
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
