import { useEffect, useRef } from 'react';
import type { AnswerKey, SelfReportAnswers } from '../../../domain/self-report-answers';
import type { SelfReportForm } from '../../../domain/self-report-form';
import { answerText, questionKey } from './answer-text';
import { useMessages } from './messages-context';

interface ConflictPanelProps {
  readonly form: SelfReportForm;
  readonly changed: readonly AnswerKey[];
  /** The record when the patient started, the record now, and the patient's answers. */
  readonly before: SelfReportAnswers;
  readonly now: SelfReportAnswers;
  readonly mine: SelfReportAnswers;
  readonly onKeepMine: () => void;
  readonly onReview: () => void;
}

/**
 * Someone changed the record while the patient answered (HTTP 412): show each changed answer — then, now in the
 * record, and the patient's — and let the patient decide. Nothing is overwritten without that choice.
 */
export function ConflictPanel({ form, changed, before, now, mine, onKeepMine, onReview }: ConflictPanelProps) {
  const { messages, t } = useMessages();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const text = (key: AnswerKey, answers: SelfReportAnswers): string =>
    answerText(messages, key, answers) ?? t('notAnswered');
  return (
    <section className="card notice-panel conflict" aria-labelledby="conflict-title" data-testid="conflict">
      <h2 id="conflict-title" ref={heading} tabIndex={-1}>
        {t('conflictTitle')}
      </h2>
      <p>{t('conflictBody')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('conflictQuestion')}</th>
            <th scope="col">{t('conflictBefore')}</th>
            <th scope="col">{t('conflictNow')}</th>
            <th scope="col">{t('conflictYours')}</th>
          </tr>
        </thead>
        <tbody>
          {changed.map((key) => (
            <tr key={key}>
              <th scope="row">{t(questionKey(key, form))}</th>
              <td>{text(key, before)}</td>
              <td data-testid={`conflict-now-${key}`}>{text(key, now)}</td>
              <td>{text(key, mine)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={onKeepMine}>
          {t('conflictKeepMine')}
        </button>
        <button type="button" className="secondary" onClick={onReview}>
          {t('conflictReview')}
        </button>
      </div>
    </section>
  );
}
