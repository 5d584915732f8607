import { useId, useState } from 'react';
import type { CodedAnswer } from '../../../domain/self-report-answers';
import { categoryOf, normalizeCodes, type CodedQuestion } from '../../../domain/self-report-form';
import { codedAnswerText } from './answer-text';
import { DetailedSearch } from './DetailedSearch';
import { useMessages } from './messages-context';
import { RecordNow } from './RecordNow';
import { codeName } from './self-report-names';
import type { MessageKey } from './self-report-messages';

interface CodedQuestionFieldProps {
  readonly question: CodedQuestion;
  readonly answer: CodedAnswer | undefined;
  /** What the record says now. */
  readonly record: CodedAnswer | undefined;
  readonly onChange: (answer: CodedAnswer | undefined) => void;
}

function legendOf(question: CodedQuestion): { legend: MessageKey; example: MessageKey } {
  if (question.fields.length > 1) return { legend: 'raceEthnicityLegend', example: 'detailedExampleCombined' };
  return question.id === 'race'
    ? { legend: 'raceLegend', example: 'detailedExampleRace' }
    : { legend: 'ethnicityLegend', example: 'detailedExampleEthnicity' };
}

/**
 * A race or ethnicity question: the categories (tick all that apply, or pick one), detailed groups found by
 * search, and "I prefer not to answer" / "I don't know", which stand alone (US Core allows a null flavor only as
 * the sole answer), so choosing one clears the others and the other way round.
 */
export function CodedQuestionField({ question, answer, record, onChange }: CodedQuestionFieldProps) {
  const { messages, t } = useMessages();
  const id = useId();
  const [announcement, setAnnouncement] = useState('');
  const { legend, example } = legendOf(question);
  const codes = answer?.kind === 'codes' ? answer.codes : [];
  const categories = question.scheme.categories;
  const detailed = codes.filter((code) => !categories.includes(code));
  const set = (next: readonly string[]): void => {
    const normalized = normalizeCodes(question, next);
    onChange(normalized.length > 0 ? { kind: 'codes', codes: normalized } : undefined);
  };
  const inputId = (code: string): string => `${id}-${code}`;
  const type = question.selectMany ? 'checkbox' : 'radio';

  const toggleCategory = (category: string, checked: boolean): void => {
    if (!question.selectMany) {
      set([category, ...detailed.filter((code) => categoryOf(question, code) === category)]);
      return;
    }
    set(checked ? [...codes, category] : codes.filter((code) => (categoryOf(question, code) ?? code) !== category));
  };
  const add = (code: string): void => {
    const category = categoryOf(question, code);
    set(question.selectMany ? [...codes, code] : [...codes.filter((c) => categoryOf(question, c) === category), code]);
  };
  const remove = (code: string): void => {
    set(codes.filter((c) => c !== code));
    setAnnouncement(t('removed', { name: codeName(messages, code).text }));
    document.getElementById(inputId(categoryOf(question, code) ?? ''))?.focus();
  };
  const nullFlavor = (kind: 'ASKU' | 'UNK', label: MessageKey) => (
    <label className="sr-choice" htmlFor={inputId(kind)}>
      <input
        id={inputId(kind)}
        type={type}
        name={question.selectMany ? undefined : `${id}-choice`}
        checked={answer?.kind === kind}
        onChange={(event) => {
          onChange(event.target.checked ? { kind } : undefined);
        }}
      />
      <span>{t(label)}</span>
    </label>
  );

  return (
    <fieldset className="sr-question" aria-describedby={`${id}-hint ${id}-record`}>
      <legend>
        <h2>{t(legend)}</h2>
      </legend>
      <p className="sr-hint" id={`${id}-hint`}>
        {t(question.selectMany ? 'chooseAll' : 'chooseOne')}
      </p>
      <RecordNow id={`${id}-record`} text={codedAnswerText(messages, record)} />
      <div className="sr-choices">
        {categories.map((category) => {
          const name = codeName(messages, category);
          return (
            <label key={category} className="sr-choice" htmlFor={inputId(category)}>
              <input
                id={inputId(category)}
                type={type}
                name={question.selectMany ? undefined : `${id}-choice`}
                checked={codes.includes(category)}
                onChange={(event) => {
                  toggleCategory(category, event.target.checked);
                }}
              />
              <span lang={name.lang}>{name.text}</span>
            </label>
          );
        })}
      </div>
      {detailed.length > 0 && (
        <div className="sr-chosen">
          <p id={`${id}-chosen`} className="sr-chosen-title">
            {t('chosenGroups')}
          </p>
          <ul aria-labelledby={`${id}-chosen`}>
            {detailed.map((code) => {
              const name = codeName(messages, code);
              const category = codeName(messages, categoryOf(question, code) ?? code);
              return (
                <li key={code}>
                  <span lang={name.lang}>{name.text}</span>{' '}
                  <span className="sr-result-category" lang={category.lang}>
                    ({category.text})
                  </span>
                  <button
                    type="button"
                    className="sr-secondary"
                    aria-label={`${t('remove')} ${name.text}`}
                    onClick={() => {
                      remove(code);
                    }}
                  >
                    {t('remove')}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <p className="sr-visually-hidden" role="status">
        {announcement}
      </p>
      <DetailedSearch question={question} chosen={codes} onAdd={add} example={example} />
      <p className="sr-or" aria-hidden="true">
        {t('or')}
      </p>
      <div className="sr-choices">
        {nullFlavor('ASKU', 'preferNot')}
        {nullFlavor('UNK', 'dontKnow')}
      </div>
    </fieldset>
  );
}
