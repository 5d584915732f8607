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
    <section className="card sr-notice-panel sr-conflict" aria-labelledby="conflict-title" data-testid="conflict">
      <h2 id="conflict-title" ref={heading} tabIndex={-1}>
        {t('conflictTitle')}
      </h2>
      <p>{t('conflictBody')}</p>
      {changed.map((key) => (
        <div key={key} className="sr-conflict-item">
          <h3>{t(questionKey(key, form))}</h3>
          <dl>
            <div>
              <dt>{t('conflictBefore')}</dt>
              <dd>{text(key, before)}</dd>
            </div>
            <div>
              <dt>{t('conflictNow')}</dt>
              <dd data-testid={`conflict-now-${key}`}>{text(key, now)}</dd>
            </div>
            <div>
              <dt>{t('conflictYours')}</dt>
              <dd>{text(key, mine)}</dd>
            </div>
          </dl>
        </div>
      ))}
      <div className="sr-actions">
        <button type="button" onClick={onKeepMine}>
          {t('conflictKeepMine')}
        </button>
        <button type="button" className="sr-secondary" onClick={onReview}>
          {t('conflictReview')}
        </button>
      </div>
    </section>
  );
}
