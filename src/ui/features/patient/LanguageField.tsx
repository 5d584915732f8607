import { useId, useMemo, useRef, useState } from 'react';
import { languageOption, SELF_REPORT_LANGUAGES, type LanguageOption } from '../../../domain/self-report-languages';
import { languageText } from './answer-text';
import { useMessages } from './messages-context';
import { RecordNow } from './RecordNow';
import { languageName, searchKey } from './self-report-names';

interface LanguageFieldProps {
  /** A BCP-47 tag. */
  readonly answer: string | undefined;
  readonly record: string | undefined;
  readonly onChange: (tag: string) => void;
}

const SHOWN = 8;

/**
 * Preferred language: the common languages as direct choices, each also named in itself so a patient who cannot
 * read the page's language can still find theirs; any other by search. A recorded tag such as `es-MX` shows as
 * Spanish and is kept as it is unless the patient picks another language.
 */
export function LanguageField({ answer, record, onChange }: LanguageFieldProps) {
  const { messages, t } = useMessages();
  const id = useId();
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const selected = answer === undefined ? undefined : languageOption(answer);
  const choices: LanguageOption[] = SELF_REPORT_LANGUAGES.filter((o) => o.common === true);
  if (selected !== undefined && !choices.includes(selected)) choices.push(selected);
  const index = useMemo(
    () =>
      SELF_REPORT_LANGUAGES.map((option) => ({
        option,
        key: searchKey(`${languageName(messages, option)} ${option.name} ${option.autonym} ${option.tag}`),
      })),
    [messages],
  );
  const wanted = searchKey(query.trim());
  const matches = wanted.length === 0 ? [] : index.filter((entry) => entry.key.includes(wanted));
  const status =
    wanted.length === 0
      ? ''
      : matches.length === 0
        ? t('languagesNone')
        : t('languagesMany', { count: matches.length });

  return (
    <fieldset className="sr-question" aria-describedby={`${id}-record`}>
      <legend>
        <h2>{t('languageLegend')}</h2>
      </legend>
      <RecordNow id={`${id}-record`} text={languageText(messages, record)} />
      <div className="sr-choices sr-columns">
        {choices.map((option) => {
          const name = languageName(messages, option);
          return (
            <label key={option.tag} className="sr-choice" htmlFor={`${id}-${option.tag}`}>
              <input
                id={`${id}-${option.tag}`}
                type="radio"
                name={`${id}-language`}
                checked={selected === option}
                onChange={() => {
                  onChange(option.tag);
                }}
              />
              <span>
                {name}
                {option.autonym !== name && (
                  <>
                    {' '}
                    <span className="sr-autonym" lang={option.tag}>
                      {option.autonym}
                    </span>
                  </>
                )}
              </span>
            </label>
          );
        })}
      </div>
      <details className="sr-detailed-search">
        <summary>{t('languageOther')}</summary>
        <label htmlFor={`${id}-q`}>{t('languageSearch')}</label>
        <p className="sr-hint" id={`${id}-hint`}>
          {t('languageExample')}
        </p>
        <input
          ref={search}
          id={`${id}-q`}
          type="search"
          autoComplete="off"
          aria-describedby={`${id}-hint ${id}-status`}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
        />
        <p className="sr-search-status" id={`${id}-status`} role="status">
          {status}
        </p>
        {matches.length > 0 && (
          <ul className="sr-results">
            {matches.slice(0, SHOWN).map(({ option }) => {
              const name = languageName(messages, option);
              return (
                <li key={option.tag}>
                  <button
                    type="button"
                    className="sr-result"
                    onClick={() => {
                      onChange(option.tag);
                      setQuery('');
                      document.getElementById(`${id}-${option.tag}`)?.focus();
                    }}
                  >
                    <span className="sr-result-action">{t('choose')}</span> {name}
                    {option.autonym !== name && (
                      <>
                        {' '}
                        <span className="sr-autonym" lang={option.tag}>
                          {option.autonym}
                        </span>
                      </>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </details>
    </fieldset>
  );
}
